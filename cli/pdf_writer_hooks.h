// Writing PDF (the summary table, the spot-check notice) needs Qt, which the
// command line does not link: the workstation binary installs the writers
// before it runs a command.
#pragma once

#include "mapaudit/records/summary.h"
#include "mapaudit/security/spot_check_draw.h"

#include <filesystem>
#include <functional>

namespace mapaudit::cli {

using SummaryPdfWriter =
    std::function<void(const records::SummaryTable&, const std::filesystem::path&)>;
void setSummaryPdfWriter(SummaryPdfWriter writer);
const SummaryPdfWriter& summaryPdfWriter();

using DrawNoticePdfWriter =
    std::function<void(const security::Draw&, const std::filesystem::path&)>;
void setDrawNoticePdfWriter(DrawNoticePdfWriter writer);
const DrawNoticePdfWriter& drawNoticePdfWriter();

} // namespace mapaudit::cli
