#include "main_window.h"

#include "application.h"
#include "check_history_panel.h"
#include "check_panel.h"
#include "layer_tree_model.h"
#include "map_canvas.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/version.h"
#include "records_panel.h"
#include "reference_panel.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QResizeEvent>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace mapaudit::ui {
namespace {

constexpr int kCompactWidth = 1200; // a laptop's 1366 px wide screen keeps both dock columns

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

} // namespace mapaudit::ui
