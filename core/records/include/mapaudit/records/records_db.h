// The supervision records database: reporting units, activity records and
// summary overrides in one SQLite file (WAL, foreign keys, versioned schema),
// every change appended to a hash-chained audit log that `verify` checks
// against the tables, so edits made outside MapAudit are found.
#pragma once

#include "mapaudit/base/database.h"
#include "mapaudit/records/chain_head.h"

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit {
class Feedback;
}

namespace mapaudit::records {

struct Unit {
    std::string id;
    std::string name;
    std::string parentId; // "" for a top unit
};

struct Record {
    std::string id;   // UUID
    std::string kind; // see record_kinds.h
    std::string unit; // unit name
    std::string date; // YYYY-MM-DD
    std::string notes;
    nlohmann::json fields = nlohmann::json::object(); // validated, defaults filled
};

struct RecordFilter {
    std::optional<std::string> kind, unit, from, to; // dates inclusive
};

// What a write did to a row, as the audit log records it.
enum class RowChange { Unchanged, Inserted, Updated, Deleted };

struct ImportCounts {
    std::int64_t added = 0, updated = 0, unchanged = 0;
    void tally(RowChange c) { // a deletion is not an import's business
        ++(c == RowChange::Inserted ? added : c == RowChange::Updated ? updated : unchanged);
    }
};

struct Override {
    std::string unit, templateId, from, to, rowKey, reason;
    double value = 0;
};

// A photo, screenshot or PDF kept with a record (content stored in the database).
struct Evidence {
    std::string id, recordId, fileName, sha256;
    std::int64_t size = 0;
    std::string addedBy, addedAt;
};

// One line of the audit log: who did what to which row, and when.
struct AuditEntry {
    std::int64_t seq = 0;
    std::string at, actor, action, table, rowId;
};

struct VerifyProblem {
    std::string table;
    std::string rowId;
    std::string what;
};

class RecordsDb {
public:
    // 2: evidence; 3: supervised units, inspectors, draws; 4: classified-results ledger, staff;
    // 5: check runs (check_history.h)
    static constexpr int kSchemaVersion = 5;

    // Opens or creates the file and brings its schema up to date. `actor` is
    // who the audit log names for changes made through this object.
    RecordsDb(const std::filesystem::path& path, std::string actor);

    int schemaVersion();
    Database& database() { return db_; }
    const std::string& actor() const;

    // Runs `write` (which changes at most row `id` of an audited table) in a
    // transaction and logs what it did.
    RowChange auditedWrite(const std::string& table, const std::string& id,
                           const std::function<void()>& write);

    Unit addUnit(const std::string& name, const std::string& parentName = "");
    std::vector<Unit> units();
    std::optional<Unit> findUnit(const std::string& name);
    // The unit and every unit below it.
    std::vector<std::string> unitAndSubunitIds(const std::string& unitId);

    // All or nothing, in one transaction: a record whose id exists with the
    // same content is left alone, with other content it is updated.
    ImportCounts upsert(const std::vector<Record>& records, Feedback* feedback = nullptr);
    std::vector<Record> list(const RecordFilter& filter);
    std::optional<Record> find(const std::string& recordId);
    void remove(const std::string& recordId);

    // Keeps `content` with the record; false when the same file is there already.
    bool attach(const std::string& recordId, const std::string& fileName,
                const std::string& content, const std::string& addedAt = "");
    std::vector<Evidence> evidence(const std::string& recordId);
    std::string evidenceContent(const std::string& evidenceId);

    // False when the same override was set already (nothing changes then).
    bool setOverride(const Override& o);
    std::vector<Override> allOverrides();
    std::vector<Override> overrides(const std::string& unitId, const std::string& templateId,
                                    const std::string& from, const std::string& to);

    // The audit log's entries for a row and for the evidence kept with it, oldest first.
    std::vector<AuditEntry> history(const std::string& rowId);

    // Audit log chain, and each table against the log's last word on each row;
    // the chain against the head this workstation kept for it and, when given,
    // against `expected` (a head printed on a summary, bundle or report).
    std::vector<VerifyProblem> verify(const std::optional<ChainHead>& expected = std::nullopt);
    ChainHead head();
    // The head this workstation kept for this database, if any.
    std::optional<ChainHead> keptHead();
    // A consistent copy made with SQLite's online backup.
    void backup(const std::filesystem::path& target);

private:
    void migrate();
    std::string rowHash(const std::string& table, const std::string& id);
    void audit(const std::string& action, const std::string& table, const std::string& id,
               const std::string& before, const std::string& after);

    Database db_;
    std::string actor_;
};

// Marked as holding classified content ("classified": true among its fields;
// any kind may carry it). Such records leave the database only encrypted.
bool isClassified(const Record& r);

// A name-based UUID (version 8, from SHA-256) for records imported without
// an id, so that importing the same line twice gives the same record.
std::string contentUuid(const Record& r);
bool isUuid(const std::string& s);
// YYYY-MM-DD naming a real calendar day.
bool isIsoDate(const std::string& s);

} // namespace mapaudit::records
