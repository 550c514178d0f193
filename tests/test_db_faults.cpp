// I/O faults under the records database, in the manner of SQLite's own tests:
// a VFS that fails the Nth write, sync or truncate makes every write operation
// fail at each of its I/O calls in turn. After each failure the files on disk
// (as a crash would leave them) and the database reopened after closing must
// hold exactly the state before the operation or the one after it, the audit
// chain must verify, and the connection must hold no lock.
#include "mapaudit/base/error.h"
#include "mapaudit/records/bundle.h"
#include "mapaudit/records/record_import.h"
#include "mapaudit/records/records_db.h"
#include "mapaudit/security/classified_ledger.h"
#include "mapaudit/security/credit_code.h"
#include "mapaudit/security/spot_check_draw.h"
#include "mapaudit/security/supervised_register.h"
#include "test_support.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <sqlite3.h>
#include <vector>

using namespace mapaudit;
using namespace mapaudit::records;
namespace fs = std::filesystem;

namespace {

// ---- The VFS shim -------------------------------------------------------

enum class Fault {
    IoErrorOnce,  // the Nth call fails with an I/O error, later ones succeed
    DiskFullFrom, // the Nth call and every later one fail with SQLITE_FULL
};

struct FaultState {
    bool armed = false;
    Fault fault = Fault::IoErrorOnce;
    int failAt = 0;
    int calls = 0;    // write-ish calls since arming
    int injected = 0; // of them failed
};
FaultState g_state;
sqlite3_vfs* g_base = nullptr;

struct ShimFile {
    sqlite3_file base;
    sqlite3_file* real; // the wrapped file, in the same allocation
};
constexpr int kShimHeader = (sizeof(ShimFile) + 7) & ~7;

sqlite3_file* real(sqlite3_file* f) {
    return reinterpret_cast<ShimFile*>(f)->real;
}

// The error the current call returns, or SQLITE_OK to let it through.
int injectedError(int ioError) {
    if (!g_state.armed)
        return SQLITE_OK;
    ++g_state.calls;
    const bool fail = g_state.fault == Fault::IoErrorOnce ? g_state.calls == g_state.failAt
                                                          : g_state.calls >= g_state.failAt;
    if (!fail)
        return SQLITE_OK;
    ++g_state.injected;
    return g_state.fault == Fault::IoErrorOnce ? ioError : SQLITE_FULL;
}

int shimClose(sqlite3_file* f) {
    return real(f)->pMethods->xClose(real(f));
}
int shimRead(sqlite3_file* f, void* p, int n, sqlite3_int64 off) {
    return real(f)->pMethods->xRead(real(f), p, n, off);
}
int shimWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 off) {
    if (const int rc = injectedError(SQLITE_IOERR_WRITE))
        return rc;
    return real(f)->pMethods->xWrite(real(f), p, n, off);
}
int shimTruncate(sqlite3_file* f, sqlite3_int64 size) {
    if (const int rc = injectedError(SQLITE_IOERR_TRUNCATE))
        return rc;
    return real(f)->pMethods->xTruncate(real(f), size);
}
int shimSync(sqlite3_file* f, int flags) {
    if (const int rc = injectedError(SQLITE_IOERR_FSYNC))
        return rc;
    return real(f)->pMethods->xSync(real(f), flags);
}
int shimFileSize(sqlite3_file* f, sqlite3_int64* size) {
    return real(f)->pMethods->xFileSize(real(f), size);
}
int shimLock(sqlite3_file* f, int level) {
    return real(f)->pMethods->xLock(real(f), level);
}
int shimUnlock(sqlite3_file* f, int level) {
    return real(f)->pMethods->xUnlock(real(f), level);
}
int shimCheckReservedLock(sqlite3_file* f, int* out) {
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int shimFileControl(sqlite3_file* f, int op, void* arg) {
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int shimSectorSize(sqlite3_file* f) {
    return real(f)->pMethods->xSectorSize(real(f));
}
int shimDeviceCharacteristics(sqlite3_file* f) {
    return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int shimShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** p) {
    return real(f)->pMethods->xShmMap(real(f), page, size, extend, p);
}
int shimShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void shimShmBarrier(sqlite3_file* f) {
    real(f)->pMethods->xShmBarrier(real(f));
}
int shimShmUnmap(sqlite3_file* f, int deleteFlag) {
    return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
}

// Memory-mapped I/O is off (SQLite's default), so xFetch/xUnfetch are not offered.
const sqlite3_io_methods kShimMethods = {2,
                                         shimClose,
                                         shimRead,
                                         shimWrite,
                                         shimTruncate,
                                         shimSync,
                                         shimFileSize,
                                         shimLock,
                                         shimUnlock,
                                         shimCheckReservedLock,
                                         shimFileControl,
                                         shimSectorSize,
                                         shimDeviceCharacteristics,
                                         shimShmMap,
                                         shimShmLock,
                                         shimShmBarrier,
                                         shimShmUnmap,
                                         nullptr,
                                         nullptr};

int shimOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags) {
    auto* shim = reinterpret_cast<ShimFile*>(f);
    shim->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + kShimHeader);
    shim->base.pMethods = nullptr;
    const int rc = g_base->xOpen(g_base, name, shim->real, flags, outFlags);
    if (shim->real->pMethods)
        shim->base.pMethods = &kShimMethods;
    return rc;
}
int shimDelete(sqlite3_vfs*, const char* name, int syncDir) {
    return g_base->xDelete(g_base, name, syncDir);
}
int shimAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
    return g_base->xAccess(g_base, name, flags, out);
}
int shimFullPathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return g_base->xFullPathname(g_base, name, n, out);
}
void* shimDlOpen(sqlite3_vfs*, const char* name) {
    return g_base->xDlOpen(g_base, name);
}
void shimDlError(sqlite3_vfs*, int n, char* out) {
    g_base->xDlError(g_base, n, out);
}
void (*shimDlSym(sqlite3_vfs*, void* lib, const char* symbol))() {
    return g_base->xDlSym(g_base, lib, symbol);
}
void shimDlClose(sqlite3_vfs*, void* lib) {
    g_base->xDlClose(g_base, lib);
}
int shimRandomness(sqlite3_vfs*, int n, char* out) {
    return g_base->xRandomness(g_base, n, out);
}
int shimSleep(sqlite3_vfs*, int micros) {
    return g_base->xSleep(g_base, micros);
}
int shimCurrentTime(sqlite3_vfs*, double* out) {
    return g_base->xCurrentTime(g_base, out);
}
int shimGetLastError(sqlite3_vfs*, int n, char* out) {
    return g_base->xGetLastError(g_base, n, out);
}
int shimCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
    return g_base->xCurrentTimeInt64(g_base, out);
}

// The shim is SQLite's default VFS while this lives (one test at a time).
class FaultVfs {
public:
    FaultVfs() {
        g_base = sqlite3_vfs_find(nullptr);
        REQUIRE(g_base);
        REQUIRE(g_base->iVersion >= 2);
        vfs_ = {2,
                kShimHeader + g_base->szOsFile,
                g_base->mxPathname,
                nullptr,
                "mapaudit-fault",
                nullptr,
                shimOpen,
                shimDelete,
                shimAccess,
                shimFullPathname,
                shimDlOpen,
                shimDlError,
                shimDlSym,
                shimDlClose,
                shimRandomness,
                shimSleep,
                shimCurrentTime,
                shimGetLastError,
                shimCurrentTimeInt64,
                nullptr,
                nullptr,
                nullptr};
        g_state = {};
        REQUIRE(sqlite3_vfs_register(&vfs_, 1) == SQLITE_OK);
    }
    ~FaultVfs() {
        sqlite3_vfs_unregister(&vfs_);
        sqlite3_vfs_register(g_base, 1);
    }
    FaultVfs(const FaultVfs&) = delete;
    FaultVfs& operator=(const FaultVfs&) = delete;

    void arm(Fault fault, int failAt) { g_state = {true, fault, failAt, 0, 0}; }
    void disarm() { g_state.armed = false; }
    // How many calls failed since arming.
    int injected() const { return g_state.injected; }

    // While one lives, databases are opened with SQLite's own VFS.
    class Normal {
    public:
        explicit Normal(FaultVfs& shim) : shim_(shim) { sqlite3_vfs_register(g_base, 1); }
        ~Normal() { sqlite3_vfs_register(&shim_.vfs_, 1); }
        Normal(const Normal&) = delete;
        Normal& operator=(const Normal&) = delete;

    private:
        FaultVfs& shim_;
    };

private:
    sqlite3_vfs vfs_{};
};

// ---- Database content -------------------------------------------------------

// Every table's rows as text, sorted, and the schema version.
using Snapshot = std::map<std::string, std::vector<std::string>>;

Snapshot snapshot(RecordsDb& db) {
    Snapshot out;
    out["(user_version)"] = {std::to_string(db.schemaVersion())};
    std::vector<std::string> tables;
    {
        Statement s(db.database(), "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                   "name NOT LIKE 'sqlite_%' ORDER BY name");
        while (s.step())
            tables.push_back(s.columnText(0));
    }
    for (const std::string& table : tables) {
        std::vector<std::string>& rows = out[table];
        Statement s(db.database(), "SELECT * FROM \"" + table + "\"");
        sqlite3_stmt* h = s.handle();
        while (s.step()) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(h); ++c) {
                switch (sqlite3_column_type(h, c)) {
                case SQLITE_NULL:
                    row += "NULL";
                    break;
                case SQLITE_BLOB:
                    row += "blob:" + std::to_string(sqlite3_column_bytes(h, c)) + ":";
                    [[fallthrough]];
                default:
                    row += s.columnText(c);
                }
                row += '\x1f';
            }
            rows.push_back(std::move(row));
        }
        std::sort(rows.begin(), rows.end());
    }
    return out;
}

// The snapshot without what differs between two runs of the same operation:
// timestamps and what is derived from them (hashes, draw ids, their records' ids).
Snapshot normalized(Snapshot s) {
    static const std::regex time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
    static const std::regex uuid(R"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    static const std::regex hex(R"([0-9a-f]{8,})");
    for (auto& [table, rows] : s) {
        for (std::string& row : rows)
            row = std::regex_replace(
                std::regex_replace(std::regex_replace(row, time, "<time>"), uuid, "<uuid>"), hex,
                "<hex>");
        std::sort(rows.begin(), rows.end());
    }
    return s;
}

std::string describe(const std::vector<VerifyProblem>& problems) {
    std::string out;
    for (const VerifyProblem& p : problems)
        out += p.table + " " + p.rowId + ": " + p.what + "\n";
    return out;
}

void copyDatabase(const fs::path& from, const fs::path& to) {
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(to.string() + suffix);
    fs::copy_file(from, to);
    // The -shm index is rebuilt from the WAL when missing, as after a reboot.
    if (fs::exists(from.string() + "-wal"))
        fs::copy_file(from.string() + "-wal", to.string() + "-wal");
}

// ---- Operations -------------------------------------------------------------

constexpr const char* kCity = "赣州市自然资源局";
constexpr const char* kCounty = "章贡分局";
constexpr const char* kTown = "沙石镇所";

std::string codeFor(int n) {
    return test::validCreditCode(std::to_string(10000000 + n * 7919));
}

void importRegisterCsv(RecordsDb& db, const fs::path& dir, int units) {
    std::string csv = "单位名称,统一社会信用代码,类别,资质等级,行业,地址,联系人,外地单位\n";
    for (int i = 0; i < units; ++i)
        csv += "单位" + std::to_string(i) + "," + codeFor(i) + ",测绘资质单位,乙级," +
               (i % 2 ? "电力" : "水利") + ",赣州,联系人,否\n";
    test::writeFile(dir / "register.csv", csv);
    const auto parsed = security::parseRegisterFile(dir / "register.csv");
    REQUIRE(parsed.problems.empty());
    security::importRegister(db, parsed.units);
}

void importInspectorsCsv(RecordsDb& db, const fs::path& dir) {
    test::writeFile(dir / "inspectors.csv",
                    "姓名,回避单位\n张三,\n李四," + codeFor(0) + "\n王五,\n赵六,\n");
    const auto parsed = security::parseInspectorFile(dir / "inspectors.csv");
    REQUIRE(parsed.problems.empty());
    security::importInspectors(db, parsed.inspectors);
}

void importLedgerCsv(RecordsDb& db, const fs::path& dir) {
    test::writeFile(dir / "ledger.csv",
                    "持有单位,审批文号,成果名称,密级,用途,领用日期,项目完成日期\n" + codeFor(0) +
                        ",赣自然资测〔2025〕1号,1:1万地形图 12 幅,机密,输电线路设计,2025-03-01,"
                        "2025-09-30\n" +
                        codeFor(1) +
                        ",赣自然资测〔2025〕2号,控制点成果,秘密,水库测量,2025-06-01,2026-05-31\n");
    const auto parsed = security::parseLedgerFile(dir / "ledger.csv");
    REQUIRE(parsed.problems.empty());
    security::importLedger(db, parsed.items);
}

std::string firstLedgerItem(RecordsDb& db) {
    const auto items = security::ledgerItems(db);
    REQUIRE(!items.empty());
    return items[0].id;
}

std::string recordLine(const std::string& kind, const std::string& unit, const std::string& date,
                       const std::string& fields) {
    return R"({"kind":")" + kind + R"(","unit":")" + unit + R"(","date":")" + date + "\"," +
           fields + "}\n";
}

void importRecordsFile(RecordsDb& db, const fs::path& file) {
    const ParsedRecords parsed =
        parseRecordsFile(file, [&](const std::string& u) { return db.findUnit(u).has_value(); });
    REQUIRE(parsed.problems.empty());
    db.upsert(parsed.records);
}

struct Operation {
    std::string name;
    // Brings a new database into the state before the operation.
    std::function<void(RecordsDb&, const fs::path& dir)> setUp;
    std::function<void(RecordsDb&, const fs::path& dir)> run;
};

std::vector<Operation> operations(const fs::path& dir) {
    // Inputs made once, read by every run.
    test::writeFile(
        dir / "records.jsonl",
        recordLine("onsite_check", kCounty, "2021-03-02",
                   R"("id":"6f1d2c1e-0b7a-4c2e-9d51-2f6a1b3c4d5e","place":"章贡区书店")") +
            recordLine("problem_map", kCounty, "2021-03-05",
                       R"("medium":"offline","title":"挂图","sheets":3)") +
            recordLine("clue", kTown, "2021-04-01", R"("description":"网店售卖问题地图")") +
            recordLine("case", kCity, "2021-05-01",
                       R"("domain":"map","case_number":"赣自然资罚〔2021〕1号")"));
    // The record of the first line as it was before (the import updates it).
    test::writeFile(dir / "records-before.jsonl",
                    recordLine("onsite_check", kCounty, "2021-03-01",
                               R"("id":"6f1d2c1e-0b7a-4c2e-9d51-2f6a1b3c4d5e","place":"书店")"));
    {
        RecordsDb county(dir / "county.db", "county");
        county.addUnit(kCounty);
        county.addUnit(kTown, kCounty);
        test::writeFile(dir / "county.jsonl",
                        recordLine("problem_map", kCounty, "2021-03-01",
                                   R"("medium":"offline","title":"挂图","sheets":3)") +
                            recordLine("clue", kTown, "2021-04-01", R"("description":"线索")"));
        importRecordsFile(county, dir / "county.jsonl");
        county.setOverride({kCounty, "2021", "2021-01-01", "2021-11-15", "clues", "含电话线索", 4});
        county.attach(county.list({})[0].id, "挂图.jpg", std::string(3000, 'j'));
        exportBundle(county, kCounty, dir / "county.bundle");
    }
    const auto units = [](RecordsDb& db) {
        db.addUnit(kCity);
        db.addUnit(kCounty, kCity);
        db.addUnit(kTown, kCounty);
    };
    const auto registerOnly = [units](RecordsDb& db, const fs::path& d) {
        units(db);
        importRegisterCsv(db, d, 6);
    };
    const auto withLedger = [registerOnly](RecordsDb& db, const fs::path& d) {
        registerOnly(db, d);
        importLedgerCsv(db, d);
    };
    return {
        {"records import",
         [units](RecordsDb& db, const fs::path& d) {
             units(db);
             importRecordsFile(db, d / "records-before.jsonl");
         },
         [](RecordsDb& db, const fs::path& d) { importRecordsFile(db, d / "records.jsonl"); }},
        {"bundle import",
         [](RecordsDb& db, const fs::path&) {
             db.addUnit(kCity);
             db.addUnit(kCounty, kCity);
         },
         [](RecordsDb& db, const fs::path& d) { importBundle(db, d / "county.bundle"); }},
        {"register import", [units](RecordsDb& db, const fs::path&) { units(db); },
         [](RecordsDb& db, const fs::path& d) { importRegisterCsv(db, d, 6); }},
        {"spot-check draw",
         [registerOnly](RecordsDb& db, const fs::path& d) {
             registerOnly(db, d);
             importInspectorsCsv(db, d);
         },
         [](RecordsDb& db, const fs::path&) {
             security::DrawOptions o;
             o.year = 2026;
             o.ratio = 0.5;
             o.seed = 2026;
             o.unit = kCity;
             o.date = "2026-03-01";
             security::drawSpotChecks(db, o);
         }},
        {"ledger import", registerOnly,
         [](RecordsDb& db, const fs::path& d) { importLedgerCsv(db, d); }},
        {"ledger copy", withLedger,
         [](RecordsDb& db, const fs::path&) {
             security::registerCopy(db, firstLedgerItem(db), "2025-04-01", "扫描件");
         }},
        {"ledger destroy", withLedger,
         [](RecordsDb& db, const fs::path&) {
             security::recordDestruction(db, firstLedgerItem(db), "2025-10-08", "粉碎",
                                         "张三、李四");
         }},
        {"ledger transfer", withLedger,
         [](RecordsDb& db, const fs::path&) {
             security::recordTransfer(db, firstLedgerItem(db), "某测绘公司", "2025-05-01");
         }},
    };
}

// True when another connection can take the write lock at once.
bool writeLockFree(const fs::path& path) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    SqliteDbPtr other(raw);
    return rc == SQLITE_OK &&
           sqlite3_exec(raw, "BEGIN IMMEDIATE; ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK;
}

// Each run starts from a copy of the same database, so what the workstation
// remembers of that database's audit chain (MAPAUDIT_STATE_DIR) must be
// forgotten between runs; restored when the test ends.
class FreshStateDir {
public:
    explicit FreshStateDir(fs::path root) : root_(std::move(root)) {
        if (const char* old = std::getenv("MAPAUDIT_STATE_DIR"))
            old_ = old;
    }
    ~FreshStateDir() {
        if (old_)
            ::setenv("MAPAUDIT_STATE_DIR", old_->c_str(), 1);
        else
            ::unsetenv("MAPAUDIT_STATE_DIR");
    }
    FreshStateDir(const FreshStateDir&) = delete;
    FreshStateDir& operator=(const FreshStateDir&) = delete;
    void next() {
        const fs::path folder = root_ / std::to_string(++runs_);
        fs::create_directories(folder);
        ::setenv("MAPAUDIT_STATE_DIR", folder.c_str(), 1);
    }

private:
    fs::path root_;
    std::optional<std::string> old_;
    int runs_ = 0;
};

constexpr int kMaxCalls = 120; // far more than any operation here needs

} // namespace

TEST_CASE("a write that fails at any I/O call leaves the database as before or as after") {
    test::ScratchDir dir;
    FaultVfs shim;
    FreshStateDir state(dir / "state");
    const bool verbose = std::getenv("MAPAUDIT_FAULT_VERBOSE") != nullptr;

    for (const Operation& op : operations(dir.path())) {
        const fs::path before = dir / (op.name + ".before.db");
        {
            RecordsDb db(before, "tester");
            op.setUp(db, dir.path());
        } // closed: checkpointed, one file
        REQUIRE_FALSE(fs::exists(before.string() + "-wal"));

        Snapshot beforeState, afterState;
        {
            const fs::path clean = dir / (op.name + ".clean.db");
            copyDatabase(before, clean);
            state.next();
            RecordsDb db(clean, "tester");
            beforeState = snapshot(db);
            op.run(db, dir.path());
            afterState = normalized(snapshot(db));
            REQUIRE(describe(db.verify()).empty());
        }
        REQUIRE(normalized(beforeState) != afterState);

        for (Fault fault : {Fault::IoErrorOnce, Fault::DiskFullFrom}) {
            const char* faultName = fault == Fault::IoErrorOnce ? "I/O error once" : "disk full";
            int n = 1;
            int walRolledBack = 0;   // crash images whose WAL held a transaction never committed
            int committedAnyway = 0; // failed, yet the commit had reached the WAL
            for (; n <= kMaxCalls; ++n) {
                INFO(op.name << ", " << faultName << " at write-ish call " << n);
                const fs::path work = dir / "work.db", crash = dir / "crash.db";
                copyDatabase(before, work);
                state.next();
                bool threw = false;
                std::uintmax_t crashWalBytes = 0;
                {
                    RecordsDb db(work, "tester");
                    shim.arm(fault, n);
                    try {
                        op.run(db, dir.path());
                    } catch (const InputError&) {
                        threw = true;
                    }
                    // The files as a crash at this moment would leave them.
                    copyDatabase(work, crash);
                    if (fs::exists(crash.string() + "-wal"))
                        crashWalBytes = fs::file_size(crash.string() + "-wal");
                    CHECK((threw ? shim.injected() > 0 : true));
                    CHECK(sqlite3_get_autocommit(db.database().handle()) != 0);
                    CHECK(sqlite3_next_stmt(db.database().handle(), nullptr) == nullptr);
                    CHECK(writeLockFree(work));
                } // closed still armed: its checkpoint may fail too
                shim.disarm();
                FaultVfs::Normal normal(shim);
                for (const fs::path& path : {crash, work}) {
                    INFO((path == crash ? "files left at the failure" : "reopened after close"));
                    RecordsDb db(path, "tester");
                    const Snapshot now = snapshot(db);
                    const bool asBefore = now == beforeState;
                    const bool asAfter = normalized(now) == afterState;
                    CHECK((asBefore || asAfter));
                    if (path == crash && threw) {
                        walRolledBack += asBefore && crashWalBytes > 0;
                        committedAnyway += asAfter;
                    }
                    if (!threw)
                        CHECK(asAfter);
                    CHECK(describe(db.verify()) == "");
                }
                if (shim.injected() == 0)
                    break; // the operation and the close need fewer calls than n
            }
            CHECK(n <= kMaxCalls);
            CHECK(walRolledBack > 0); // the journal was put to the test
            if (verbose)
                std::cout << op.name << ", " << faultName << ": " << n - 1
                          << " write-ish calls with the close; WAL rolled back " << walRolledBack
                          << ", committed despite the error " << committedAnyway << "\n";
        }
    }
}
