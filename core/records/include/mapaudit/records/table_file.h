// Rows of a spreadsheet as bureaus keep them: CSV (UTF-8, header row) or the
// first sheet of an XLSX workbook, read through GDAL as text — never as
// numbers, so an 18-digit credit code keeps every digit.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace mapaudit {

struct TableRow {
    int line = 0;                             // the spreadsheet's row number (the header is row 1)
    std::map<std::string, std::string> cells; // by header; empty cells left out
};

// .csv or .xlsx by extension. Throws InputError naming the file when it
// cannot be read whole.
std::vector<TableRow> readTableFile(const std::filesystem::path& path);

} // namespace mapaudit
