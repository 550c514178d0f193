// Helpers shared by the workstation tests (offscreen Qt).
#pragma once

#include "main_window.h"
#include "map_canvas.h"

#include <QColor>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QString>
#include <catch2/catch.hpp>
#include <functional>
#include <string>

namespace Catch {
template <> struct StringMaker<QColor> {
    static std::string convert(const QColor& c) {
        return "rgb(" + std::to_string(c.red()) + ", " + std::to_string(c.green()) + ", " +
               std::to_string(c.blue()) + ")";
    }
};
} // namespace Catch

namespace uitest {

inline QString sample(const char* name) {
    return QStringLiteral(MAPAUDIT_SAMPLES "/") + name;
}

// Runs the event loop until `done` or 30 s.
inline bool waitFor(const std::function<bool()>& done, int timeoutMs = 30000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

inline bool waitUntilDrawn(mapaudit::ui::MainWindow& w) {
    return waitFor([&] {
        return !w.isLoading() && !w.canvas()->isRendering() &&
               !w.canvas()->renderedImage().isNull();
    });
}

// Files loaded, reference overlay loaded and everything drawn.
inline bool waitUntilReady(mapaudit::ui::MainWindow& w) {
    return waitFor([&] { return w.isOverlayLoaded(); }) && waitUntilDrawn(w);
}

// The rendered colour at a CGCS2000 longitude/latitude.
inline QColor colourAt(mapaudit::ui::MainWindow& w, double lon, double lat) {
    const QPointF map = w.canvas()->crs().fromLonLat({lon, lat});
    const QPointF px = w.canvas()->viewport().toPixel(map);
    return w.canvas()->renderedImage().pixelColor(px.toPoint());
}

// A click (or the second click of a double click) at a canvas pixel.
inline void click(QWidget& widget, QPointF px, bool doubleClick = false) {
    QMouseEvent press(doubleClick ? QEvent::MouseButtonDblClick : QEvent::MouseButtonPress, px,
                      widget.mapToGlobal(px), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&widget, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, px, widget.mapToGlobal(px), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&widget, &release);
}

// The canvas pixel of a CGCS2000 longitude/latitude.
inline QPointF pixelOf(mapaudit::ui::MainWindow& w, double lon, double lat) {
    return w.canvas()->viewport().toPixel(w.canvas()->crs().fromLonLat({lon, lat}));
}

} // namespace uitest
