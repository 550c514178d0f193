#include "html_pdf.h"

#include "mapaudit/atomic_output.h"
#include "mapaudit/error.h"

#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace mapaudit::ui {

void writeHtmlPdf(const QString& html, const PdfLayout& layout, const std::filesystem::path& path) {
    AtomicOutput output(path);
    {
        QPdfWriter pdf(QString::fromStdString(output.partial().string()));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(layout.marginsMm, QPageLayout::Millimeter);
        pdf.setResolution(300);
        pdf.setTitle(layout.title);
        pdf.setCreator("MapAudit");
        QTextDocument doc;
        QFont font("Noto Serif CJK SC");
        font.setStyleHint(QFont::Serif);
        font.setPointSizeF(layout.fontPoints);
        doc.setDefaultFont(font);
        for (const auto& [name, image] : layout.images)
            doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
        doc.setHtml(html);
        doc.print(&pdf);
    }
    if (!std::filesystem::exists(output.partial()) ||
        std::filesystem::file_size(output.partial()) == 0)
        throw InputError(path.string() + ": the PDF could not be written — check the folder");
    output.commit();
}

} // namespace mapaudit::ui
