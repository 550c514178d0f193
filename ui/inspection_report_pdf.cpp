#include "inspection_report_pdf.h"

#include "application.h"
#include "html_pdf.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/check/clause_catalogue.h"
#include "mapaudit/check/report_io.h"
#include "mapaudit/check/rule_registry.h"
#include "mapaudit/records/summary_export.h"

#include <algorithm>
#include <vector>

namespace mapaudit::ui {
namespace {

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}
QString esc(const std::string& s) {
    return esc(QString::fromStdString(s));
}

// Identifiers (digests, paths) in a monospaced face: copied and compared character by character.
QString mono(const QString& html) {
    return "<span style=\"font-family:'Noto Sans Mono CJK SC'\">" + html + "</span>";
}

QString pick(bool chinese, const char* zh, const char* en) {
    return QString::fromUtf8(chinese ? zh : en);
}

QString reviewText(const check::FindingReviews& reviews, const std::string& id, bool zh) {
    const auto it = reviews.find(id);
    if (it == reviews.end() || it->second.state == check::ReviewState::Open)
        return pick(zh, "待核实", "open");
    if (it->second.state == check::ReviewState::Confirmed)
        return pick(zh, "确认", "confirmed");
    return pick(zh, "排除：", "dismissed: ") + esc(it->second.reason);
}

QString answerText(check::ChecklistAnswer a, bool zh) {
    switch (a) {
    case check::ChecklistAnswer::Conforms:
        return pick(zh, "符合", "conforms");
    case check::ChecklistAnswer::DoesNotConform:
        return pick(zh, "<b style='color:#b00020'>不符合</b>",
                    "<b style='color:#b00020'>does not conform</b>");
    case check::ChecklistAnswer::NotApplicable:
        return pick(zh, "不适用", "not applicable");
    case check::ChecklistAnswer::Open:
        break;
    }
    return pick(zh, "未判定", "not decided");
}

// The checklist the inspector marked: clause, requirement, answer and note.
QString checklistHtml(const check::Checklist& checklist, bool zh) {
    if (checklist.empty())
        return {};
    const check::ClauseCatalogue& cat = check::clauseCatalogue();
    QString html = "<p style='font-size:13pt; font-weight:bold'>" +
                   pick(zh, "人工核查清单", "Checklist marked by the inspector") + "</p>";
    html += "<table width=100% border=1 cellspacing=0 cellpadding=3 style='font-size:8.5pt'>";
    html += "<tr><th width=24%>" + pick(zh, "条款", "Clause") + "</th><th width=38%>" +
            pick(zh, "要求", "Requirement") + "</th><th width=14%>" + pick(zh, "判定", "Answer") +
            "</th><th width=24%>" + pick(zh, "说明", "Note") + "</th></tr>";
    for (const check::ChecklistItem& i : checklist) {
        const check::Clause* c = cat.find(i.clause);
        html +=
            "<tr><td>" + mono(esc(i.clause)) + "<br>" + (c ? esc(cat.citationZh(*c)) : QString()) +
            "</td><td>" + (c ? esc(c->titleZh) : QString()) + "</td><td>" +
            answerText(i.answer, zh) + "</td><td>" + esc(i.note) +
            (i.findingId.empty() ? QString() : " (" + mono(esc(i.findingId)) + ")") + "</td></tr>";
    }
    return html + "</table>";
}

QString reportHtml(const check::CheckReport& r, const check::FindingReviews& reviews,
                   const check::Checklist& checklist, const InspectionReportHeader& h, bool zh,
                   const QStringList& breakBefore) {
    QString html = "<html><body>";
    html += "<p align=center style='font-size:17pt; font-weight:bold'>" +
            pick(zh, "地图核查报告", "Map inspection report") + "</p>";
    auto row = [](const QString& label, const QString& value) {
        return "<tr><td width=22% style='font-weight:bold'>" + label + "</td><td>" + value +
               "</td></tr>";
    };
    html += "<table width=100% border=1 cellspacing=0 cellpadding=4>";
    html += row(pick(zh, "核查单位", "Unit"), esc(h.unit));
    html += row(pick(zh, "核查人员", "Inspector"), esc(h.inspector));
    html += row(pick(zh, "核查日期", "Date"),
                esc(zh ? records::chineseDate(h.date.toStdString()) : h.date.toStdString()));
    html += row(pick(zh, "地图名称", "Map title"), esc(h.mapTitle));
    html += row(pick(zh, "来源", "Source"), esc(h.mapSource));
    html += row(pick(zh, "结论", "Verdict"), r.isProblem()
                                                 ? pick(zh, "<b style='color:#b00020'>问题地图</b>",
                                                        "<b style='color:#b00020'>problem map</b>")
                                                 : pick(zh, "未发现错误", "no error found"));
    html += row(pick(zh, "比例尺", "Scale"),
                QString::fromStdString(check::scaleText(r, zh ? "zh" : "en")));
    html += "</table>";
    html += "<p align=center><img src='mapaudit:map' width=640></p>";
    html += "<p style='font-size:9pt' align=center>" +
            pick(zh, "图中红色为核查发现，叠加参考数据（国界、争议区、重要岛屿、南海断续线）。",
                 "Findings in red over the reference data (border, disputed areas, key islands, "
                 "dashed line).") +
            "</p>";
    html += "<p style='font-size:13pt; font-weight:bold'>" + pick(zh, "核查发现", "Findings") +
            QString(" (%1)").arg(r.findings.size()) + "</p>";
    const QString columns =
        "<thead><tr><th width=6%>#</th><th width=7%>" + pick(zh, "级别", "Severity") +
        "</th><th width=22%>" + pick(zh, "规则 / 位置", "Rule / place") + "</th><th width=41%>" +
        pick(zh, "问题", "Finding") + "</th><th width=10%>" + pick(zh, "量测", "Measure") +
        "</th><th width=14%>" + pick(zh, "核实", "Review") + "</th></tr></thead>";
    const QString table =
        "<table width=100% border=1 cellspacing=0 cellpadding=3 style='font-size:8.5pt";
    html += table + "'>" + columns;
    // clause (or rule, when no clause is cited) → basis, in order of first use
    std::vector<std::pair<std::string, std::string>> bases;
    for (const check::Finding& f : r.findings) {
        const QString severity = f.severity == check::Severity::Error ? pick(zh, "错误", "error")
                                 : f.severity == check::Severity::Warning
                                     ? pick(zh, "警告", "warning")
                                     : pick(zh, "提示", "info");
        const std::string cited = f.clause.empty() ? f.rule : f.clause;
        const QString id = QString::fromStdString(f.id);
        // A row moved to the next page starts a table of its own there, with its header.
        if (breakBefore.contains(id))
            html += "</table>" + table + "; page-break-before:always'>" + columns;
        // Values kept with their units: a measure never wraps inside.
        html += "<tr><td><a name=\"keep:" + esc(id) + "\"></a>" + esc(f.id) + "</td><td>" +
                severity + "</td><td>" + esc(check::ruleDisplayName(f.rule, zh)) + "<br>" +
                esc(check::placeText(f, zh)) + "<br>" + pick(zh, "依据 ", "clause ") +
                mono(esc(cited)) + "</td><td>" + esc(zh ? f.messageZh : f.messageEn) +
                "</td><td style='white-space:nowrap'>" + esc(check::measureText(f, zh)) +
                "</td><td>" + reviewText(reviews, f.id, zh) + "</td></tr>";
        if (std::none_of(bases.begin(), bases.end(),
                         [&](const auto& b) { return b.first == cited; }))
            bases.emplace_back(cited, f.basis);
    }
    html += "</table>";
    html += checklistHtml(checklist, zh);
    html += "<p style='font-size:13pt; font-weight:bold'>" + pick(zh, "依据条款", "Clauses cited") +
            "</p><table width=100% border=1 cellspacing=0 cellpadding=3 style='font-size:8.5pt'>";
    for (const auto& [rule, basis] : bases)
        html += "<tr><td width=22%>" + mono(esc(rule)) + "</td><td>" + esc(basis) + "</td></tr>";
    html += "</table>";
    html += "<p style='font-size:9pt'>" + pick(zh, "参考数据包：", "Reference pack: ") +
            esc(r.packId + " " + r.packVersion) +
            (r.packVerified ? pick(zh, "（已校验）", " (verified)")
                            : pick(zh, "（未校验）", " (UNVERIFIED)")) +
            "<br>SHA-256 " + mono(esc(r.packDigest)) + "<br>" + pick(zh, "数据：", "Data: ") +
            mono(esc(r.dataset)) +
            (h.auditHead.isEmpty() ? QString()
                                   : "<br>" + esc(std::string(records::kAuditHeadLabel) + "：") +
                                         mono(h.auditHead.toHtmlEscaped())) +
            "</p>";
    return html + "</body></html>";
}

} // namespace

void writeInspectionReportPdf(const check::CheckReport& report,
                              const check::FindingReviews& reviews,
                              const check::Checklist& checklist,
                              const InspectionReportHeader& header, const QImage& map,
                              const std::filesystem::path& path) {
    const bool zh = uiIsChinese();
    PdfLayout layout;
    layout.title = zh ? QStringLiteral("地图核查报告") : QStringLiteral("Map inspection report");
    layout.fontPoints = 10;
    layout.marginsMm = {18, 16, 18, 16};
    layout.images[QStringLiteral("mapaudit:map")] = map;
    layout.pageNumber = zh ? QStringLiteral("第 %1 页 共 %2 页") : QStringLiteral("Page %1 of %2");
    writeHtmlPdf(
        [&](const QStringList& breaks) {
            return reportHtml(report, reviews, checklist, header, zh, breaks);
        },
        layout, path);
}

} // namespace mapaudit::ui
