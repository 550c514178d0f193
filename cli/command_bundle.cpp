#include "cli.h"
#include "commands.h"
#include "mapaudit/error.h"
#include "mapaudit/records/bundle.h"
#include "records_cli.h"

#include <ostream>

namespace mapaudit::cli {

int commandBundle(const CommandArgs& args, std::ostream& out) {
    const Arguments a(args, {{}, {"--db", "--user", "--unit", "--out"}}, "bundle");
    const auto& pos = a.positional();
    if (pos.empty())
        throw InputError("say what to do: `bundle export --unit U --out F` or `bundle import F`");
    records::RecordsDb db = openRecordsDb(a);
    if (pos[0] == "export" && pos.size() == 1) {
        const auto unit = a.value("--unit");
        const auto file = a.value("--out");
        if (!unit || !file)
            throw InputError("bundle export needs --unit NAME and --out FILE");
        const records::BundleCounts c = records::exportBundle(db, *unit, *file);
        out << "exported " << *unit << " to " << *file << ": " << c.units << " unit(s), "
            << c.records.added << " record(s), " << c.overrides << " override(s)\n";
        return kExitOk;
    }
    if (pos[0] == "import" && pos.size() == 2) {
        const records::BundleCounts c = records::importBundle(db, pos[1]);
        out << "imported " << pos[1] << ": " << c.units << " new unit(s); records "
            << c.records.added << " added, " << c.records.updated << " updated, "
            << c.records.unchanged << " unchanged; " << c.overrides << " override(s) set\n";
        return kExitOk;
    }
    throw InputError("use `bundle export --db DB --unit U --out F` or `bundle import --db DB F`");
}

} // namespace mapaudit::cli
