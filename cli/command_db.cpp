#include "cli.h"
#include "commands.h"
#include "mapaudit/error.h"
#include "records_cli.h"

#include <ostream>

namespace mapaudit::cli {

int commandDb(const CommandArgs& args, std::ostream& out) {
    const Arguments a(args, {{}, {"--db", "--user", "--to"}}, "db");
    const auto& pos = a.positional();
    if (pos.size() != 1)
        throw InputError("say what to do: `db verify --db DB` or `db backup --db DB --to FILE`");
    records::RecordsDb db = openRecordsDb(a);
    if (pos[0] == "verify") {
        const auto problems = db.verify();
        for (const auto& p : problems)
            out << "TAMPERED " << (p.table.empty() ? "" : p.table + " ") << p.rowId
                << (p.rowId.empty() ? "" : ": ") << p.what << "\n";
        if (!problems.empty()) {
            out << problems.size() << " problem(s): the database was changed outside MapAudit\n";
            return kExitInternal; // documented: 1 = verification failed
        }
        out << "ok: audit log intact, every record matches it\n";
        return kExitOk;
    }
    if (pos[0] == "backup") {
        const auto to = a.value("--to");
        if (!to)
            throw InputError("--to FILE is needed: where the backup goes");
        db.backup(*to);
        out << "backed up to " << *to << "\n";
        return kExitOk;
    }
    throw InputError("unknown db action '" + pos[0] + "' — use verify or backup");
}

} // namespace mapaudit::cli
