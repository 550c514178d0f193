// Writing the summary as PDF needs Qt, which the command line does not link:
// the workstation binary installs a writer before it runs a command.
#pragma once

#include "mapaudit/records/summary.h"

#include <filesystem>
#include <functional>

namespace mapaudit::cli {

using SummaryPdfWriter =
    std::function<void(const records::SummaryTable&, const std::filesystem::path&)>;
void setSummaryPdfWriter(SummaryPdfWriter writer);
const SummaryPdfWriter& summaryPdfWriter();

} // namespace mapaudit::cli
