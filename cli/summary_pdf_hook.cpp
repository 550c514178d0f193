#include "summary_pdf_hook.h"

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

} // namespace mapaudit::cli
