// Renders a set of layers into an image on a worker thread, reporting the
// image so far as slow layers finish. Starting a new job for a new view
// cancels the previous one.
#pragma once

#include "map_layer.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <vector>

namespace mapaudit::ui {

using LayerList = std::vector<std::shared_ptr<const MapLayer>>;

inline const QColor kSeaColour{214, 232, 245};

// Draws `layers` bottom first into a new image of the view's size, on the
// calling thread. `layerDone(image, i)` is called after each layer but the last.
QImage renderLayers(const LayerList& layers, const MapViewport& view, QColor background,
                    const std::atomic<bool>& cancel,
                    const std::function<void(const QImage&, std::size_t)>& layerDone = {});

class MapRenderer : public QObject {
    Q_OBJECT
public:
    explicit MapRenderer(QObject* parent = nullptr);
    ~MapRenderer() override;
    void start(const LayerList& layers, const MapViewport& view, QColor background);
    void cancel();
    bool isRunning() const;

signals:
    // The image so far, while layers are still drawing (at most a few a second).
    void partial(const QImage& image, const mapaudit::ui::MapViewport& view);
    void finished(const QImage& image, const mapaudit::ui::MapViewport& view);

private:
    struct Job;
    std::shared_ptr<Job> job_;
    QFutureWatcher<QImage> watcher_;
    // Canceled jobs finish on their own; this pool is destroyed first and
    // waits for all of them, so none outlives the renderer (or GDAL at exit).
    QThreadPool pool_;
};

} // namespace mapaudit::ui
