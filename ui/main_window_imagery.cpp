// The main window's imagery: georeferencing a picture of a map, online
// basemaps (only when the user has turned them on) and offline basemap packages.
#include "application.h"
#include "georef_dialog.h"
#include "layer_tree_model.h"
#include "main_window.h"
#include "map_canvas.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/geodata/coordinate_format.h"
#include "mapaudit/imagery/basemap.h"
#include "progress_job.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <cmath>

namespace mapaudit::ui {

namespace {

constexpr double kZoom0MetresPerPixel = 156543.03392804097; // 256-px Web Mercator tiles

} // namespace

void MainWindow::createImageryActions() {
    tiandituVectorAction_ = new QAction(this);
    connect(tiandituVectorAction_, &QAction::triggered, this, [this] { openTianditu("vec"); });
    tiandituImageryAction_ = new QAction(this);
    connect(tiandituImageryAction_, &QAction::triggered, this, [this] { openTianditu("img"); });
    exportBasemapAction_ = new QAction(this);
    connect(exportBasemapAction_, &QAction::triggered, this, &MainWindow::chooseBasemapExport);
    georefAction_ = new QAction(this);
    connect(georefAction_, &QAction::triggered, this, [this] {
        const QString image = QFileDialog::getOpenFileName(
            this, tr("Georeference image"), QString(),
            tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.pdf);;All files (*)"));
        if (!image.isEmpty())
            openGeoreferencing(image);
    });
}

void MainWindow::updateBasemapActions() {
    const bool allowed = settings_.onlineBasemaps && !settings_.tiandituKey.isEmpty();
    for (QAction* a : {tiandituVectorAction_, tiandituImageryAction_}) {
        a->setEnabled(allowed);
        a->setToolTip(allowed ? QString()
                              : tr("Online basemaps are off: turn them on with your key in "
                                   "Settings ▸ Preferences"));
    }
}

void MainWindow::retranslateImageryUi() {
    tiandituVectorAction_->setText(tr("Tianditu &map (online)"));
    tiandituImageryAction_->setText(tr("Tianditu &imagery (online)"));
    exportBasemapAction_->setText(tr("&Export basemap area for offline use…"));
    updateBasemapActions();
    georefAction_->setText(tr("&Georeference image…"));
    georefAction_->setToolTip(
        tr("Place control points on a scanned or photographed map and warp it"));
}

GeorefDialog* MainWindow::openGeoreferencing(const QString& image) {
    GeorefDialog* dialog = nullptr;
    try {
        dialog = new GeorefDialog(image, canvas_, this);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Georeference image"), errorText(e));
        return nullptr;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GeorefDialog::warped, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Georeferenced: %1").arg(path), 8000);
        openFiles({path});
    });
    connect(dialog, &GeorefDialog::failed, this, [this](const QString& message) {
        QMessageBox::warning(this, tr("Georeference image"), message);
    });
    dialog->show();
    return dialog;
}

} // namespace mapaudit::ui

namespace mapaudit::ui {

QStringList MainWindow::writeTiandituDescriptions(const QString& kind) const {
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/basemaps");
    QDir().mkpath(dir.path());
    QStringList paths;
    for (const QString& layer : {kind, kind == "vec" ? QString("cva") : QString("cia")}) {
        const QString path = dir.filePath("tianditu-" + layer + ".xml");
        writeFileAtomically(
            path.toStdString(),
            imagery::tiandituServiceXml(layer.toStdString(), settings_.tiandituKey.toStdString()));
        paths << path;
    }
    return paths;
}

void MainWindow::openTianditu(const QString& kind) {
    if (!settings_.onlineBasemaps) // the offline guarantee, whatever the menus say
        return;
    try {
        const QStringList paths = writeTiandituDescriptions(kind);
        for (const QString& p : paths)
            basemapPaths_.insert(p);
        openFiles(paths);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Online basemap"), errorText(e));
    }
}

std::optional<Extent> MainWindow::viewLonLatExtent() const {
    const Extent e = canvas_->viewport().extent();
    Extent out{0, 0, -1, -1};
    try {
        for (const QPointF corner : {QPointF(e.minX, e.minY), QPointF(e.maxX, e.minY),
                                     QPointF(e.minX, e.maxY), QPointF(e.maxX, e.maxY)}) {
            const QPointF ll = canvas_->crs().toLonLat(corner);
            out = out.united({ll.x(), ll.y(), ll.x(), ll.y()});
        }
    } catch (const InputError&) {
        return std::nullopt;
    }
    out.minX = std::max(out.minX, -180.0);
    out.maxX = std::min(out.maxX, 180.0);
    out.minY = std::max(out.minY, -85.0);
    out.maxY = std::min(out.maxY, 85.0);
    if (out.minX >= out.maxX || out.minY >= out.maxY)
        return std::nullopt;
    return out;
}

int MainWindow::suggestedBasemapZoom() const {
    const double mpp = canvas_->metresPerPixel();
    const auto area = viewLonLatExtent();
    if (mpp <= 0 || !area)
        return 8;
    const double lat = (area->minY + area->maxY) / 2 * M_PI / 180;
    return std::clamp(
        static_cast<int>(std::ceil(std::log2(kZoom0MetresPerPixel * std::cos(lat) / mpp))), 0, 18);
}

QStringList MainWindow::basemapSources() const {
    QStringList sources;
    for (const LayerEntry& e : layerModel_->layers())
        if (dynamic_cast<const RasterMapLayer*>(e.layer.get()) && !sources.contains(e.path))
            sources << e.path;
    return sources;
}

void MainWindow::chooseBasemapExport() {
    const QStringList sources = basemapSources();
    const auto area = viewLonLatExtent();
    if (sources.isEmpty() || !area) {
        QMessageBox::information(this, tr("Export basemap area"),
                                 tr("Open an image or basemap first and show the area to export."));
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export basemap area"));
    auto* source = new QComboBox;
    for (const QString& s : sources)
        source->addItem(QFileInfo(s).fileName(), s);
    source->setCurrentIndex(static_cast<int>(sources.size()) - 1); // the topmost
    auto* zoom = new QSpinBox;
    zoom->setRange(0, 18);
    zoom->setValue(suggestedBasemapZoom());
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Source"), source);
    form->addRow(tr("Area (the map view)"),
                 new QLabel(QString::fromStdString(formatLonLat(area->minX, area->minY, 3) + " — " +
                                                   formatLonLat(area->maxX, area->maxY, 3))));
    form->addRow(tr("Most detailed zoom level"), zoom);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString out = QFileDialog::getSaveFileName(
        this, tr("Export basemap area"),
        QFileInfo(source->currentData().toString()).completeBaseName() + "-offline.mbtiles",
        tr("MBTiles (*.mbtiles);;GeoPackage tiles (*.gpkg)"));
    if (!out.isEmpty())
        exportBasemapArea(source->currentData().toString(), *area, zoom->value(), out);
}

void MainWindow::exportBasemapArea(const QString& source, const Extent& area, int maxZoom,
                                   const QString& out) {
    const std::string src = source.toStdString(), target = out.toStdString();
    runWithProgress(
        this, pool_, tr("Exporting %1…").arg(QFileInfo(out).fileName()),
        std::make_shared<Feedback>(),
        [=](Feedback* f) { imagery::exportTiles(src, area, maxZoom, target, f); },
        tr("The export was canceled; nothing was written."),
        [this, out](const QString& error) {
            if (!error.isEmpty()) {
                QMessageBox::warning(this, tr("Export basemap area"), error);
                emit basemapExportFinished(QString());
                return;
            }
            statusBar()->showMessage(tr("Offline basemap written: %1").arg(out), 8000);
            basemapPaths_.insert(out);
            openFiles({out});
            emit basemapExportFinished(out);
        });
}

} // namespace mapaudit::ui
