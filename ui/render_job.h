// Renders a set of layers into an image on a worker thread. Starting a new
// job for a new view cancels the previous one.
#pragma once

#include "map_layer.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <memory>
#include <vector>

namespace mapaudit::ui {

using LayerList = std::vector<std::shared_ptr<const MapLayer>>;

class MapRenderer : public QObject {
    Q_OBJECT
public:
    explicit MapRenderer(QObject* parent = nullptr);
    ~MapRenderer() override;
    void start(const LayerList& layers, const MapViewport& view, QColor background);
    void cancel();
    bool isRunning() const;

signals:
    void finished(const QImage& image, const mapaudit::ui::MapViewport& view);

private:
    struct Job;
    std::shared_ptr<Job> job_;
    QFutureWatcher<QImage> watcher_;
};

} // namespace mapaudit::ui
