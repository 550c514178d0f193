#include "summary_pdf.h"

#include "html_pdf.h"
#include "mapaudit/records/summary_export.h"

namespace mapaudit::ui {
namespace {

QString escaped(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

// The form as an HTML table: a group's cell spans its items' rows, a group
// without items spans both label columns.
QString formHtml(const records::SummaryTable& t) {
    QString html = "<html><body>";
    html += "<p align=center style='font-size:16pt; font-weight:bold'>" + escaped(t.form.title) +
            "</p>";
    html += "<table width=100% cellspacing=0 cellpadding=2><tr><td>" +
            escaped(t.form.unitLabel + t.unit) + "</td><td align=right>" +
            escaped(t.form.dateLabel + records::chineseDate(t.reportDate)) + "</td></tr></table>";
    html += "<table width=100% border=1 cellspacing=0 cellpadding=4 "
            "style='border-collapse:collapse'>";
    html += "<tr><th colspan=2>" + escaped(t.form.columns.at(0)) + "</th><th>" +
            escaped(t.form.columns.at(1)) + "</th><th>" + escaped(t.form.columns.at(2)) +
            "</th></tr>";
    for (std::size_t i = 0; i < t.cells.size(); ++i) {
        const records::SummaryCell& c = t.cells[i];
        html += "<tr>";
        if (c.row.item.empty()) {
            html += "<td colspan=2 valign=middle>" + escaped(c.row.group) + "</td>";
        } else {
            if (i == 0 || t.cells[i - 1].row.group != c.row.group) {
                std::size_t span = 1;
                while (i + span < t.cells.size() && t.cells[i + span].row.group == c.row.group)
                    ++span;
                html += QString("<td rowspan=%1 align=center valign=middle%2>")
                            .arg(span)
                            .arg(i == 0 ? " width=28%" : "") +
                        escaped(c.row.group) + "</td>";
            }
            html +=
                QString("<td%1>").arg(i == 0 ? " width=42%" : "") + escaped(c.row.item) + "</td>";
        }
        // Qt sizes the columns from the first row whose cells span one column each.
        html += QString("<td align=center valign=middle%1>").arg(i == 0 ? " width=9%" : "") +
                escaped(records::formatFigure(c.value)) +
                QString("</td><td valign=middle%1>").arg(i == 0 ? " width=21%" : "") +
                escaped(c.remark()) + "</td></tr>";
    }
    html += "</table><p style='font-size:10pt'>" + escaped(records::summaryFootnote(t)) + "</p>";
    html += "<p style='font-size:8pt'>" +
            escaped(std::string(records::kAuditHeadLabel) + "：" + t.auditHead) + "</p>";
    return html + "</body></html>";
}

} // namespace

void writeSummaryPdf(const records::SummaryTable& table, const std::filesystem::path& path) {
    PdfLayout layout;
    layout.title = QString::fromStdString(table.form.title);
    writeHtmlPdf(formHtml(table), layout, path);
}

} // namespace mapaudit::ui
