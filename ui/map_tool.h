// What the mouse does on the map, one class a tool (as QgsMapTool in QGIS):
// the canvas hands each tool its presses, moves, releases, double clicks and
// Esc, and lets it draw over the map; the tool moves the view or tells the
// canvas what was done (an identify, a finished sketch, a picked point)
// through the canvas's signals. The canvas keeps the tool chosen by its id
// (MapCanvas::Tool), which actions and tests name.
#pragma once

#include <QCursor>
#include <QList>
#include <QPointF>

class QMouseEvent;
class QPainter;

namespace mapaudit::ui {

class MapCanvas;

class MapTool {
public:
    explicit MapTool(MapCanvas& canvas) : canvas_(canvas) {}
    virtual ~MapTool() = default;
    MapTool(const MapTool&) = delete;
    MapTool& operator=(const MapTool&) = delete;

    virtual Qt::CursorShape cursor() const { return Qt::CrossCursor; }
    virtual void press(QMouseEvent& e) = 0;
    virtual void move(QMouseEvent&) {}
    virtual void release(QMouseEvent&) {}
    // True when the double click was the tool's (it ended a path).
    virtual bool doubleClick(QMouseEvent&) { return false; }
    // Esc: what is half done is dropped.
    virtual void cancel() {}
    // Drawn over the map, in pixels of the canvas.
    virtual void paint(QPainter&) const {}
    // A measured or sketched path in map coordinates (empty for other tools).
    virtual const QList<QPointF>& path() const;
    // Whether the path closes into an area.
    virtual bool closesPath() const { return false; }

protected:
    MapCanvas& canvas_;
};

} // namespace mapaudit::ui
