#include "arguments.h"
#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/imagery/basemap.h"

#include <ostream>

namespace mapaudit::cli {

int commandBasemap(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(
        args, {{}, {"--source", "--xyz", "--tianditu", "--key", "--area", "--max-zoom", "--out"}},
        "basemap");
    const auto& pos = a.positional();
    if (pos.size() != 1 || pos[0] != "export")
        throw InputError(msg("use: basemap export (--source FILE | --xyz URL | --tianditu LAYER "
                             "--key K) --area W,S,E,N --max-zoom N --out FILE.mbtiles|gpkg"));
    const auto zoomText = a.value("--max-zoom").value_or("");
    const auto zoom = parseNumber(zoomText);
    if (!zoom || *zoom != static_cast<int>(*zoom))
        throw InputError(msg("--max-zoom N is needed, e.g. --max-zoom 12"));
    std::string source;
    if (const auto s = a.value("--source"))
        source = *s;
    else if (const auto x = a.value("--xyz"))
        source = imagery::xyzSource(*x, static_cast<int>(*zoom));
    else if (const auto t = a.value("--tianditu"))
        source = imagery::tiandituSource(*t, a.value("--key").value_or(""));
    else
        throw InputError(msg("say what to package: --source FILE, --xyz URL or --tianditu LAYER"));
    const auto parts = splitNonEmpty(a.value("--area").value_or(""), ',');
    std::vector<double> v;
    for (const auto& p : parts)
        if (const auto n = parseNumber(p))
            v.push_back(*n);
    if (v.size() != 4)
        throw InputError(
            msg("--area W,S,E,N is needed, in degrees, e.g. --area 113.7,22.4,114.5,22.9"));
    const auto target = a.value("--out");
    if (!target)
        throw InputError(msg("--out FILE.mbtiles or FILE.gpkg is needed"));
    Feedback feedback;
    imagery::exportTiles(source, {v[0], v[1], v[2], v[3]}, static_cast<int>(*zoom), *target,
                         &feedback);
    out << "wrote " << *target << " (zoom up to " << static_cast<int>(*zoom)
        << "); it opens offline like any image\n";
    return kExitOk;
}

} // namespace mapaudit::cli
