#include "draw_notice_pdf.h"

#include "html_pdf.h"
#include "mapaudit/records/summary_export.h"

namespace mapaudit::ui {
namespace {

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString noticeHtml(const security::Draw& d) {
    QString html =
        "<html><body><p align=center style='font-size:16pt; font-weight:bold'>" +
        esc(std::to_string(d.options.year) + "年度地理信息安全监管“双随机、一公开”抽查结果公示") +
        "</p>";
    html += "<p>" +
            esc("抽查单位：" + d.options.unit + "　　抽取日期：" +
                records::chineseDate(d.options.date)) +
            "</p>";
    html += "<p>" + esc("抽取方法：" + d.method) + "</p>";
    html += "<table width=100% border=1 cellspacing=0 cellpadding=4 "
            "style='border-collapse:collapse'><tr><th width=8%>序号</th><th width=34%>被抽查单位"
            "</th><th width=26%>统一社会信用代码</th><th width=10%>行业</th><th>检查人员</th></tr>";
    for (std::size_t i = 0; i < d.drawn.size(); ++i) {
        const auto& u = d.drawn[i];
        html += QString("<tr><td align=center>%1</td><td>").arg(i + 1) + esc(u.unit.name) +
                "</td><td><span style=\"font-family:'Noto Sans Mono CJK SC'\">" +
                esc(u.unit.creditCode) + "</span></td><td>" +
                esc(security::industryLabelZh(u.unit.industry)) + "</td><td>" +
                esc(u.inspectors[0] + "、" + u.inspectors[1]) + "</td></tr>";
    }
    return html + "</table></body></html>";
}

} // namespace

void writeDrawNoticePdf(const security::Draw& draw, const std::filesystem::path& path) {
    PdfLayout layout;
    layout.title = QString::fromStdString(std::to_string(draw.options.year)) +
                   QStringLiteral("年度双随机抽查结果公示");
    writeHtmlPdf(noticeHtml(draw), layout, path);
}

} // namespace mapaudit::ui
