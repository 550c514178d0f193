// Rendering benchmark: a large vector dataset drawn on the workstation's
// canvas (offscreen), full extent and zoomed, while a 5 ms timer on the UI
// thread measures the longest time the UI could not respond.
//   mapaudit-render-bench DATA [WIDTHxHEIGHT]
#include "layer_loader.h"
#include "map_canvas.h"
#include "mapaudit/base/feedback.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace mapaudit;
using namespace mapaudit::ui;

namespace {

// The longest gap between ticks of a 5 ms timer: how long the UI thread was busy.
class UiStallMeter : public QObject {
public:
    UiStallMeter() {
        timer_.setInterval(5);
        timer_.setTimerType(Qt::PreciseTimer);
        connect(&timer_, &QTimer::timeout, this, [this] {
            const qint64 now = clock_.nsecsElapsed();
            if (last_ >= 0)
                worst_ = std::max(worst_, now - last_);
            last_ = now;
        });
        clock_.start();
    }
    void start() {
        last_ = -1;
        worst_ = 0;
        timer_.start();
    }
    double stopMs() {
        timer_.stop();
        return static_cast<double>(worst_) / 1e6;
    }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = -1, worst_ = 0;
};

bool waitForRender(MapCanvas& canvas, int timeoutMs = 600000) {
    QElapsedTimer t;
    t.start();
    while (canvas.isRendering() || canvas.renderedImage().isNull()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

struct Result {
    const char* name;
    double seconds, stallMs;
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: mapaudit-render-bench DATA [WIDTHxHEIGHT]\n");
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int width = 1280, height = 800;
    if (argc > 2)
        std::sscanf(argv[2], "%dx%d", &width, &height);

    QElapsedTimer t;
    t.start();
    Feedback feedback;
    LoadedFile file;
    try {
        file = loadFile(QString::fromLocal8Bit(argv[1]), 0, "EPSG:4490", &feedback);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "mapaudit-render-bench: %s\n", e.what());
        return 2;
    }
    const double loadSeconds = static_cast<double>(t.elapsed()) / 1000.0;
    std::size_t vertices = 0, features = 0;
    for (const auto& layer : file.layers)
        if (const auto* v = dynamic_cast<const VectorMapLayer*>(layer.get()))
            for (const auto& f : v->data().features) {
                ++features;
                for (const auto& part : f.parts)
                    vertices += part.size();
            }
    std::printf("dataset: %s\n%zu features, %zu vertices, read in %.1f s (worker thread in the "
                "workstation)\ncanvas %dx%d, %d cores\n",
                argv[1], features, vertices, loadSeconds, width, height,
                QThread::idealThreadCount());

    MapCanvas canvas;
    canvas.resize(width, height);
    canvas.show();
    UiStallMeter meter;
    std::vector<Result> results;
    auto timed = [&](const char* name, const std::function<void()>& change) {
        meter.start();
        QElapsedTimer clock;
        clock.start();
        change();
        if (!waitForRender(canvas))
            std::fprintf(stderr, "%s: no image after 10 minutes\n", name);
        results.push_back({name, static_cast<double>(clock.elapsed()) / 1000.0, meter.stopMs()});
    };
    timed("full extent (first draw)", [&] { canvas.setLayers(file.layers); });
    timed("full extent (again)", [&] { canvas.zoomBy(1.0001); });
    timed("China, about 1:20 000 000", [&] { canvas.zoomToExtent({73, 17, 136, 54}); });
    timed("South China Sea, about 1:8 000 000", [&] { canvas.zoomToExtent({105, 3, 123, 24}); });
    timed("Taiwan Strait, about 1:2 500 000", [&] { canvas.zoomToExtent({117, 21.5, 123, 26}); });
    timed("Beijing, about 1:250 000", [&] { canvas.zoomToExtent({116.0, 39.6, 116.8, 40.1}); });
    // An inspector dragging the map: a pan every 16 ms for a second; each new
    // view cancels the render before it. Timed until the last view is drawn.
    timed("60 pans at 60 Hz, then settle", [&] {
        canvas.zoomToExtent({73, 17, 136, 54});
        for (int i = 0; i < 60; ++i) {
            canvas.setViewport(canvas.viewport().pannedBy({4, 2}));
            QElapsedTimer frame;
            frame.start();
            while (frame.elapsed() < 16)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        }
    });

    std::printf("%-38s %10s %18s\n", "view", "seconds", "longest UI stall");
    double worst = 0;
    for (const auto& r : results) {
        std::printf("%-38s %10.2f %15.1f ms\n", r.name, r.seconds, r.stallMs);
        worst = std::max(worst, r.stallMs);
    }
    std::printf("longest UI-thread stall while rendering: %.1f ms (target <= 50 ms)\n", worst);
    return 0;
}
