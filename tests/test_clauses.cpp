// The clause catalogue: what it holds, how a bad one is refused, findings
// citing their clause, and the checklist an inspector marks.
#include "mapaudit/base/error.h"
#include "mapaudit/check/checklist.h"
#include "mapaudit/check/clause_catalogue.h"
#include "mapaudit/check/finding_review.h"
#include "mapaudit/check/manual_finding.h"
#include "mapaudit/check/report_io.h"
#include "mapaudit/check/rule_registry.h"
#include "mapaudit/refpack/reference_pack.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <regex>

using namespace mapaudit;
using namespace mapaudit::check;

TEST_CASE("the clause catalogue cites documents by section and covers every rule") {
    const ClauseCatalogue& cat = clauseCatalogue();
    REQUIRE(cat.clauses().size() >= 25);
    // A clause number of its document: 五（一）1, 第八条, …
    const std::regex numbered(R"(^(第[一二三四五六七八九十百]+条|[一二三四五六七八九十]+).*)");
    int numberedCount = 0, checklistCount = 0, automatic = 0;
    for (const Clause& c : cat.clauses()) {
        INFO(c.id);
        CHECK(cat.document(c.document) != nullptr);
        CHECK_FALSE(c.requirementZh.empty());
        if (c.textStatus != "not_found" && std::regex_match(c.section, numbered))
            ++numberedCount;
        if (c.textStatus == "not_found")
            CHECK(c.requirementZh.find("原文未能核实") != std::string::npos);
        checklistCount += c.mode == ClauseMode::ByInspector;
        automatic += c.mode == ClauseMode::Automatic;
        CHECK(cat.citationZh(c).find("《") == 0);
    }
    CHECK(numberedCount >= 20);
    CHECK(checklistCount >= 5);
    CHECK(automatic >= 5);
    for (const RuleInfo& r : ruleCatalogue()) {
        INFO(r.id);
        if (std::string(r.id) != kGeomInvalid && std::string(r.id) != kChecklist)
            CHECK_FALSE(cat.clausesOf(r.id).empty());
    }
    // Findings on Taiwan and on the dashes cite different clauses.
    const Clause* taiwan = cat.clauseFor(kTerrForeign, "taiwan");
    const Clause* dashes = cat.clauseFor(kDashlineMissing, "nanhai");
    REQUIRE(taiwan);
    REQUIRE(dashes);
    CHECK(cat.clauseFor(kReviewNoMissing, "map") != nullptr);
}

TEST_CASE("a broken clause catalogue is refused naming the field") {
    const std::string good =
        R"({"catalogue_version": "t", "documents": [{"id": "D", "title_zh": "文"}],
      "clauses": [{"id": "D-1", "document": "D", "section": "一", "title_zh": "标题",
                   "requirement_zh": "要求", "text_status": "quoted", "mode": "automatic",
                   "map_kinds": ["all"], "severity": "error", "rules": ["TERR-FOREIGN"]}]})";
    CHECK(ClauseCatalogue::parse(good, "c.json").clauses().size() == 1);
    auto refused = [&](const std::string& from, const std::string& to) {
        std::string bad = good;
        bad.replace(bad.find(from), from.size(), to);
        try {
            ClauseCatalogue::parse(bad, "c.json");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK(refused(R"("mode": "automatic")", R"("mode": "auto")").find("clauses[0] (D-1).mode") !=
          std::string::npos);
    CHECK(refused(R"("TERR-FOREIGN")", R"("NO-RULE")").find("'NO-RULE' is not a rule") !=
          std::string::npos);
    CHECK(refused(R"("document": "D")", R"("document": "X")").find(".document") !=
          std::string::npos);
    CHECK(refused(R"(["all"])", R"(["planet"])").find("'planet' is not a map kind") !=
          std::string::npos);
    CHECK(refused(R"("rules": ["TERR-FOREIGN"])", R"("rules": [])").find("names its rules") !=
          std::string::npos);
    CHECK(refused(R"("severity": "error")", R"("severity": 3)").find(".severity: must be text") !=
          std::string::npos);
    CHECK(refused(R"("quoted")", R"("guessed")").find("text_status") != std::string::npos);
    CHECK(refused(R"({"catalogue_version")", R"([{"catalogue_version")").find("c.json") == 0);
}

namespace {

CheckReport reportOfKind(MapKind kind) {
    CheckReport r;
    r.dataset = "map.geojson";
    r.profile.kind = kind;
    Finding f;
    f.id = "F1";
    f.rule = kTerrForeign;
    f.code = "taiwan";
    f.messageZh = "台湾被表示为他国";
    f.messageEn = "Taiwan shown as foreign";
    r.findings.push_back(f);
    citeClauses(r.findings);
    return r;
}

ChecklistAnswerInput answer(const std::string& clause, ChecklistAnswer a, const std::string& note,
                            const std::string& by = "张三") {
    ChecklistAnswerInput in;
    in.clause = clause;
    in.answer = a;
    in.note = note;
    in.by = by;
    in.at = "2026-12-05T08:00:00Z";
    return in;
}

} // namespace

TEST_CASE("findings cite their clause with its section and requirement") {
    CheckReport r = reportOfKind(MapKind::China);
    const Clause* c = clauseCatalogue().clauseFor(kTerrForeign, "taiwan");
    REQUIRE(c);
    CHECK(r.findings[0].clause == c->id);
    CHECK(r.findings[0].basis == clauseCatalogue().basisZh(*c));
    const auto j = reportJson(r);
    CHECK(j["findings"][0]["clause"] == c->id);
    CHECK(reportText(r, "zh").find("依据 " + c->id) != std::string::npos);
}

TEST_CASE("the checklist: marked by the inspector, a 不符合 becomes a finding citing its clause") {
    CheckReport r = reportOfKind(MapKind::China);
    Checklist list = checklistFor(r);
    REQUIRE(list.size() >= 3);
    for (const ChecklistItem& i : list) {
        const Clause* c = clauseCatalogue().find(i.clause);
        REQUIRE(c);
        CHECK(c->mode == ClauseMode::ByInspector);
        CHECK(c->appliesTo(MapKind::China));
        CHECK(i.answer == ChecklistAnswer::Open);
    }
    const std::string first = list[0].clause, second = list[1].clause;
    // 不符合 needs a note; an unknown clause is refused.
    CHECK_THROWS_WITH(answerChecklist(r, list, answer(first, ChecklistAnswer::DoesNotConform, " ")),
                      Catch::Contains("note:"));
    CHECK_THROWS_WITH(answerChecklist(r, list, answer("GKNR-99", ChecklistAnswer::Conforms, "")),
                      Catch::Contains("clause: 'GKNR-99'"));

    answerChecklist(r, list, answer(first, ChecklistAnswer::DoesNotConform, "图例压盖了钓鱼岛"));
    answerChecklist(r, list, answer(second, ChecklistAnswer::NotApplicable, ""));
    REQUIRE(r.findings.size() == 2);
    const Finding& m = r.findings.back();
    CHECK(m.id == "M1");
    CHECK(m.manual);
    CHECK(m.rule == kChecklist);
    CHECK(m.clause == first);
    CHECK(m.code == "map");
    CHECK(m.geometryWkt.empty());
    CHECK(m.basis.find(clauseCatalogue().citationZh(*clauseCatalogue().find(first))) == 0);
    CHECK(list[0].findingId == "M1");

    const auto j = reviewedReportJson(r, {}, list);
    CHECK(j["checklist"][0]["clause"] == first);
    CHECK(j["checklist"][0]["answer"] == "does_not_conform");
    CHECK(j["checklist"][0]["finding_id"] == "M1");
    CHECK(j["checklist"][1]["answer"] == "not_applicable");
    CHECK(j["checklist"][2]["answer"] == "open");

    ProblemMapDraft draft;
    draft.title = "某网站地图";
    draft.unit = "某局";
    draft.date = "2026-12-05";
    const records::Record rec = problemMapRecord(r, {}, draft, "zh", list);
    REQUIRE(rec.fields.contains("checklist"));
    CHECK(rec.fields["checklist"][0] == first + " 不符合：图例压盖了钓鱼岛");
    CHECK(rec.fields["checklist"].size() == 2);

    // Taken back: its finding goes; a new 不符合 gets a fresh id.
    answerChecklist(r, list, answer(first, ChecklistAnswer::Conforms, ""));
    CHECK(r.findings.size() == 1);
    CHECK(list[0].findingId.empty());
    answerChecklist(r, list, answer(second, ChecklistAnswer::DoesNotConform, "无图名"));
    CHECK(r.findings.back().id == "M1");
}

TEST_CASE("manual findings accept any catalogue clause") {
    CheckReport r = reportOfKind(MapKind::World);
    const auto codes =
        findingCodes(mapaudit::refpack::ReferencePack::open(mapaudit::test::committedPackPath()));
    const Clause* any = nullptr;
    for (const Clause& c : clauseCatalogue().clauses())
        if (c.mode == ClauseMode::ByInspector)
            any = &c;
    REQUIRE(any);
    ManualFindingInput in;
    in.rule = any->id;
    in.code = "map";
    in.note = "图上未见审图号";
    const Finding& f = addManualFinding(r, in, codes);
    CHECK(f.clause == any->id);
    CHECK(f.rule == kChecklist);
    // A rule id still works and needs a place on the map.
    in.rule = kTerrForeign;
    in.code = "taiwan";
    CHECK_THROWS_WITH(addManualFinding(r, in, codes), Catch::Contains("geometry:"));
    in.rule = "NO-SUCH";
    CHECK_THROWS_WITH(addManualFinding(r, in, codes),
                      Catch::Contains("neither a rule of the check engine nor a clause"));
}
