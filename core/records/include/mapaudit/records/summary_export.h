// The summary table as JSON, CSV (UTF-8 with BOM, opens in Excel and WPS)
// and XLSX laid out like the paper form (merged title and group cells).
// Files are written completely or not at all.
#pragma once

#include "mapaudit/records/summary.h"

#include <filesystem>
#include <nlohmann/json.hpp>

namespace mapaudit::records {

nlohmann::json summaryJson(const SummaryTable& table);
void writeSummaryCsv(const SummaryTable& table, const std::filesystem::path& path);
void writeSummaryXlsx(const SummaryTable& table, const std::filesystem::path& path);
// 填报时间 as the form writes it: 2026年11月21日.
std::string chineseDate(const std::string& isoDate);
// The footnote as printed: the form's own when the table counts the form's
// period; else one naming the period counted and the form's, so a table of
// another period never carries the printed 2021 dates.
std::string summaryFootnote(const SummaryTable& table);

} // namespace mapaudit::records
