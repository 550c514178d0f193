// The clauses a machine cannot judge, as a list the inspector marks after a
// check: 符合 (conforms), 不符合 (does not conform), 不适用 (not applicable),
// with a note. A 不符合 is a finding marked by hand that cites the clause, so it
// reaches the findings table, the report, the problem-map record and the PDF.
#pragma once

#include "mapaudit/check/check_engine.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit::check {

// Stable identifiers: "open", "conforms", "does_not_conform", "not_applicable".
enum class ChecklistAnswer { Open, Conforms, DoesNotConform, NotApplicable };
const char* checklistAnswerId(ChecklistAnswer a);
const char* checklistAnswerNameZh(ChecklistAnswer a);
std::optional<ChecklistAnswer> parseChecklistAnswer(const std::string& id);

struct ChecklistItem {
    std::string clause; // catalogue clause id
    ChecklistAnswer answer = ChecklistAnswer::Open;
    std::string note;
    std::string by, at;    // inspector and UTC time of the answer
    std::string findingId; // the manual finding a 不符合 made (M1 …), else ""
};
using Checklist = std::vector<ChecklistItem>;

// The checklist clauses that apply to the checked map's kind (every one for a
// picture, whose kind is not known), unanswered.
Checklist checklistFor(const CheckReport& report);

struct ChecklistAnswerInput {
    std::string clause;
    ChecklistAnswer answer = ChecklistAnswer::Open;
    std::string note; // required for 不符合
    std::string by, at;
};

// Records an answer. 不符合 adds a finding marked by hand (rule CHECKLIST, the
// clause cited, code "map", no place) to `report`; answering otherwise
// removes the finding an earlier 不符合 made. Throws InputError naming the field.
void answerChecklist(CheckReport& report, Checklist& checklist, const ChecklistAnswerInput& in);

// [{clause, citation, title, answer, note, by, at, finding_id}, …]
nlohmann::json checklistJson(const Checklist& checklist);

} // namespace mapaudit::check
