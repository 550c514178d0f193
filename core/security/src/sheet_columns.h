// Reading a bureau's sheet by column (internal to core): each column known by
// an English key and the Chinese headers bureaus write for it.
#pragma once

#include "mapaudit/records/record_import.h"
#include "mapaudit/records/table_file.h"

#include <map>
#include <string>
#include <vector>

namespace mapaudit::security {

// key → the headers accepted for it (the key itself among them)
using SheetColumns = std::map<std::string, std::vector<std::string>>;

// The row's cells under their keys, trimmed; a header the sheet should not
// have is a problem of the row.
std::map<std::string, std::string> cellsByKey(const TableRow& row, const SheetColumns& columns,
                                              std::vector<records::ImportProblem>& problems);

} // namespace mapaudit::security
