// The workstation's main window: map canvas, layer dock, menus, status bar.
#pragma once

#include "layer_loader.h"

#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QMenu;
class QDockWidget;

namespace mapaudit::ui {

class MapCanvas;
class CheckPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads the files in the background, one after another, with a progress
    // dialog; errors are shown, never fatal.
    void openFiles(const QStringList& paths);
    MapCanvas* canvas() const { return canvas_; }
    CheckPanel* checkPanel() const { return checkPanel_; }
    // The messages shown to the user for files that could not be opened.
    const QStringList& errors() const { return errors_; }
    bool isLoading() const { return !pending_.isEmpty() || loading_; }
    // The reference-pack badge in the status bar ("" until the pack is checked).
    QString referencePackBadge() const;

signals:
    void loadingFinished();
    void referencePackChecked();

protected:
    void changeEvent(QEvent* e) override;
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void loadNext();
    void addLoaded(LoadedFile file);
    void refreshLayerList();
    void updateCanvasLayers();
    void showCursor(QPointF map);
    void showScale();
    void chooseFiles();
    void setLanguage(const QString& language);
    void populateSampleMenu();
    void loadReferencePack();
    void showPackStatus();

    MapCanvas* canvas_ = nullptr;
    QDockWidget* layerDock_ = nullptr;
    QListWidget* layerList_ = nullptr;
    QDockWidget* checkDock_ = nullptr;
    CheckPanel* checkPanel_ = nullptr;
    QStringList openPaths_; // files loaded, in order
    QLabel* cursorLabel_ = nullptr;
    QLabel* scaleLabel_ = nullptr;
    QLabel* crsLabel_ = nullptr;
    QLabel* packLabel_ = nullptr;

    QMenu* fileMenu_ = nullptr;
    QMenu* sampleMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* settingsMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* removeLayerAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* zoomFullAction_ = nullptr;
    QAction* zoomLayerAction_ = nullptr;
    QAction* chineseAction_ = nullptr;
    QAction* englishAction_ = nullptr;
    QAction* aboutAction_ = nullptr;

    struct LayerEntry {
        std::shared_ptr<const MapLayer> layer;
        bool visible = true;
    };
    std::vector<LayerEntry> layers_; // bottom first
    QStringList pending_;
    QStringList errors_;
    bool loading_ = false;
    struct PackStatus {
        bool loaded = false;
        QString id, version, digest, path, grade, error;
        bool verified = false;
    } pack_;
    int filesLoaded_ = 0;
};

} // namespace mapaudit::ui
