// The history of checks: a run kept in the records database with its reviewed
// report, listed newest first, updated when the review goes on, read back into
// the same report and decisions; the dataset's fingerprint follows its files.
#include "mapaudit/base/error.h"
#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/check_run.h"
#include "mapaudit/check/finding_places.h"
#include "mapaudit/check/manual_finding.h"
#include "mapaudit/check/report_read.h"
#include "mapaudit/records/check_history.h"
#include "mapaudit/refpack/reference_pack.h"
#include "test_support.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

using namespace mapaudit;
using namespace mapaudit::check;
namespace fs = std::filesystem;

namespace {

const refpack::ReferencePack& pack() {
    return test::committedPack();
}

// The world map checked and reviewed: one finding confirmed, one dismissed,
// one marked by hand, one checklist clause refused and one agreed.
struct Reviewed {
    CheckReport report;
    FindingReviews reviews;
    Checklist checklist;
};

const Reviewed& reviewedWorld() {
    static const Reviewed r = [] {
        Reviewed out{checkDataset(test::samplePath("world_ne10m.gpkg"), pack()), {}, {}};
        REQUIRE(out.report.findings.size() >= 2);
        out.reviews[out.report.findings[0].id] = {ReviewState::Confirmed, "", "张三",
                                                  "2026-12-06T01:00:00Z"};
        out.reviews[out.report.findings[1].id] = {ReviewState::Dismissed, "样张，已更正", "张三",
                                                  "2026-12-06T01:01:00Z"};
        ManualFindingInput drawn;
        drawn.rule = kIslandOmitted;
        drawn.code = "huangyan_dao";
        drawn.geometryWkt = "POINT (117.75 15.15)";
        drawn.note = "图上黄岩岛处无注记";
        addManualFinding(out.report, drawn, findingCodes(pack()));
        out.checklist = checklistFor(out.report);
        REQUIRE(out.checklist.size() >= 2);
        answerChecklist(out.report, out.checklist,
                        {out.checklist[0].clause, ChecklistAnswer::DoesNotConform, "图例压盖钓鱼岛",
                         "张三", "2026-12-06T01:02:00Z"});
        answerChecklist(out.report, out.checklist,
                        {out.checklist[1].clause, ChecklistAnswer::Conforms, "", "张三",
                         "2026-12-06T01:03:00Z"});
        return out;
    }();
    return r;
}

CheckRunContext contextFor(const std::string& id, const std::string& checkedAt) {
    return {id, test::samplePath("world_ne10m.gpkg"), "ab12", "张三", checkedAt, checkedAt};
}

} // namespace

TEST_CASE("a reviewed report read back gives the same report, decisions and checklist") {
    const Reviewed& w = reviewedWorld();
    const nlohmann::json written = reviewedReportJson(w.report, w.reviews, w.checklist);
    const ReviewedReport read = readReviewedReport(written, "run");
    CHECK(read.report.findings.size() == w.report.findings.size());
    CHECK(read.reviews.size() == w.reviews.size());
    CHECK(read.reviews.at(w.report.findings[1].id).reason == "样张，已更正");
    CHECK(read.checklist.size() == w.checklist.size());
    CHECK(read.checklist[0].answer == ChecklistAnswer::DoesNotConform);
    CHECK_FALSE(read.checklist[0].findingId.empty());
    const auto manual = std::find_if(read.report.findings.begin(), read.report.findings.end(),
                                     [](const Finding& f) { return f.manual; });
    REQUIRE(manual != read.report.findings.end());
    CHECK(manual->note == "图上黄岩岛处无注记");
    CHECK(manual->geometryWkt == "POINT (117.75 15.15)");
    CHECK(read.report.profile.kind == w.report.profile.kind);
    CHECK(read.report.profile.roles.labels == w.report.profile.roles.labels);
    CHECK(read.report.packDigest == w.report.packDigest);
    // Whole: what is written from what was read is what was written.
    CHECK(reviewedReportJson(read.report, read.reviews, read.checklist) == written);
}

TEST_CASE("a report that is not whole is refused with the field that is wrong") {
    nlohmann::json j = reviewedReportJson(reviewedWorld().report, reviewedWorld().reviews);
    j["findings"][1].erase("rule");
    try {
        readReviewedReport(j, "last-week.json");
        FAIL("a report without a finding's rule was read");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("last-week.json: field findings[1].rule") !=
              std::string::npos);
    }
    j = reviewedReportJson(reviewedWorld().report, reviewedWorld().reviews);
    j["findings"][0]["review"]["state"] = "maybe";
    CHECK_THROWS_WITH(readReviewedReport(j, "r"),
                      Catch::Contains("findings[0].review.state is not open, confirmed"));
    CHECK_THROWS_WITH(readReviewedReport(nlohmann::json::array(), "r"),
                      Catch::Contains("not an object"));
}

TEST_CASE("check runs are kept, listed newest first, updated as the review goes on and audited") {
    test::ScratchDir dir;
    records::RecordsDb db(dir / "r.db", "张三");
    const Reviewed& w = reviewedWorld();
    const std::string first = "11111111-1111-8111-8111-111111111111";
    const std::string second = "22222222-2222-8222-8222-222222222222";
    CHECK(records::saveCheckRun(
              db, checkRunOf(w.report, {}, {}, contextFor(first, "2026-11-28T09:00:00Z"))) ==
          records::RowChange::Inserted);
    CHECK(records::saveCheckRun(
              db, checkRunOf(w.report, {}, {}, contextFor(second, "2026-12-06T01:00:00Z"))) ==
          records::RowChange::Inserted);
    // The review of the first run goes on: the same run, updated.
    CheckRunContext later = contextFor(first, "2026-11-28T09:00:00Z");
    later.savedAt = "2026-12-06T02:00:00Z";
    CHECK(records::saveCheckRun(db, checkRunOf(w.report, w.reviews, w.checklist, later)) ==
          records::RowChange::Updated);

    const auto runs = records::checkRuns(db);
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].id == second);
    CHECK(runs[1].id == first);
    CHECK(runs[1].confirmed == 1);
    CHECK(runs[1].dismissed == 1);
    CHECK(runs[1].findings == static_cast<std::int64_t>(w.report.findings.size()));
    CHECK(runs[1].verdict == "problem");
    CHECK(runs[1].mapKind == mapKindId(w.report.profile.kind));
    CHECK(runs[1].report.empty()); // the list leaves the reports out
    CHECK(records::checkRuns(db, 1).size() == 1);

    const auto kept = records::findCheckRun(db, first);
    REQUIRE(kept);
    CHECK(kept->savedAt == "2026-12-06T02:00:00Z");
    const ReviewedReport reopened = readReviewedReport(nlohmann::json::parse(kept->report), first);
    CHECK(reopened.reviews.size() == w.reviews.size());
    CHECK_FALSE(records::findCheckRun(db, "33333333-3333-8333-8333-333333333333"));

    const auto log = db.history(first);
    REQUIRE(log.size() == 2);
    CHECK(log[0].action == "insert");
    CHECK(log[1].action == "update");
    CHECK(db.verify().empty());
    // A verdict changed behind MapAudit's back is found.
    db.database().exec("UPDATE check_runs SET verdict = 'pass' WHERE id = '" + first + "'");
    const auto problems = db.verify();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].table == "check_runs");
    CHECK(problems[0].what == "changed outside MapAudit");
}

TEST_CASE("a check run needs an id, a file and a JSON report") {
    test::ScratchDir dir;
    records::RecordsDb db(dir / "r.db", "t");
    records::CheckRun run = checkRunOf(reviewedWorld().report, {}, {},
                                       contextFor("not-a-uuid", "2026-12-06T01:00:00Z"));
    CHECK_THROWS_WITH(records::saveCheckRun(db, run), Catch::Contains("is not a UUID"));
    run.id = "11111111-1111-8111-8111-111111111111";
    run.report = "[1, 2";
    CHECK_THROWS_WITH(records::saveCheckRun(db, run),
                      Catch::Contains("report is not a JSON object"));
    run.filePath.clear();
    CHECK_THROWS_WITH(records::saveCheckRun(db, run), Catch::Contains("file_path is empty"));
    CHECK(records::checkRuns(db).empty());
}

TEST_CASE("a dataset's fingerprint covers the files beside it that make it up") {
    test::ScratchDir dir;
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj"})
        fs::copy_file(test::samplePath(std::string("china_zone39_gk") + ext),
                      dir / (std::string("map") + ext));
    fs::copy_file(test::samplePath("parcels_invalid.geojson"), dir / "other.geojson");
    const std::string before = datasetSha256(dir / "map.shp");
    CHECK(before.size() == 64);
    CHECK(datasetSha256(dir / "map.shp") == before);
    // Another dataset in the same folder does not count; the attribute table does.
    std::ofstream(dir / "other.geojson", std::ios::app) << "\n";
    CHECK(datasetSha256(dir / "map.shp") == before);
    std::ofstream(dir / "map.dbf", std::ios::app) << " ";
    CHECK(datasetSha256(dir / "map.shp") != before);
    CHECK_THROWS_WITH(datasetSha256(dir / "gone.shp"), Catch::Contains("gone.shp: no such file"));
}
