// The SQLite layer: WAL, foreign keys, bound parameters, and transactions
// that leave the database as before when they are not committed.
#include "mapaudit/base/database.h"
#include "mapaudit/base/error.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace mapaudit;

TEST_CASE("a database file is opened in WAL mode with foreign keys on") {
    test::ScratchDir dir;
    Database db(dir / "records.sqlite");
    Statement mode(db, "PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.columnText(0) == "wal");
    CHECK(db.queryInt("PRAGMA foreign_keys") == 1);
}

TEST_CASE("bound parameters round-trip text, numbers and NULL") {
    Database db(":memory:");
    db.exec("CREATE TABLE t (name TEXT, n INTEGER, x REAL, note TEXT)");
    Statement insert(db, "INSERT INTO t VALUES (?, ?, ?, ?)");
    insert.bind(1, std::string_view("钓鱼岛 'quoted'"))
        .bind(2, std::int64_t{42})
        .bind(3, 1.5)
        .bindNull(4);
    CHECK_FALSE(insert.step());
    Statement select(db, "SELECT name, n, x, note FROM t");
    REQUIRE(select.step());
    CHECK(select.columnText(0) == "钓鱼岛 'quoted'");
    CHECK(select.columnInt(1) == 42);
    CHECK(select.columnDouble(2) == 1.5);
    CHECK(select.columnIsNull(3));
}

TEST_CASE("an uncommitted transaction leaves the database as before") {
    test::ScratchDir dir;
    const auto path = dir / "records.sqlite";
    {
        Database db(path);
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        db.exec("INSERT INTO t (v) VALUES ('kept')");
        try {
            Transaction tx(db);
            db.exec("INSERT INTO t (v) VALUES ('lost')");
            db.exec("INSERT INTO t (v) VALUES (NULL)"); // violates NOT NULL: throws
            tx.commit();
        } catch (const InputError&) {
        }
        CHECK(db.queryInt("SELECT count(*) FROM t") == 1);
        {
            Transaction tx(db);
            db.exec("INSERT INTO t (v) VALUES ('committed')");
            tx.commit();
        }
    }
    Database reopened(path);
    CHECK(reopened.queryInt("SELECT count(*) FROM t") == 2);
}

TEST_CASE("foreign keys are enforced") {
    Database db(":memory:");
    db.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
    db.exec("CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent(id))");
    CHECK_THROWS_AS(db.exec("INSERT INTO child (parent) VALUES (7)"), InputError);
}
