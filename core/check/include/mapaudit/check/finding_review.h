// An inspector's decision on each finding: confirmed, or dismissed with a
// reason. Decisions travel with the check report into the problem-map record,
// so the record says which findings were upheld and why others were not.
#pragma once

#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/checklist.h"
#include "mapaudit/records/records_db.h"

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace mapaudit::check {

enum class ReviewState { Open, Confirmed, Dismissed };
const char* reviewStateName(ReviewState s); // "open", "confirmed", "dismissed"

struct FindingReview {
    ReviewState state = ReviewState::Open;
    std::string reason; // required when dismissed
    std::string by, at; // inspector and UTC time of the decision
};

using FindingReviews = std::map<std::string, FindingReview>; // by finding id (F1, F2, …)

// reportJson with each finding's "review" ({state, reason, by, at}) and the
// inspector's "checklist" (checklistJson).
nlohmann::json reviewedReportJson(const CheckReport& report, const FindingReviews& reviews,
                                  const Checklist& checklist = {});

struct ProblemMapDraft {
    std::string title, urlOrPlace, medium; // from the checked file; medium "offline"
    std::string inspector, unit, date;     // who registers it, where and when (YYYY-MM-DD)
};

// A problem_map record for a checked map: the findings not dismissed, one line
// each ("F1 TERR-FOREIGN taiwan: …"), the checklist's answers ("GKNR-3 不符合：…"),
// the review number seen and the pack the check used; its texts in `language`
// ("zh" or "en"). Throws InputError when every error finding is dismissed
// (the map is then not a problem map).
records::Record problemMapRecord(const CheckReport& report, const FindingReviews& reviews,
                                 const ProblemMapDraft& draft, const std::string& language,
                                 const Checklist& checklist = {});

} // namespace mapaudit::check
