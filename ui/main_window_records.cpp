// The main window's inspection and records work: the selected finding on the
// map, problem-map registration with evidence, the PDF inspection report,
// the records database, the summary table and the preferences.
#include "application.h"
#include "check_history_panel.h"
#include "check_panel.h"
#include "inspection_report_pdf.h"
#include "layer_tree_model.h"
#include "main_window.h"
#include "map_canvas.h"
#include "map_decorations.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/timestamps.h"
#include "mapaudit/check/report_io.h"
#include "record_form.h"
#include "records_panel.h"
#include "security_view.h"
#include "settings_dialog.h"
#include "summary_view.h"

#include <QBuffer>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>
#include <QUuid>

namespace mapaudit::ui {
namespace {

const char* const kFindingsCrs = "EPSG:4490";

Extent boundsOf(const DrawableFeature& f) {
    Extent e{0, 0, -1, -1};
    for (const auto& part : f.parts)
        for (const XY& p : part)
            e = e.united({p.x, p.y, p.x, p.y});
    return e;
}

LayerStyle findingStyle(bool selected) {
    LayerStyle s;
    s.labels = false;
    s.fill = selected ? QColor(255, 200, 0, 110) : QColor(230, 0, 0, 90);
    s.stroke = selected ? QColor(255, 140, 0) : QColor(220, 0, 0);
    s.strokeWidth = 3;
    s.pointSize = 14;
    return s;
}

} // namespace

std::shared_ptr<const MapLayer> MainWindow::selectionLayer(DrawableFeature feature) {
    if (feature.parts.empty())
        return nullptr;
    DrawableLayer layer;
    layer.name = "selection";
    layer.extent = boundsOf(feature);
    layer.features.push_back(std::move(feature));
    return std::make_shared<VectorMapLayer>(std::move(layer), findingStyle(true));
}

std::shared_ptr<const MapLayer> MainWindow::findingsLayer(const std::vector<std::size_t>& findings,
                                                          bool selected) const {
    const auto& report = checkPanel_->report();
    if (!report)
        return nullptr;
    DrawableLayer layer;
    layer.name = "findings";
    layer.extent = {0, 0, -1, -1};
    for (std::size_t i : findings) {
        const check::Finding& f = report->findings.at(i);
        if (f.geometryWkt.empty())
            continue;
        try {
            DrawableFeature d =
                drawableFromWkt(f.geometryWkt, kFindingsCrs, canvas_->crs().definition());
            d.fid = static_cast<std::int64_t>(i);
            layer.extent = layer.extent.united(boundsOf(d));
            layer.features.push_back(std::move(d));
        } catch (const InputError&) {
            // A finding beyond the view CRS's area is not drawn.
        }
    }
    if (layer.features.empty())
        return nullptr;
    return std::make_shared<VectorMapLayer>(std::move(layer), findingStyle(selected));
}

void MainWindow::highlightFinding(std::size_t finding) {
    const auto& report = checkPanel_->report();
    if (!report || finding >= report->findings.size()) {
        highlight_.reset();
        canvas_->setHighlight(nullptr);
        return;
    }
    select(findingsLayer({finding}, true), true);
}

void MainWindow::select(std::shared_ptr<const MapLayer> layer, bool zoom) {
    highlight_ = std::move(layer);
    canvas_->setHighlight(highlight_);
    if (zoom)
        zoomToSelection();
}

void MainWindow::zoomToSelection() {
    if (!highlight_)
        return;
    // Some room around the selection, and never closer than about 50 km.
    const Extent e = highlight_->extent();
    const double minimum = canvas_->crs().isGeographic() ? 0.25 : 25000;
    const double margin = std::max({(e.maxX - e.minX) * 0.3, (e.maxY - e.minY) * 0.3, minimum});
    canvas_->zoomToExtent({e.minX - margin, e.minY - margin, e.maxX + margin, e.maxY + margin});
}

QImage MainWindow::findingsMapImage(QSize size) {
    const auto& report = checkPanel_->report();
    std::vector<std::size_t> upheld;
    if (report)
        for (std::size_t i = 0; i < report->findings.size(); ++i) {
            const auto it = checkPanel_->reviews().find(report->findings[i].id);
            if (it == checkPanel_->reviews().end() ||
                it->second.state != check::ReviewState::Dismissed)
                upheld.push_back(i);
        }
    LayerList layers;
    // An official document in Chinese: the map's own labels when they are
    // Chinese, none rather than English ones.
    const bool chinese = uiIsChinese();
    for (const auto& entry : layerModel_->layers()) {
        if (!entry.visible)
            continue;
        const auto vector = std::dynamic_pointer_cast<const VectorMapLayer>(entry.layer);
        if (chinese && vector && vector->style().labels && !hasChineseLabels(vector->data())) {
            LayerStyle quiet = vector->style();
            quiet.labels = false;
            layers.push_back(vector->restyled(quiet));
        } else {
            layers.push_back(entry.layer);
        }
    }
    Extent frame{0, 0, -1, -1};
    for (std::size_t i = 0; i < kReferenceItemCount; ++i)
        if (overlay_.layers[i]) {
            layers.push_back(overlay_.layers[i]);
            if (static_cast<ReferenceItem>(i) == ReferenceItem::Territory)
                frame = overlay_.layers[i]->extent(); // China and its islands
        }
    if (auto findings = findingsLayer(upheld, false)) {
        layers.push_back(findings);
        frame = frame.united(findings->extent());
    }
    if (!frame.valid())
        frame = canvas_->fullExtent();
    const MapViewport view = MapViewport::fitting(frame, size);
    const std::atomic<bool> never{false};
    QImage image = renderLayers(layers, view, kSeaColour, never);
    QPainter p(&image);
    double metresPerPixel = 0;
    try {
        metresPerPixel = view.unitsPerPixel() * canvas_->crs().metresPerUnitAt(view.centre());
    } catch (const InputError&) {
        // no scale bar for a view outside the CRS's area
    }
    drawScaleBar(p, size, metresPerPixel);
    drawNorthArrow(p, size);
    return image;
}

void MainWindow::writeInspectionReport(const QString& path) {
    const auto& report = checkPanel_->report();
    if (!report)
        throw InputError("check a map first: there is no report to write");
    const QFileInfo checked(checkPanel_->checkedPath());
    InspectionReportHeader header{settings_.unit,
                                  settings_.inspector,
                                  QString::fromStdString(todayLocal()),
                                  checked.completeBaseName(),
                                  checked.absoluteFilePath(),
                                  db_ ? QString::fromStdString(db_->head().text()) : QString()};
    writeInspectionReportPdf(*report, checkPanel_->reviews(), checkPanel_->checklist(), header,
                             findingsMapImage(QSize(1200, 820)), path.toStdString());
    checkPanel_->markSaved();
}

void MainWindow::reportFromPanel() {
    if (!checkPanel_->report())
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("PDF inspection report"),
        QFileInfo(checkPanel_->checkedPath()).completeBaseName() + tr("-inspection-report.pdf"),
        tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    try {
        writeInspectionReport(path);
        statusBar()->showMessage(tr("Report written: %1").arg(path), 8000);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("PDF inspection report"), errorText(e));
    }
}

std::optional<records::Record> MainWindow::registerProblemMap(bool showForm, QString* message) {
    auto fail = [&](const QString& why) -> std::optional<records::Record> {
        if (message)
            *message = why;
        return std::nullopt;
    };
    const auto& report = checkPanel_->report();
    if (!report)
        return fail(tr("Check a map first."));
    if (!db_)
        return fail(tr("No records database: %1").arg(dbError_));
    if (settings_.unit.isEmpty())
        return fail(tr("Set your unit in Settings ▸ Preferences first."));
    const QFileInfo checked(checkPanel_->checkedPath());
    check::ProblemMapDraft draft{checked.completeBaseName().toStdString(),
                                 checked.absoluteFilePath().toStdString(),
                                 "offline",
                                 settings_.inspector.toStdString(),
                                 settings_.unit.toStdString(),
                                 todayLocal()};
    records::Record record;
    try {
        record = check::problemMapRecord(*report, checkPanel_->reviews(), draft,
                                         uiIsChinese() ? "zh" : "en", checkPanel_->checklist());
    } catch (const InputError& e) {
        return fail(errorText(e));
    }
    // The evidence is taken now, as the inspector sees the map.
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        canvas_->snapshot().save(&buffer, "PNG");
    }
    const std::string reportJson =
        check::reviewedReportJson(*report, checkPanel_->reviews(), checkPanel_->checklist())
            .dump(2) +
        "\n";
    if (showForm) {
        RecordForm form(*db_, record, this);
        form.setWindowTitle(tr("Register as problem map"));
        if (form.exec() != QDialog::Accepted)
            return fail(tr("Not registered."));
        record = form.saved();
    } else {
        record.id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        try {
            db_->upsert({record});
        } catch (const std::exception& e) {
            return fail(errorText(e));
        }
    }
    const std::string stem = checked.completeBaseName().toStdString();
    db_->attach(record.id, stem + "-map.png", png.toStdString());
    db_->attach(record.id, stem + "-check-report.json", reportJson);
    checkPanel_->markSaved(); // the decisions are in the record's evidence
    recordsPanel_->refresh();
    if (message)
        *message = tr("Registered as a problem map, with the map picture and the check report "
                      "as evidence.");
    return record;
}

void MainWindow::registerFromPanel() {
    QString message;
    if (registerProblemMap(true, &message)) {
        statusBar()->showMessage(message, 8000);
        recordsDock_->raise();
    } else if (message != tr("Not registered.")) {
        QMessageBox::information(this, tr("Register as problem map"), message);
    }
}

void MainWindow::openRecordsDb() {
    // Views on the old database close; they keep it open until they are gone.
    for (SummaryView* view : findChildren<SummaryView*>())
        view->close();
    for (SecurityView* view : findChildren<SecurityView*>())
        view->close();
    db_.reset();
    dbError_.clear();
    try {
        QDir().mkpath(QFileInfo(settings_.databasePath).absolutePath());
        db_ = std::make_shared<records::RecordsDb>(
            settings_.databasePath.toStdString(),
            settings_.inspector.isEmpty() ? "unknown" : settings_.inspector.toStdString());
        // The inspector's own unit is where their records go: make sure it exists.
        if (!settings_.unit.isEmpty() && !db_->findUnit(settings_.unit.toStdString()))
            db_->addUnit(settings_.unit.toStdString());
    } catch (const std::exception& e) {
        db_.reset();
        dbError_ = errorText(e);
        statusBar()->showMessage(tr("Records database not available: %1").arg(dbError_));
    }
    recordsPanel_->setDatabase(db_.get());
    historyPanel_->setDatabase(db_.get());
    keptRunId_.clear(); // the current check is not in this database yet
}

void MainWindow::applySettings(const WorkstationSettings& settings) {
    const bool reopen = !db_ || settings.databasePath != settings_.databasePath ||
                        settings.inspector != settings_.inspector ||
                        settings.unit != settings_.unit;
    const bool relanguage =
        !settings_.language.isEmpty() && settings.language != settings_.language;
    settings_ = settings;
    checkPanel_->setInspector(settings_.inspector);
    recordsPanel_->setInspector(settings_.inspector);
    checkPanel_->setDefaultScale(settings_.defaultScale);
    updateBasemapActions();
    if (reopen)
        openRecordsDb();
    if (relanguage)
        setLanguage(settings_.language);
}

void MainWindow::openPreferences() {
    SettingsDialog dialog(settings_, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const WorkstationSettings chosen = dialog.settings();
    chosen.save();
    applySettings(chosen);
}

bool MainWindow::haveRecordsDb(const QString& what) {
    if (!db_)
        QMessageBox::information(this, what, tr("No records database: %1").arg(dbError_));
    return db_ != nullptr;
}

void MainWindow::openSummary() {
    if (!haveRecordsDb(tr("Summary table")))
        return;
    auto* view = new SummaryView(db_, settings_.unit, this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
}

void MainWindow::openSecurity(int page) {
    if (!haveRecordsDb(tr("Geographic-information security supervision")))
        return;
    auto* view = new SecurityView(db_, settings_.unit, this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->showPage(static_cast<SecurityView::Page>(page));
    connect(view, &QDialog::finished, recordsPanel_, &RecordsPanel::refresh);
    view->show();
}

void MainWindow::newRecord() {
    if (!haveRecordsDb(tr("New record")))
        return;
    RecordForm form(*db_, newRecordDraft({}, settings_.unit, settings_.inspector), this);
    if (form.exec() == QDialog::Accepted)
        recordsPanel_->refresh();
}

} // namespace mapaudit::ui
