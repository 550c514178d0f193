// Helpers shared by the workstation tests (offscreen Qt).
#pragma once

#include "application.h"
#include "check_panel.h"
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

// A shown window of `size` in Chinese, the inspector 测试员 of 某县自然资源局
// with a records database in `folder`, `file` opened and checked; false when
// it could not be loaded or checked in time.
inline bool openAndCheck(mapaudit::ui::MainWindow& w, const QString& folder, const QString& file,
                         QSize size) {
    mapaudit::ui::installTranslations("zh_CN");
    w.resize(size);
    w.show();
    w.applySettings({folder + "/records.sqlite", QStringLiteral("测试员"),
                     QStringLiteral("某县自然资源局"), "zh_CN", "", false, ""});
    w.openFiles({file});
    if (!waitUntilReady(w))
        return false;
    auto& panel = *w.checkPanel();
    panel.runCheck();
    return waitFor([&] { return !panel.isRunning(); }, 120000) && panel.report();
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
