#include "main_window.h"

#include "application.h"
#include "check_panel.h"
#include "map_canvas.h"
#include "mapaudit/coordinate_format.h"
#include "mapaudit/error.h"
#include "mapaudit/feedback.h"
#include "mapaudit/refpack/reference_pack.h"
#include "mapaudit/resources.h"
#include "mapaudit/version.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

namespace mapaudit::ui {
namespace {

constexpr int kLayerIndexRole = Qt::UserRole + 1;

QString fileFilter() {
    return QObject::tr("Maps and images (*.shp *.gpkg *.geojson *.json *.topojson *.kml *.kmz "
                       "*.dxf *.tab *.mif *.csv *.tif *.tiff *.img *.jpg *.jpeg *.png *.jp2);;"
                       "All files (*)");
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setAcceptDrops(true);
    canvas_ = new MapCanvas(this);
    setCentralWidget(canvas_);

    layerList_ = new QListWidget(this);
    layerDock_ = new QDockWidget(this);
    layerDock_->setObjectName("LayersDock");
    layerDock_->setWidget(layerList_);
    addDockWidget(Qt::LeftDockWidgetArea, layerDock_);
    connect(layerList_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        layers_[item->data(kLayerIndexRole).toUInt()].visible = item->checkState() == Qt::Checked;
        updateCanvasLayers();
    });

    checkPanel_ = new CheckPanel(this);
    checkDock_ = new QDockWidget(this);
    checkDock_->setObjectName("CheckDock");
    checkDock_->setWidget(checkPanel_);
    addDockWidget(Qt::RightDockWidgetArea, checkDock_);
    connect(checkPanel_, &CheckPanel::findingSelected, this, [this](Extent e) {
        // Some room around the finding, and never closer than about 50 km.
        const double margin = std::max({(e.maxX - e.minX) * 0.3, (e.maxY - e.minY) * 0.3, 0.25});
        canvas_->zoomToExtent({e.minX - margin, e.minY - margin, e.maxX + margin, e.maxY + margin});
    });

    cursorLabel_ = new QLabel(this);
    scaleLabel_ = new QLabel(this);
    crsLabel_ = new QLabel(this);
    statusBar()->addWidget(cursorLabel_, 1);
    packLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(scaleLabel_);
    statusBar()->addPermanentWidget(crsLabel_);
    statusBar()->addPermanentWidget(packLabel_);
    connect(canvas_, &MapCanvas::cursorMoved, this, &MainWindow::showCursor);
    connect(canvas_, &MapCanvas::viewChanged, this, &MainWindow::showScale);

    createActions();
    createMenus();
    retranslateUi();

    loadReferencePack();

    QSettings settings;
    resize(1200, 800);
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    openAction_ = new QAction(this);
    openAction_->setShortcut(QKeySequence::Open);
    connect(openAction_, &QAction::triggered, this, &MainWindow::chooseFiles);
    removeLayerAction_ = new QAction(this);
    removeLayerAction_->setShortcut(QKeySequence::Delete);
    connect(removeLayerAction_, &QAction::triggered, this, [this] {
        if (auto* item = layerList_->currentItem()) {
            layers_.erase(layers_.begin() + item->data(kLayerIndexRole).toInt());
            refreshLayerList();
        }
    });
    quitAction_ = new QAction(this);
    quitAction_->setShortcut(QKeySequence::Quit);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    zoomInAction_ = new QAction(this);
    zoomInAction_->setShortcut(QKeySequence::ZoomIn);
    connect(zoomInAction_, &QAction::triggered, this, [this] { canvas_->zoomBy(2.0); });
    zoomOutAction_ = new QAction(this);
    zoomOutAction_->setShortcut(QKeySequence::ZoomOut);
    connect(zoomOutAction_, &QAction::triggered, this, [this] { canvas_->zoomBy(0.5); });
    zoomFullAction_ = new QAction(this);
    zoomFullAction_->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    connect(zoomFullAction_, &QAction::triggered, canvas_, &MapCanvas::zoomToFullExtent);
    zoomLayerAction_ = new QAction(this);
    connect(zoomLayerAction_, &QAction::triggered, this, [this] {
        if (auto* item = layerList_->currentItem())
            canvas_->zoomToExtent(layers_[item->data(kLayerIndexRole).toUInt()].layer->extent());
    });

    auto* languages = new QActionGroup(this);
    chineseAction_ = new QAction(QStringLiteral("中文"), languages);
    englishAction_ = new QAction(QStringLiteral("English"), languages);
    for (auto* a : {chineseAction_, englishAction_})
        a->setCheckable(true);
    (currentLanguage() == "en" ? englishAction_ : chineseAction_)->setChecked(true);
    connect(chineseAction_, &QAction::triggered, this, [this] { setLanguage("zh_CN"); });
    connect(englishAction_, &QAction::triggered, this, [this] { setLanguage("en"); });

    aboutAction_ = new QAction(this);
    connect(aboutAction_, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About MapAudit"),
            tr("<b>MapAudit %1</b><br>Problem-map inspection workstation for map supervision.<br>"
               "Works offline. Data never leaves this computer.")
                .arg(QString::fromLatin1(versionString())));
    });
}

void MainWindow::createMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(openAction_);
    sampleMenu_ = fileMenu_->addMenu(QString());
    populateSampleMenu();
    fileMenu_->addAction(removeLayerAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    viewMenu_ = menuBar()->addMenu(QString());
    for (auto* a : {zoomInAction_, zoomOutAction_, zoomFullAction_, zoomLayerAction_})
        viewMenu_->addAction(a);
    viewMenu_->addSeparator();
    viewMenu_->addAction(layerDock_->toggleViewAction());
    viewMenu_->addAction(checkDock_->toggleViewAction());

    settingsMenu_ = menuBar()->addMenu(QString());
    languageMenu_ = settingsMenu_->addMenu(QString());
    languageMenu_->addAction(chineseAction_);
    languageMenu_->addAction(englishAction_);

    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(aboutAction_);

    auto* toolbar = addToolBar(QString());
    toolbar->setObjectName("MainToolbar");
    for (auto* a : {openAction_, zoomInAction_, zoomOutAction_, zoomFullAction_})
        toolbar->addAction(a);
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

void MainWindow::retranslateUi() {
    setWindowTitle(tr("MapAudit — Map Supervision Workstation"));
    layerDock_->setWindowTitle(tr("Layers"));
    checkDock_->setWindowTitle(tr("Check results"));
    checkPanel_->retranslateUi();
    fileMenu_->setTitle(tr("&File"));
    sampleMenu_->setTitle(tr("Open &sample data"));
    viewMenu_->setTitle(tr("&View"));
    settingsMenu_->setTitle(tr("&Settings"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    openAction_->setText(tr("&Open…"));
    removeLayerAction_->setText(tr("&Remove layer"));
    quitAction_->setText(tr("&Quit"));
    zoomInAction_->setText(tr("Zoom &in"));
    zoomOutAction_->setText(tr("Zoom &out"));
    zoomFullAction_->setText(tr("Zoom to &full extent"));
    zoomLayerAction_->setText(tr("Zoom to &layer"));
    aboutAction_->setText(tr("&About MapAudit"));
    crsLabel_->setText(tr("CGCS2000 (EPSG:4490)"));
    cursorLabel_->setText(
        layers_.empty() ? tr("Open a map or image: File ▸ Open, or drop files here") : QString());
    showScale();
}

void MainWindow::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(e);
}

void MainWindow::setLanguage(const QString& language) {
    QSettings().setValue("language", language);
    installTranslations(language); // triggers LanguageChange → retranslateUi()
}

void MainWindow::closeEvent(QCloseEvent* e) {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    e->accept();
}

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
        emit loadingFinished();
        return;
    }
    loading_ = true;
    const QString path = pending_.takeFirst();
    auto feedback = std::make_shared<Feedback>();
    auto* progress = new QProgressDialog(tr("Loading %1…").arg(QFileInfo(path).fileName()),
                                         tr("Cancel"), 0, 100, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    connect(progress, &QProgressDialog::canceled, this, [feedback] { feedback->cancel(); });
    feedback->setListener([progress](double f) {
        QMetaObject::invokeMethod(
            progress, [progress, f] { progress->setValue(int(f * 100)); }, Qt::QueuedConnection);
    });

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
    const int seed = filesLoaded_++;
    watcher->setFuture(QtConcurrent::run([path, seed, feedback]() -> Outcome {
        try {
            return {loadFile(path, seed, feedback.get()), {}};
        } catch (const Canceled&) {
            return {std::nullopt, {}};
        } catch (const std::exception& e) {
            return {std::nullopt, QString::fromStdString(e.what())};
        }
    }));
}

void MainWindow::addLoaded(LoadedFile file) {
    openPaths_.removeAll(file.path);
    openPaths_ << file.path;
    checkPanel_->setDatasets(openPaths_);
    for (auto& layer : file.layers)
        layers_.push_back({layer, true});
    if (!file.notes.isEmpty())
        statusBar()->showMessage(file.notes.join("; "), 10000);
    cursorLabel_->clear();
    refreshLayerList();
}

void MainWindow::refreshLayerList() {
    const QSignalBlocker block(layerList_);
    layerList_->clear();
    for (std::size_t i = layers_.size(); i-- > 0;) { // topmost first
        auto* item = new QListWidgetItem(layers_[i].layer->name(), layerList_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(layers_[i].visible ? Qt::Checked : Qt::Unchecked);
        item->setData(kLayerIndexRole, static_cast<int>(i));
        item->setToolTip(layers_[i].layer->description());
    }
    updateCanvasLayers();
}

void MainWindow::updateCanvasLayers() {
    LayerList visible;
    for (const auto& entry : layers_)
        if (entry.visible)
            visible.push_back(entry.layer);
    canvas_->setLayers(std::move(visible));
}

// Opening verifies every layer digest (about a second): done off the UI thread.
void MainWindow::loadReferencePack() {
    auto* watcher = new QFutureWatcher<PackStatus>(this);
    connect(watcher, &QFutureWatcher<PackStatus>::finished, this, [this, watcher] {
        pack_ = watcher->result();
        watcher->deleteLater();
        showPackStatus();
        emit referencePackChecked();
    });
    watcher->setFuture(QtConcurrent::run([]() -> PackStatus {
        PackStatus st;
        st.loaded = true;
        try {
            const auto pack = refpack::ReferencePack::open(refpack::defaultPackPath(),
                                                           refpack::VerifyMode::MarkUnverified);
            const auto grade = pack.metadata().find("grade");
            st.id = QString::fromStdString(pack.id());
            st.version = QString::fromStdString(pack.version());
            st.digest = QString::fromStdString(pack.digest());
            st.path = QString::fromStdString(pack.path());
            st.grade =
                grade == pack.metadata().end() ? QString() : QString::fromStdString(grade->second);
            st.verified = pack.verified();
        } catch (const std::exception& e) {
            st.error = QString::fromStdString(e.what());
        }
        return st;
    }));
}

QString MainWindow::referencePackBadge() const {
    return packLabel_->text();
}

void MainWindow::showPackStatus() {
    if (!pack_.loaded) {
        packLabel_->clear();
        return;
    }
    if (!pack_.error.isEmpty()) {
        packLabel_->setText(tr("Reference pack: not available"));
        packLabel_->setToolTip(pack_.error);
        return;
    }
    const QString grade = pack_.grade == "demonstration"
                              ? tr("demonstration grade, not an official standard map")
                              : pack_.grade;
    packLabel_->setText(tr("Reference: %1 %2 (%3; %4)")
                            .arg(pack_.id, pack_.version, grade,
                                 pack_.verified ? tr("verified") : tr("UNVERIFIED")));
    packLabel_->setToolTip(tr("%1\nSHA-256 %2").arg(pack_.path, pack_.digest));
}

void MainWindow::showCursor(QPointF map) {
    cursorLabel_->setText(QStringLiteral("%1   %2 %3")
                              .arg(QString::fromStdString(formatLonLat(map.x(), map.y())),
                                   QString::fromStdString(formatDms(map.x(), false)),
                                   QString::fromStdString(formatDms(map.y(), true))));
}

void MainWindow::showScale() {
    const double d = canvas_->scaleDenominator();
    scaleLabel_->setText(d > 0 ? tr("Scale %1").arg(QString::fromStdString(formatScale(d)))
                               : QString());
}

} // namespace mapaudit::ui
