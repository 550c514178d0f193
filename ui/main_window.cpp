#include "main_window.h"

#include "application.h"
#include "check_history_panel.h"
#include "check_panel.h"
#include "layer_style_dialog.h"
#include "layer_tree_model.h"
#include "map_canvas.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/resources.h"
#include "mapaudit/base/version.h"
#include "mapaudit/geodata/coordinate_format.h"
#include "mapaudit/refpack/reference_pack.h"
#include "progress_job.h"
#include "recent_files.h"
#include "records_panel.h"
#include "reference_panel.h"
#include "row_table.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QResizeEvent>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace mapaudit::ui {
namespace {

constexpr int kCompactWidth = 1200; // a laptop's 1366 px wide screen keeps both dock columns

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
    createDocks();

    cursorLabel_ = new QLabel(this);
    measureLabel_ = new QLabel(this);
    scaleLabel_ = new QLabel(this);
    crsLabel_ = new QLabel(this);
    packLabel_ = new QLabel(this);
    statusBar()->addWidget(cursorLabel_, 1);
    statusBar()->addWidget(measureLabel_);
    statusBar()->addPermanentWidget(scaleLabel_);
    statusBar()->addPermanentWidget(crsLabel_);
    statusBar()->addPermanentWidget(packLabel_);
    connect(canvas_, &MapCanvas::cursorMoved, this, &MainWindow::showCursor);
    connect(canvas_, &MapCanvas::cursorLeft, cursorLabel_, &QLabel::clear);
    connect(canvas_, &MapCanvas::viewChanged, this, &MainWindow::showScale);
    connect(canvas_, &MapCanvas::measurementChanged, this, &MainWindow::showMeasurement);
    connect(canvas_, &MapCanvas::identifyRequested, this, &MainWindow::showIdentify);

    createActions();
    createMenus();
    applySettings(WorkstationSettings::load());
    retranslateUi();

    loadReferencePack();
    loadOverlay();

    QSettings settings;
    resize(1280, 820);
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
}

MainWindow::~MainWindow() {
    pending_.clear();
    if (loadFeedback_)
        loadFeedback_->cancel(); // the pack check and the overlay finish within a second
}

void MainWindow::createDocks() {
    layerModel_ = new LayerTreeModel(this);
    layerTree_ = new QTreeView(this);
    layerTree_->setModel(layerModel_);
    layerTree_->setHeaderHidden(true);
    layerTree_->setContextMenuPolicy(Qt::ActionsContextMenu);
    layerTree_->setSelectionMode(QAbstractItemView::SingleSelection);
    layerTree_->setDragDropMode(QAbstractItemView::InternalMove);
    layerTree_->setDefaultDropAction(Qt::MoveAction);
    layerTree_->setDropIndicatorShown(true);
    layerTree_->expandAll();
    layerDock_ = new QDockWidget(this);
    layerDock_->setObjectName("LayersDock");
    layerDock_->setWidget(layerTree_);
    addDockWidget(Qt::LeftDockWidgetArea, layerDock_);
    connect(layerModel_, &LayerTreeModel::layersChanged, this, &MainWindow::updateCanvasLayers);
    connect(layerModel_, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent) { layerTree_->expand(parent); });

    referencePanel_ = new ReferencePanel(this);
    referenceDock_ = new QDockWidget(this);
    referenceDock_->setObjectName("ReferenceDock");
    referenceDock_->setWidget(referencePanel_);
    addDockWidget(Qt::LeftDockWidgetArea, referenceDock_);
    connect(referencePanel_, &ReferencePanel::visibilityChanged, this, [this] {
        for (std::size_t i = 0; i < kReferenceItemCount; ++i) {
            const auto item = static_cast<ReferenceItem>(i);
            layerModel_->setReferenceShown(item, referencePanel_->isShown(item));
        }
        updateOverlays();
    });
    // The tree's boxes of the reference layers are the Reference dock's.
    connect(layerModel_, &LayerTreeModel::referenceShownChanged, referencePanel_,
            &ReferencePanel::setShown);
    for (std::size_t i = 0; i < kReferenceItemCount; ++i) {
        const auto item = static_cast<ReferenceItem>(i);
        layerModel_->setReferenceShown(item, referencePanel_->isShown(item));
    }
    connect(referencePanel_, &ReferencePanel::bookmarkChosen, canvas_, &MapCanvas::zoomToLonLat);
    connect(referencePanel_, &ReferencePanel::appearanceChanged, canvas_,
            &MapCanvas::setOverlayAppearance);

    checkPanel_ = new CheckPanel(this);
    checkDock_ = new QDockWidget(this);
    checkDock_->setObjectName("CheckDock");
    checkDock_->setWidget(checkPanel_);
    addDockWidget(Qt::RightDockWidgetArea, checkDock_);
    connect(checkPanel_, &CheckPanel::findingSelected, this, &MainWindow::highlightFinding);
    connect(checkPanel_, &CheckPanel::checkFinished, this,
            [this] { highlightFinding(std::size_t(-1)); });
    connect(checkPanel_, &CheckPanel::registerRequested, this, &MainWindow::registerFromPanel);
    connect(checkPanel_, &CheckPanel::pdfReportRequested, this, &MainWindow::reportFromPanel);
    connect(checkPanel_, &CheckPanel::markRequested, this, &MainWindow::startMarking);
    connect(canvas_, &MapCanvas::sketchFinished, this, &MainWindow::markFinding);

    recordsPanel_ = new RecordsPanel(this);
    historyPanel_ = new CheckHistoryPanel(this);
    recordsTabs_ = new QTabWidget(this);
    recordsTabs_->addTab(recordsPanel_, QString());
    recordsTabs_->addTab(historyPanel_, QString());
    recordsDock_ = new QDockWidget(this);
    recordsDock_->setObjectName("RecordsDock");
    recordsDock_->setWidget(recordsTabs_);
    connect(checkPanel_, &CheckPanel::checkFinished, this, [this] { keepCheckRun(); });
    connect(checkPanel_, &CheckPanel::workChanged, this, [this] { keepCheckRun(); });
    connect(historyPanel_, &CheckHistoryPanel::openRequested, this, [this](const QString& id) {
        QString message;
        if (reopenCheckRun(id, &message))
            statusBar()->showMessage(message, 10000);
        else if (!message.isEmpty())
            QMessageBox::warning(this, tr("History of checks"), message);
    });
    addDockWidget(Qt::RightDockWidgetArea, recordsDock_);
    tabifyDockWidget(checkDock_, recordsDock_);
    checkDock_->raise();
}

void MainWindow::createActions() {
    openAction_ = new QAction(this);
    openAction_->setShortcut(QKeySequence::Open);
    connect(openAction_, &QAction::triggered, this, &MainWindow::chooseFiles);
    // Undo and redo of the inspector's work on the checked map (check_panel.h).
    QUndoStack* undo = checkPanel_->undoStack();
    undoAction_ = new QAction(this);
    undoAction_->setShortcut(QKeySequence::Undo);
    connect(undoAction_, &QAction::triggered, undo, &QUndoStack::undo);
    redoAction_ = new QAction(this);
    redoAction_->setShortcut(QKeySequence::Redo);
    connect(redoAction_, &QAction::triggered, undo, &QUndoStack::redo);
    connect(undo, &QUndoStack::indexChanged, this, &MainWindow::showUndoState);
    connect(undo, &QUndoStack::cleanChanged, this, &MainWindow::showUndoState);
    connect(checkPanel_, &CheckPanel::unsavedWorkChanged, this, &MainWindow::showUndoState);
    removeLayerAction_ = new QAction(this);
    removeLayerAction_->setShortcut(QKeySequence::Delete);
    connect(removeLayerAction_, &QAction::triggered, this, [this] {
        if (const auto index = currentLayer())
            layerModel_->removeLayer(*index);
    });
    layerStyleAction_ = new QAction(this);
    connect(layerStyleAction_, &QAction::triggered, this, &MainWindow::editLayerStyle);
    connect(layerTree_, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        if (layerModel_->layerAt(index))
            editLayerStyle();
    });
    createImageryActions();
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
        if (const auto index = currentLayer())
            canvas_->zoomToExtent(layerModel_->layers()[*index].layer->extent());
    });
    attributeTableAction_ = new QAction(this);
    attributeTableAction_->setShortcut(Qt::Key_F6);
    connect(attributeTableAction_, &QAction::triggered, this, &MainWindow::openAttributeTable);
    layerTree_->addActions(
        {zoomLayerAction_, attributeTableAction_, layerStyleAction_, removeLayerAction_});
    zoomSelectionAction_ = new QAction(this);
    zoomSelectionAction_->setShortcut(Qt::CTRL | Qt::Key_J);
    connect(zoomSelectionAction_, &QAction::triggered, this, &MainWindow::zoomToSelection);

    auto* crsGroup = new QActionGroup(this);
    crsGeographicAction_ = new QAction(crsGroup);
    crsMercatorAction_ = new QAction(crsGroup);
    crsGaussKrugerAction_ = new QAction(crsGroup);
    for (auto* a : crsGroup->actions())
        a->setCheckable(true);
    crsGeographicAction_->setChecked(true);
    connect(crsGeographicAction_, &QAction::triggered, this,
            [this] { setViewCrs(ViewCrs::geographic()); });
    connect(crsMercatorAction_, &QAction::triggered, this,
            [this] { setViewCrs(ViewCrs::webMercator()); });
    connect(crsGaussKrugerAction_, &QAction::triggered, this, [this] {
        double lon = 117;
        if (canvas_->viewport().isValid()) {
            try {
                lon = canvas_->crs().toLonLat(canvas_->viewport().centre()).x();
            } catch (const InputError&) {
                // keep the default meridian
            }
        }
        setViewCrs(ViewCrs::gaussKruger(lon));
    });

    auto* tools = new QActionGroup(this);
    panAction_ = new QAction(tools);
    zoomBoxAction_ = new QAction(tools);
    identifyAction_ = new QAction(tools);
    measureLengthAction_ = new QAction(tools);
    measureAreaAction_ = new QAction(tools);
    const std::array<std::pair<QAction*, MapCanvas::Tool>, 5> toolActions{{
        {panAction_, MapCanvas::Tool::Pan},
        {zoomBoxAction_, MapCanvas::Tool::ZoomBox},
        {identifyAction_, MapCanvas::Tool::Identify},
        {measureLengthAction_, MapCanvas::Tool::MeasureDistance},
        {measureAreaAction_, MapCanvas::Tool::MeasureArea},
    }};
    for (auto [action, tool] : toolActions) {
        action->setCheckable(true);
        connect(action, &QAction::triggered, canvas_,
                [this, tool = tool] { canvas_->setTool(tool); });
    }
    panAction_->setChecked(true);
    identifyAction_->setShortcut(Qt::CTRL | Qt::Key_I);
    measureLengthAction_->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_M);

    newRecordAction_ = new QAction(this);
    connect(newRecordAction_, &QAction::triggered, this, &MainWindow::newRecord);
    summaryAction_ = new QAction(this);
    connect(summaryAction_, &QAction::triggered, this, &MainWindow::openSummary);
    securityAction_ = new QAction(this);
    connect(securityAction_, &QAction::triggered, this, [this] { openSecurity(); });
    preferencesAction_ = new QAction(this);
    preferencesAction_->setShortcut(QKeySequence::Preferences);
    connect(preferencesAction_, &QAction::triggered, this, &MainWindow::openPreferences);

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
    recentMenu_ = fileMenu_->addMenu(QString());
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::populateRecentMenu);
    sampleMenu_ = fileMenu_->addMenu(QString());
    populateSampleMenu();
    fileMenu_->addSeparator();
    fileMenu_->addAction(attributeTableAction_);
    fileMenu_->addAction(layerStyleAction_);
    fileMenu_->addAction(removeLayerAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(georefAction_);
    fileMenu_->addAction(exportBasemapAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->addAction(undoAction_);
    editMenu_->addAction(redoAction_);

    viewMenu_ = menuBar()->addMenu(QString());
    for (auto* a :
         {zoomInAction_, zoomOutAction_, zoomFullAction_, zoomLayerAction_, zoomSelectionAction_})
        viewMenu_->addAction(a);
    bookmarksMenu_ = viewMenu_->addMenu(QString());
    crsMenu_ = viewMenu_->addMenu(QString());
    basemapMenu_ = viewMenu_->addMenu(QString());
    basemapMenu_->addActions({tiandituVectorAction_, tiandituImageryAction_});
    for (auto* a : {crsGeographicAction_, crsMercatorAction_, crsGaussKrugerAction_})
        crsMenu_->addAction(a);
    viewMenu_->addSeparator();
    for (auto* dock : {layerDock_, referenceDock_, checkDock_, recordsDock_})
        viewMenu_->addAction(dock->toggleViewAction());

    toolsMenu_ = menuBar()->addMenu(QString());
    for (auto* a :
         {panAction_, zoomBoxAction_, identifyAction_, measureLengthAction_, measureAreaAction_})
        toolsMenu_->addAction(a);

    recordsMenu_ = menuBar()->addMenu(QString());
    recordsMenu_->addAction(newRecordAction_);
    recordsMenu_->addAction(summaryAction_);
    recordsMenu_->addSeparator();
    recordsMenu_->addAction(securityAction_);

    settingsMenu_ = menuBar()->addMenu(QString());
    settingsMenu_->addAction(preferencesAction_);
    languageMenu_ = settingsMenu_->addMenu(QString());
    languageMenu_->addAction(chineseAction_);
    languageMenu_->addAction(englishAction_);

    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(aboutAction_);

    auto* toolbar = addToolBar(QString());
    toolbar->setObjectName("MainToolbar");
    for (auto* a : {openAction_, zoomInAction_, zoomOutAction_, zoomFullAction_})
        toolbar->addAction(a);
    toolbar->addSeparator();
    for (auto* a :
         {panAction_, zoomBoxAction_, identifyAction_, measureLengthAction_, measureAreaAction_})
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

void MainWindow::populateBookmarksMenu() {
    bookmarksMenu_->clear();
    for (const Bookmark& b : overlay_.bookmarks) {
        const Extent e = b.lonLat;
        bookmarksMenu_->addAction(uiIsChinese() ? b.labelZh : b.labelEn, this,
                                  [this, e] { canvas_->zoomToLonLat(e); });
    }
    bookmarksMenu_->setEnabled(!overlay_.bookmarks.empty());
}

void MainWindow::retranslateUi() {
    setWindowTitle(tr("MapAudit — Map Supervision Workstation") + QStringLiteral("[*]"));
    layerDock_->setWindowTitle(tr("Layers"));
    referenceDock_->setWindowTitle(tr("Reference"));
    checkDock_->setWindowTitle(tr("Check results"));
    recordsDock_->setWindowTitle(tr("Records"));
    checkPanel_->retranslateUi();
    referencePanel_->retranslateUi();
    recordsPanel_->retranslateUi();
    historyPanel_->retranslateUi();
    recordsTabs_->setTabText(0, tr("Records"));
    recordsTabs_->setTabText(1, tr("History of checks"));
    fileMenu_->setTitle(tr("&File"));
    sampleMenu_->setTitle(tr("Open &sample data"));
    recentMenu_->setTitle(tr("Open &recent"));
    layerModel_->retranslate();
    attributeTableAction_->setText(tr("&Attribute table"));
    editMenu_->setTitle(tr("&Edit"));
    showUndoState();
    viewMenu_->setTitle(tr("&View"));
    bookmarksMenu_->setTitle(tr("&Bookmarks"));
    crsMenu_->setTitle(tr("Map &CRS"));
    toolsMenu_->setTitle(tr("&Tools"));
    recordsMenu_->setTitle(tr("&Records"));
    settingsMenu_->setTitle(tr("&Settings"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    openAction_->setText(tr("&Open…"));
    removeLayerAction_->setText(tr("&Remove layer"));
    layerStyleAction_->setText(tr("Layer &properties…"));
    quitAction_->setText(tr("&Quit"));
    basemapMenu_->setTitle(tr("Online &basemap"));
    retranslateImageryUi();
    zoomInAction_->setText(tr("Zoom &in"));
    zoomOutAction_->setText(tr("Zoom &out"));
    zoomFullAction_->setText(tr("Zoom to &full extent"));
    zoomLayerAction_->setText(tr("Zoom to &layer"));
    zoomSelectionAction_->setText(tr("Zoom to &selection"));
    crsGeographicAction_->setText(ViewCrs::geographic().label());
    crsMercatorAction_->setText(ViewCrs::webMercator().label());
    crsGaussKrugerAction_->setText(tr("CGCS2000 Gauss-Krüger 3° (zone of the view centre)"));
    panAction_->setText(tr("&Pan"));
    zoomBoxAction_->setText(tr("&Zoom to box"));
    identifyAction_->setText(tr("&Identify feature"));
    measureLengthAction_->setText(tr("Measure &distance"));
    measureAreaAction_->setText(tr("Measure &area"));
    newRecordAction_->setText(tr("&New record…"));
    summaryAction_->setText(tr("&Summary table (2021 form)…"));
    securityAction_->setText(tr("Geographic-information s&ecurity supervision…"));
    preferencesAction_->setText(tr("&Preferences…"));
    aboutAction_->setText(tr("&About MapAudit"));
    crsLabel_->setText(canvas_->crs().label());
    cursorLabel_->setText(layerModel_->layers().empty()
                              ? tr("Open a map or image: File ▸ Open, or drop files here")
                              : QString());
    populateBookmarksMenu();
    showPackStatus();
    showScale();
    showMeasurement();
}

void MainWindow::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(e);
}

void MainWindow::setLanguage(const QString& language) {
    settings_.language = language;
    settings_.save();
    installTranslations(language); // triggers LanguageChange → retranslateUi()
}

void MainWindow::showUndoState() {
    const QUndoStack* undo = checkPanel_->undoStack();
    undoAction_->setEnabled(undo->canUndo());
    redoAction_->setEnabled(undo->canRedo());
    undoAction_->setText(undo->canUndo() ? tr("&Undo %1").arg(undo->undoText()) : tr("&Undo"));
    redoAction_->setText(undo->canRedo() ? tr("&Redo %1").arg(undo->redoText()) : tr("&Redo"));
    setWindowModified(checkPanel_->hasUnsavedWork());
}

void MainWindow::resizeEvent(QResizeEvent* e) {
    QMainWindow::resizeEvent(e);
    arrangeDocks();
}

void MainWindow::arrangeDocks() {
    const bool compact = width() < kCompactWidth;
    if (compact == compactDocks_)
        return;
    compactDocks_ = compact;
    if (compact) {
        for (QDockWidget* dock : {layerDock_, referenceDock_}) {
            addDockWidget(Qt::RightDockWidgetArea, dock);
            tabifyDockWidget(checkDock_, dock);
        }
        checkDock_->raise();
        resizeDocks({checkDock_}, {width() * 2 / 5}, Qt::Horizontal);
    } else {
        addDockWidget(Qt::LeftDockWidgetArea, layerDock_);
        addDockWidget(Qt::LeftDockWidgetArea, referenceDock_);
        checkDock_->raise();
    }
    // The map got another size: what the inspector was looking at stays in view.
    if (highlight_)
        QTimer::singleShot(0, this, &MainWindow::zoomToSelection);
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (checkPanel_->hasUnsavedWork() &&
        QMessageBox::question(
            this, tr("Close MapAudit"),
            tr("Your decisions on %1 are not yet in a JSON report, a PDF report or a problem-map "
               "record. Close and lose them?")
                .arg(QFileInfo(checkPanel_->checkedPath()).fileName()),
            QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Close) {
        e->ignore();
        return;
    }
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

std::optional<std::size_t> MainWindow::currentLayer() const {
    return layerModel_->layerAt(layerTree_->currentIndex());
}

void MainWindow::updateCanvasLayers() {
    LayerList visible;
    for (const auto& entry : layerModel_->layers())
        if (entry.visible)
            visible.push_back(entry.layer);
    canvas_->setLayers(std::move(visible));
}

void MainWindow::editLayerStyle() {
    const auto index = currentLayer();
    if (!index)
        return;
    const LayerEntry entry = layerModel_->layers()[*index];
    const auto* vector = dynamic_cast<const VectorMapLayer*>(entry.layer.get());
    if (!vector) {
        statusBar()->showMessage(tr("A raster is drawn with its own colours."), 5000);
        return;
    }
    const std::string layerName = vector->data().name;
    QStringList fields;
    try {
        fields = layerFieldNames(entry.path, layerName);
    } catch (const InputError&) {
        // the file went away: colours can still change
    }
    const std::string shownField = vector->style().labels ? vector->data().labelField : "";
    LayerStyleDialog dialog(vector->style(), fields, QString::fromStdString(shownField), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::string field = dialog.labelField().toStdString();
    if (field.empty() || field == vector->data().labelField) {
        layerModel_->replaceLayer(*index, vector->restyled(dialog.style()));
    } else {
        try {
            layerModel_->replaceLayer(*index, reloadVectorLayer(entry.path, layerName, field,
                                                                canvas_->crs().definition(),
                                                                dialog.style()));
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Layer properties"), errorText(e));
            return;
        }
    }
}

void MainWindow::setViewCrs(const ViewCrs& crs) {
    if (crs.definition() == canvas_->crs().definition())
        return;
    std::optional<Extent> shown;
    if (canvas_->viewport().isValid()) {
        try {
            const Extent e = canvas_->viewport().extent();
            const QPointF a = canvas_->crs().toLonLat({e.minX, e.minY});
            const QPointF b = canvas_->crs().toLonLat({e.maxX, e.maxY});
            shown = Extent{a.x(), a.y(), b.x(), b.y()};
        } catch (const InputError&) {
            // the old view reached beyond the old CRS: show everything
        }
    }
    const QStringList paths = openPaths_;
    layerModel_->clearLayers();
    openPaths_.clear();
    canvas_->setCrs(crs);
    reprojectTo_ = shown;
    overlay_ = {};
    layerModel_->setReferenceLayers(overlay_.layers);
    updateOverlays();
    loadOverlay();
    highlightFinding(std::size_t(-1));
    crsLabel_->setText(crs.label());
    crsGeographicAction_->setChecked(crs.isGeographic());
    crsMercatorAction_->setChecked(crs.definition() == ViewCrs::webMercator().definition());
    crsGaussKrugerAction_->setChecked(!crs.isGeographic() &&
                                      crs.definition() != ViewCrs::webMercator().definition());
    if (paths.isEmpty()) {
        if (shown)
            canvas_->zoomToLonLat(*shown);
        reprojectTo_.reset();
    } else {
        openFiles(paths);
    }
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
    watcher->setFuture(QtConcurrent::run(&pool_, []() -> PackStatus {
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
            st.error = errorText(e);
        }
        return st;
    }));
}

void MainWindow::loadOverlay() {
    struct Outcome {
        std::optional<ReferenceOverlay> overlay;
        QString error;
    };
    const quint64 generation = ++overlayGeneration_;
    const std::string crs = canvas_->crs().definition();
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (generation != overlayGeneration_)
            return; // the CRS changed while it loaded
        if (!outcome.overlay) {
            statusBar()->showMessage(tr("Reference overlay not available: %1").arg(outcome.error));
            return;
        }
        overlay_ = std::move(*outcome.overlay);
        layerModel_->setReferenceLayers(overlay_.layers);
        referencePanel_->setBookmarks(overlay_.bookmarks);
        populateBookmarksMenu();
        updateOverlays();
        emit overlayLoaded();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [crs]() -> Outcome {
        try {
            return {loadReferenceOverlay(refpack::defaultPackPath(), crs), {}};
        } catch (const std::exception& e) {
            return {std::nullopt, errorText(e)};
        }
    }));
}

void MainWindow::updateOverlays() {
    LayerList shown;
    for (std::size_t i = 0; i < kReferenceItemCount; ++i)
        if (overlay_.layers[i] && referencePanel_->isShown(static_cast<ReferenceItem>(i)))
            shown.push_back(overlay_.layers[i]);
    canvas_->setOverlays(std::move(shown));
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

QString MainWindow::cursorText() const {
    return cursorLabel_->text();
}

void MainWindow::showCursor(QPointF map) {
    QPointF ll;
    try {
        ll = canvas_->crs().toLonLat(map);
    } catch (const InputError&) {
        cursorLabel_->clear();
        return;
    }
    QString text = QStringLiteral("%1   %2 %3")
                       .arg(QString::fromStdString(formatLonLat(ll.x(), ll.y())),
                            QString::fromStdString(formatDms(ll.x(), false)),
                            QString::fromStdString(formatDms(ll.y(), true)));
    if (!canvas_->crs().isGeographic())
        text += QStringLiteral("   x %1  y %2").arg(map.x(), 0, 'f', 1).arg(map.y(), 0, 'f', 1);
    cursorLabel_->setText(text);
}

void MainWindow::showScale() {
    const double d = canvas_->scaleDenominator();
    scaleLabel_->setText(d > 0 ? tr("Scale %1").arg(QString::fromStdString(formatScale(d)))
                               : QString());
}

void MainWindow::showMeasurement() {
    const auto tool = canvas_->tool();
    if (canvas_->measurePoints().size() < 2 ||
        (tool != MapCanvas::Tool::MeasureDistance && tool != MapCanvas::Tool::MeasureArea)) {
        measureLabel_->clear();
        return;
    }
    const double km = canvas_->measuredLength() / 1000.0;
    if (tool == MapCanvas::Tool::MeasureDistance)
        measureLabel_->setText(tr("Distance %1 km").arg(km, 0, 'f', 3));
    else
        measureLabel_->setText(tr("Area %1 km², perimeter %2 km")
                                   .arg(canvas_->measuredArea() / 1e6, 0, 'f', 3)
                                   .arg(km, 0, 'f', 3));
}

std::optional<IdentifyResult> MainWindow::identifyAt(QPointF map, double tolerance) {
    const auto& layers = layerModel_->layers();
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        if (!it->visible)
            continue;
        const auto fid = it->layer->featureAt(map, tolerance);
        if (!fid)
            continue;
        const auto* vector = dynamic_cast<const VectorMapLayer*>(it->layer.get());
        IdentifyResult r;
        r.layer = it->layer->name();
        r.fid = *fid;
        r.attributes = featureAttributes(it->path.toStdString(), vector->data().name, *fid);
        for (const auto& f : vector->data().features)
            if (f.fid == *fid)
                r.feature = f;
        return r;
    }
    return std::nullopt;
}

void MainWindow::showIdentify(QPointF map, double tolerance) {
    std::optional<IdentifyResult> r;
    try {
        r = identifyAt(map, tolerance);
    } catch (const InputError& e) {
        statusBar()->showMessage(errorText(e), 8000);
        return;
    }
    if (!r) {
        statusBar()->showMessage(tr("No feature here."), 4000);
        return;
    }
    select(selectionLayer(r->feature), false);
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("%1 — feature %2").arg(r->layer).arg(r->fid));
    auto* table = new QTableWidget(static_cast<int>(r->attributes.size()), 2);
    table->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    setUpRowTable(table);
    for (int i = 0; i < table->rowCount(); ++i) {
        const auto& [field, value] = r->attributes[static_cast<std::size_t>(i)];
        table->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(field)));
        table->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(value)));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(420, 360);
    dialog->show();
}

} // namespace mapaudit::ui
