// MainWindow: maps and images opened — by the menu, by dropping them on the
// window, from the recent list or the samples — loaded one after another in
// the background.
#include "application.h"
#include "check_panel.h"
#include "layer_tree_model.h"
#include "main_window.h"
#include "map_canvas.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/resources.h"
#include "progress_job.h"
#include "recent_files.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace mapaudit::ui {

namespace {

QString fileFilter() {
    return QObject::tr("Maps and images (*.shp *.gpkg *.geojson *.json *.topojson *.kml *.kmz "
                       "*.dxf *.tab *.mif *.csv *.tif *.tiff *.img *.jpg *.jpeg *.png *.jp2);;"
                       "All files (*)");
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasUrls())
        e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    QStringList paths;
    for (const QUrl& url : e->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    openFiles(paths);
}

void MainWindow::chooseFiles() {
    QSettings settings;
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open maps and images"), settings.value("lastDirectory").toString(), fileFilter());
    if (!paths.isEmpty())
        settings.setValue("lastDirectory", QFileInfo(paths.front()).absolutePath());
    openFiles(paths);
}

void MainWindow::openFiles(const QStringList& paths) {
    pending_ << paths;
    if (!loading_)
        loadNext();
}

void MainWindow::loadNext() {
    if (pending_.isEmpty()) {
        loading_ = false;
        if (reprojectTo_) {
            canvas_->zoomToLonLat(*reprojectTo_);
            reprojectTo_.reset();
        }
        emit loadingFinished();
        return;
    }
    loading_ = true;
    const QString path = pending_.takeFirst();
    auto feedback = std::make_shared<Feedback>();
    loadFeedback_ = feedback;
    QProgressDialog* progress =
        progressDialogFor(this, tr("Loading %1…").arg(QFileInfo(path).fileName()), feedback, 400);
    progress->setWindowModality(Qt::WindowModal);

    struct Outcome {
        std::optional<LoadedFile> file;
        QString error;
    };
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, progress, feedback] {
        Outcome outcome = watcher->result();
        feedback->setListener({});
        progress->deleteLater();
        watcher->deleteLater();
        if (outcome.file)
            addLoaded(std::move(*outcome.file));
        else if (!outcome.error.isEmpty()) {
            errors_ << outcome.error;
            // Window-modal but not blocking, so the remaining files keep loading.
            auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open"), outcome.error,
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        loadNext();
    });
    if (!styleSeeds_.contains(path))
        styleSeeds_.insert(path, filesLoaded_++);
    const int seed = styleSeeds_.value(path);
    const std::string crs = canvas_->crs().definition();
    watcher->setFuture(QtConcurrent::run(&pool_, [path, seed, crs, feedback]() -> Outcome {
        try {
            return {loadFile(path, seed, crs, feedback.get()), {}};
        } catch (const Canceled&) {
            return {std::nullopt, {}};
        } catch (const std::exception& e) {
            return {std::nullopt, errorText(e)};
        }
    }));
}

void MainWindow::populateSampleMenu() {
    try {
        const QDir dir(QString::fromStdString(sampleDir().string()));
        for (const QString& name :
             dir.entryList({"*.gpkg", "*.shp", "*.geojson", "*.tif"}, QDir::Files, QDir::Name)) {
            const QString path = dir.filePath(name);
            sampleMenu_->addAction(name, this, [this, path] { openFiles({path}); });
        }
    } catch (const InputError&) {
        sampleMenu_->setEnabled(false);
    }
}

void MainWindow::populateRecentMenu() {
    recentMenu_->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        // &1 … &9, then &0: the first ten are a key away.
        QAction* a = recentMenu_->addAction(
            QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QFileInfo(path).fileName()), this,
            [this, path] { openFiles({path}); });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    if (files.isEmpty())
        recentMenu_->addAction(tr("No recent files"))->setEnabled(false);
    recentMenu_->addSeparator();
    QAction* clear = recentMenu_->addAction(tr("&Clear the list"), this, &clearRecentFiles);
    clear->setEnabled(!files.isEmpty());
}

void MainWindow::addLoaded(LoadedFile file) {
    const bool basemap = basemapPaths_.contains(file.path);
    const bool first = layerModel_->layers().empty() && !reprojectTo_ && !basemap;
    if (!basemap) {
        openPaths_.removeAll(file.path);
        openPaths_ << file.path;
        checkPanel_->setDatasets(openPaths_);
        addRecentFile(file.path);
    }
    Extent extent{0, 0, -1, -1};
    // A basemap goes under the layers already open, keeping its own order.
    const auto& layers = layerModel_->layers();
    std::size_t at = 0;
    while (basemap && at < layers.size() && basemapPaths_.contains(layers[at].path))
        ++at;
    for (auto& layer : file.layers) {
        extent = extent.united(layer->extent());
        layerModel_->insertLayer(basemap ? at++ : layers.size(), {layer, true, file.path});
    }
    if (!file.notes.isEmpty())
        statusBar()->showMessage(file.notes.join("; "), 10000);
    cursorLabel_->clear();
    if (first)
        canvas_->zoomToExtent(extent);
}

} // namespace mapaudit::ui
