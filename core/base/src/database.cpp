#include "mapaudit/base/database.h"

#include "mapaudit/base/error.h"

namespace mapaudit {

Database::Database(const std::filesystem::path& path) : path_(path.string()) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(
        path_.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
        nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK)
        fail(msg("cannot be opened"));
    sqlite3_busy_timeout(db_.get(), 5000);
    exec("PRAGMA foreign_keys = ON");
    if (path_ != ":memory:")
        exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
}

void Database::fail(const Message& what) const {
    const char* detail = db_ ? sqlite3_errmsg(db_.get()) : "out of memory";
    throw InputError(msg("{}: database {} ({}) — check the file and that no other program has it "
                         "open",
                         path_, what, detail));
}

void Database::exec(std::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw InputError(msg("{}: database statement failed ({})", path_, message));
    }
}

std::optional<std::int64_t> Database::queryInt(std::string_view sql) {
    Statement s(*this, sql);
    if (!s.step() || s.columnIsNull(0))
        return std::nullopt;
    return s.columnInt(0);
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_.get());
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        db.fail(msg("statement cannot be prepared"));
    stmt_.reset(raw);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK)
        db_.fail(msg("parameter cannot be bound"));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(stmt_.get(), index, value) != SQLITE_OK)
        db_.fail(msg("parameter cannot be bound"));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
        db_.fail(msg("parameter cannot be bound"));
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
    if (sqlite3_bind_blob64(stmt_.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) !=
        SQLITE_OK)
        db_.fail(msg("parameter cannot be bound"));
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK)
        db_.fail(msg("parameter cannot be bound"));
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    db_.fail(msg("statement failed"));
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

std::int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(stmt_.get(), column);
}
double Statement::columnDouble(int column) const {
    return sqlite3_column_double(stmt_.get(), column);
}
bool Statement::columnIsNull(int column) const {
    return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}
std::string Statement::columnText(int column) const {
    const auto* text = sqlite3_column_text(stmt_.get(), column);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)))
                : std::string();
}

Transaction::Transaction(Database& db)
    : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
    db_.exec(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (done_)
        return;
    if (nested_)
        sqlite3_exec(db_.handle(), "ROLLBACK TO nested; RELEASE nested", nullptr, nullptr, nullptr);
    else
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE nested" : "COMMIT");
    done_ = true;
    if (!nested_)
        db_.notifyCommitted();
}

} // namespace mapaudit
