#include "mapaudit/records/summary.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/json_text.h"
#include "mapaudit/base/resources.h"
#include "mapaudit/records/record_kinds.h"

#include <cmath>
#include <cstdio>
#include <fstream>

namespace mapaudit::records {
namespace fs = std::filesystem;

SummaryTemplate SummaryTemplate::load(const std::string& idOrPath) {
    fs::path path = idOrPath;
    if (!fs::exists(path))
        path = resourceDir() / "templates" / ("supervision-summary-" + idOrPath + ".json");
    if (!std::ifstream(path, std::ios::binary))
        throw InputError(msg("no summary template '{}' (looked for {}) — give a year with a "
                             "template or a template file",
                             idOrPath, path));
    return parse(parseJsonText(readFileBytes(path), path.string(),
                               msg("see the 2021 template for the form")),
                 path.string());
}

SummaryTemplate SummaryTemplate::parse(const nlohmann::json& j, const std::string& origin) {
    SummaryTemplate t;
    try {
        t.id = j.at("id").get<std::string>();
        t.title = j.at("title").get<std::string>();
        t.unitLabel = j.at("unit_label").get<std::string>();
        t.dateLabel = j.at("date_label").get<std::string>();
        t.footnote = j.value("footnote", "");
        t.columns = j.at("columns").get<std::vector<std::string>>();
        t.defaultFrom = j.at("default_period").at("from").get<std::string>();
        t.defaultTo = j.at("default_period").at("to").get<std::string>();
        for (const auto& r : j.at("rows")) {
            SummaryRowSpec row;
            row.key = r.at("key").get<std::string>();
            row.group = r.at("group").get<std::string>();
            row.item = r.value("item", "");
            row.kind = r.at("kind").get<std::string>();
            row.op = r.at("op").get<std::string>();
            row.field = r.value("field", "");
            row.cumulative = r.value("cumulative", false);
            if (r.contains("where"))
                row.where = r.at("where").get<std::map<std::string, std::string>>();
            const KindSpec* kind = findKind(row.kind);
            if (!kind)
                throw InputError(
                    msg("{}: row '{}' counts unknown kind '{}'", origin, row.key, row.kind));
            if (row.op != "count" && row.op != "sum")
                throw InputError(msg("{}: row '{}': op must be count or sum", origin, row.key));
            if (row.op == "sum" && !kind->field(row.field))
                throw InputError(msg("{}: row '{}' sums unknown field '{}' of {}", origin, row.key,
                                     row.field, row.kind));
            for (const auto& [field, value] : row.where)
                if (!kind->field(field))
                    throw InputError(
                        msg("{}: row '{}' filters on unknown field '{}'", origin, row.key, field));
            t.rows.push_back(std::move(row));
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError(msg("{}: not a summary template ({})", origin, e.what()));
    }
    if (!isIsoDate(t.defaultFrom) || !isIsoDate(t.defaultTo))
        throw InputError(msg("{}: default_period needs two dates YYYY-MM-DD", origin));
    return t;
}

namespace {

std::vector<std::string> unitsCounted(RecordsDb& db, const Unit& u, bool includeSubunits) {
    return includeSubunits ? db.unitAndSubunitIds(u.id) : std::vector<std::string>{u.id};
}

// The records a row counts: its kind, the units, the period (or everything up
// to its end for a cumulative row) and the row's field conditions.
Statement rowQuery(RecordsDb& db, const SummaryRowSpec& row,
                   const std::vector<std::string>& unitIds, const std::string& from,
                   const std::string& to, const std::string& select) {
    std::string unitList;
    for (std::size_t i = 0; i < unitIds.size(); ++i)
        unitList += (i ? ",?" : "?");
    std::string sql = select;
    sql += " FROM records WHERE kind = ? AND unit_id IN (" + unitList + ") AND date <= ?";
    if (!row.cumulative)
        sql += " AND date >= ?";
    for (std::size_t i = 0; i < row.where.size(); ++i)
        sql += " AND json_extract(fields, '$.\"' || ? || '\"') = ?";
    Statement s(db.database(), sql);
    int i = 0;
    s.bind(++i, row.kind);
    for (const auto& id : unitIds)
        s.bind(++i, id);
    s.bind(++i, to);
    if (!row.cumulative)
        s.bind(++i, from);
    for (const auto& [field, value] : row.where) {
        s.bind(++i, field);
        s.bind(++i, value);
    }
    return s;
}

} // namespace

std::string formatFigure(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9)
        return std::to_string(static_cast<long long>(std::llround(v)));
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", v);
    std::string s = text;
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}

std::string SummaryCell::remark() const {
    if (!overrideReason)
        return "";
    return "人工填报：" + *overrideReason + "（系统统计 " + formatFigure(computed) + "）";
}

SummaryTable computeSummary(RecordsDb& db, SummaryTemplate form, const std::string& unit,
                            bool includeSubunits, std::optional<std::string> from,
                            std::optional<std::string> to, const std::string& reportDate) {
    const auto u = db.findUnit(unit);
    if (!u)
        throw InputError(msg("unit '{}' does not exist — see `mapaudit org list`", unit));
    SummaryTable table;
    table.unit = unit;
    table.includeSubunits = includeSubunits;
    table.from = from.value_or(form.defaultFrom);
    table.to = to.value_or(form.defaultTo);
    table.reportDate = reportDate;
    table.auditHead = db.head().text();
    for (const auto& d : {table.from, table.to})
        if (!isIsoDate(d))
            throw InputError(msg("'{}' is not a date (YYYY-MM-DD)", d));
    if (table.from > table.to)
        throw InputError(msg("the period starts ({}) after it ends ({})", table.from, table.to));
    table.form = std::move(form);

    const std::vector<std::string> unitIds = unitsCounted(db, *u, includeSubunits);
    std::map<std::string, Override> overridden;
    for (Override& o : db.overrides(u->id, table.form.id, table.from, table.to))
        overridden[o.rowKey] = std::move(o);

    for (const SummaryRowSpec& row : table.form.rows) {
        const std::string select =
            row.op == "count"
                ? "SELECT COUNT(*)"
                : "SELECT COALESCE(SUM(json_extract(fields, '$.\"" + row.field + "\"')), 0)";
        Statement s = rowQuery(db, row, unitIds, table.from, table.to, select);
        s.step();
        SummaryCell cell;
        cell.row = row;
        cell.computed = s.columnDouble(0);
        cell.value = cell.computed;
        if (auto it = overridden.find(row.key); it != overridden.end()) {
            cell.value = it->second.value;
            cell.overrideReason = it->second.reason;
        }
        table.cells.push_back(cell);
    }
    return table;
}

std::vector<std::string> recordIdsBehind(RecordsDb& db, const SummaryTable& table,
                                         std::size_t cellIndex) {
    if (cellIndex >= table.cells.size())
        throw InputError(msg("the table has no row {}", cellIndex + 1));
    const auto u = db.findUnit(table.unit);
    if (!u)
        throw InputError(msg("unit '{}' does not exist — see `mapaudit org list`", table.unit));
    Statement s =
        rowQuery(db, table.cells[cellIndex].row, unitsCounted(db, *u, table.includeSubunits),
                 table.from, table.to, "SELECT id");
    std::vector<std::string> ids;
    while (s.step())
        ids.push_back(s.columnText(0));
    return ids;
}

} // namespace mapaudit::records
