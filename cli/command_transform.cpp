#include "arguments.h"
#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/crs.h"

#include <iomanip>
#include <ostream>
#include <string>

namespace mapaudit::cli {
namespace {

double coordinate(const std::string& text) {
    if (const auto v = parseNumber(text))
        return *v;
    throw InputError(msg("'{}' is not a number — give coordinates as X Y pairs", text));
}

} // namespace

int commandTransform(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(args, {{}, {"--from", "--to"}}, "transform");
    const auto from = a.value("--from");
    const auto to = a.value("--to");
    if (!from || !to)
        throw InputError(
            msg("both --from and --to are needed, e.g. --from EPSG:4527 --to EPSG:4490"));
    const auto& values = a.positional();
    if (values.empty() || values.size() % 2 != 0)
        throw InputError(msg("give coordinates as X Y pairs (got {} numbers)", values.size()));
    const CrsInfo target = identifyCrs(*to);
    const int precision = target.kind == CrsKind::Geographic ? 9 : 4;
    const CrsTransform transform(*from, *to);
    for (std::size_t i = 0; i < values.size(); i += 2) {
        const auto p = transform.forward(coordinate(values[i]), coordinate(values[i + 1]));
        out << std::fixed << std::setprecision(precision) << p.x << " " << p.y << "\n";
    }
    return kExitOk;
}

} // namespace mapaudit::cli
