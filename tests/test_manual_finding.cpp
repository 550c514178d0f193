// Findings marked by hand share the engine's rules, codes, report and record.
#include "mapaudit/base/error.h"
#include "mapaudit/check/clause_catalogue.h"
#include "mapaudit/check/finding_review.h"
#include "mapaudit/check/manual_finding.h"
#include "mapaudit/check/report_io.h"
#include "mapaudit/refpack/reference_pack.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <set>

using namespace mapaudit;
using namespace mapaudit::check;
using mapaudit::test::committedPackPath;

namespace {

ManualFindingInput taiwanByHand() {
    ManualFindingInput in;
    in.rule = kTerrForeign;
    in.code = "taiwan";
    in.geometryWkt = "POLYGON ((120 22, 122 22, 122 25.3, 120 25.3, 120 22))";
    in.note = "台湾岛着他国颜色";
    return in;
}

} // namespace

TEST_CASE("the rule catalogue lists every rule the engine reports, once") {
    std::vector<std::string> ids;
    for (const RuleInfo& r : ruleCatalogue())
        ids.push_back(r.id);
    CHECK(ids == std::vector<std::string>{
                     kTerrForeign, kTerrMissing, kHainanTip, kIslandOmitted, kDashlineMissing,
                     kInsetExtent, kBorderDeviation, kSensitiveLabel, kNameState, kNameForeign,
                     kTaiwanAdmin, kReviewNoMissing, kReviewNoMalformed, kChecklist, kGeomInvalid});
    // Each rule a finding can carry rests on a clause of the catalogue.
    for (const RuleInfo& r : ruleCatalogue())
        if (std::string(r.id) != kGeomInvalid && std::string(r.id) != kChecklist)
            CHECK_FALSE(clauseCatalogue().clausesOf(r.id).empty());
}

TEST_CASE("finding codes come from the reference pack") {
    const auto pack = refpack::ReferencePack::open(committedPackPath());
    const auto codes = findingCodes(pack);
    auto has = [&](const std::string& code, const std::string& nameZh) {
        return std::any_of(codes.begin(), codes.end(),
                           [&](const CodeInfo& c) { return c.code == code && c.nameZh == nameZh; });
    };
    CHECK(codes.front().code == "china");
    CHECK(has("map", "整幅地图"));
    CHECK(has("zangnan", "藏南地区"));
    CHECK(has("huangyan_dao", "黄岩岛"));
    CHECK(has("nansha", "南沙群岛"));
    // diaoyu, penghu, hongkong and macao are both a region or group and a key island: listed once.
    CHECK(codes.size() == 2 + 13 + 6 + 20 - 4);
    std::set<std::string> distinct;
    for (const CodeInfo& c : codes)
        CHECK(distinct.insert(c.code).second);
}

TEST_CASE("a finding marked by hand joins the report, its JSON and the problem-map record") {
    const auto pack = refpack::ReferencePack::open(committedPackPath());
    const auto codes = findingCodes(pack);
    CheckReport report;
    report.dataset = "/scans/atlas-page-12.tif";
    report.fromImage = true;
    Finding automatic;
    automatic.id = "F1";
    automatic.rule = kDashlineMissing;
    automatic.code = "nanhai";
    automatic.severity = Severity::Warning;
    report.findings.push_back(automatic);

    const Finding& m1 = addManualFinding(report, taiwanByHand(), codes);
    CHECK(m1.id == "M1");
    CHECK(m1.manual);
    CHECK(m1.severity == Severity::Error);
    CHECK(m1.messageZh == "台湾省：中国领土表示为他国（人工标注）：台湾岛着他国颜色");
    // The basis is the clause the finding cites: Taiwan's.
    CHECK(m1.clause == clauseCatalogue().clauseFor(kTerrForeign, "taiwan")->id);
    CHECK(m1.basis == clauseCatalogue().basisZh(*clauseCatalogue().find(m1.clause)));
    ManualFindingInput line = taiwanByHand();
    line.rule = kBorderDeviation;
    line.code = "zangnan";
    line.geometryWkt = "LINESTRING (91.6 27.8, 94 28.7, 96 29.4)";
    line.note = "按麦克马洪线绘制";
    CHECK(addManualFinding(report, line, codes).id == "M2");
    REQUIRE(report.findings.size() == 3);
    CHECK(report.isProblem()); // the manual findings are errors

    const auto json = reportJson(report);
    CHECK(json["findings"][0]["origin"] == "automatic");
    CHECK(json["findings"][0]["note"].is_null());
    CHECK(json["findings"][1]["origin"] == "manual");
    CHECK(json["findings"][1]["note"] == "台湾岛着他国颜色");
    CHECK(json["findings"][1]["geometry"]["type"] == "Polygon");
    CHECK(json["findings"][2]["geometry"]["coordinates"][2][0] == 96.0);

    const ProblemMapDraft draft{"atlas page 12", "/scans/atlas-page-12.tif", "offline",
                                "张三",          "某县自然资源局",           "2026-11-21"};
    const auto record = problemMapRecord(report, {}, draft, "zh");
    const auto& lines = record.fields.at("findings");
    REQUIRE(lines.size() == 3);
    CHECK(lines[1] == "M1 TERR-FOREIGN：台湾省：中国领土表示为他国（人工标注）：台湾岛着他国颜色");
    CHECK(lines[2].get<std::string>().rfind("M2 BORDER-DEVIATION：藏南地区：", 0) == 0);
}

TEST_CASE("a finding marked by hand names the field that is wrong") {
    const auto pack = refpack::ReferencePack::open(committedPackPath());
    const auto codes = findingCodes(pack);
    CheckReport report;
    auto refused = [&](ManualFindingInput in) {
        try {
            addManualFinding(report, in, codes);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    ManualFindingInput in = taiwanByHand();
    in.rule = "TAIWAN-WRONG";
    CHECK(refused(in) ==
          "rule: 'TAIWAN-WRONG' is neither a rule of the check engine nor a clause of "
          "the catalogue");
    in = taiwanByHand();
    in.code = "formosa";
    CHECK(refused(in) == "code: 'formosa' is not a code of the reference pack");
    in = taiwanByHand();
    in.note = "  ";
    CHECK(refused(in) == "note: say what is wrong on the map");
    in = taiwanByHand();
    in.geometryWkt = "";
    CHECK(refused(in) == "geometry: draw a point, line or area on the map");
    in.geometryWkt = "POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))";
    CHECK(refused(in) == "geometry: the area crosses itself — draw it again");
    CHECK(report.findings.empty()); // nothing half-added
}
