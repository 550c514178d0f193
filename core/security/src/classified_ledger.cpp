#include "mapaudit/security/classified_ledger.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/sha256.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/records/table_file.h"
#include "mapaudit/security/credit_code.h"
#include "mapaudit/security/supervised_register.h"
#include "sheet_columns.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace mapaudit::security {
using nlohmann::json;
namespace chr = std::chrono;
namespace {

chr::year_month_day parseDate(const std::string& iso) {
    if (!records::isIsoDate(iso))
        throw InputError(msg("'{}' is not a date (YYYY-MM-DD)", iso));
    return chr::year_month_day{chr::year{std::stoi(iso.substr(0, 4))},
                               chr::month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                               chr::day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
}

std::string format(const chr::year_month_day& d) {
    char text[32]; // room for any int year, so no truncation is possible
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return text;
}

const SheetColumns kLedgerColumns{
    {"holder", {"holder", "持有单位", "领用单位", "统一社会信用代码"}},
    {"approval_number", {"approval_number", "审批文号", "批准文号"}},
    {"items", {"items", "成果名称", "涉密成果"}},
    {"secrecy", {"secrecy", "密级"}},
    {"purpose", {"purpose", "用途", "项目", "用途（项目）"}},
    {"received", {"received", "领用日期"}},
    {"completion", {"completion", "项目完成日期"}},
};
const SheetColumns kStaffColumns{
    {"name", {"name", "姓名"}},
    {"holder", {"holder", "持有单位", "所在单位", "统一社会信用代码"}},
    {"certificate", {"certificate", "证书编号"}},
    {"issued", {"issued", "发证日期"}},
};

json transfersJson(const std::vector<Transfer>& ts) {
    json out = json::array();
    for (const Transfer& t : ts)
        out.push_back({{"to", t.to}, {"date", t.date}});
    return out;
}

LedgerItem itemFrom(Statement& s) {
    LedgerItem i;
    i.id = s.columnText(0);
    i.originalId = s.columnText(1);
    i.holder = s.columnText(2);
    i.approvalNumber = s.columnText(3);
    i.items = s.columnText(4);
    i.secrecy = s.columnText(5);
    i.purpose = s.columnText(6);
    i.received = s.columnText(7);
    i.completion = s.columnText(8);
    i.destroyed = s.columnText(9);
    i.destroyMethod = s.columnText(10);
    i.witnesses = s.columnText(11);
    for (const json& t : json::parse(s.columnText(12)))
        i.transfers.push_back({t.at("to"), t.at("date")});
    return i;
}

constexpr const char* kItemColumns =
    "id, original_id, holder, approval_number, items, secrecy, purpose, received, completion, "
    "destroyed, destroy_method, witnesses, transfers";

records::RowChange writeItem(records::RecordsDb& db, const LedgerItem& i) {
    return db.auditedWrite("ledger_items", i.id, [&] {
        Statement s(db.database(), std::string("INSERT OR REPLACE INTO ledger_items (") +
                                       kItemColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        s.bind(1, i.id).bind(2, i.originalId).bind(3, i.holder).bind(4, i.approvalNumber);
        s.bind(5, i.items).bind(6, i.secrecy).bind(7, i.purpose).bind(8, i.received);
        s.bind(9, i.completion).bind(10, i.destroyed).bind(11, i.destroyMethod);
        s.bind(12, i.witnesses).bind(13, transfersJson(i.transfers).dump());
        s.step();
    });
}

LedgerItem requireItem(records::RecordsDb& db, const std::string& id) {
    auto item = ledgerItem(db, id);
    if (!item)
        throw InputError(msg("no ledger item {} — see `mapaudit ledger list`", id));
    return *item;
}

// `what` names the date ("the transfer date").
void requireDate(const std::string& d, const Message& what) {
    if (!records::isIsoDate(d))
        throw InputError(msg("{} '{}' is not a date (YYYY-MM-DD)", what, d));
}

} // namespace

const std::vector<std::string>& secrecyLevels() {
    static const std::vector<std::string> v{"秘密", "机密", "绝密"};
    return v;
}

std::string addMonths(const std::string& isoDate, int months) {
    const chr::year_month_day d = parseDate(isoDate);
    const chr::year_month ym = chr::year_month{d.year(), d.month()} + chr::months{months};
    const chr::day last =
        chr::year_month_day_last{ym.year(), chr::month_day_last{ym.month()}}.day();
    return format({ym.year(), ym.month(), std::min(d.day(), last)});
}

int daysBetween(const std::string& from, const std::string& to) {
    return static_cast<int>(
        (chr::sys_days{parseDate(to)} - chr::sys_days{parseDate(from)}).count());
}

std::string destructionDue(const LedgerItem& item) {
    return addMonths(item.completion, 6);
}

const char* dueStateName(DueState s) {
    switch (s) {
    case DueState::Destroyed:
        return "destroyed";
    case DueState::DueSoon:
        return "due_soon";
    case DueState::Overdue:
        return "overdue";
    case DueState::Held:
        break;
    }
    return "held";
}

DueState dueState(const LedgerItem& item, const std::string& today, int soonDays) {
    if (!item.destroyed.empty())
        return DueState::Destroyed;
    const int left = daysBetween(today, destructionDue(item));
    return left < 0 ? DueState::Overdue : left <= soonDays ? DueState::DueSoon : DueState::Held;
}

ParsedLedger parseLedgerFile(const std::filesystem::path& path) {
    ParsedLedger out;
    for (const TableRow& row : readTableFile(path)) {
        const std::size_t before = out.problems.size();
        auto problem = [&](const std::string& field, const Message& message, const char* code) {
            out.problems.push_back({row.line, field, message, code});
        };
        auto cells = cellsByKey(row, kLedgerColumns, out.problems);
        LedgerItem i;
        i.holder = normalizeCreditCode(cells["holder"]);
        if (i.holder.empty())
            problem("holder", msg("missing"), "missing");
        else if (const auto why = creditCodeIssue(i.holder))
            problem("holder", msg("'{}' {}", i.holder, *why), "not_credit_code");
        for (auto [key, target] :
             {std::pair{"approval_number", &i.approvalNumber}, std::pair{"items", &i.items},
              std::pair{"purpose", &i.purpose}}) {
            *target = cells[key];
            if (target->empty())
                problem(key, msg("missing"), "missing");
        }
        i.secrecy = cells["secrecy"];
        const auto& levels = secrecyLevels();
        if (std::find(levels.begin(), levels.end(), i.secrecy) == levels.end())
            problem("secrecy",
                    i.secrecy.empty() ? msg("missing")
                                      : msg("'{}' is not 秘密, 机密 or 绝密", i.secrecy),
                    i.secrecy.empty() ? "missing" : "not_choice");
        for (auto [key, target] :
             {std::pair{"received", &i.received}, std::pair{"completion", &i.completion}}) {
            *target = cells[key];
            if (target->empty())
                problem(key, msg("missing"), "missing");
            else if (!records::isIsoDate(*target))
                problem(key, msg("'{}' is not a date (YYYY-MM-DD)", *target), "not_date");
        }
        if (out.problems.size() == before && i.completion < i.received)
            problem("completion",
                    msg("the project completes ({}) before the results were received ({})",
                        i.completion, i.received),
                    "not_date");
        i.id = sha256Hex("ledger\n" + i.holder + "\n" + i.approvalNumber + "\n" + i.items)
                   .substr(0, 32);
        if (out.problems.size() == before)
            out.items.push_back(std::move(i));
    }
    return out;
}

records::ImportCounts importLedger(records::RecordsDb& db, const std::vector<LedgerItem>& items) {
    std::set<std::string> registered;
    for (const auto& u : supervisedUnits(db))
        registered.insert(u.creditCode);
    for (const LedgerItem& i : items)
        if (!registered.count(i.holder))
            throw InputError(msg("holder {} ({}) is not in the register — import it with "
                                 "`mapaudit register import` first; nothing imported",
                                 i.holder, i.items));
    records::ImportCounts counts;
    Transaction t(db.database());
    for (const LedgerItem& incoming : items) {
        auto existing = ledgerItem(db, incoming.id);
        LedgerItem merged = incoming;
        if (existing) { // a re-import keeps what happened to the item since
            merged.destroyed = existing->destroyed;
            merged.destroyMethod = existing->destroyMethod;
            merged.witnesses = existing->witnesses;
            merged.transfers = existing->transfers;
        }
        counts.tally(writeItem(db, merged));
    }
    t.commit();
    return counts;
}

std::vector<LedgerItem> ledgerItems(records::RecordsDb& db) {
    Statement s(db.database(),
                std::string("SELECT ") + kItemColumns + " FROM ledger_items ORDER BY received, id");
    std::vector<LedgerItem> out;
    while (s.step())
        out.push_back(itemFrom(s));
    return out;
}

std::optional<LedgerItem> ledgerItem(records::RecordsDb& db, const std::string& id) {
    Statement s(db.database(),
                std::string("SELECT ") + kItemColumns + " FROM ledger_items WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return itemFrom(s);
}

LedgerItem registerCopy(records::RecordsDb& db, const std::string& originalId,
                        const std::string& date, const std::string& what) {
    requireDate(date, msg("the copy's date"));
    const LedgerItem original = requireItem(db, originalId);
    if (!original.destroyed.empty())
        throw InputError(msg("item {} was destroyed on {}; it cannot be copied", originalId,
                             original.destroyed));
    LedgerItem copy = original;
    copy.originalId = original.originalId.empty() ? original.id : original.originalId;
    copy.items = what.empty() ? original.items + "（复制件）" : what;
    copy.received = date;
    copy.transfers.clear();
    copy.id =
        sha256Hex("ledger copy\n" + original.id + "\n" + date + "\n" + copy.items).substr(0, 32);
    if (ledgerItem(db, copy.id))
        throw InputError(msg("this copy is registered already ({})", copy.id.substr(0, 8)));
    writeItem(db, copy);
    return copy;
}

void recordDestruction(records::RecordsDb& db, const std::string& id, const std::string& date,
                       const std::string& method, const std::string& witnesses) {
    requireDate(date, msg("the destruction date"));
    LedgerItem item = requireItem(db, id);
    if (!item.destroyed.empty())
        throw InputError(msg("item {} was destroyed on {} already", id, item.destroyed));
    if (method.empty() || witnesses.empty())
        throw InputError(msg("a destruction needs its method and its witnesses (监销人)"));
    if (date < item.received)
        throw InputError(msg("destroyed on {}, before it was received ({})", date, item.received));
    item.destroyed = date;
    item.destroyMethod = method;
    item.witnesses = witnesses;
    writeItem(db, item);
}

void recordTransfer(records::RecordsDb& db, const std::string& id, const std::string& to,
                    const std::string& date) {
    requireDate(date, msg("the transfer date"));
    if (to.empty())
        throw InputError(msg("say to whom the results were transferred or lent"));
    LedgerItem item = requireItem(db, id);
    item.transfers.push_back({to, date});
    writeItem(db, item);
}

std::vector<DueEntry> destructionDashboard(records::RecordsDb& db, const std::string& today,
                                           int soonDays) {
    requireDate(today, msg("today"));
    std::vector<DueEntry> out;
    for (LedgerItem& item : ledgerItems(db)) {
        const DueState state = dueState(item, today, soonDays);
        if (state != DueState::DueSoon && state != DueState::Overdue)
            continue;
        DueEntry e;
        e.due = destructionDue(item);
        e.daysLeft = daysBetween(today, e.due);
        e.state = state;
        e.item = std::move(item);
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(),
              [](const DueEntry& a, const DueEntry& b) { return a.daysLeft < b.daysLeft; });
    return out;
}

records::Record clueForOverdue(records::RecordsDb& db, const std::string& itemId,
                               const std::string& bureau, const std::string& today) {
    const LedgerItem item = requireItem(db, itemId);
    if (dueState(item, today) != DueState::Overdue)
        throw InputError(
            msg("item {} is not overdue (due {})", itemId.substr(0, 8), destructionDue(item)));
    std::string holderName = item.holder;
    for (const auto& u : supervisedUnits(db))
        if (u.creditCode == item.holder)
            holderName = u.name;
    records::Record r;
    r.kind = "clue";
    r.unit = bureau;
    r.date = today;
    r.fields = {{"description", holderName + " 持有的涉密成果“" + item.items + "”（" +
                                    item.secrecy + "，审批文号 " + item.approvalNumber + "）应于 " +
                                    destructionDue(item) + " 前销毁，逾期 " +
                                    std::to_string(-daysBetween(today, destructionDue(item))) +
                                    " 天未销毁"},
                {"source", "涉密成果台账"},
                {"classified", true}};
    r.notes = "ledger item " + item.id;
    r.id = records::contentUuid({"", "clue", bureau, "", r.notes, {}});
    if (!db.findUnit(bureau))
        throw InputError(msg("unit '{}' does not exist — see `mapaudit org list`", bureau));
    if (!db.find(r.id))
        db.upsert({r});
    return *db.find(r.id);
}

std::string certificateExpiry(const CertifiedStaff& s) {
    // Valid for five years: the day before the fifth anniversary is the last valid day.
    const std::string anniversary = addMonths(s.issued, 60);
    return format(chr::year_month_day{chr::sys_days{parseDate(anniversary)} - chr::days{1}});
}

ParsedStaff parseStaffFile(const std::filesystem::path& path) {
    ParsedStaff out;
    std::set<std::string> certificates;
    for (const TableRow& row : readTableFile(path)) {
        const std::size_t before = out.problems.size();
        auto cells = cellsByKey(row, kStaffColumns, out.problems);
        CertifiedStaff s{cells["name"],
                         normalizeCreditCode(cells["holder"]),
                         cells["certificate"],
                         cells["issued"],
                         {}};
        auto problem = [&](const std::string& field, const Message& message, const char* code) {
            out.problems.push_back({row.line, field, message, code});
        };
        if (s.name.empty())
            problem("name", msg("missing"), "missing");
        if (const auto why = creditCodeIssue(s.holder))
            problem("holder", s.holder.empty() ? msg("missing") : msg("'{}' {}", s.holder, *why),
                    s.holder.empty() ? "missing" : "not_credit_code");
        if (s.certificate.empty())
            problem("certificate", msg("missing"), "missing");
        else if (!certificates.insert(s.certificate).second)
            problem("certificate", msg("'{}' is listed twice", s.certificate), "duplicate");
        if (!records::isIsoDate(s.issued))
            problem("issued",
                    s.issued.empty() ? msg("missing")
                                     : msg("'{}' is not a date (YYYY-MM-DD)", s.issued),
                    s.issued.empty() ? "missing" : "not_date");
        if (out.problems.size() == before)
            out.staff.push_back(std::move(s));
    }
    return out;
}

records::ImportCounts importStaff(records::RecordsDb& db,
                                  const std::vector<CertifiedStaff>& staff) {
    records::ImportCounts counts;
    Transaction t(db.database());
    for (const CertifiedStaff& s : staff) {
        const std::string id = sha256Hex("staff\n" + s.certificate).substr(0, 32);
        counts.tally(db.auditedWrite("classified_staff", id, [&] {
            Statement w(db.database(),
                        "INSERT INTO classified_staff (id, name, holder, certificate, issued, "
                        "trainings) VALUES (?,?,?,?,?,'[]') ON CONFLICT(id) DO UPDATE SET "
                        "name = excluded.name, holder = excluded.holder, issued = excluded.issued");
            w.bind(1, id).bind(2, s.name).bind(3, s.holder).bind(4, s.certificate);
            w.bind(5, s.issued);
            w.step();
        }));
    }
    t.commit();
    return counts;
}

void recordTraining(records::RecordsDb& db, const std::string& certificate,
                    const std::string& date) {
    requireDate(date, msg("the training date"));
    const std::string id = sha256Hex("staff\n" + certificate).substr(0, 32);
    Statement s(db.database(), "SELECT trainings FROM classified_staff WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
        throw InputError(msg("no certified staff with certificate {}", certificate));
    auto trainings = json::parse(s.columnText(0)).get<std::vector<std::string>>();
    if (std::find(trainings.begin(), trainings.end(), date) != trainings.end())
        return;
    trainings.push_back(date);
    std::sort(trainings.begin(), trainings.end());
    db.auditedWrite("classified_staff", id, [&] {
        Statement w(db.database(), "UPDATE classified_staff SET trainings = ? WHERE id = ?");
        w.bind(1, json(trainings).dump()).bind(2, id);
        w.step();
    });
}

std::vector<CertifiedStaff> certifiedStaff(records::RecordsDb& db) {
    Statement s(db.database(), "SELECT name, holder, certificate, issued, trainings FROM "
                               "classified_staff ORDER BY holder, certificate");
    std::vector<CertifiedStaff> out;
    while (s.step())
        out.push_back({s.columnText(0), s.columnText(1), s.columnText(2), s.columnText(3),
                       json::parse(s.columnText(4)).get<std::vector<std::string>>()});
    return out;
}

std::string StaffReminder::what() const {
    switch (kind) {
    case Kind::CertificateExpired:
        return "certificate expired on " + expiry;
    case Kind::CertificateExpiring:
        return "certificate expires on " + expiry + " (in " + std::to_string(daysLeft) + " days)";
    case Kind::NoTraining:
        break;
    }
    return "no training recorded in " + year;
}

std::vector<StaffReminder> staffReminders(records::RecordsDb& db, const std::string& today,
                                          int soonDays) {
    requireDate(today, msg("today"));
    const std::string year = today.substr(0, 4);
    std::vector<StaffReminder> out;
    for (const CertifiedStaff& s : certifiedStaff(db)) {
        const std::string expiry = certificateExpiry(s);
        const int left = daysBetween(today, expiry);
        using Kind = StaffReminder::Kind;
        if (left <= soonDays)
            out.push_back({s, left < 0 ? Kind::CertificateExpired : Kind::CertificateExpiring,
                           expiry, left, ""});
        if (std::none_of(s.trainings.begin(), s.trainings.end(),
                         [&](const std::string& d) { return d.substr(0, 4) == year; }))
            out.push_back({s, Kind::NoTraining, expiry, left, year});
    }
    return out;
}

} // namespace mapaudit::security
