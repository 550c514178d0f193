#include "mapaudit/records/summary_export.h"

#include "mapaudit/base/atomic_output.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/records/xlsx_book.h"

#include <fstream>
#include <xlsxwriter.h>

namespace mapaudit::records {
namespace fs = std::filesystem;
namespace {

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string csvLine(std::initializer_list<std::string> fields) {
    std::string line;
    for (const auto& f : fields)
        line += (line.empty() && &f == fields.begin() ? "" : ",") + csvField(f);
    return line + "\r\n";
}

} // namespace

std::string chineseDate(const std::string& iso) {
    if (!isIsoDate(iso))
        return iso;
    return std::to_string(std::stoi(iso.substr(0, 4))) + "年" +
           std::to_string(std::stoi(iso.substr(5, 2))) + "月" +
           std::to_string(std::stoi(iso.substr(8, 2))) + "日";
}

std::string summaryFootnote(const SummaryTable& t) {
    if (t.from == t.form.defaultFrom && t.to == t.form.defaultTo)
        return t.form.footnote;
    return "注:上述指标统计时间段为" + chineseDate(t.from) + "—" + chineseDate(t.to) +
           "（表式原定统计时间段为" + chineseDate(t.form.defaultFrom) + "—" +
           chineseDate(t.form.defaultTo) + "）。";
}

nlohmann::json summaryJson(const SummaryTable& t) {
    nlohmann::json rows = nlohmann::json::array();
    for (const SummaryCell& c : t.cells)
        rows.push_back({{"key", c.row.key},
                        {"group", c.row.group},
                        {"item", c.row.item},
                        {"value", c.value},
                        {"computed", c.computed},
                        {"override_reason",
                         c.overrideReason ? nlohmann::json(*c.overrideReason) : nlohmann::json()},
                        {"remark", c.remark()}});
    return {{"template", t.form.id},
            {"title", t.form.title},
            {"unit", t.unit},
            {"include_subunits", t.includeSubunits},
            {"period", {{"from", t.from}, {"to", t.to}}},
            {"report_date", t.reportDate},
            {"footnote", summaryFootnote(t)},
            {"audit_head", t.auditHead},
            {"rows", rows}};
}

void writeSummaryCsv(const SummaryTable& t, const fs::path& path) {
    std::string out = "\xEF\xBB\xBF"; // BOM: Excel and WPS then read UTF-8
    out += csvLine({t.form.title, "", "", ""});
    out += csvLine({t.form.unitLabel, t.unit, "", ""});
    out += csvLine({t.form.dateLabel, chineseDate(t.reportDate), "", ""});
    out += csvLine({t.form.columns.at(0), "", t.form.columns.at(1), t.form.columns.at(2)});
    for (const SummaryCell& c : t.cells)
        out += csvLine({c.row.group, c.row.item, formatFigure(c.value), c.remark()});
    out += csvLine({summaryFootnote(t), "", "", ""});
    out += csvLine({kAuditHeadLabel, t.auditHead, "", ""});
    writeFileAtomically(path, out);
}

void writeSummaryXlsx(const SummaryTable& t, const fs::path& path) {
    AtomicOutput output(path);
    {
        XlsxBook book(output.partial(), path);
        lxw_worksheet* sheet = book.addSheet("汇总表");
        auto format = [&](bool bold, double size, lxw_format_alignments align, bool border) {
            return book.format(bold, size, align, border);
        };
        lxw_format* title = format(true, 16, LXW_ALIGN_CENTER, false);
        lxw_format* label = format(false, 11, LXW_ALIGN_LEFT, false);
        lxw_format* header = format(true, 11, LXW_ALIGN_CENTER, true);
        lxw_format* group = format(false, 11, LXW_ALIGN_CENTER, true);
        lxw_format* cell = format(false, 11, LXW_ALIGN_LEFT, true);
        lxw_format* figure = format(false, 11, LXW_ALIGN_CENTER, true);
        lxw_format* note = format(false, 10, LXW_ALIGN_LEFT, false);
        worksheet_set_column(sheet, 0, 0, 24, nullptr);
        worksheet_set_column(sheet, 1, 1, 38, nullptr);
        worksheet_set_column(sheet, 2, 2, 12, nullptr);
        worksheet_set_column(sheet, 3, 3, 40, nullptr);

        worksheet_set_row(sheet, 0, 32, nullptr);
        worksheet_merge_range(sheet, 0, 0, 0, 3, t.form.title.c_str(), title);
        worksheet_merge_range(sheet, 1, 0, 1, 1, (t.form.unitLabel + t.unit).c_str(), label);
        worksheet_merge_range(sheet, 1, 2, 1, 3,
                              (t.form.dateLabel + chineseDate(t.reportDate)).c_str(), label);
        worksheet_merge_range(sheet, 2, 0, 2, 1, t.form.columns.at(0).c_str(), header);
        worksheet_write_string(sheet, 2, 2, t.form.columns.at(1).c_str(), header);
        worksheet_write_string(sheet, 2, 3, t.form.columns.at(2).c_str(), header);

        const lxw_row_t first = 3;
        for (std::size_t i = 0; i < t.cells.size(); ++i) {
            const SummaryCell& c = t.cells[i];
            const auto row = static_cast<lxw_row_t>(first + i);
            if (c.row.item.empty()) {
                worksheet_merge_range(sheet, row, 0, row, 1, c.row.group.c_str(), group);
            } else {
                // A group's cell spans the rows of its items.
                std::size_t last = i;
                while (last + 1 < t.cells.size() && t.cells[last + 1].row.group == c.row.group &&
                       !t.cells[last + 1].row.item.empty())
                    ++last;
                if (i == 0 || t.cells[i - 1].row.group != c.row.group) {
                    if (last > i)
                        worksheet_merge_range(sheet, row, 0, static_cast<lxw_row_t>(first + last),
                                              0, c.row.group.c_str(), group);
                    else
                        worksheet_write_string(sheet, row, 0, c.row.group.c_str(), group);
                }
                worksheet_write_string(sheet, row, 1, c.row.item.c_str(), cell);
            }
            worksheet_write_number(sheet, row, 2, c.value, figure);
            worksheet_write_string(sheet, row, 3, c.remark().c_str(), cell);
        }
        const auto footRow = static_cast<lxw_row_t>(first + t.cells.size());
        worksheet_merge_range(sheet, footRow, 0, footRow, 3, summaryFootnote(t).c_str(), note);
        worksheet_merge_range(sheet, footRow + 1, 0, footRow + 1, 3,
                              (std::string(kAuditHeadLabel) + "：" + t.auditHead).c_str(), note);
        book.close();
    }
    output.commit();
}

} // namespace mapaudit::records
