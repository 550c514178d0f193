// The history of checks: every check the workstation ran, with the file it
// read (path and SHA-256), the map's kind, the reference pack, the verdict,
// the inspector's decisions and the reviewed report itself, so last week's
// result can be listed and opened again. Kept in the records database
// (table check_runs), each write in the audit chain.
#pragma once

#include "mapaudit/records/records_db.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit::records {

struct CheckRun {
    std::string id;        // UUID, one per check; the same id again updates the run
    std::string checkedAt; // UTC, when the check finished
    std::string savedAt;   // UTC, when this state of the run was kept
    std::string inspector;
    std::string filePath, fileSha256; // the dataset or picture checked
    std::string mapKind;              // map_profile.h id; "picture" for an image
    std::string pack, packDigest;     // "id version" and its digest
    std::string verdict;              // "problem" or "pass"
    std::int64_t findings = 0, confirmed = 0, dismissed = 0;
    std::string report; // the reviewed report JSON (finding_review.h)
};

// Inserts the run, or updates the run of the same id; the report must be a
// JSON object. Throws InputError naming the field that is missing.
RowChange saveCheckRun(RecordsDb& db, const CheckRun& run);
// Newest first, without their reports; at most `limit` (0 = all).
std::vector<CheckRun> checkRuns(RecordsDb& db, std::size_t limit = 0);
// One run with its report.
std::optional<CheckRun> findCheckRun(RecordsDb& db, const std::string& id);

} // namespace mapaudit::records
