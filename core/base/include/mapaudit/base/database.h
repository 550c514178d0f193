// A small SQLite access layer: one connection, prepared statements with
// bound parameters, and transactions that roll back unless committed.
#pragma once

#include "mapaudit/base/message.h"
#include "mapaudit/raii/sqlite_handles.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace mapaudit {

class Database;

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bindNull(int index);
    Statement& bindBlob(int index, std::string_view bytes);
    sqlite3_stmt* handle() const noexcept { return stmt_.get(); }
    // Steps once; true while a row is available.
    bool step();
    void reset();
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;

private:
    Database& db_;
    SqliteStmtPtr stmt_;
};

class Database {
public:
    // Opens or creates the file (":memory:" for a private in-memory database)
    // with WAL journaling and foreign keys on.
    explicit Database(const std::filesystem::path& path);
    void exec(std::string_view sql);
    std::optional<std::int64_t> queryInt(std::string_view sql);
    std::int64_t lastInsertRowId() const;
    sqlite3* handle() const noexcept { return db_.get(); }
    const std::string& path() const noexcept { return path_; }
    [[noreturn]] void fail(const Message& what) const;
    // Called after each outermost transaction has committed (not on rollback).
    void onCommitted(std::function<void()> listener) { committed_ = std::move(listener); }
    void notifyCommitted() const {
        if (committed_)
            committed_();
    }

private:
    SqliteDbPtr db_;
    std::string path_;
    std::function<void()> committed_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit().
// Inside another transaction it is a savepoint: its work is kept or undone
// with the outer one.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool nested_;
    bool done_ = false;
};

} // namespace mapaudit
