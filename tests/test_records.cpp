// Supervision records: units, import (all or nothing, idempotent), every row
// of the 2021 summary form, overrides, and audit-log tamper detection.
#include "cli.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/sha256.h"
#include "mapaudit/records/bundle.h"
#include "mapaudit/records/record_import.h"
#include "mapaudit/records/records_db.h"
#include "mapaudit/records/summary.h"
#include "mapaudit/records/summary_export.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace mapaudit;
using namespace mapaudit::records;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCity = "赣州市自然资源局";
constexpr const char* kCounty = "章贡分局";
constexpr const char* kTown = "沙石镇所"; // below the county

struct Fixture {
    test::ScratchDir dir;
    RecordsDb db{dir / "records.db", "tester"};
    Fixture() {
        db.addUnit(kCity);
        db.addUnit(kCounty, kCity);
        db.addUnit(kTown, kCounty);
        db.addUnit("南康分局", kCity);
    }
    ParsedRecords parse(const std::string& name, const std::string& content) {
        test::writeFile(dir / name, content);
        std::set<std::string> units;
        for (const Unit& u : db.units())
            units.insert(u.name);
        return parseRecordsFile(dir / name,
                                [&](const std::string& u) { return units.count(u) > 0; });
    }
    ImportCounts import(const std::string& jsonl) {
        const ParsedRecords parsed = parse("import.jsonl", jsonl);
        INFO((parsed.problems.empty() ? "" : parsed.problems[0].message));
        REQUIRE(parsed.problems.empty());
        return db.upsert(parsed.records);
    }
    std::map<std::string, double> summary(const std::string& unit, bool subunits,
                                          std::optional<std::string> from = std::nullopt,
                                          std::optional<std::string> to = std::nullopt) {
        const SummaryTable t = computeSummary(db, SummaryTemplate::load("2021"), unit, subunits,
                                              from, to, "2021-11-20");
        std::map<std::string, double> out;
        for (const SummaryCell& c : t.cells)
            out[c.row.key] = c.value;
        return out;
    }
};

std::string line(const std::string& kind, const std::string& unit, const std::string& date,
                 const std::string& fields) {
    return R"({"kind":")" + kind + R"(","unit":")" + unit + R"(","date":")" + date + "\"" +
           (fields.empty() ? "" : "," + fields) + "}\n";
}

} // namespace

TEST_CASE("the 2021 form: 19 rows in the printed order, title and footnote") {
    const SummaryTemplate t = SummaryTemplate::load("2021");
    CHECK(t.title == "2021年地理信息监管与服务工作开展情况汇总表");
    CHECK(t.footnote == "注:上述指标统计时间段为2021年1月1日—11月15日。");
    CHECK(t.columns == std::vector<std::string>{"工作内容", "数量", "备注"});
    CHECK(t.defaultFrom == "2021-01-01");
    CHECK(t.defaultTo == "2021-11-15");
    REQUIRE(t.rows.size() == 19);
    CHECK(t.rows[0].group == "地图监管");
    CHECK(t.rows[0].item == "现场检查数(次)");
    CHECK(t.rows[2].item == "线上“问题地图”数(幅)");
    CHECK(t.rows[13].group == "组织编制专题地图和图集(册/幅)");
    CHECK(t.rows[13].item.empty());
    CHECK(t.rows[18].item == "提供各类地理信息数据(GB)");
}

TEST_CASE("every row of the form counts its records, period edges included") {
    Fixture f;
    std::string in;
    // Each row gets a distinct figure inside the period, plus records just
    // outside it (2020-12-31, 2021-11-16) that must not count.
    for (const char* date : {"2021-01-01", "2021-11-15", "2020-12-31", "2021-11-16"}) {
        in += line("onsite_check", kCity, date, R"("place":"书店")");
        in += line("problem_map", kCity, date, R"("medium":"offline","title":"图册","sheets":3)");
        in += line("problem_map", kCity, date, R"("medium":"online","title":"网站")");
        in += line("case", kCity, date, R"("domain":"map","case_number":"赣-1")");
        in += line("case", kCity, date, R"("domain":"security","case_number":"赣-2")");
        in += line("case", kCity, date, R"("domain":"security","case_number":"赣-3")");
        in += line("self_inspection", kCity, date, R"("campaign":"自查","units":7)");
        in += line("spot_check", kCity, date, R"("checked_unit":"某测绘院")");
        in += line("clue", kCity, date, R"("description":"线索")");
        in += line("publicity_event", kCity, date, R"("title":"版图宣传")");
        in += line("map_supply", kCity, date, R"("requesting_body":"市政府","sheets":11)");
        in += line("standard_map", kCity, date, R"("title":"标准地图","sheets":2)");
        in += line("thematic_product", kCity, date, R"("title":"图集","volumes_or_sheets":5)");
        in += line("major_event_support", kCity, date, R"("event":"马拉松")");
        in += line("emergency_support", kCity, date,
                   R"("event":"洪水","maps":4,"imagery_km2":12.5,"data_gb":0.75)");
    }
    CHECK(f.import(in).added == 60);
    const auto s = f.summary(kCity, false);
    CHECK(s.at("onsite_checks") == 2);
    CHECK(s.at("offline_problem_maps") == 6); // sheets, not records
    CHECK(s.at("online_problem_maps") == 2);  // sheets default to 1
    CHECK(s.at("map_cases") == 2);
    CHECK(s.at("self_inspections") == 14);
    CHECK(s.at("spot_checks") == 2);
    CHECK(s.at("clues") == 2);
    CHECK(s.at("security_cases") == 4);
    CHECK(s.at("publicity_events") == 2);
    CHECK(s.at("map_supply_times") == 2);
    CHECK(s.at("map_supply_sheets") == 22);
    CHECK(s.at("standard_maps_new") == 4);
    CHECK(s.at("standard_maps_total") == 6); // 2020-12-31 counts, 2021-11-16 does not
    CHECK(s.at("thematic_products") == 10);
    CHECK(s.at("major_event_support") == 2);
    CHECK(s.at("emergency_times") == 2);
    CHECK(s.at("emergency_maps") == 8);
    CHECK(s.at("emergency_imagery_km2") == Approx(25));
    CHECK(s.at("emergency_data_gb") == Approx(1.5));
    CHECK(s.size() == 19);

    // Any period can be chosen.
    const auto december = f.summary(kCity, false, "2020-12-01", "2020-12-31");
    CHECK(december.at("onsite_checks") == 1);
    CHECK(december.at("standard_maps_total") == 2);
}

TEST_CASE("a unit's summary includes its subunits only when asked, at every depth") {
    Fixture f;
    f.import(line("onsite_check", kCity, "2021-05-01", R"("place":"a")") +
             line("onsite_check", kCounty, "2021-05-01", R"("place":"b")") +
             line("onsite_check", kTown, "2021-05-01", R"("place":"c")") +
             line("onsite_check", "南康分局", "2021-05-01", R"("place":"d")"));
    CHECK(f.summary(kCity, false).at("onsite_checks") == 1);
    CHECK(f.summary(kCity, true).at("onsite_checks") == 4);
    CHECK(f.summary(kCounty, true).at("onsite_checks") == 2);
    CHECK(f.summary(kTown, true).at("onsite_checks") == 1);
}

TEST_CASE("an overridden figure is reported with its reason and the computed one") {
    Fixture f;
    f.import(line("clue", kCity, "2021-05-01", R"("description":"x")"));
    f.db.setOverride({kCity, "2021", "2021-01-01", "2021-11-15", "clues", "含公安移交线索", 9});
    const SummaryTable t =
        computeSummary(f.db, SummaryTemplate::load("2021"), kCity, false, {}, {}, "2021-11-20");
    const auto clues = std::find_if(t.cells.begin(), t.cells.end(),
                                    [](const SummaryCell& c) { return c.row.key == "clues"; });
    REQUIRE(clues != t.cells.end());
    CHECK(clues->value == 9);
    CHECK(clues->computed == 1);
    CHECK(clues->remark() == "人工填报：含公安移交线索（系统统计 1）");
    // Another period is not affected.
    CHECK(f.summary(kCity, false, "2021-01-01", "2021-12-31").at("clues") == 1);
    CHECK_THROWS_AS(f.db.setOverride({kCity, "2021", "2021-01-01", "2021-11-15", "clues", "", 3}),
                    InputError);
}

TEST_CASE("a table of another period says which period it counts, not the form's printed one") {
    Fixture f;
    const SummaryTable own =
        computeSummary(f.db, SummaryTemplate::load("2021"), kCity, false, {}, {}, "2021-11-20");
    CHECK(summaryFootnote(own) == "注:上述指标统计时间段为2021年1月1日—11月15日。");
    const SummaryTable year = computeSummary(f.db, SummaryTemplate::load("2021"), kCity, false,
                                             "2022-01-01", "2022-12-31", "2026-12-05");
    const std::string note = summaryFootnote(year);
    CHECK(note ==
          "注:上述指标统计时间段为2022年1月1日—2022年12月31日（表式原定统计时间段为2021年1月1日—"
          "2021年11月15日）。");
    CHECK(summaryJson(year)["footnote"] == note);
    test::ScratchDir dir;
    writeSummaryCsv(year, dir / "year.csv");
    CHECK(readFileBytes(dir / "year.csv").find(note) != std::string::npos);
    CHECK(readFileBytes(dir / "year.csv").find("11月15日。") == std::string::npos);
}

TEST_CASE("a bad file is rejected whole, every bad line named with its field") {
    Fixture f;
    const std::string good = line("clue", kCity, "2021-05-01", R"("description":"ok")");
    const ParsedRecords p = f.parse(
        "bad.jsonl", good + line("no_such_kind", kCity, "2021-05-01", "") +          // 2
                         line("clue", kCity, "2021-02-30", R"("description":"x")") + // 3
                         line("map_supply", kCity, "2021-05-01",
                              R"("requesting_body":"x","sheets":-2)") +                     // 4
                         line("onsite_check", kCity, "2021-05-01", "") +                    // 5
                         line("clue", "不存在的局", "2021-05-01", R"("description":"x")") + // 6
                         "{not json\n" +                                                    // 7
                         line("problem_map", kCity, "2021-05-01",
                              R"("medium":"tv","title":"x","colour":"red")")); // 8
    std::map<int, std::string> fieldByLine;
    for (const ImportProblem& pr : p.problems)
        fieldByLine[pr.line] += pr.field + ";";
    CHECK(fieldByLine[2] == "kind;");
    CHECK(fieldByLine[3] == "date;");
    CHECK(fieldByLine[4] == "sheets;");
    CHECK(fieldByLine[5] == "place;");
    CHECK(fieldByLine[6] == "unit;");
    CHECK(fieldByLine[7] == ";");
    CHECK(fieldByLine[8] == "colour;medium;");
    CHECK(fieldByLine.count(1) == 0);
    CHECK(p.problems.size() == 8);

    // The command line imports nothing from it and lists every problem.
    const std::string db = (f.dir / "records.db").string(), file = (f.dir / "bad.jsonl").string();
    std::vector<std::string_view> args{"records", "import", "--lang", "en", "--db", db, file};
    std::ostringstream out, err;
    CHECK(cli::run(args, out, err) == cli::kExitInput);
    CHECK(err.str().find("8 problem(s), nothing imported") != std::string::npos);
    CHECK(err.str().find("line 4, field sheets: must not be negative (-2)") != std::string::npos);
    CHECK(err.str().find("line 6, field unit: unknown unit '不存在的局'") != std::string::npos);
    CHECK(f.db.list({}).empty());
}

TEST_CASE("CSV import: header row, line numbers, list fields split on ';'") {
    Fixture f;
    const ParsedRecords p =
        f.parse("records.csv", "kind,unit,date,medium,title,sheets,findings\n"
                               "problem_map,赣州市自然资源局,2021-03-01,offline,\"图册, 第二版\",2,"
                               "TERR-FOREIGN taiwan;DASHLINE-MISSING nanhai\n"
                               "problem_map,赣州市自然资源局,2021-13-01,offline,x,1,\n");
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].line == 3);
    CHECK(p.problems[0].field == "date");
    REQUIRE(p.records.size() == 1);
    CHECK(p.records[0].fields.at("title") == "图册, 第二版");
    CHECK(p.records[0].fields.at("sheets") == 2);
    CHECK(p.records[0].fields.at("findings") ==
          nlohmann::json::array({"TERR-FOREIGN taiwan", "DASHLINE-MISSING nanhai"}));
}

TEST_CASE("importing the same records again changes nothing; a changed one is updated") {
    Fixture f;
    const std::string in = line("clue", kCity, "2021-05-01", R"("description":"a")") +
                           R"({"id":"0b6c1f9e-1111-4222-8333-944455556666","kind":"clue",)"
                           R"("unit":"赣州市自然资源局","date":"2021-06-01","description":"b"})"
                           "\n";
    CHECK(f.import(in).added == 2);
    const auto log = f.db.database().queryInt("SELECT COUNT(*) FROM audit_log");
    const ImportCounts again = f.import(in);
    CHECK(again.added == 0);
    CHECK(again.unchanged == 2);
    CHECK(f.db.database().queryInt("SELECT COUNT(*) FROM audit_log") == log);
    CHECK(f.db.list({}).size() == 2);

    const ImportCounts changed =
        f.import(R"({"id":"0b6c1f9e-1111-4222-8333-944455556666","kind":"clue",)"
                 R"("unit":"赣州市自然资源局","date":"2021-06-01","description":"b, corrected"})"
                 "\n");
    CHECK(changed.updated == 1);
    CHECK(f.db.list({}).size() == 2);
    CHECK(f.db.verify().empty());
}

TEST_CASE("records list filters by kind, unit and dates (inclusive)") {
    Fixture f;
    f.import(line("clue", kCity, "2021-01-01", R"("description":"a")") +
             line("clue", kCounty, "2021-11-15", R"("description":"b")") +
             line("onsite_check", kCity, "2021-11-16", R"("place":"c")"));
    CHECK(f.db.list({"clue", std::nullopt, std::nullopt, std::nullopt}).size() == 2);
    CHECK(f.db.list({std::nullopt, std::string(kCounty), std::nullopt, std::nullopt}).size() == 1);
    CHECK(f.db.list({std::nullopt, std::nullopt, "2021-01-01", "2021-11-15"}).size() == 2);
}

TEST_CASE("db verify names every row changed, added or deleted outside MapAudit") {
    Fixture f;
    f.import(line("clue", kCity, "2021-01-01", R"("description":"a")") +
             line("clue", kCity, "2021-01-02", R"("description":"b")") +
             line("clue", kCity, "2021-01-03", R"("description":"c")"));
    REQUIRE(f.db.verify().empty());
    const auto ids = f.db.list({});
    auto& db = f.db.database();

    SECTION("a row changed") {
        db.exec("UPDATE records SET date = '2021-02-01' WHERE id = '" + ids[1].id + "'");
        const auto problems = f.db.verify();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].table == "records");
        CHECK(problems[0].rowId == ids[1].id);
        CHECK(problems[0].what == "changed outside MapAudit");
    }
    SECTION("a row deleted") {
        db.exec("DELETE FROM records WHERE id = '" + ids[0].id + "'");
        const auto problems = f.db.verify();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].rowId == ids[0].id);
        CHECK(problems[0].what == "deleted outside MapAudit");
    }
    SECTION("a row added") {
        db.exec("INSERT INTO records SELECT 'forged', kind, unit_id, date, fields, notes, "
                "created_by, created_at, updated_by, updated_at FROM records LIMIT 1");
        const auto problems = f.db.verify();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].rowId == "forged");
        CHECK(problems[0].what == "added outside MapAudit");
    }
    SECTION("a unit renamed") {
        db.exec("UPDATE units SET name = '假冒单位' WHERE name = '南康分局'");
        const auto problems = f.db.verify();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].table == "units");
    }
    SECTION("the audit log itself edited to cover a change") {
        db.exec("UPDATE audit_log SET actor = 'someone else' WHERE seq = 6");
        const auto problems = f.db.verify();
        REQUIRE_FALSE(problems.empty());
        CHECK(problems[0].table == "audit_log");
        CHECK(problems[0].rowId == "6");
    }
    SECTION("audit log entries removed") {
        db.exec("DELETE FROM audit_log WHERE seq = 5");
        bool named = false;
        for (const auto& p : f.db.verify())
            named = named || (p.table == "audit_log" &&
                              p.what.find("missing before entry 6") != std::string::npos);
        CHECK(named);
    }
    SECTION("a delete through MapAudit is no tampering") {
        f.db.remove(ids[2].id);
        CHECK(f.db.verify().empty());
        CHECK(f.db.list({}).size() == 2);
    }
}

TEST_CASE("an older database is migrated on open; one from a newer MapAudit is refused") {
    test::ScratchDir dir;
    {
        RecordsDb db(dir / "r.db", "t");
        CHECK(db.schemaVersion() == RecordsDb::kSchemaVersion);
        db.addUnit(kCity);
        // As a version-1 database was: no evidence, no supervision register.
        db.database().exec("DROP TABLE evidence; DROP TABLE supervised_units; "
                           "DROP TABLE inspectors; DROP TABLE draws; DROP TABLE ledger_items; "
                           "DROP TABLE classified_staff; DROP TABLE check_runs; "
                           "PRAGMA user_version = 1");
    }
    {
        RecordsDb db(dir / "r.db", "t");
        CHECK(db.schemaVersion() == 5);
        CHECK(db.database().queryInt("SELECT COUNT(*) FROM check_runs") == 0);
        CHECK(db.database().queryInt("SELECT COUNT(*) FROM ledger_items") == 0);
        CHECK(db.database().queryInt("SELECT COUNT(*) FROM supervised_units") == 0);
        CHECK(db.database().queryInt("SELECT COUNT(*) FROM evidence") == 0);
        CHECK(db.findUnit(kCity));
        db.database().exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_AS(RecordsDb(dir / "r.db", "t"), InputError);
}

TEST_CASE("evidence is kept with its SHA-256; a changed file is found by verify") {
    Fixture f;
    f.import(line("clue", kCity, "2021-01-01", R"("description":"a")"));
    const std::string id = f.db.list({})[0].id;
    const std::string photo("\x89PNG\r\n\x1a\n photo bytes \0 with a zero", 34);
    CHECK(f.db.attach(id, "现场照片.png", photo));
    CHECK_FALSE(f.db.attach(id, "现场照片-副本.png", photo)); // the same file again
    const auto kept = f.db.evidence(id);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].fileName == "现场照片.png");
    CHECK(kept[0].size == 34);
    CHECK(kept[0].sha256 == sha256Hex(photo));
    CHECK(f.db.evidenceContent(kept[0].id) == photo);
    CHECK(f.db.verify().empty());
    CHECK_THROWS_AS(f.db.attach("no-such-record", "x.png", photo), InputError);

    f.db.database().exec("UPDATE evidence SET content = x'00'");
    const auto problems = f.db.verify();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].table == "evidence");
    CHECK(problems[0].what == "file content changed outside MapAudit");
}

TEST_CASE("backup is a consistent copy that verifies") {
    Fixture f;
    f.import(line("clue", kCity, "2021-01-01", R"("description":"a")"));
    f.db.backup(f.dir / "backup.db");
    RecordsDb copy(f.dir / "backup.db", "t");
    CHECK(copy.list({}).size() == 1);
    CHECK(copy.verify().empty());
    CHECK_THROWS_AS(f.db.backup(f.dir / "backup.db"), InputError); // never overwrites
}

TEST_CASE("ids: given UUIDs kept, missing ones derived from the content") {
    Record a{"", "clue", kCity, "2021-01-01", "", {{"description", "x"}}};
    Record b = a;
    CHECK(contentUuid(a) == contentUuid(b));
    CHECK(isUuid(contentUuid(a)));
    CHECK(contentUuid(a)[14] == '8');
    b.date = "2021-01-02";
    CHECK(contentUuid(a) != contentUuid(b));
    CHECK(isIsoDate("2024-02-29"));
    CHECK_FALSE(isIsoDate("2023-02-29"));
    CHECK_FALSE(isIsoDate("2021-1-01"));
}

TEST_CASE("a county's bundle reaches the city whole, once, and only untampered") {
    test::ScratchDir dir;
    RecordsDb county(dir / "county.db", "county");
    county.addUnit(kCounty);
    county.addUnit(kTown, kCounty);
    std::set<std::string> units{kCounty, kTown};
    test::writeFile(dir / "r.jsonl",
                    line("problem_map", kCounty, "2021-03-01",
                         R"("medium":"offline","title":"挂图","sheets":3)") +
                        line("clue", kTown, "2021-04-01", R"("description":"线索")"));
    const ParsedRecords parsed =
        parseRecordsFile(dir / "r.jsonl", [&](const std::string& u) { return units.count(u) > 0; });
    REQUIRE(parsed.problems.empty());
    county.upsert(parsed.records);
    county.setOverride({kCounty, "2021", "2021-01-01", "2021-11-15", "clues", "含电话线索", 4});
    const std::string photo = "photo of the wall map";
    county.attach(county.list({})[0].id, "挂图.jpg", photo);
    const fs::path bundle = dir / "county.bundle";
    const BundleCounts exported = exportBundle(county, kCounty, bundle);
    CHECK(exported.units == 2);
    CHECK(exported.records.added == 2);
    CHECK(exported.overrides == 1);
    CHECK(exported.evidence == 1);

    RecordsDb city(dir / "city.db", "city");
    city.addUnit(kCity);
    city.addUnit(kCounty, kCity); // the city knows the county already
    const BundleCounts first = importBundle(city, bundle);
    CHECK(first.units == 1); // the town
    CHECK(first.records.added == 2);
    CHECK(first.overrides == 1);
    CHECK(first.evidence == 1);
    const auto evidence = city.evidence(county.list({})[0].id);
    REQUIRE(evidence.size() == 1);
    CHECK(city.evidenceContent(evidence[0].id) == photo);
    REQUIRE(city.findUnit(kTown));
    CHECK(city.findUnit(kTown)->parentId == city.findUnit(kCounty)->id);
    const auto summary =
        computeSummary(city, SummaryTemplate::load("2021"), kCity, true, {}, {}, "2021-11-20");
    CHECK(summary.cells[1].row.key == "offline_problem_maps");
    CHECK(summary.cells[1].value == 3);

    const auto logSize = city.database().queryInt("SELECT COUNT(*) FROM audit_log");
    const BundleCounts again = importBundle(city, bundle);
    CHECK(again.units == 0);
    CHECK(again.records.unchanged == 2);
    CHECK(again.overrides == 0);
    CHECK(again.evidence == 0);
    CHECK(city.database().queryInt("SELECT COUNT(*) FROM audit_log") == logSize);
    CHECK(city.verify().empty());

    std::ifstream in(bundle, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    const std::string text = content.str();
    RecordsDb other(dir / "other.db", "other");
    auto rejected = [&](const std::string& altered, const std::string& reason) {
        test::writeFile(dir / "altered.bundle", altered);
        try {
            importBundle(other, dir / "altered.bundle");
            FAIL("an altered bundle was accepted: " << reason);
        } catch (const InputError& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find(reason) != std::string::npos);
        }
        CHECK(other.units().empty());
        CHECK(other.list({}).empty());
    };
    std::string sheets = text;
    sheets.replace(sheets.find("\"sheets\":3"), 10, "\"sheets\":30");
    rejected(sheets, "part 'records' does not match its SHA-256");
    rejected(text.substr(0, text.size() / 2), "not complete JSON");
    std::string manifest = text;
    const std::string claimed = "\"unit\":\"" + std::string(kCounty) + "\"";
    manifest.replace(manifest.find(claimed), claimed.size(), "\"unit\":\"南康分局\"");
    rejected(manifest, "the manifest does not match its SHA-256");
}

TEST_CASE("a figure's records are exactly those it counts") {
    Fixture f;
    f.import(
        line("problem_map", kCity, "2021-03-01", R"("medium":"offline","title":"a","sheets":3)") +
        line("problem_map", kCounty, "2021-04-01", R"("medium":"offline","title":"b","sheets":2)") +
        line("problem_map", kCity, "2021-05-01", R"("medium":"online","title":"c")") +
        line("problem_map", kCity, "2021-12-01", R"("medium":"offline","title":"late")") +
        line("standard_map", kCity, "2020-06-01", R"("title":"old","sheets":4)"));
    const SummaryTable t =
        computeSummary(f.db, SummaryTemplate::load("2021"), kCity, true, {}, {}, "2021-11-20");
    auto rowOf = [&](const std::string& key) {
        for (std::size_t i = 0; i < t.cells.size(); ++i)
            if (t.cells[i].row.key == key)
                return i;
        FAIL("no row " << key);
        return std::size_t(0);
    };
    auto titles = [&](const std::string& key) {
        std::set<std::string> out;
        for (const auto& id : recordIdsBehind(f.db, t, rowOf(key)))
            out.insert(f.db.find(id)->fields.at("title").get<std::string>());
        return out;
    };
    CHECK(titles("offline_problem_maps") == std::set<std::string>{"a", "b"});
    CHECK(t.cells[rowOf("offline_problem_maps")].value == 5); // summed sheets of those two
    CHECK(titles("online_problem_maps") == std::set<std::string>{"c"});
    CHECK(titles("standard_maps_total") == std::set<std::string>{"old"}); // cumulative
    CHECK(recordIdsBehind(f.db, t, rowOf("standard_maps_new")).empty());
    CHECK_THROWS_AS(recordIdsBehind(f.db, t, 99), InputError);
}

TEST_CASE("a record's history lists who created, changed and attached to it") {
    Fixture f;
    Record r;
    r.id = "0f0e0d0c-0b0a-4908-8706-050403020100";
    r.kind = "clue";
    r.unit = kCity;
    r.date = "2021-05-01";
    r.fields = {{"description", "first"}};
    f.db.upsert({r});
    r.fields["description"] = "second";
    f.db.upsert({r});
    f.db.attach(r.id, "photo.jpg", "bytes");
    const auto history = f.db.history(r.id);
    REQUIRE(history.size() == 3);
    CHECK(history[0].action == "insert");
    CHECK(history[1].action == "update");
    CHECK(history[2].table == "evidence");
    CHECK(history[0].actor == "tester");
    CHECK(f.db.find(r.id)->fields.at("description") == "second");
    CHECK_FALSE(f.db.find("00000000-0000-4000-8000-000000000000"));
}

TEST_CASE("problems carry a code a front end can word for itself") {
    Fixture f;
    std::vector<ImportProblem> problems;
    Record out;
    parseRecord(
        nlohmann::json{{"kind", "publicity_event"},
                       {"unit", "nowhere"},
                       {"date", "2021-02-30"},
                       {"participants", "-3"}},
        0, [](const std::string&) { return false; }, out, problems);
    std::map<std::string, std::string> codes;
    for (const auto& p : problems)
        codes[p.field] = p.code;
    CHECK(codes == std::map<std::string, std::string>{{"unit", "unknown"},
                                                      {"date", "not_date"},
                                                      {"title", "missing"},
                                                      {"participants", "negative"}});
}
