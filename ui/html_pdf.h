// An HTML document printed as an A4 PDF with the Noto CJK serif font
// embedded (Qt's PDF writer; needs a QGuiApplication, offscreen is enough).
// Written whole or not at all. The summary table, the inspection report and
// the spot-check notice are all printed through it.
#pragma once

#include <QImage>
#include <QMarginsF>
#include <QString>
#include <QStringList>
#include <filesystem>
#include <functional>
#include <map>

namespace mapaudit::ui {

struct PdfLayout {
    QString title; // the PDF's document title
    double fontPoints = 10.5;
    QMarginsF marginsMm{20, 18, 20, 18};            // left, top, right, bottom
    std::map<QString, QImage> images;               // referenced in the HTML as <img src='name'>
    QString pageNumber = QStringLiteral("%1 / %2"); // at each page's foot: page, pages
};

// Throws InputError naming the file when the PDF cannot be written.
void writeHtmlPdf(const QString& html, const PdfLayout& layout, const std::filesystem::path& path);

// The HTML, given the ids of the rows that must start a new page. A table row
// whose first cell holds <a name="keep:ID"></a> is kept whole: when it would
// cross a page boundary the HTML is asked for again with ID among the breaks,
// and is expected to end its table there and start the next page with a new one.
using PagedHtml = std::function<QString(const QStringList& breakBefore)>;
void writeHtmlPdf(const PagedHtml& html, const PdfLayout& layout,
                  const std::filesystem::path& path);

} // namespace mapaudit::ui
