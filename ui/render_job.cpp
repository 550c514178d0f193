#include "render_job.h"

#include "mapaudit/base/error.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace mapaudit::ui {
namespace {
constexpr qint64 kPartialIntervalMs = 150;
} // namespace

struct MapRenderer::Job {
    std::atomic<bool> cancel{false};
    MapViewport view;
};

QImage renderLayers(const LayerList& layers, const MapViewport& view, QColor background,
                    const std::atomic<bool>& cancel,
                    const std::function<void(const QImage&, std::size_t)>& layerDone) {
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(background);
    QPainter painter(&image);
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (cancel.load())
            break;
        try {
            layers[i]->render(painter, view, cancel);
        } catch (const InputError&) {
            // A layer whose file went away or broke is left out of this frame.
        }
        if (layerDone && i + 1 < layers.size())
            layerDone(image, i);
    }
    return image;
}

MapRenderer::MapRenderer(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<QImage>::finished, this, [this] {
        if (!job_ || job_->cancel.load())
            return;
        emit finished(watcher_.result(), job_->view);
    });
}

MapRenderer::~MapRenderer() {
    cancel();
    pool_.waitForDone();
}

void MapRenderer::cancel() {
    if (job_)
        job_->cancel.store(true);
}

bool MapRenderer::isRunning() const {
    return watcher_.isRunning();
}

void MapRenderer::start(const LayerList& layers, const MapViewport& view, QColor background) {
    cancel();
    auto job = std::make_shared<Job>();
    job->view = view;
    job_ = job;
    QPointer<MapRenderer> self(this);
    watcher_.setFuture(QtConcurrent::run(&pool_, [self, layers, view, background, job]() {
        QElapsedTimer sinceShown;
        sinceShown.start();
        return renderLayers(
            layers, view, background, job->cancel, [&](const QImage& image, std::size_t) {
                if (sinceShown.elapsed() < kPartialIntervalMs)
                    return;
                sinceShown.restart();
                QMetaObject::invokeMethod(
                    self,
                    [self, job, soFar = image.copy(), view] {
                        MapRenderer* renderer = self.data();
                        if (renderer && renderer->job_.get() == job.get() && !job->cancel.load())
                            emit renderer->partial(soFar, view);
                    },
                    Qt::QueuedConnection);
            });
    }));
}

} // namespace mapaudit::ui
