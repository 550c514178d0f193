// An inspector's decisions on findings, and the problem-map record made from
// a reviewed check.
#include "mapaudit/base/error.h"
#include "mapaudit/check/finding_review.h"
#include "mapaudit/records/record_import.h"

#include <catch2/catch.hpp>

using namespace mapaudit;
using namespace mapaudit::check;

namespace {

CheckReport reportWithThreeFindings() {
    CheckReport r;
    r.dataset = "/data/world.gpkg";
    r.packId = "mapaudit-demo-cn";
    r.packVersion = "1.0.0";
    r.packDigest = "abc123";
    auto finding = [](const char* id, const char* rule, const char* code, Severity s) {
        Finding f;
        f.id = id;
        f.rule = rule;
        f.code = code;
        f.severity = s;
        f.messageZh = std::string("中文：") + code;
        f.messageEn = std::string("English: ") + code;
        f.geometryWkt = "POINT(121 24)";
        return f;
    };
    r.findings = {finding("F1", kTerrForeign, "taiwan", Severity::Error),
                  finding("F2", kBorderDeviation, "india", Severity::Warning),
                  finding("F3", kIslandOmitted, "huangyan_dao", Severity::Error)};
    return r;
}

const ProblemMapDraft kDraft{"world", "/data/world.gpkg", "offline",
                             "张三",  "某县自然资源局",   "2026-11-21"};

} // namespace

TEST_CASE("decisions travel with the report") {
    const CheckReport r = reportWithThreeFindings();
    const FindingReviews reviews{
        {"F1", {ReviewState::Confirmed, "", "张三", "2026-11-21T08:00:00Z"}},
        {"F2", {ReviewState::Dismissed, "survey tolerance", "张三", "t"}}};
    const auto j = reviewedReportJson(r, reviews);
    REQUIRE(j.at("findings").size() == 3);
    CHECK(j["findings"][0]["review"]["state"] == "confirmed");
    CHECK(j["findings"][0]["review"]["by"] == "张三");
    CHECK(j["findings"][1]["review"]["state"] == "dismissed");
    CHECK(j["findings"][1]["review"]["reason"] == "survey tolerance");
    CHECK(j["findings"][2]["review"]["state"] == "open");
}

TEST_CASE("a problem-map record lists the findings not dismissed and passes import rules") {
    const CheckReport r = reportWithThreeFindings();
    const FindingReviews reviews{{"F2", {ReviewState::Dismissed, "tolerance", "", ""}}};
    const records::Record rec = problemMapRecord(r, reviews, kDraft, "zh");
    CHECK(rec.kind == "problem_map");
    CHECK(rec.unit == "某县自然资源局");
    CHECK(rec.fields.at("findings") ==
          nlohmann::json::array(
              {"F1 TERR-FOREIGN：中文：taiwan", "F3 ISLAND-OMITTED：中文：huangyan_dao"}));
    CHECK(rec.fields.at("medium") == "offline");
    CHECK(rec.fields.at("check_report").get<std::string>().find("mapaudit-demo-cn 1.0.0") !=
          std::string::npos);
    CHECK(rec.fields.at("status") == "已登记");
    CHECK(rec.notes == "核查人员：张三");
    // The record is one an import would accept as it is.
    nlohmann::json asImport = rec.fields;
    asImport["kind"] = rec.kind;
    asImport["unit"] = rec.unit;
    asImport["date"] = rec.date;
    std::vector<records::ImportProblem> problems;
    records::Record parsed;
    CHECK(records::parseRecord(
        asImport, 1, [](const std::string&) { return true; }, parsed, problems));
    CHECK(problems.empty());
    CHECK(problemMapRecord(r, {}, kDraft, "en").fields.at("findings")[1] ==
          "F2 BORDER-DEVIATION: English: india");
}

TEST_CASE("a map whose every error finding is dismissed is not a problem map") {
    const CheckReport r = reportWithThreeFindings();
    const FindingReviews reviews{{"F1", {ReviewState::Dismissed, "drawn correctly", "", ""}},
                                 {"F3", {ReviewState::Dismissed, "island shown", "", ""}}};
    CHECK_THROWS_AS(problemMapRecord(r, reviews, kDraft, "zh"), InputError);
}
