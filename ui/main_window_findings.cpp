// The main window's part in findings marked by hand: the sketch tools on the
// canvas, the dialog, and the finding handed to the check panel.
#include "application.h"
#include "check_panel.h"
#include "main_window.h"
#include "manual_finding_dialog.h"
#include "map_canvas.h"
#include "mapaudit/base/error.h"
#include "mapaudit/refpack/reference_pack.h"

#include <QDockWidget>
#include <QMessageBox>
#include <QStatusBar>

namespace mapaudit::ui {

void MainWindow::startMarking(int sketchTool) {
    if (!checkPanel_->report()) {
        QMessageBox::information(this, tr("Mark a finding"),
                                 tr("Check the map first (Check results ▸ Check): the "
                                    "findings you mark join that check's report."));
        return;
    }
    const auto tool = static_cast<MapCanvas::Tool>(sketchTool);
    canvas_->setTool(tool);
    statusBar()->showMessage(tool == MapCanvas::Tool::SketchPoint
                                 ? tr("Click where the problem is.")
                                 : tr("Click the points of the shape; double-click to finish. "
                                      "Esc starts again."));
}

QString MainWindow::sketchWkt(const QList<QPointF>& mapPoints) const {
    QStringList coords;
    for (const QPointF& p : mapPoints) {
        const QPointF ll = canvas_->crs().toLonLat(p);
        coords << QString("%1 %2").arg(ll.x(), 0, 'f', 7).arg(ll.y(), 0, 'f', 7);
    }
    if (coords.size() == 1)
        return "POINT (" + coords.front() + ")";
    if (canvas_->tool() == MapCanvas::Tool::SketchArea && coords.size() >= 3)
        return "POLYGON ((" + coords.join(", ") + ", " + coords.front() + "))";
    return "LINESTRING (" + coords.join(", ") + ")";
}

void MainWindow::markFinding(const QList<QPointF>& mapPoints) {
    QString wkt;
    try {
        wkt = sketchWkt(mapPoints);
        if (findingCodes_.empty())
            findingCodes_ = check::findingCodes(refpack::ReferencePack::open(
                refpack::defaultPackPath(), refpack::VerifyMode::MarkUnverified));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Mark a finding"), errorText(e));
        return;
    }
    ManualFindingDialog dialog(
        findingCodes_, wkt.toStdString(),
        [this](const check::ManualFindingInput& in) {
            checkPanel_->addManualFinding(in, findingCodes_);
        },
        this);
    if (dialog.exec() == QDialog::Accepted) {
        canvas_->setTool(MapCanvas::Tool::Pan);
        panAction_->setChecked(true);
        checkDock_->raise();
        statusBar()->showMessage(tr("Finding added to the check report."), 8000);
    }
}

} // namespace mapaudit::ui
