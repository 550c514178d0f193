#include "html_pdf.h"

#include "mapaudit/base/atomic_output.h"
#include "mapaudit/base/error.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QUrl>
#include <algorithm>
#include <cmath>

namespace mapaudit::ui {
namespace {

constexpr int kDpi = 300;

// The page and row of the table row that holds the anchor "keep:<id>", as the
// laid-out document places it: top and bottom in document coordinates.
struct RowSpan {
    QString id;
    double top = 0, bottom = 0;
};

std::vector<RowSpan> keptRows(const QTextDocument& doc) {
    std::vector<RowSpan> rows;
    QAbstractTextDocumentLayout* layout = doc.documentLayout();
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QStringList names = it.fragment().charFormat().anchorNames();
            const auto keep = std::find_if(names.begin(), names.end(), [](const QString& n) {
                return n.startsWith(QLatin1String("keep:"));
            });
            if (keep == names.end())
                continue;
            QTextCursor cursor(block);
            QTextTable* table = cursor.currentTable();
            if (!table)
                continue;
            const int row = table->cellAt(block.position()).row();
            RowSpan span{keep->mid(5), 1e300, -1e300};
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(row, c);
                for (QTextBlock b = cell.firstCursorPosition().block();
                     b.isValid() && b.position() <= cell.lastCursorPosition().position();
                     b = b.next()) {
                    const QRectF r = layout->blockBoundingRect(b);
                    span.top = std::min(span.top, r.top());
                    span.bottom = std::max(span.bottom, r.bottom());
                }
            }
            rows.push_back(span);
        }
    }
    return rows;
}

} // namespace

void writeHtmlPdf(const PagedHtml& html, const PdfLayout& layout,
                  const std::filesystem::path& path) {
    AtomicOutput output(path);
    {
        QPdfWriter pdf(QString::fromStdString(output.partial().string()));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(layout.marginsMm, QPageLayout::Millimeter);
        pdf.setResolution(kDpi);
        pdf.setTitle(layout.title);
        pdf.setCreator("MapAudit");
        QFont font("Noto Serif CJK SC");
        font.setStyleHint(QFont::Serif);
        font.setPointSizeF(layout.fontPoints);

        // The page body in the writer's pixels, a line at the foot kept for the page number.
        const QFontMetricsF metrics(font, &pdf);
        const double footer = metrics.height() * 2;
        const QSizeF body(pdf.width(), pdf.height() - footer);

        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&pdf);
        doc.setDefaultFont(font);
        for (const auto& [name, image] : layout.images)
            doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
        doc.setPageSize(body);

        // Lay out, and while a row marked to be kept whole crosses a page
        // boundary, ask for the document again with a page break before it.
        QStringList breaks;
        for (;;) {
            doc.setHtml(html(breaks));
            doc.documentLayout()->documentSize(); // lays the whole document out
            bool moved = false;
            for (const RowSpan& row : keptRows(doc)) {
                const bool crosses = std::floor(row.top / body.height()) !=
                                     std::floor((row.bottom - 1) / body.height());
                if (crosses && row.bottom - row.top < body.height() * 0.8 &&
                    !breaks.contains(row.id)) {
                    breaks << row.id;
                    moved = true;
                    break;
                }
            }
            if (!moved)
                break;
        }

        QPainter painter(&pdf);
        const int pages = doc.pageCount();
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                pdf.newPage();
            painter.save();
            painter.translate(0, -page * body.height());
            const QRectF clip(0, page * body.height(), body.width(), body.height());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = clip;
            context.palette.setColor(QPalette::Text, Qt::black);
            painter.setClipRect(clip);
            doc.documentLayout()->draw(&painter, context);
            painter.restore();
            painter.setFont(font);
            painter.drawText(QRectF(0, body.height(), body.width(), footer), Qt::AlignCenter,
                             layout.pageNumber.arg(page + 1).arg(pages));
        }
    }
    if (!std::filesystem::exists(output.partial()) ||
        std::filesystem::file_size(output.partial()) == 0)
        throw InputError(path.string() + ": the PDF could not be written — check the folder");
    output.commit();
}

void writeHtmlPdf(const QString& html, const PdfLayout& layout, const std::filesystem::path& path) {
    writeHtmlPdf([&html](const QStringList&) { return html; }, layout, path);
}

} // namespace mapaudit::ui
