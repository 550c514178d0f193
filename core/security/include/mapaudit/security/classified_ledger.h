// The ledger of classified surveying results (涉密成果台账): what each
// supervised unit received, the copies and scans made of it (same secrecy
// level), its destruction, and transfers to other units (violations). Results
// must be destroyed within six months after the project completes; certified
// staff (持证上岗) hold certificates valid for five years and train yearly.
#pragma once

#include "mapaudit/records/record_import.h"
#include "mapaudit/records/records_db.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit::security {

// 秘密, 机密, 绝密
const std::vector<std::string>& secrecyLevels();

struct Transfer {
    std::string to, date;
};

struct LedgerItem {
    std::string id;
    std::string originalId; // "" for a receipt; the original for a copy or scan
    std::string holder;     // credit code of the unit holding it
    std::string approvalNumber, items, secrecy, purpose;
    std::string received, completion;                // YYYY-MM-DD: received, project completed
    std::string destroyed, destroyMethod, witnesses; // destroyed "" while held
    std::vector<Transfer> transfers;                 // each one a violation
};

// `date` plus whole calendar months, the day clamped to the month's end
// (2026-08-31 + 6 → 2027-02-28).
std::string addMonths(const std::string& isoDate, int months);
// Days from `from` to `to` (negative when `to` is earlier).
int daysBetween(const std::string& from, const std::string& to);

// The last day allowed for destruction: six months after the project completes.
std::string destructionDue(const LedgerItem& item);

enum class DueState { Destroyed, Held, DueSoon, Overdue };
const char* dueStateName(DueState s); // "destroyed", "held", "due_soon", "overdue"
// Overdue the day after the due date; due soon within `soonDays` before it.
DueState dueState(const LedgerItem& item, const std::string& today, int soonDays = 30);

struct ParsedLedger {
    std::vector<LedgerItem> items;
    std::vector<records::ImportProblem> problems;
};
// Receipts as bureaus keep them (.csv/.xlsx): 持有单位 (credit code), 审批文号,
// 成果名称, 密级, 用途 (purpose or project), 领用日期, 项目完成日期.
ParsedLedger parseLedgerFile(const std::filesystem::path& path);
// All or nothing; holders must be in the register. An item is known by its
// holder, approval number and items.
records::ImportCounts importLedger(records::RecordsDb& db, const std::vector<LedgerItem>& items);

std::vector<LedgerItem> ledgerItems(records::RecordsDb& db);
std::optional<LedgerItem> ledgerItem(records::RecordsDb& db, const std::string& id);
// A copy or scan of `originalId` (or of a copy of it): same holder, secrecy and due date.
LedgerItem registerCopy(records::RecordsDb& db, const std::string& originalId,
                        const std::string& date, const std::string& what);
void recordDestruction(records::RecordsDb& db, const std::string& id, const std::string& date,
                       const std::string& method, const std::string& witnesses);
void recordTransfer(records::RecordsDb& db, const std::string& id, const std::string& to,
                    const std::string& date);

struct DueEntry {
    LedgerItem item;
    std::string due;
    DueState state = DueState::Held;
    int daysLeft = 0; // negative when overdue
};
// Items due soon or overdue, most urgent first.
std::vector<DueEntry> destructionDashboard(records::RecordsDb& db, const std::string& today,
                                           int soonDays = 30);
// An overdue item as a `clue` record of `bureau` (问题线索), entered once.
records::Record clueForOverdue(records::RecordsDb& db, const std::string& itemId,
                               const std::string& bureau, const std::string& today);

struct CertifiedStaff {
    std::string name, holder, certificate, issued; // holder: credit code; issued YYYY-MM-DD
    std::vector<std::string> trainings;            // dates of annual training
};
// Certificates are valid for five years: the last valid day.
std::string certificateExpiry(const CertifiedStaff& s);
struct ParsedStaff {
    std::vector<CertifiedStaff> staff;
    std::vector<records::ImportProblem> problems;
};
// 姓名, 持有单位 (credit code), 证书编号, 发证日期.
ParsedStaff parseStaffFile(const std::filesystem::path& path);
records::ImportCounts importStaff(records::RecordsDb& db, const std::vector<CertifiedStaff>& staff);
void recordTraining(records::RecordsDb& db, const std::string& certificate,
                    const std::string& date);
std::vector<CertifiedStaff> certifiedStaff(records::RecordsDb& db);

struct StaffReminder {
    enum class Kind { CertificateExpired, CertificateExpiring, NoTraining };
    CertifiedStaff staff;
    Kind kind = Kind::NoTraining;
    std::string expiry; // the certificate's last valid day
    int daysLeft = 0;   // until then (negative when expired)
    std::string year;   // the year without training
    // In English, for the command line: "certificate expired on …", "no training recorded in …".
    std::string what() const;
};
std::vector<StaffReminder> staffReminders(records::RecordsDb& db, const std::string& today,
                                          int soonDays = 90);

} // namespace mapaudit::security
