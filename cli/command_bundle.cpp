#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/sealed_file.h"
#include "mapaudit/records/bundle.h"
#include "records_cli.h"

#include <ostream>

namespace mapaudit::cli {

int commandBundle(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(args,
                      {{"--encrypt"}, {"--db", "--user", "--unit", "--out", "--passphrase-file"}},
                      "bundle");
    const auto& pos = a.positional();
    if (pos.empty())
        throw InputError(
            msg("say what to do: `bundle export --unit U --out F` or `bundle import F`"));
    records::RecordsDb db = openRecordsDb(a);
    if (pos[0] == "export" && pos.size() == 1) {
        const auto unit = a.value("--unit");
        const auto file = a.value("--out");
        if (!unit || !file)
            throw InputError(msg("bundle export needs --unit NAME and --out FILE"));
        const std::string passphrase =
            a.flag("--encrypt") ? readPassphrase(a.value("--passphrase-file").value_or(""))
                                : std::string();
        const records::BundleCounts c = records::exportBundle(db, *unit, *file, passphrase);
        out << "exported " << *unit << " to " << *file << (passphrase.empty() ? "" : " (encrypted)")
            << ": " << c.units << " unit(s), " << c.records.added << " record(s), " << c.overrides
            << " override(s); audit head " << db.head().text() << "\n";
        return kExitOk;
    }
    if (pos[0] == "import" && pos.size() == 2) {
        const std::string passphrase =
            isSealedFile(pos[1]) ? readPassphrase(a.value("--passphrase-file").value_or(""))
                                 : std::string();
        const records::BundleCounts c = records::importBundle(db, pos[1], passphrase);
        out << "imported " << pos[1] << ": " << c.units << " new unit(s); records "
            << c.records.added << " added, " << c.records.updated << " updated, "
            << c.records.unchanged << " unchanged; " << c.overrides << " override(s) set\n";
        return kExitOk;
    }
    throw InputError(
        msg("use `bundle export --db DB --unit U --out F` or `bundle import --db DB F`"));
}

} // namespace mapaudit::cli
