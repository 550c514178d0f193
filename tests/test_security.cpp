// Geographic-information security supervision: credit codes, the register of
// supervised units and inspectors, and the 双随机 spot-check draw.
#include "mapaudit/base/error.h"
#include "mapaudit/base/sealed_file.h"
#include "mapaudit/records/bundle.h"
#include "mapaudit/records/record_import.h"
#include "mapaudit/security/classified_ledger.h"
#include "mapaudit/security/credit_code.h"
#include "mapaudit/security/spot_check_draw.h"
#include "mapaudit/security/supervised_register.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>

using namespace mapaudit;
using namespace mapaudit::security;

namespace {

constexpr const char* kBureau = "赣州市自然资源局";

std::string codeFor(const std::string& body) {
    return test::validCreditCode(body);
}

std::vector<SupervisedUnit> makeUnits(std::map<std::string, int> perIndustry) {
    std::vector<SupervisedUnit> units;
    int n = 0;
    for (const auto& [industry, count] : perIndustry)
        for (int i = 0; i < count; ++i, ++n) {
            const std::string body = std::to_string(10000000 + n * 7919); // 8 digits
            units.push_back({codeFor(body), industry + "-" + std::to_string(i), "surveying", "乙级",
                             industry, "", "", false});
        }
    return units;
}

std::vector<Inspector> pool(int n) {
    std::vector<Inspector> out;
    for (int i = 0; i < n; ++i)
        out.push_back({"inspector-" + std::to_string(i), {}});
    return out;
}

DrawOptions options(double ratio, std::uint64_t seed, const std::string& stratify = "",
                    int minimum = 1) {
    DrawOptions o;
    o.year = 2026;
    o.ratio = ratio;
    o.seed = seed;
    o.stratify = stratify;
    o.minPerStratum = minimum;
    o.unit = kBureau;
    o.date = "2026-03-01";
    return o;
}

} // namespace

TEST_CASE("credit codes: the check characters of GB 32100 and GB 11714") {
    // Published codes of real companies and the standard's own example.
    for (const char* code : {"914403001922038216", "91350100M000100Y43", "91110108551385082Q"})
        CHECK(creditCodeProblem(code).empty());
    CHECK(isValidCreditCode(" 91350100m000100y43 ")); // case and spaces are forgiven
    CHECK(creditCodeCheckCharacter("91350100M000100Y4") == 'Y' + 0 - 'Y' + '3');
    CHECK(creditCodeProblem("91350100M000100Y44").find("check character (18) should be '3'") !=
          std::string::npos);
    CHECK(creditCodeProblem("91350100M000100Y4").find("17 characters") != std::string::npos);
    CHECK(creditCodeProblem("91350100M0001O0Y43").find("character 14 'O'") != std::string::npos);
    // A digit of the organization code mistyped: its own check fails first.
    CHECK(creditCodeProblem("91350100M000200Y43").find("character 17 should be") !=
          std::string::npos);
    CHECK_FALSE(creditCodeCheckCharacter("9135010"));
}

TEST_CASE("register import: Chinese headers, every bad row named, nothing kept on error") {
    test::ScratchDir dir;
    const std::string good = codeFor("12345678"), other = codeFor("87654321");
    test::writeFile(dir / "units.csv", "单位名称,统一社会信用代码,类别,资质等级,行业,外地单位\n"
                                       "甲测绘公司," +
                                           good +
                                           ",测绘资质单位,甲级,电力,否\n"
                                           "乙单位," +
                                           other + ",涉密成果使用单位,,交通运输,是\n");
    const ParsedRegister ok = parseRegisterFile(dir / "units.csv");
    REQUIRE(ok.problems.empty());
    REQUIRE(ok.units.size() == 2);
    CHECK(ok.units[1].industry == "transport");
    CHECK(ok.units[1].category == "classified_user");
    CHECK(ok.units[1].nonLocal);

    test::writeFile(dir / "bad.csv", "单位名称,统一社会信用代码,类别,行业,备注栏\n"
                                     "甲," +
                                         good +
                                         ",测绘资质单位,电力,\n"
                                         ",91350100M000100Y44,测绘资质单位,电力,\n"
                                         "丙," +
                                         good + ",某类,航空,x\n");
    const ParsedRegister bad = parseRegisterFile(dir / "bad.csv");
    std::set<std::pair<int, std::string>> where;
    for (const auto& p : bad.problems)
        where.insert({p.line, p.field});
    CHECK(where == std::set<std::pair<int, std::string>>{{3, "name"},
                                                         {3, "credit_code"},
                                                         {4, "credit_code"}, // duplicate of line 2
                                                         {4, "category"},
                                                         {4, "industry"},
                                                         {4, "备注栏"}});

    records::RecordsDb db(dir / "r.db", "tester");
    CHECK(importRegister(db, ok.units).added == 2);
    CHECK(importRegister(db, ok.units).unchanged == 2);
    CHECK(supervisedUnits(db).size() == 2);
    CHECK(db.verify().empty());
}

TEST_CASE("an XLSX register keeps every digit of a code typed as text") {
    const auto parsed = parseRegisterFile(test::dataPath("register/units.xlsx"));
    REQUIRE(parsed.units.size() == 2);
    CHECK(parsed.units[0].creditCode == "914403001922038216"); // all digits, kept as text
    CHECK(parsed.units[1].industry == "geology_mining");
    // Row 4 holds the code as a number: Excel kept 15 digits of it. Said so, not guessed.
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].line == 4);
    CHECK(parsed.problems[0].message.find("stored as a number") != std::string::npos);
}

TEST_CASE("a draw takes at least the ratio, from every stratum, reproducibly") {
    const auto units = makeUnits({{"power", 12}, {"water", 3}, {"transport", 25}});
    const Draw plain = computeDraw(units, pool(6), options(0.1, 7));
    CHECK(plain.drawn.size() == 4); // ceil(0.1 × 40)
    const Draw tenth = computeDraw(makeUnits({{"other", 30}}), pool(6), options(0.1, 7));
    CHECK(tenth.drawn.size() == 3); // exactly 10% of 30, not 4 through rounding error

    const Draw strata = computeDraw(units, pool(6), options(0.1, 7, "industry", 2));
    std::map<std::string, int> perStratum;
    std::set<std::string> codes;
    for (const auto& d : strata.drawn) {
        ++perStratum[d.stratum];
        codes.insert(d.unit.creditCode);
        CHECK(d.inspectors.size() == 2);
        CHECK(d.inspectors[0] != d.inspectors[1]);
    }
    CHECK(codes.size() == strata.drawn.size()); // no unit twice
    CHECK(perStratum["power"] == 2);            // ceil(1.2) = 2
    CHECK(perStratum["water"] == 2);            // the minimum, above ceil(0.3) = 1
    CHECK(perStratum["transport"] == 3);        // ceil(2.5)
    CHECK(strata.drawn.size() >= 4);

    // The same seed gives the same draw; the order of the register does not matter.
    auto reversed = units;
    std::reverse(reversed.begin(), reversed.end());
    const Draw again = computeDraw(reversed, pool(6), options(0.1, 7, "industry", 2));
    REQUIRE(again.drawn.size() == strata.drawn.size());
    for (std::size_t i = 0; i < again.drawn.size(); ++i) {
        CHECK(again.drawn[i].unit.creditCode == strata.drawn[i].unit.creditCode);
        CHECK(again.drawn[i].inspectors == strata.drawn[i].inspectors);
    }
    const Draw otherSeed = computeDraw(units, pool(6), options(0.1, 8, "industry", 2));
    bool differs = false;
    for (std::size_t i = 0; i < otherSeed.drawn.size(); ++i)
        differs = differs || otherSeed.drawn[i].unit.creditCode != strata.drawn[i].unit.creditCode;
    CHECK(differs);
    CHECK(strata.method.find("随机数种子 7") != std::string::npos);
}

TEST_CASE("an inspector is never sent to a unit they have a conflict with") {
    const auto units = makeUnits({{"other", 20}});
    std::vector<Inspector> inspectorsWithConflicts = pool(3);
    // Two of three inspectors may not check any unit: only one is left, too few.
    for (int i = 0; i < 2; ++i)
        for (const auto& u : units)
            inspectorsWithConflicts[static_cast<std::size_t>(i)].conflicts.push_back(u.creditCode);
    CHECK_THROWS_AS(computeDraw(units, inspectorsWithConflicts, options(1.0, 1)), InputError);

    // With one conflict per unit, over many seeds, the conflicted inspector never appears.
    std::vector<Inspector> four = pool(4);
    for (std::size_t u = 0; u < units.size(); ++u)
        four[u % 4].conflicts.push_back(units[u].creditCode);
    for (std::uint64_t seed = 0; seed < 50; ++seed)
        for (const auto& d : computeDraw(units, four, options(1.0, seed)).drawn)
            for (const auto& name : d.inspectors) {
                const auto& in = *std::find_if(four.begin(), four.end(),
                                               [&](const auto& i) { return i.name == name; });
                CHECK(std::find(in.conflicts.begin(), in.conflicts.end(), d.unit.creditCode) ==
                      in.conflicts.end());
            }
}

TEST_CASE("a stored draw is in the audit log, enters pending spot checks and moves the ratio") {
    test::ScratchDir dir;
    records::RecordsDb db(dir / "r.db", "tester");
    db.addUnit(kBureau);
    const auto units = makeUnits({{"power", 8}, {"water", 12}});
    importRegister(db, units);
    importInspectors(db, pool(4));
    CHECK(spotCheckRatio(db, 2026).checked == 0);
    CHECK(spotCheckRatio(db, 2026).belowTarget());

    const Draw d = drawSpotChecks(db, options(0.1, 99));
    CHECK(d.drawn.size() == 2);
    const auto pending = db.list({std::string("spot_check"), {}, {}, {}});
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].fields.at("result") == "待检查");
    const auto ratio = spotCheckRatio(db, 2026);
    CHECK(ratio.registered == 20);
    CHECK(ratio.checked == 2);
    CHECK_FALSE(ratio.belowTarget());
    CHECK(spotCheckRatio(db, 2027).checked == 0);

    // Recorded with its seed; recomputing from the seed gives the same units.
    const auto recorded = recordedDraws(db, 2026);
    REQUIRE(recorded.size() == 1);
    CHECK(*recorded[0].options.seed == 99);
    const Draw replay = computeDraw(supervisedUnits(db), inspectors(db), recorded[0].options);
    for (std::size_t i = 0; i < replay.drawn.size(); ++i)
        CHECK(replay.drawn[i].unit.creditCode == recorded[0].drawn[i].unit.creditCode);
    const auto log = db.history(d.id);
    REQUIRE(log.size() == 1);
    CHECK(log[0].table == "draws");
    CHECK(log[0].actor == "tester");
    CHECK(db.verify().empty());

    // The public notice.
    writeDrawNoticeXlsx(d, dir / "notice.xlsx");
    CHECK(std::filesystem::file_size(dir / "notice.xlsx") > 3000);
    // A draw needs two eligible inspectors and an existing bureau.
    CHECK_THROWS_AS(drawSpotChecks(db,
                                   [] {
                                       auto o = options(0.1, 1);
                                       o.unit = "nowhere";
                                       return o;
                                   }()),
                    InputError);
}

TEST_CASE("six months after completion, to the day; month ends clamp") {
    CHECK(addMonths("2026-01-15", 6) == "2026-07-15");
    CHECK(addMonths("2026-08-31", 6) == "2027-02-28");
    CHECK(addMonths("2027-08-31", 6) == "2028-02-29"); // leap year
    CHECK(addMonths("2026-12-31", 60) == "2031-12-31");
    LedgerItem item;
    item.received = "2025-10-01";
    item.completion = "2026-01-15";
    CHECK(destructionDue(item) == "2026-07-15");
    CHECK(dueState(item, "2026-06-14") == DueState::Held);    // 31 days left
    CHECK(dueState(item, "2026-06-15") == DueState::DueSoon); // 30 days left
    CHECK(dueState(item, "2026-07-15") == DueState::DueSoon); // the last day
    CHECK(dueState(item, "2026-07-16") == DueState::Overdue);
    item.destroyed = "2026-07-20";
    CHECK(dueState(item, "2027-01-01") == DueState::Destroyed);
}

TEST_CASE("certificates last five years; training is yearly") {
    CHECK(certificateExpiry({"a", "", "c1", "2021-03-01", {}}) == "2026-02-28");
    CHECK(certificateExpiry({"a", "", "c2", "2020-02-29", {}}) == "2025-02-27");
    test::ScratchDir dir;
    records::RecordsDb db(dir / "r.db", "tester");
    const std::string holder = codeFor("12345678");
    test::writeFile(dir / "staff.csv", "姓名,持有单位,证书编号,发证日期\n"
                                       "甲," +
                                           holder +
                                           ",C-001,2021-03-01\n"
                                           "乙," +
                                           holder +
                                           ",C-002,2024-06-30\n"
                                           "丙," +
                                           holder + ",C-002,2021-13-01\n");
    const ParsedStaff bad = parseStaffFile(dir / "staff.csv");
    REQUIRE(bad.problems.size() == 2); // row 4: the certificate twice, and no 13th month
    CHECK(bad.problems[0].line == 4);
    importStaff(db, bad.staff);
    recordTraining(db, "C-002", "2026-01-10");
    auto reminders = [&](const std::string& today) {
        std::vector<std::string> out;
        for (const auto& r : staffReminders(db, today))
            out.push_back(r.staff.certificate + ": " + r.what());
        return out;
    };
    CHECK(reminders("2026-02-28") ==
          std::vector<std::string>{"C-001: certificate expires on 2026-02-28 (in 0 days)",
                                   "C-001: no training recorded in 2026"});
    CHECK(reminders("2027-01-05") ==
          std::vector<std::string>{"C-001: certificate expired on 2026-02-28",
                                   "C-001: no training recorded in 2027",
                                   "C-002: no training recorded in 2027"});
    CHECK(reminders("2026-05-01") ==
          std::vector<std::string>{"C-001: certificate expired on 2026-02-28",
                                   "C-001: no training recorded in 2026"});
    CHECK_THROWS_AS(recordTraining(db, "C-999", "2026-01-01"), InputError);
}

TEST_CASE("the ledger: receipts, copies, destruction, transfers and the overdue dashboard") {
    test::ScratchDir dir;
    records::RecordsDb db(dir / "r.db", "tester");
    db.addUnit(kBureau);
    const auto units = makeUnits({{"power", 2}});
    importRegister(db, units);
    const std::string a = units[0].creditCode, b = units[1].creditCode;
    test::writeFile(dir / "ledger.csv",
                    "持有单位,审批文号,成果名称,密级,用途,领用日期,项目完成日期\n" + a +
                        ",赣自然资测〔2025〕1号,1:1万地形图 12 幅,机密,输电线路设计,2025-03-01,"
                        "2025-09-30\n" +
                        b +
                        ",赣自然资测〔2025〕2号,控制点成果,秘密,水库测量,2025-06-01,2026-05-31\n");
    const ParsedLedger parsed = parseLedgerFile(dir / "ledger.csv");
    REQUIRE(parsed.problems.empty());
    CHECK(importLedger(db, parsed.items).added == 2);
    CHECK(importLedger(db, parsed.items).unchanged == 2);

    test::writeFile(dir / "bad.csv",
                    "持有单位,审批文号,成果名称,密级,用途,领用日期,项目完成日期\n" + a +
                        ",x,y,内部,z,2025-03-01,2025-02-01\n");
    const ParsedLedger bad = parseLedgerFile(dir / "bad.csv");
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].field == "secrecy");
    LedgerItem stranger = parsed.items[0];
    stranger.holder = codeFor("99999999");
    CHECK_THROWS_AS(importLedger(db, {stranger}), InputError);

    const auto items = ledgerItems(db);
    const LedgerItem& maps = items[0];
    // A scan of the maps: same secrecy and deadline as the original.
    const LedgerItem scan = registerCopy(db, maps.id, "2025-04-01", "1:1万地形图扫描件");
    CHECK(scan.secrecy == "机密");
    CHECK(scan.originalId == maps.id);
    CHECK(destructionDue(scan) == destructionDue(maps));
    // The dashboard on 2026-04-10: the maps and the scan overdue (due 2026-03-30),
    // the control points due on 2026-11-30, not yet soon.
    auto dashboard = destructionDashboard(db, "2026-04-10");
    REQUIRE(dashboard.size() == 2);
    CHECK(dashboard[0].state == DueState::Overdue);
    CHECK(dashboard[0].daysLeft == -11);
    CHECK(destructionDashboard(db, "2026-11-01").size() == 3);

    CHECK_THROWS_AS(recordDestruction(db, maps.id, "2026-04-12", "碎纸", ""), InputError);
    recordDestruction(db, maps.id, "2026-04-12", "专用碎纸机粉碎", "王某、李某");
    CHECK_THROWS_AS(registerCopy(db, maps.id, "2026-04-13", ""), InputError);
    dashboard = destructionDashboard(db, "2026-04-13");
    REQUIRE(dashboard.size() == 1); // the scan is still held
    CHECK(dashboard[0].item.id == scan.id);

    // The overdue scan becomes a clue, once.
    const records::Record clue = clueForOverdue(db, scan.id, kBureau, "2026-04-13");
    CHECK(clue.kind == "clue");
    CHECK(clue.fields.at("description").get<std::string>().find("逾期 14 天未销毁") !=
          std::string::npos);
    clueForOverdue(db, scan.id, kBureau, "2026-04-13");
    CHECK(db.list({std::string("clue"), {}, {}, {}}).size() == 1);
    CHECK_THROWS_AS(clueForOverdue(db, items[1].id, kBureau, "2026-04-13"), InputError);

    recordTransfer(db, items[1].id, "某外单位", "2026-02-01");
    CHECK(ledgerItem(db, items[1].id)->transfers.size() == 1);
    CHECK(db.verify().empty());
}

TEST_CASE("sealed data opens only with its passphrase") {
    const std::string plain = std::string("涉密成果台账\0binary", 22);
    const std::string sealed = seal(plain, "correct horse");
    CHECK(isSealed(sealed));
    CHECK(sealed.find("涉密成果台账") == std::string::npos);
    CHECK(unseal(sealed, "correct horse") == plain);
    CHECK(seal(plain, "correct horse") != sealed); // fresh salt and nonce each time
    CHECK_THROWS_WITH(unseal(sealed, "wrong horse"), Catch::Contains("wrong passphrase"));
    std::string flipped = sealed;
    flipped[sealed.size() / 2] ^= 1;
    CHECK_THROWS_AS(unseal(flipped, "correct horse"), InputError);
    CHECK_THROWS_AS(unseal(sealed.substr(0, 30), "correct horse"), InputError);
    CHECK_THROWS_AS(seal(plain, ""), InputError);
}

TEST_CASE("records marked classified leave only in an encrypted bundle") {
    test::ScratchDir dir;
    records::RecordsDb db(dir / "r.db", "tester");
    db.addUnit(kBureau);
    std::vector<records::ImportProblem> problems;
    records::Record clue;
    REQUIRE(records::parseRecord(
        {{"kind", "clue"},
         {"unit", kBureau},
         {"date", "2026-04-01"},
         {"description", "逾期未销毁"},
         {"classified", "是"}},
        1, [](const std::string&) { return true; }, clue, problems));
    CHECK(records::isClassified(clue));
    db.upsert({clue});
    CHECK_THROWS_WITH(records::exportBundle(db, kBureau, dir / "plain.json"),
                      Catch::Contains("marked classified"));
    CHECK_FALSE(std::filesystem::exists(dir / "plain.json"));
    records::exportBundle(db, kBureau, dir / "sealed.bundle", "城市局口令");
    CHECK(isSealedFile(dir / "sealed.bundle"));

    records::RecordsDb city(dir / "city.db", "city");
    CHECK_THROWS_WITH(records::importBundle(city, dir / "sealed.bundle"),
                      Catch::Contains("encrypted"));
    CHECK_THROWS_WITH(records::importBundle(city, dir / "sealed.bundle", "wrong"),
                      Catch::Contains("wrong passphrase"));
    CHECK(city.list({}).empty());
    const auto counts = records::importBundle(city, dir / "sealed.bundle", "城市局口令");
    CHECK(counts.records.added == 1);
    CHECK(records::isClassified(city.list({}).at(0))); // the mark travels with the record
}
