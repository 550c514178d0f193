#include "sheet_columns.h"

#include "mapaudit/base/text_util.h"

#include <algorithm>

namespace mapaudit::security {

std::map<std::string, std::string> cellsByKey(const TableRow& row, const SheetColumns& columns,
                                              std::vector<records::ImportProblem>& problems) {
    std::map<std::string, std::string> out;
    for (const auto& [header, text] : row.cells) {
        const std::string h = trim(header);
        auto it = std::find_if(columns.begin(), columns.end(), [&](const auto& c) {
            return std::find(c.second.begin(), c.second.end(), h) != c.second.end();
        });
        if (it == columns.end())
            problems.push_back({row.line, h, msg("is not a column of this sheet"), "not_field"});
        else
            out[it->first] = trim(text);
    }
    return out;
}

} // namespace mapaudit::security
