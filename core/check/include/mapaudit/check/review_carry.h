// An inspection carried from one check of a map to the next check of the same
// map (another scale, another map kind, a newer reference pack), so that
// re-checking loses none of the inspector's work: decisions follow the
// findings that are still there, findings marked by hand stay, checklist
// answers are given again.
#pragma once

#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/checklist.h"
#include "mapaudit/check/finding_review.h"

#include <string>
#include <vector>

namespace mapaudit::check {

struct CarriedInspection {
    FindingReviews reviews;  // by the ids of the new report
    Checklist checklist;     // the new report's, with the earlier answers
    std::size_t carried = 0; // decisions and answers kept
    // Ids (of the earlier report) of decided findings the new check no longer
    // makes, and clauses answered before that the new map kind does not list.
    std::vector<std::string> droppedFindings, droppedAnswers;
};

// A decision follows the finding of the same rule, place and map features; or
// of the same rule and place when each check has just one such finding.
// `after` gains the earlier findings marked by hand (with their ids) and the
// finding of each 不符合 answered again.
CarriedInspection carryInspection(const CheckReport& before, const FindingReviews& reviews,
                                  const Checklist& checklist, CheckReport& after);

} // namespace mapaudit::check
