// The workstation's main window: map canvas; docks for layers, the reference
// pack, check results and records; menus, tools and the status bar.
#pragma once

#include "layer_loader.h"
#include "mapaudit/check/manual_finding.h"
#include "mapaudit/records/records_db.h"
#include "reference_overlay.h"
#include "view_crs.h"
#include "workstation_settings.h"

#include <QHash>
#include <QLabel>
#include <QMainWindow>
#include <QSet>
#include <QThreadPool>
#include <QTreeView>
#include <memory>
#include <optional>

class QAction;
class QActionGroup;
class QMenu;
class QDockWidget;

namespace mapaudit {
class Feedback;
}

namespace mapaudit::ui {

class MapCanvas;
class CheckPanel;
class ReferencePanel;
class RecordsPanel;
class CheckHistoryPanel;
class LayerTreeModel;
class GeorefDialog;

struct IdentifyResult {
    QString layer;
    std::int64_t fid = -1;
    std::vector<std::pair<std::string, std::string>> attributes;
    DrawableFeature feature; // its geometry in the view CRS, for highlighting
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads the files in the background, one after another, with a progress
    // dialog; errors are shown, never fatal.
    void openFiles(const QStringList& paths);
    MapCanvas* canvas() const { return canvas_; }
    // The status bar's cursor position ("" when the mouse is off the map).
    QString cursorText() const;
    CheckPanel* checkPanel() const { return checkPanel_; }
    ReferencePanel* referencePanel() const { return referencePanel_; }
    RecordsPanel* recordsPanel() const { return recordsPanel_; }
    QMenu* recentMenu() const { return recentMenu_; }
    CheckHistoryPanel* historyPanel() const { return historyPanel_; }
    LayerTreeModel* layerModel() const { return layerModel_; }
    QTreeView* layerTree() const { return layerTree_; }
    records::RecordsDb* recordsDb() const { return db_.get(); }
    const WorkstationSettings& settings() const { return settings_; }
    void applySettings(const WorkstationSettings& settings);
    // The messages shown to the user for files that could not be opened.
    const QStringList& errors() const { return errors_; }
    bool isLoading() const { return !pending_.isEmpty() || loading_; }
    bool isOverlayLoaded() const { return overlay_.layers[0] != nullptr; }
    // The reference-pack badge in the status bar ("" until the pack is checked).
    QString referencePackBadge() const;
    QString measurementText() const { return measureLabel_->text(); }

    // Redraws everything in another CRS, keeping the place shown.
    void setViewCrs(const ViewCrs& crs);
    // The topmost visible feature at a map position (view CRS), with its attributes.
    std::optional<IdentifyResult> identifyAt(QPointF map, double tolerance);
    // The checked map as a problem_map record with the canvas snapshot and the
    // check report as evidence. With `showForm` the inspector completes the
    // record first (nothing is saved if they cancel). The message says why not.
    std::optional<records::Record> registerProblemMap(bool showForm, QString* message = nullptr);
    // The PDF inspection report of the last check. Throws InputError.
    void writeInspectionReport(const QString& path);
    // The map picture of the report: all findings not dismissed, over the
    // reference, framed on the findings.
    QImage findingsMapImage(QSize size);

    // Frames the selected finding or identified feature (View ▸ Zoom to selection).
    void zoomToSelection();
    // The dialogs of the menus and the check panel (also for `mapaudit --open`).
    void openSummary();
    void openSecurity(int page = 0); // SecurityView::Page
    void newRecord();
    void openPreferences();
    void registerFromPanel();
    void reportFromPanel();
    // Findings marked by hand: the sketch tool (MapCanvas::Tool), then the
    // dialog for the sketched shape (map coordinates of the view CRS).
    void startMarking(int sketchTool);
    // File ▸ Georeference image: a window of its own, placing points against this canvas.
    GeorefDialog* openGeoreferencing(const QString& image);
    // View ▸ Online basemap: Tianditu "vec" (map) or "img" (imagery) with its labels, drawn
    // under everything. Does nothing unless the preferences allow online basemaps.
    void openTianditu(const QString& kind);
    // The Tianditu service descriptions (base and labels) written with the user's key.
    QStringList writeTiandituDescriptions(const QString& kind) const;
    // The rasters and basemaps open, whose area can be exported.
    QStringList basemapSources() const;
    // The map view's extent in lon/lat; nullopt when it cannot be placed.
    std::optional<Extent> viewLonLatExtent() const;
    // The tile zoom level matching the view's scale.
    int suggestedBasemapZoom() const;
    // Packages `area` of `source` as MBTiles/GeoPackage tiles in the background, then opens
    // it; basemapExportFinished(out), or an empty path after an error.
    void exportBasemapArea(const QString& source, const Extent& area, int maxZoom,
                           const QString& out);
    QAction* tiandituAction(const QString& kind) const {
        return kind == "vec" ? tiandituVectorAction_ : tiandituImageryAction_;
    }
    void markFinding(const QList<QPointF>& mapPoints);
    // The check in the Check panel, with the decisions so far, kept in the
    // history of checks (after each check and each decision); false, with the
    // reason in `message`, when it cannot be kept.
    bool keepCheckRun(QString* message = nullptr);
    // A kept check back in the Check panel, its file opened when it is still
    // there; false, with the reason, when it cannot be read.
    bool reopenCheckRun(const QString& runId, QString* message = nullptr);
    // The Records dock raised on its history-of-checks tab.
    void showCheckHistory();
    // The attribute table of the layer chosen in the layer list (F6), read in
    // the background; choosing a row selects the feature and frames it.
    void openAttributeTable();
    // Draws feature `fid` of `layer` as the selection and frames it; false when
    // the layer has no such feature with a geometry.
    bool selectFeature(const MapLayer& layer, std::int64_t fid);
    // The index into layers_ of the layer chosen in the layer list.
    std::optional<std::size_t> currentLayer() const;

signals:
    void loadingFinished();
    void referencePackChecked();
    void overlayLoaded();
    void basemapExportFinished(QString path);

protected:
    void changeEvent(QEvent* e) override;
    void closeEvent(QCloseEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    void createDocks();
    void createActions();
    void createMenus();
    void createImageryActions();
    void retranslateImageryUi();
    void updateBasemapActions();
    void chooseBasemapExport();
    void retranslateUi();
    void loadNext();
    void addLoaded(LoadedFile file);
    void updateCanvasLayers();
    void updateOverlays();
    void showCursor(QPointF map);
    void showUndoState(); // Edit menu texts, and the title's unsaved mark
    // Below kCompactWidth every dock is a tab on the right, so the map keeps
    // most of a small screen; above it the layers and reference are on the left.
    void arrangeDocks();
    bool compactDocks_ = false;
    void showScale();
    void showMeasurement();
    void chooseFiles();
    void setLanguage(const QString& language);
    void populateSampleMenu();
    void populateRecentMenu();
    void populateBookmarksMenu();
    void loadReferencePack();
    void loadOverlay();
    void showPackStatus();
    void editLayerStyle();
    void showIdentify(QPointF map, double tolerance);
    void highlightFinding(std::size_t finding);
    // Draws `layer` as the selection; zoomToSelection() frames it.
    void select(std::shared_ptr<const MapLayer> layer, bool zoom);
    void openRecordsDb();
    // False, after telling the user why, when there is no records database.
    bool haveRecordsDb(const QString& what);
    // The sketch as CGCS2000 lon/lat WKT: a point, a line, or an area for the area tool.
    QString sketchWkt(const QList<QPointF>& mapPoints) const;
    static std::shared_ptr<const MapLayer> selectionLayer(DrawableFeature feature);
    std::shared_ptr<const MapLayer> findingsLayer(const std::vector<std::size_t>& findings,
                                                  bool selected) const;

    MapCanvas* canvas_ = nullptr;
    QDockWidget* layerDock_ = nullptr;
    QTreeView* layerTree_ = nullptr;
    LayerTreeModel* layerModel_ = nullptr;
    QDockWidget* referenceDock_ = nullptr;
    ReferencePanel* referencePanel_ = nullptr;
    QDockWidget* checkDock_ = nullptr;
    CheckPanel* checkPanel_ = nullptr;
    QDockWidget* recordsDock_ = nullptr;
    RecordsPanel* recordsPanel_ = nullptr;
    QTabWidget* recordsTabs_ = nullptr; // records | history of checks
    CheckHistoryPanel* historyPanel_ = nullptr;
    QString keptRunId_;         // the run last written to the history …
    std::string keptRunReport_; // … and its report, so an unchanged state is not written again
    QStringList openPaths_;     // files loaded, in order
    QLabel* cursorLabel_ = nullptr;
    QLabel* measureLabel_ = nullptr;
    QLabel* scaleLabel_ = nullptr;
    QLabel* crsLabel_ = nullptr;
    QLabel* packLabel_ = nullptr;

    QMenu* fileMenu_ = nullptr;
    QMenu* sampleMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* bookmarksMenu_ = nullptr;
    QMenu* crsMenu_ = nullptr;
    QMenu* toolsMenu_ = nullptr;
    QMenu* recordsMenu_ = nullptr;
    QMenu* settingsMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QAction* removeLayerAction_ = nullptr;
    QAction* layerStyleAction_ = nullptr;
    QAction* attributeTableAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* georefAction_ = nullptr;
    QAction* exportBasemapAction_ = nullptr;
    QAction* tiandituVectorAction_ = nullptr;
    QAction* tiandituImageryAction_ = nullptr;
    QMenu* basemapMenu_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* zoomFullAction_ = nullptr;
    QAction* zoomLayerAction_ = nullptr;
    QAction* zoomSelectionAction_ = nullptr;
    QAction* crsGeographicAction_ = nullptr;
    QAction* crsMercatorAction_ = nullptr;
    QAction* crsGaussKrugerAction_ = nullptr;
    QAction* panAction_ = nullptr;
    QAction* zoomBoxAction_ = nullptr;
    QAction* identifyAction_ = nullptr;
    QAction* measureLengthAction_ = nullptr;
    QAction* measureAreaAction_ = nullptr;
    QAction* newRecordAction_ = nullptr;
    QAction* summaryAction_ = nullptr;
    QAction* securityAction_ = nullptr;
    QAction* preferencesAction_ = nullptr;
    QAction* chineseAction_ = nullptr;
    QAction* englishAction_ = nullptr;
    QAction* aboutAction_ = nullptr;

    QStringList pending_;
    QStringList errors_;
    bool loading_ = false;
    std::optional<Extent> reprojectTo_; // lon/lat to show once a CRS change has reloaded
    struct PackStatus {
        bool loaded = false;
        QString id, version, digest, path, grade, error;
        bool verified = false;
    } pack_;
    ReferenceOverlay overlay_;
    quint64 overlayGeneration_ = 0;
    std::shared_ptr<const MapLayer> highlight_;
    int filesLoaded_ = 0;
    QHash<QString, int> styleSeeds_;
    QSet<QString> basemapPaths_; // drawn under the other layers and never checked // a file keeps
                                 // its colours when it is drawn again
    WorkstationSettings settings_;
    std::vector<check::CodeInfo> findingCodes_; // of the reference pack, read when first needed
    std::shared_ptr<records::RecordsDb> db_;    // shared with the open record views
    QString dbError_;
    // Background work of this window (loading files, the pack, the overlay). Declared
    // last: it is destroyed first and waits, so no job outlives what it reports to.
    QThreadPool pool_;
    std::shared_ptr<Feedback> loadFeedback_; // of the file being loaded
};

} // namespace mapaudit::ui
