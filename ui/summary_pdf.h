// The summary table as a PDF laid out like the paper form, Chinese fonts
// embedded (Qt's PDF writer; needs a QGuiApplication, offscreen is enough).
#pragma once

#include "mapaudit/records/summary.h"

#include <filesystem>

namespace mapaudit::ui {

void writeSummaryPdf(const records::SummaryTable& table, const std::filesystem::path& path);

} // namespace mapaudit::ui
