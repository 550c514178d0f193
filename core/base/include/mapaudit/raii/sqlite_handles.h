// Owning handles for sqlite3 connections and prepared statements.
#pragma once

#include <memory>
#include <sqlite3.h>

namespace mapaudit {

struct SqliteCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using SqliteDbPtr = std::unique_ptr<sqlite3, SqliteCloser>;

struct SqliteFinalizer {
    void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using SqliteStmtPtr = std::unique_ptr<sqlite3_stmt, SqliteFinalizer>;

} // namespace mapaudit
