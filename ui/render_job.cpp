#include "render_job.h"

#include "mapaudit/error.h"

#include <QtConcurrent/QtConcurrentRun>

namespace mapaudit::ui {

struct MapRenderer::Job {
    std::atomic<bool> cancel{false};
    MapViewport view;
};

MapRenderer::MapRenderer(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<QImage>::finished, this, [this] {
        if (!job_ || job_->cancel.load())
            return;
        emit finished(watcher_.result(), job_->view);
    });
}

MapRenderer::~MapRenderer() {
    cancel();
    watcher_.waitForFinished();
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
    watcher_.setFuture(QtConcurrent::run([layers, view, background, job]() {
        QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
        image.fill(background);
        QPainter painter(&image);
        for (const auto& layer : layers) {
            if (job->cancel.load())
                break;
            try {
                layer->render(painter, view, job->cancel);
            } catch (const InputError&) {
                // A layer whose file went away or broke is left out of this frame.
            }
        }
        return image;
    }));
}

} // namespace mapaudit::ui
