#include "mapaudit/check/checklist.h"

#include "mapaudit/base/error.h"
#include "mapaudit/check/clause_catalogue.h"
#include "mapaudit/check/manual_finding.h"

#include <algorithm>

namespace mapaudit::check {

const char* checklistAnswerId(ChecklistAnswer a) {
    switch (a) {
    case ChecklistAnswer::Conforms:
        return "conforms";
    case ChecklistAnswer::DoesNotConform:
        return "does_not_conform";
    case ChecklistAnswer::NotApplicable:
        return "not_applicable";
    case ChecklistAnswer::Open:
        break;
    }
    return "open";
}

const char* checklistAnswerNameZh(ChecklistAnswer a) {
    switch (a) {
    case ChecklistAnswer::Conforms:
        return "符合";
    case ChecklistAnswer::DoesNotConform:
        return "不符合";
    case ChecklistAnswer::NotApplicable:
        return "不适用";
    case ChecklistAnswer::Open:
        break;
    }
    return "未判定";
}

std::optional<ChecklistAnswer> parseChecklistAnswer(const std::string& id) {
    for (ChecklistAnswer a : {ChecklistAnswer::Open, ChecklistAnswer::Conforms,
                              ChecklistAnswer::DoesNotConform, ChecklistAnswer::NotApplicable})
        if (id == checklistAnswerId(a))
            return a;
    return std::nullopt;
}

Checklist checklistFor(const CheckReport& report) {
    const ClauseCatalogue& cat = clauseCatalogue();
    Checklist out;
    for (const Clause& c : cat.clauses())
        if (c.mode == ClauseMode::ByInspector &&
            (report.fromImage || c.appliesTo(report.profile.kind))) {
            ChecklistItem item;
            item.clause = c.id;
            out.push_back(std::move(item));
        }
    return out;
}

void answerChecklist(CheckReport& report, Checklist& checklist, const ChecklistAnswerInput& in) {
    const auto item = std::find_if(checklist.begin(), checklist.end(),
                                   [&](const ChecklistItem& i) { return i.clause == in.clause; });
    if (item == checklist.end())
        throw InputError(msg("clause: '{}' is not on this map's checklist", in.clause));
    if (in.answer == ChecklistAnswer::DoesNotConform &&
        in.note.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError(msg("note: say what on the map does not conform"));
    // The finding an earlier 不符合 made goes; a new 不符合 makes its own.
    if (!item->findingId.empty())
        std::erase_if(report.findings,
                      [&](const Finding& f) { return f.manual && f.id == item->findingId; });
    item->findingId.clear();
    if (in.answer == ChecklistAnswer::DoesNotConform) {
        ManualFindingInput finding;
        finding.rule = in.clause;
        finding.code = "map";
        finding.severity = clauseCatalogue().find(in.clause)->severity;
        finding.note = in.note;
        static const std::vector<CodeInfo> mapOnly{{"map", "整幅地图", "The map as a whole"}};
        item->findingId = addManualFinding(report, finding, mapOnly).id;
    }
    item->answer = in.answer;
    item->note = in.note;
    item->by = in.by;
    item->at = in.at;
}

nlohmann::json checklistJson(const Checklist& checklist) {
    const ClauseCatalogue& cat = clauseCatalogue();
    nlohmann::json out = nlohmann::json::array();
    for (const ChecklistItem& i : checklist) {
        const Clause* c = cat.find(i.clause);
        out.push_back({{"clause", i.clause},
                       {"citation", c ? cat.citationZh(*c) : ""},
                       {"title", c ? c->titleZh : ""},
                       {"answer", checklistAnswerId(i.answer)},
                       {"note", i.note},
                       {"by", i.by},
                       {"at", i.at},
                       {"finding_id", i.findingId.empty() ? nlohmann::json(nullptr)
                                                          : nlohmann::json(i.findingId)}});
    }
    return out;
}

} // namespace mapaudit::check
