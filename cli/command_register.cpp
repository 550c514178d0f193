#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/security/supervised_register.h"
#include "records_cli.h"

#include <ostream>

namespace mapaudit::cli {

int commandRegister(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(args, {{}, {"--db", "--user"}}, "register");
    const auto& pos = a.positional();
    if (pos.empty())
        throw InputError(msg("say what to do: `register import FILE`, `register inspectors FILE` "
                             "or `register list`"));
    records::RecordsDb db = openRecordsDb(a);
    if (pos[0] == "import" || pos[0] == "inspectors") {
        if (pos.size() != 2)
            throw InputError(msg("give one .csv or .xlsx file: register {} FILE", pos[0]));
        if (pos[0] == "import") {
            const auto parsed = security::parseRegisterFile(pos[1]);
            if (!parsed.problems.empty())
                rejectImport(pos[1], parsed.problems);
            printImported(out, pos[1], security::importRegister(db, parsed.units));
        } else {
            const auto parsed = security::parseInspectorFile(pos[1]);
            if (!parsed.problems.empty())
                rejectImport(pos[1], parsed.problems);
            printImported(out, pos[1], security::importInspectors(db, parsed.inspectors));
        }
        return kExitOk;
    }
    if (pos[0] == "list") {
        for (const auto& u : security::supervisedUnits(db))
            out << u.creditCode << "  " << u.name << "  " << security::categoryLabelZh(u.category)
                << "  " << security::industryLabelZh(u.industry) << (u.nonLocal ? "  外地" : "")
                << "\n";
        out << "inspectors:";
        for (const auto& in : security::inspectors(db))
            out << " " << in.name;
        out << "\n";
        return kExitOk;
    }
    throw InputError(msg("unknown register action '{}' — use import, inspectors or list", pos[0]));
}

} // namespace mapaudit::cli
