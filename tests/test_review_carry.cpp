// Re-checking a map keeps the inspector's work: decisions follow the findings
// still there, findings marked by hand stay, checklist answers are given again.
#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/finding_places.h"
#include "mapaudit/check/manual_finding.h"
#include "mapaudit/check/review_carry.h"
#include "mapaudit/refpack/reference_pack.h"
#include "test_support.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace mapaudit;
using namespace mapaudit::check;

namespace {

const refpack::ReferencePack& pack() {
    return test::committedPack();
}

const Finding& findingOf(const CheckReport& r, const char* rule, const char* code) {
    const auto f = std::find_if(r.findings.begin(), r.findings.end(), [&](const Finding& g) {
        return g.rule == rule && g.code == code && !g.manual;
    });
    REQUIRE(f != r.findings.end());
    return *f;
}

} // namespace

TEST_CASE("a map checked again at another scale keeps the inspector's decisions and answers") {
    const auto world = test::samplePath("world_ne10m.gpkg");
    CheckReport first = checkDataset(world, pack());
    const std::string taiwan = findingOf(first, kTerrForeign, "taiwan").id;
    const std::string zangnan = findingOf(first, kTerrForeign, "zangnan").id;
    FindingReviews reviews{
        {taiwan, {ReviewState::Confirmed, "", "张三", "2026-12-05T08:00:00Z"}},
        {zangnan, {ReviewState::Dismissed, "印刷样张，已更正", "张三", "2026-12-05T08:01:00Z"}}};
    ManualFindingInput drawn;
    drawn.rule = kIslandOmitted;
    drawn.code = "huangyan_dao";
    drawn.geometryWkt = "POINT (117.75 15.15)";
    drawn.note = "图上黄岩岛处无注记";
    const std::string manualId = addManualFinding(first, drawn, findingCodes(pack())).id;
    reviews[manualId] = {ReviewState::Confirmed, drawn.note, "张三", "2026-12-05T08:02:00Z"};
    Checklist checklist = checklistFor(first);
    REQUIRE(checklist.size() >= 2);
    const std::string refused = checklist[0].clause, agreed = checklist[1].clause;
    answerChecklist(first, checklist,
                    {refused, ChecklistAnswer::DoesNotConform, "图例压盖钓鱼岛", "张三", "t1"});
    answerChecklist(first, checklist, {agreed, ChecklistAnswer::Conforms, "", "张三", "t2"});
    const std::string refusedFinding = checklist[0].findingId;
    reviews[refusedFinding] = {ReviewState::Confirmed, "图例压盖钓鱼岛", "张三", "t1"};

    CheckOptions smaller;
    smaller.scale = 50'000'000;
    CheckReport second = checkDataset(world, pack(), smaller);
    const std::size_t automatic = second.findings.size();
    const CarriedInspection carried = carryInspection(first, reviews, checklist, second);

    const Finding& taiwanAgain = findingOf(second, kTerrForeign, "taiwan");
    const Finding& zangnanAgain = findingOf(second, kTerrForeign, "zangnan");
    CHECK(carried.reviews.at(taiwanAgain.id).state == ReviewState::Confirmed);
    CHECK(carried.reviews.at(zangnanAgain.id).state == ReviewState::Dismissed);
    CHECK(carried.reviews.at(zangnanAgain.id).reason == "印刷样张，已更正");
    CHECK(carried.reviews.at(zangnanAgain.id).by == "张三");
    // The finding drawn by hand, and the 不符合's finding made again: nothing else added.
    REQUIRE(second.findings.size() == automatic + 2);
    const Finding& manual = second.findings[automatic];
    CHECK(manual.id == manualId);
    CHECK(manual.manual);
    CHECK(manual.note == drawn.note);
    CHECK(carried.reviews.at(manualId).state == ReviewState::Confirmed);
    const auto refusedAgain =
        std::find_if(carried.checklist.begin(), carried.checklist.end(),
                     [&](const ChecklistItem& i) { return i.clause == refused; });
    REQUIRE(refusedAgain != carried.checklist.end());
    CHECK(refusedAgain->answer == ChecklistAnswer::DoesNotConform);
    CHECK(refusedAgain->note == "图例压盖钓鱼岛");
    CHECK(refusedAgain->by == "张三");
    CHECK(second.findings.back().id == refusedAgain->findingId);
    CHECK(second.findings.back().clause == refused);
    CHECK(carried.reviews.at(refusedAgain->findingId).state == ReviewState::Confirmed);
    CHECK(std::any_of(carried.checklist.begin(), carried.checklist.end(), [&](const auto& i) {
        return i.clause == agreed && i.answer == ChecklistAnswer::Conforms;
    }));
    CHECK(carried.carried == 5); // two decisions, the finding drawn by hand, two answers
    CHECK(carried.droppedFindings.empty());
    CHECK(carried.droppedAnswers.empty());
}

TEST_CASE("a decision on a finding the new check no longer makes is reported as dropped") {
    CheckReport before;
    Finding f;
    f.id = "F1";
    f.rule = kTerrForeign;
    f.code = "taiwan";
    f.featureIds = {"countries:3"};
    before.findings = {f};
    f.id = "F2";
    f.code = "zangnan";
    f.featureIds = {"countries:8"};
    before.findings.push_back(f);
    const FindingReviews reviews{{"F1", {ReviewState::Confirmed, "", "张三", "t"}},
                                 {"F2", {ReviewState::Confirmed, "", "张三", "t"}}};

    // Taiwan fixed; Zangnan now drawn from another feature, still one finding: the same.
    CheckReport after;
    f.id = "F1";
    f.featureIds = {"countries:9"};
    after.findings = {f};
    const CarriedInspection carried = carryInspection(before, reviews, {}, after);
    CHECK(carried.droppedFindings == std::vector<std::string>{"F1"});
    REQUIRE(carried.reviews.size() == 1);
    CHECK(carried.reviews.count("F1") == 1); // the new F1 is Zangnan
    CHECK(after.findings.size() == 1);
}
