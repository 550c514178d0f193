// An HTML document printed as an A4 PDF with the Noto CJK serif font
// embedded (Qt's PDF writer; needs a QGuiApplication, offscreen is enough).
// Written whole or not at all. The summary table, the inspection report and
// the spot-check notice are all printed through it.
#pragma once

#include <QImage>
#include <QMarginsF>
#include <QString>
#include <filesystem>
#include <map>

namespace mapaudit::ui {

struct PdfLayout {
    QString title; // the PDF's document title
    double fontPoints = 10.5;
    QMarginsF marginsMm{20, 18, 20, 18}; // left, top, right, bottom
    std::map<QString, QImage> images;    // referenced in the HTML as <img src='name'>
};

// Throws InputError naming the file when the PDF cannot be written.
void writeHtmlPdf(const QString& html, const PdfLayout& layout, const std::filesystem::path& path);

} // namespace mapaudit::ui
