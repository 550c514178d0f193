#include "mapaudit/records/records_db.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/sha256.h"
#include "mapaudit/base/timestamps.h"

#include <array>
#include <map>
#include <set>

namespace mapaudit::records {
namespace fs = std::filesystem;
namespace {

const char* kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// Migrations, in order: entry i brings the schema from version i to i + 1.
const std::array<const char*, RecordsDb::kSchemaVersion> kMigrations{R"sql(
CREATE TABLE units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    parent_id TEXT REFERENCES units(id)
);
CREATE TABLE records (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units(id),
    date TEXT NOT NULL,
    fields TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX records_by_kind_date ON records(kind, date);
CREATE TABLE overrides (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES units(id),
    template TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    row_key TEXT NOT NULL,
    value REAL NOT NULL,
    reason TEXT NOT NULL,
    UNIQUE (unit_id, template, period_from, period_to, row_key)
);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    before_hash TEXT NOT NULL,
    after_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
)sql",
                                                                     R"sql(
CREATE TABLE evidence (
    id TEXT PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records(id),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX evidence_by_record ON evidence(record_id);
)sql",
                                                                     R"sql(
CREATE TABLE supervised_units (
    id TEXT PRIMARY KEY,
    credit_code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    grade TEXT NOT NULL,
    industry TEXT NOT NULL,
    address TEXT NOT NULL,
    contact TEXT NOT NULL,
    non_local INTEGER NOT NULL
);
CREATE TABLE inspectors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    conflicts TEXT NOT NULL
);
CREATE TABLE draws (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    drawn_at TEXT NOT NULL,
    drawn_by TEXT NOT NULL,
    parameters TEXT NOT NULL,
    result TEXT NOT NULL
);
)sql",
                                                                     R"sql(
CREATE TABLE ledger_items (
    id TEXT PRIMARY KEY,
    original_id TEXT NOT NULL,
    holder TEXT NOT NULL,
    approval_number TEXT NOT NULL,
    items TEXT NOT NULL,
    secrecy TEXT NOT NULL,
    purpose TEXT NOT NULL,
    received TEXT NOT NULL,
    completion TEXT NOT NULL,
    destroyed TEXT NOT NULL,
    destroy_method TEXT NOT NULL,
    witnesses TEXT NOT NULL,
    transfers TEXT NOT NULL
);
CREATE TABLE classified_staff (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    holder TEXT NOT NULL,
    certificate TEXT NOT NULL UNIQUE,
    issued TEXT NOT NULL,
    trainings TEXT NOT NULL
);
)sql",
                                                                     R"sql(
CREATE TABLE check_runs (
    id TEXT PRIMARY KEY,
    checked_at TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    inspector TEXT NOT NULL,
    file_path TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    map_kind TEXT NOT NULL,
    pack TEXT NOT NULL,
    pack_digest TEXT NOT NULL,
    verdict TEXT NOT NULL,
    findings INTEGER NOT NULL,
    confirmed INTEGER NOT NULL,
    dismissed INTEGER NOT NULL,
    report TEXT NOT NULL
);
CREATE INDEX check_runs_by_time ON check_runs(checked_at);
)sql"};

// Each audited table's row as canonical text, in a fixed column order.
const std::map<std::string, std::string> kRowText{
    {"units", "json_array(id, name, parent_id)"},
    {"records", "json_array(id, kind, unit_id, date, fields, notes, created_by, created_at, "
                "updated_by, updated_at)"},
    {"evidence", "json_array(id, record_id, file_name, sha256, size, added_by, added_at)"},
    {"overrides", "json_array(id, unit_id, template, period_from, period_to, row_key, value, "
                  "reason)"},
    {"supervised_units", "json_array(id, credit_code, name, category, grade, industry, address, "
                         "contact, non_local)"},
    {"inspectors", "json_array(id, name, conflicts)"},
    {"draws", "json_array(id, year, drawn_at, drawn_by, parameters, result)"},
    {"ledger_items", "json_array(id, original_id, holder, approval_number, items, secrecy, "
                     "purpose, received, completion, destroyed, destroy_method, witnesses, "
                     "transfers)"},
    {"classified_staff", "json_array(id, name, holder, certificate, issued, trainings)"},
    {"check_runs", "json_array(id, checked_at, saved_at, inspector, file_path, file_sha256, "
                   "map_kind, pack, pack_digest, verdict, findings, confirmed, dismissed, report)"},
};

std::string chainHash(const std::string& prev, std::int64_t seq, const std::string& at,
                      const std::string& actor, const std::string& action, const std::string& table,
                      const std::string& id, const std::string& before, const std::string& after) {
    return sha256Hex(prev + "\n" + std::to_string(seq) + "\n" + at + "\n" + actor + "\n" + action +
                     "\n" + table + "\n" + id + "\n" + before + "\n" + after);
}

std::string newUuidFrom(const std::string& digestHex) {
    std::string h = digestHex.substr(0, 32);
    h[12] = '8'; // version 8: custom (here SHA-256 name-based)
    const int variant = (std::stoi(h.substr(16, 1), nullptr, 16) & 0x3) | 0x8;
    h[16] = "0123456789abcdef"[variant];
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20, 12);
}

} // namespace

std::string contentUuid(const Record& r) {
    return newUuidFrom(
        sha256Hex(nlohmann::json::array({r.kind, r.unit, r.date, r.notes, r.fields}).dump()));
}

bool isClassified(const Record& r) {
    const auto it = r.fields.find("classified");
    return it != r.fields.end() && it->is_boolean() && it->get<bool>();
}

bool isUuid(const std::string& s) {
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (s[i] == '-') || (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))))
            return false;
    }
    return true;
}

bool isIsoDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
            return false;
    const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)),
              d = std::stoi(s.substr(8, 2));
    if (m < 1 || m > 12 || d < 1)
        return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return d <= kDays[static_cast<std::size_t>(m - 1)] + (m == 2 && leap ? 1 : 0);
}

RecordsDb::RecordsDb(const fs::path& path, std::string actor)
    : db_(path), actor_(std::move(actor)) {
    const bool inMemory = path == ":memory:";
    if (!inMemory && schemaVersion() == 0)
        KeptHeads().forget(path); // a new database here: an older one's head no longer holds
    migrate();
    if (!inMemory)
        db_.onCommitted(
            [handle = db_.handle(), path] { KeptHeads().keep(path, readChainHead(handle)); });
}

ChainHead RecordsDb::head() {
    return readChainHead(db_.handle());
}

std::optional<ChainHead> RecordsDb::keptHead() {
    return KeptHeads().find(db_.path());
}

int RecordsDb::schemaVersion() {
    return static_cast<int>(db_.queryInt("PRAGMA user_version").value_or(0));
}

void RecordsDb::migrate() {
    const int version = schemaVersion();
    if (version > kSchemaVersion)
        throw InputError(msg("{}: the records database has schema version {}, newer than this "
                             "MapAudit ({}) — update MapAudit",
                             db_.path(), version, kSchemaVersion));
    for (int v = version; v < kSchemaVersion; ++v) {
        Transaction t(db_);
        db_.exec(kMigrations[static_cast<std::size_t>(v)]);
        db_.exec("PRAGMA user_version = " + std::to_string(v + 1));
        t.commit();
    }
}

std::string RecordsDb::rowHash(const std::string& table, const std::string& id) {
    Statement s(db_, "SELECT " + kRowText.at(table) + " FROM " + table + " WHERE id = ?");
    s.bind(1, id);
    return s.step() ? sha256Hex(s.columnText(0)) : "";
}

void RecordsDb::audit(const std::string& action, const std::string& table, const std::string& id,
                      const std::string& before, const std::string& after) {
    std::string prev = kGenesisHash;
    std::int64_t seq = 1;
    {
        Statement last(db_, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (last.step()) {
            seq = last.columnInt(0) + 1;
            prev = last.columnText(1);
        }
    }
    const std::string at = nowUtc();
    Statement s(db_, "INSERT INTO audit_log (seq, at, actor, action, table_name, row_id, "
                     "before_hash, after_hash, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, seq).bind(2, at).bind(3, actor_).bind(4, action).bind(5, table).bind(6, id);
    s.bind(7, before).bind(8, after).bind(9, prev);
    s.bind(10, chainHash(prev, seq, at, actor_, action, table, id, before, after));
    s.step();
}

Unit RecordsDb::addUnit(const std::string& name, const std::string& parentName) {
    if (name.empty())
        throw InputError(msg("a unit needs a name"));
    if (findUnit(name))
        throw InputError(msg("unit '{}' exists already — see `mapaudit org list`", name));
    Unit u{newUuidFrom(sha256Hex("unit\n" + name)), name, ""};
    if (!parentName.empty()) {
        const auto parent = findUnit(parentName);
        if (!parent)
            throw InputError(
                msg("parent unit '{}' does not exist — add it first with `mapaudit org add`",
                    parentName));
        u.parentId = parent->id;
    }
    Transaction t(db_);
    Statement s(db_, "INSERT INTO units (id, name, parent_id) VALUES (?, ?, ?)");
    s.bind(1, u.id).bind(2, u.name);
    if (u.parentId.empty())
        s.bindNull(3);
    else
        s.bind(3, u.parentId);
    s.step();
    audit("insert", "units", u.id, "", rowHash("units", u.id));
    t.commit();
    return u;
}

std::vector<Unit> RecordsDb::units() {
    std::vector<Unit> out;
    Statement s(db_, "SELECT id, name, COALESCE(parent_id, '') FROM units ORDER BY name");
    while (s.step())
        out.push_back({s.columnText(0), s.columnText(1), s.columnText(2)});
    return out;
}

std::optional<Unit> RecordsDb::findUnit(const std::string& name) {
    Statement s(db_, "SELECT id, name, COALESCE(parent_id, '') FROM units WHERE name = ?");
    s.bind(1, name);
    if (!s.step())
        return std::nullopt;
    return Unit{s.columnText(0), s.columnText(1), s.columnText(2)};
}

std::vector<std::string> RecordsDb::unitAndSubunitIds(const std::string& unitId) {
    std::vector<std::string> out;
    Statement s(db_, "WITH RECURSIVE below(id) AS (SELECT ? UNION SELECT u.id FROM units u "
                     "JOIN below b ON u.parent_id = b.id) SELECT id FROM below");
    s.bind(1, unitId);
    while (s.step())
        out.push_back(s.columnText(0));
    return out;
}

ImportCounts RecordsDb::upsert(const std::vector<Record>& records, Feedback* feedback) {
    ImportCounts counts;
    std::map<std::string, std::string> unitIds;
    for (const Unit& u : units())
        unitIds[u.name] = u.id;
    Transaction t(db_);
    Statement existing(db_, "SELECT kind, unit_id, date, fields, notes FROM records WHERE id = ?");
    Statement insert(db_, "INSERT INTO records (id, kind, unit_id, date, fields, notes, "
                          "created_by, created_at, updated_by, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Statement update(db_, "UPDATE records SET kind = ?, unit_id = ?, date = ?, fields = ?, "
                          "notes = ?, updated_by = ?, updated_at = ? WHERE id = ?");
    const std::string at = nowUtc();
    std::size_t done = 0;
    for (const Record& r : records) {
        if (feedback && (++done % 256) == 0) {
            feedback->throwIfCanceled();
            feedback->setProgress(static_cast<double>(done) / static_cast<double>(records.size()));
        }
        const auto unit = unitIds.find(r.unit);
        if (unit == unitIds.end())
            throw InputError(msg("record {}: unit '{}' does not exist", r.id, r.unit));
        const std::string fields = r.fields.dump();
        existing.reset();
        existing.bind(1, r.id);
        if (existing.step()) {
            if (existing.columnText(0) == r.kind && existing.columnText(1) == unit->second &&
                existing.columnText(2) == r.date && existing.columnText(3) == fields &&
                existing.columnText(4) == r.notes) {
                ++counts.unchanged;
                continue;
            }
            const std::string before = rowHash("records", r.id);
            update.reset();
            update.bind(1, r.kind).bind(2, unit->second).bind(3, r.date).bind(4, fields);
            update.bind(5, r.notes).bind(6, actor_).bind(7, at).bind(8, r.id);
            update.step();
            audit("update", "records", r.id, before, rowHash("records", r.id));
            ++counts.updated;
            continue;
        }
        insert.reset();
        insert.bind(1, r.id).bind(2, r.kind).bind(3, unit->second).bind(4, r.date);
        insert.bind(5, fields).bind(6, r.notes).bind(7, actor_).bind(8, at).bind(9, actor_);
        insert.bind(10, at);
        insert.step();
        audit("insert", "records", r.id, "", rowHash("records", r.id));
        ++counts.added;
    }
    t.commit();
    return counts;
}

std::vector<Record> RecordsDb::list(const RecordFilter& f) {
    std::string sql = "SELECT r.id, r.kind, u.name, r.date, r.notes, r.fields FROM records r "
                      "JOIN units u ON u.id = r.unit_id WHERE 1";
    if (f.kind)
        sql += " AND r.kind = :kind";
    if (f.unit)
        sql += " AND u.name = :unit";
    if (f.from)
        sql += " AND r.date >= :from";
    if (f.to)
        sql += " AND r.date <= :to";
    sql += " ORDER BY r.date, r.kind, r.id";
    Statement s(db_, sql);
    int i = 0;
    for (const auto& v : {f.kind, f.unit, f.from, f.to})
        if (v)
            s.bind(++i, *v);
    std::vector<Record> out;
    while (s.step())
        out.push_back({s.columnText(0), s.columnText(1), s.columnText(2), s.columnText(3),
                       s.columnText(4), nlohmann::json::parse(s.columnText(5))});
    return out;
}

RowChange RecordsDb::auditedWrite(const std::string& table, const std::string& id,
                                  const std::function<void()>& write) {
    Transaction t(db_);
    const std::string before = rowHash(table, id);
    write();
    const std::string after = rowHash(table, id);
    if (before == after)
        return RowChange::Unchanged;
    const RowChange change = before.empty()  ? RowChange::Inserted
                             : after.empty() ? RowChange::Deleted
                                             : RowChange::Updated;
    audit(change == RowChange::Inserted  ? "insert"
          : change == RowChange::Deleted ? "delete"
                                         : "update",
          table, id, before, after);
    t.commit();
    return change;
}

const std::string& RecordsDb::actor() const {
    return actor_;
}

std::optional<Record> RecordsDb::find(const std::string& recordId) {
    Statement s(db_, "SELECT r.id, r.kind, u.name, r.date, r.notes, r.fields FROM records r "
                     "JOIN units u ON u.id = r.unit_id WHERE r.id = ?");
    s.bind(1, recordId);
    if (!s.step())
        return std::nullopt;
    return Record{s.columnText(0), s.columnText(1), s.columnText(2),
                  s.columnText(3), s.columnText(4), nlohmann::json::parse(s.columnText(5))};
}

std::vector<AuditEntry> RecordsDb::history(const std::string& rowId) {
    // Evidence entries are found through the evidence table, which names the record.
    Statement s(db_, "SELECT seq, at, actor, action, table_name, row_id FROM audit_log "
                     "WHERE row_id = ?1 OR row_id IN (SELECT id FROM evidence WHERE "
                     "record_id = ?1) ORDER BY seq");
    s.bind(1, rowId);
    std::vector<AuditEntry> out;
    while (s.step())
        out.push_back({s.columnInt(0), s.columnText(1), s.columnText(2), s.columnText(3),
                       s.columnText(4), s.columnText(5)});
    return out;
}

void RecordsDb::remove(const std::string& recordId) {
    Transaction t(db_);
    const std::string before = rowHash("records", recordId);
    if (before.empty())
        throw InputError(msg("no record {}", recordId));
    for (const Evidence& e : evidence(recordId)) {
        const std::string evidenceBefore = rowHash("evidence", e.id);
        Statement d(db_, "DELETE FROM evidence WHERE id = ?");
        d.bind(1, e.id);
        d.step();
        audit("delete", "evidence", e.id, evidenceBefore, "");
    }
    Statement s(db_, "DELETE FROM records WHERE id = ?");
    s.bind(1, recordId);
    s.step();
    audit("delete", "records", recordId, before, "");
    t.commit();
}

bool RecordsDb::setOverride(const Override& o) {
    const auto unit = findUnit(o.unit);
    if (!unit)
        throw InputError(msg("unit '{}' does not exist", o.unit));
    if (o.reason.empty())
        throw InputError(msg("an overridden figure needs a reason (--reason)"));
    const std::string id = newUuidFrom(sha256Hex("override\n" + unit->id + "\n" + o.templateId +
                                                 "\n" + o.from + "\n" + o.to + "\n" + o.rowKey));
    {
        Statement same(db_, "SELECT 1 FROM overrides WHERE id = ? AND value = ? AND reason = ?");
        same.bind(1, id).bind(2, o.value).bind(3, o.reason);
        if (same.step())
            return false;
    }
    Transaction t(db_);
    const std::string before = rowHash("overrides", id);
    Statement s(db_, "INSERT INTO overrides (id, unit_id, template, period_from, period_to, "
                     "row_key, value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) "
                     "DO UPDATE SET value = excluded.value, reason = excluded.reason");
    s.bind(1, id).bind(2, unit->id).bind(3, o.templateId).bind(4, o.from).bind(5, o.to);
    s.bind(6, o.rowKey).bind(7, o.value).bind(8, o.reason);
    s.step();
    audit(before.empty() ? "insert" : "update", "overrides", id, before, rowHash("overrides", id));
    t.commit();
    return true;
}

std::vector<Override> RecordsDb::allOverrides() {
    Statement s(db_, "SELECT u.name, o.template, o.period_from, o.period_to, o.row_key, o.reason, "
                     "o.value FROM overrides o JOIN units u ON u.id = o.unit_id ORDER BY o.id");
    std::vector<Override> out;
    while (s.step())
        out.push_back({s.columnText(0), s.columnText(1), s.columnText(2), s.columnText(3),
                       s.columnText(4), s.columnText(5), s.columnDouble(6)});
    return out;
}

std::vector<Override> RecordsDb::overrides(const std::string& unitId, const std::string& templateId,
                                           const std::string& from, const std::string& to) {
    Statement s(db_, "SELECT u.name, o.template, o.period_from, o.period_to, o.row_key, o.reason, "
                     "o.value FROM overrides o JOIN units u ON u.id = o.unit_id WHERE o.unit_id "
                     "= ? AND o.template = ? AND o.period_from = ? AND o.period_to = ?");
    s.bind(1, unitId).bind(2, templateId).bind(3, from).bind(4, to);
    std::vector<Override> out;
    while (s.step())
        out.push_back({s.columnText(0), s.columnText(1), s.columnText(2), s.columnText(3),
                       s.columnText(4), s.columnText(5), s.columnDouble(6)});
    return out;
}

bool RecordsDb::attach(const std::string& recordId, const std::string& fileName,
                       const std::string& content, const std::string& addedAt) {
    if (rowHash("records", recordId).empty())
        throw InputError(msg("no record {} — see `mapaudit records list`", recordId));
    const std::string sha = sha256Hex(content);
    const std::string id = newUuidFrom(sha256Hex("evidence\n" + recordId + "\n" + sha));
    if (!rowHash("evidence", id).empty())
        return false; // the same file is attached already
    Transaction t(db_);
    Statement s(db_, "INSERT INTO evidence (id, record_id, file_name, sha256, size, content, "
                     "added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, id).bind(2, recordId).bind(3, fileName).bind(4, sha);
    s.bind(5, static_cast<std::int64_t>(content.size())).bindBlob(6, content);
    s.bind(7, actor_).bind(8, addedAt.empty() ? nowUtc() : addedAt);
    s.step();
    audit("insert", "evidence", id, "", rowHash("evidence", id));
    t.commit();
    return true;
}

std::vector<Evidence> RecordsDb::evidence(const std::string& recordId) {
    Statement s(db_, "SELECT id, record_id, file_name, sha256, size, added_by, added_at FROM "
                     "evidence WHERE record_id = ? ORDER BY added_at, file_name");
    s.bind(1, recordId);
    std::vector<Evidence> out;
    while (s.step())
        out.push_back({s.columnText(0), s.columnText(1), s.columnText(2), s.columnText(3),
                       s.columnInt(4), s.columnText(5), s.columnText(6)});
    return out;
}

std::string RecordsDb::evidenceContent(const std::string& evidenceId) {
    Statement s(db_, "SELECT content FROM evidence WHERE id = ?");
    s.bind(1, evidenceId);
    if (!s.step())
        throw InputError(msg("no evidence {}", evidenceId));
    const void* blob = sqlite3_column_blob(s.handle(), 0);
    return std::string(blob ? static_cast<const char*>(blob) : "",
                       static_cast<std::size_t>(sqlite3_column_bytes(s.handle(), 0)));
}

namespace {

// Whether the chain (entry hashes by sequence number) holds `head`: the entry
// at its count, with a hash starting with its hash.
void checkHead(const std::map<std::int64_t, std::string>& hashes, const ChainHead& head,
               const std::string& whose, std::vector<VerifyProblem>& problems) {
    const auto entry = hashes.find(head.count);
    if (head.count == 0 || (entry != hashes.end() && entry->second.rfind(head.hash, 0) == 0))
        return;
    const std::string n = std::to_string(head.count);
    const std::int64_t last = hashes.empty() ? 0 : hashes.rbegin()->first;
    if (head.count > last)
        problems.push_back({"audit_log", n,
                            "the log ends at entry " + std::to_string(last) + " but " + whose +
                                " has entry " + n + " (" + head.text() +
                                ") — the newest entries and their rows were deleted, or this "
                                "is an older copy"});
    else
        problems.push_back({"audit_log", n,
                            "entry " + n + " differs from " + whose + " (" + head.text() +
                                ") — the log was rewritten, or the file replaced"});
}

} // namespace

std::vector<VerifyProblem> RecordsDb::verify(const std::optional<ChainHead>& expected) {
    std::vector<VerifyProblem> problems;
    std::map<std::int64_t, std::string> hashes; // seq → hash
    {
        Statement s(db_, "PRAGMA quick_check");
        while (s.step())
            if (s.columnText(0) != "ok")
                problems.push_back({"", "", "SQLite: " + s.columnText(0)});
    }
    // The chain: each entry's hash covers the one before.
    std::map<std::pair<std::string, std::string>, std::string> lastWord; // table,id → hash
    std::string prev = kGenesisHash;
    std::int64_t expectedSeq = 1;
    Statement log(db_, "SELECT seq, at, actor, action, table_name, row_id, before_hash, "
                       "after_hash, prev_hash, hash FROM audit_log ORDER BY seq");
    while (log.step()) {
        const std::int64_t seq = log.columnInt(0);
        const std::string table = log.columnText(4), id = log.columnText(5);
        const std::string entry = "audit log entry " + std::to_string(seq);
        if (seq != expectedSeq)
            problems.push_back({"audit_log", std::to_string(expectedSeq),
                                "audit log entries missing before entry " + std::to_string(seq)});
        if (log.columnText(8) != prev ||
            log.columnText(9) != chainHash(prev, seq, log.columnText(1), log.columnText(2),
                                           log.columnText(3), table, id, log.columnText(6),
                                           log.columnText(7)))
            problems.push_back({"audit_log", std::to_string(seq), entry + " was altered"});
        prev = log.columnText(9);
        expectedSeq = seq + 1;
        lastWord[{table, id}] = log.columnText(7);
        hashes[seq] = prev;
    }
    if (const auto kept = keptHead()) {
        const auto first = hashes.find(1);
        if (first != hashes.end() && first->second != kept->identity)
            problems.push_back({"audit_log", "1",
                                "the log starts differently from the one this workstation kept "
                                "for this file (" +
                                    kept->text() +
                                    ") — the log was rewritten from the start, or the file "
                                    "replaced by another database"});
        else
            checkHead(hashes, *kept, "the head kept on this workstation", problems);
    }
    if (expected)
        checkHead(hashes, *expected, "the expected head", problems);
    {
        // The row's hash covers the content's SHA-256; this checks the content.
        Statement content(db_, "SELECT id, sha256, content FROM evidence");
        while (content.step()) {
            const void* blob = sqlite3_column_blob(content.handle(), 2);
            const auto size = static_cast<std::size_t>(sqlite3_column_bytes(content.handle(), 2));
            const std::string bytes(blob ? static_cast<const char*>(blob) : "", size);
            if (sha256Hex(bytes) != content.columnText(1))
                problems.push_back(
                    {"evidence", content.columnText(0), "file content changed outside MapAudit"});
        }
    }
    for (const auto& [table, rowText] : kRowText) {
        std::set<std::string> seen;
        Statement rows(db_, "SELECT id, " + rowText + " FROM " + table);
        while (rows.step()) {
            const std::string id = rows.columnText(0);
            seen.insert(id);
            const auto it = lastWord.find({table, id});
            if (it == lastWord.end() || it->second.empty())
                problems.push_back({table, id, "added outside MapAudit"});
            else if (it->second != sha256Hex(rows.columnText(1)))
                problems.push_back({table, id, "changed outside MapAudit"});
        }
        for (const auto& [key, hash] : lastWord)
            if (key.first == table && !hash.empty() && !seen.count(key.second))
                problems.push_back({table, key.second, "deleted outside MapAudit"});
    }
    return problems;
}

void RecordsDb::backup(const fs::path& target) {
    std::error_code ec;
    if (fs::exists(target, ec))
        throw InputError(msg("{}: exists already — choose a new backup file", target));
    const fs::path partial = target.string() + ".partial";
    const auto removePartial = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(partial.string() + suffix, ec);
    };
    removePartial();
    try {
        {
            if (!fs::is_directory(target.parent_path().empty() ? "." : target.parent_path(), ec))
                throw InputError(writeFailure(target, ENOENT));
            Database out(partial);
            sqlite3_backup* b = sqlite3_backup_init(out.handle(), "main", db_.handle(), "main");
            if (!b)
                throw InputError(outputFailure(target, sqlite3_errmsg(out.handle())));
            sqlite3_backup_step(b, -1);
            if (sqlite3_backup_finish(b) != SQLITE_OK)
                throw InputError(outputFailure(target, sqlite3_errmsg(out.handle())));
            out.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        fs::rename(partial, target, ec);
        if (ec)
            throw InputError(writeFailure(target, ec.value()));
    } catch (...) {
        removePartial();
        throw;
    }
    removePartial();
}

} // namespace mapaudit::records
