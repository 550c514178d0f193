// A check as a run of the history (records/check_history.h): the report with
// the inspector's decisions, the file's fingerprint, the counts the Records
// dock lists.
#pragma once

#include "mapaudit/check/checklist.h"
#include "mapaudit/check/finding_review.h"
#include "mapaudit/records/check_history.h"

#include <filesystem>
#include <string>

namespace mapaudit::check {

// SHA-256 over the dataset's files: a file and the files beside it that share
// its stem (a shapefile's .shp, .dbf, .prj …), or every file of a directory
// dataset, each with its name. Throws InputError when none can be read.
std::string datasetSha256(const std::filesystem::path& path);

struct CheckRunContext {
    std::string id; // UUID of the run
    std::filesystem::path file;
    std::string fileSha256;
    std::string inspector;
    std::string checkedAt, savedAt; // UTC
};

records::CheckRun checkRunOf(const CheckReport& report, const FindingReviews& reviews,
                             const Checklist& checklist, const CheckRunContext& context);

} // namespace mapaudit::check
