// A reviewed check report read back from its JSON (reviewedReportJson): the
// report, the inspector's decisions and checklist, as they were when it was
// kept — so a check kept in the history or exported to a file can be opened
// and its review carried on.
#pragma once

#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/checklist.h"
#include "mapaudit/check/finding_review.h"

#include <nlohmann/json.hpp>
#include <string>

namespace mapaudit::check {

struct ReviewedReport {
    CheckReport report;
    FindingReviews reviews;
    Checklist checklist;
};

// Throws InputError naming the field ("findings[3].rule") that is missing or
// of the wrong type; `source` names where the JSON came from.
ReviewedReport readReviewedReport(const nlohmann::json& json, const std::string& source);

} // namespace mapaudit::check
