#include "pdf_writer_hooks.h"

namespace mapaudit::cli {
namespace {
SummaryPdfWriter& writer() {
    static SummaryPdfWriter w;
    return w;
}
} // namespace

void setSummaryPdfWriter(SummaryPdfWriter w) {
    writer() = std::move(w);
}

const SummaryPdfWriter& summaryPdfWriter() {
    return writer();
}

namespace {
DrawNoticePdfWriter& noticeWriter() {
    static DrawNoticePdfWriter w;
    return w;
}
} // namespace

void setDrawNoticePdfWriter(DrawNoticePdfWriter w) {
    noticeWriter() = std::move(w);
}

const DrawNoticePdfWriter& drawNoticePdfWriter() {
    return noticeWriter();
}

} // namespace mapaudit::cli
