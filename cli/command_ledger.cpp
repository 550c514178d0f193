#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/timestamps.h"
#include "mapaudit/security/classified_ledger.h"
#include "records_cli.h"

#include <ostream>

namespace mapaudit::cli {
namespace {

// A ledger item by its id or the first characters of it (as `ledger list` shows).
std::string resolveItem(records::RecordsDb& db, const std::string& prefix) {
    std::string found;
    for (const auto& item : security::ledgerItems(db))
        if (item.id.rfind(prefix, 0) == 0) {
            if (!found.empty())
                throw InputError(
                    msg("'{}' matches several ledger items — give more of the id", prefix));
            found = item.id;
        }
    if (found.empty() || prefix.size() < 4)
        throw InputError(msg("no ledger item '{}' — see `mapaudit ledger list`", prefix));
    return found;
}

// The value of option `name`; `what` says what it gives ("the transfer date").
std::string required(const Arguments& a, const std::string& name, const Message& what) {
    const auto v = a.value(name);
    if (!v || v->empty())
        throw InputError(msg("{} is needed: {}", name, what));
    return *v;
}

void printItem(std::ostream& out, const security::LedgerItem& i, const std::string& today) {
    out << i.id.substr(0, 8) << "  " << i.holder << "  " << i.secrecy << "  " << i.items
        << "  received " << i.received << "  due " << security::destructionDue(i) << "  "
        << security::dueStateName(security::dueState(i, today))
        << (i.destroyed.empty() ? "" : " " + i.destroyed)
        << (i.originalId.empty() ? "" : "  copy of " + i.originalId.substr(0, 8))
        << (i.transfers.empty() ? "" : "  TRANSFERRED (violation)") << "\n";
}

int staffCommand(records::RecordsDb& db, const Arguments& a, std::ostream& out) {
    const auto& pos = a.positional();
    const std::string action = pos.size() > 1 ? pos[1] : "";
    if (action == "import" && pos.size() == 3) {
        const auto parsed = security::parseStaffFile(pos[2]);
        if (!parsed.problems.empty())
            rejectImport(pos[2], parsed.problems);
        printImported(out, pos[2], security::importStaff(db, parsed.staff));
        return kExitOk;
    }
    if (action == "train" && pos.size() == 3) {
        security::recordTraining(db, pos[2], required(a, "--date", msg("the training date")));
        out << "training recorded for " << pos[2] << "\n";
        return kExitOk;
    }
    if (action == "due") {
        const std::string today = a.value("--today").value_or(todayLocal());
        const auto reminders = security::staffReminders(db, today);
        for (const auto& r : reminders)
            out << r.staff.certificate << "  " << r.staff.name << "  " << r.what() << "\n";
        out << reminders.size() << " reminder(s)\n";
        return kExitOk;
    }
    throw InputError(msg("use: ledger staff import FILE | ledger staff train CERTIFICATE --date D "
                         "| ledger staff due [--today D]"));
}

} // namespace

int commandLedger(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(args,
                      {{"--clues"},
                       {"--db", "--user", "--date", "--what", "--method", "--witnesses", "--to",
                        "--today", "--unit"}},
                      "ledger");
    const auto& pos = a.positional();
    if (pos.empty())
        throw InputError(
            msg("say what to do: import, list, copy, destroy, transfer, due or staff"));
    records::RecordsDb db = openRecordsDb(a);
    const std::string today = a.value("--today").value_or(todayLocal());
    const std::string& action = pos[0];
    if (action == "staff")
        return staffCommand(db, a, out);
    if (action == "import" && pos.size() == 2) {
        const auto parsed = security::parseLedgerFile(pos[1]);
        if (!parsed.problems.empty())
            rejectImport(pos[1], parsed.problems);
        printImported(out, pos[1], security::importLedger(db, parsed.items));
        return kExitOk;
    }
    if (action == "list") {
        for (const auto& i : security::ledgerItems(db))
            printItem(out, i, today);
        return kExitOk;
    }
    if (action == "copy" && pos.size() == 2) {
        const auto copy = security::registerCopy(db, resolveItem(db, pos[1]),
                                                 required(a, "--date", msg("when it was copied")),
                                                 a.value("--what").value_or(""));
        out << "copy registered: ";
        printItem(out, copy, today);
        return kExitOk;
    }
    if (action == "destroy" && pos.size() == 2) {
        const std::string id = resolveItem(db, pos[1]);
        security::recordDestruction(db, id, required(a, "--date", msg("the destruction date")),
                                    required(a, "--method", msg("how it was destroyed")),
                                    required(a, "--witnesses", msg("who witnessed it (监销人)")));
        out << "destruction recorded for " << id.substr(0, 8) << "\n";
        return kExitOk;
    }
    if (action == "transfer" && pos.size() == 2) {
        const std::string id = resolveItem(db, pos[1]);
        security::recordTransfer(db, id, required(a, "--to", msg("the unit that received it")),
                                 required(a, "--date", msg("the transfer date")));
        out << "transfer recorded for " << id.substr(0, 8)
            << ": results of one unit may not be passed to another (violation)\n";
        return kExitOk;
    }
    if (action == "due") {
        const auto dashboard = security::destructionDashboard(db, today);
        for (const auto& e : dashboard) {
            out << (e.state == security::DueState::Overdue ? "OVERDUE  " : "due soon ")
                << e.item.id.substr(0, 8) << "  " << e.item.holder << "  " << e.item.items
                << "  due " << e.due << " ("
                << (e.daysLeft < 0 ? std::to_string(-e.daysLeft) + " days late"
                                   : std::to_string(e.daysLeft) + " days left")
                << ")\n";
            if (a.flag("--clues") && e.state == security::DueState::Overdue) {
                const auto clue = security::clueForOverdue(
                    db, e.item.id, required(a, "--unit", msg("the bureau the clues are for")),
                    today);
                out << "         clue record " << clue.id << "\n";
            }
        }
        out << dashboard.size() << " item(s) due soon or overdue on " << today << "\n";
        return kExitOk;
    }
    throw InputError(
        msg("unknown or incomplete ledger action '{}' — see `mapaudit help ledger`", action));
}

} // namespace mapaudit::cli
