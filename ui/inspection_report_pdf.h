// The PDF inspection report for a checked map (A4, Chinese fonts embedded):
// title block, the map with the findings drawn over the reference, the
// findings with the clause each rests on and the inspector's decision, the
// checklist the inspector marked, the clauses cited, and the reference pack
// the check used.
#pragma once

#include "mapaudit/check/finding_review.h"

#include <QImage>
#include <QString>
#include <filesystem>

namespace mapaudit::ui {

struct InspectionReportHeader {
    QString unit, inspector, date; // date YYYY-MM-DD
    QString mapTitle, mapSource;   // the checked map's title and where it came from
    // The records database's audit-chain head when the report is written
    // (ChainHead::text), so `db verify --expect-head` can later prove no record
    // made before it was removed; "" without a database.
    QString auditHead;
};

// In the UI's language. Needs a QGuiApplication. Written whole or not at all.
void writeInspectionReportPdf(const check::CheckReport& report,
                              const check::FindingReviews& reviews,
                              const check::Checklist& checklist,
                              const InspectionReportHeader& header, const QImage& map,
                              const std::filesystem::path& path);

} // namespace mapaudit::ui
