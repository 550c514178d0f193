// The annual supervision summary table: a form kept as data (a template in
// resources/templates, one per year's form) and the figures counted from the
// records for one unit and period.
#pragma once

#include "mapaudit/records/records_db.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit::records {

struct SummaryRowSpec {
    std::string key;   // stable row id, used by overrides
    std::string group; // 工作内容 group; a row whose item is "" is a group of its own
    std::string item;
    std::string kind;                         // record kind counted
    std::string op;                           // "count" or "sum"
    std::string field;                        // summed field
    std::map<std::string, std::string> where; // field = value conditions
    bool cumulative = false;                  // everything up to the period's end
};

struct SummaryTemplate {
    std::string id, title, unitLabel, dateLabel, footnote;
    std::vector<std::string> columns;
    std::string defaultFrom, defaultTo;
    std::vector<SummaryRowSpec> rows;

    // `idOrPath`: a template id ("2021" → resources/templates/
    // supervision-summary-2021.json) or a JSON file.
    static SummaryTemplate load(const std::string& idOrPath);
    static SummaryTemplate parse(const nlohmann::json& j, const std::string& origin);
};

struct SummaryCell {
    SummaryRowSpec row;
    double computed = 0; // from the records
    double value = 0;    // reported: computed, or the override
    std::optional<std::string> overrideReason;
    std::string remark() const; // 备注
};

struct SummaryTable {
    SummaryTemplate form;
    std::string unit;
    bool includeSubunits = false;
    std::string from, to;
    std::string reportDate; // 填报时间, YYYY-MM-DD
    std::vector<SummaryCell> cells;
    // The audit chain's head when the table was made (ChainHead::text), printed on
    // every export so `db verify --expect-head` can later prove nothing was removed.
    std::string auditHead;
};

// The exports' label for SummaryTable::auditHead.
inline constexpr const char* kAuditHeadLabel = "审计日志头（db verify --expect-head）";

SummaryTable computeSummary(RecordsDb& db, SummaryTemplate form, const std::string& unit,
                            bool includeSubunits, std::optional<std::string> from,
                            std::optional<std::string> to, const std::string& reportDate);

// The ids of the records a cell counts (or sums), for "which records make this number".
std::vector<std::string> recordIdsBehind(RecordsDb& db, const SummaryTable& table,
                                         std::size_t cellIndex);

// A figure as the form shows it: whole numbers without decimals.
std::string formatFigure(double v);

} // namespace mapaudit::records
