#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "records_cli.h"

#include <map>
#include <ostream>

namespace mapaudit::cli {
namespace {

void printTree(std::ostream& out, const std::multimap<std::string, records::Unit>& byParent,
               const std::string& parent, int depth) {
    const auto [first, last] = byParent.equal_range(parent);
    for (auto it = first; it != last; ++it) {
        out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << it->second.name << "\n";
        printTree(out, byParent, it->second.id, depth + 1);
    }
}

} // namespace

int commandOrg(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(args, {{}, {"--db", "--parent", "--user"}}, "org");
    const auto& pos = a.positional();
    if (pos.empty())
        throw InputError(msg("say what to do: `org add NAME [--parent NAME]` or `org list`"));
    records::RecordsDb db = openRecordsDb(a);
    if (pos[0] == "add") {
        if (pos.size() != 2)
            throw InputError(msg("give one unit name: org add NAME [--parent NAME]"));
        const records::Unit u = db.addUnit(pos[1], a.value("--parent").value_or(""));
        out << "added " << u.name << (u.parentId.empty() ? "" : " under " + *a.value("--parent"))
            << "\n";
        return kExitOk;
    }
    if (pos[0] == "list") {
        std::multimap<std::string, records::Unit> byParent;
        for (const records::Unit& u : db.units())
            byParent.emplace(u.parentId, u);
        printTree(out, byParent, "", 0);
        return kExitOk;
    }
    throw InputError(msg("unknown org action '{}' — use add or list", pos[0]));
}

} // namespace mapaudit::cli
