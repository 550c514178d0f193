// The workstation's map tools (map_tool.h): pan (and Shift+drag to zoom to a
// box), zoom to a box, identify, measure a distance or an area, sketch a
// finding's point, line or area, pick a position.
#pragma once

#include "map_canvas.h"
#include "map_tool.h"

#include <memory>

namespace mapaudit::ui {

// The tool a canvas uses for `id`.
std::unique_ptr<MapTool> makeMapTool(MapCanvas::Tool id, MapCanvas& canvas);

// Drag to pan; with Shift held, drag a box to zoom to.
class PanTool : public MapTool {
public:
    using MapTool::MapTool;
    Qt::CursorShape cursor() const override { return Qt::ArrowCursor; }
    void press(QMouseEvent& e) override;
    void move(QMouseEvent& e) override;
    void release(QMouseEvent& e) override;
    void paint(QPainter& p) const override;

private:
    bool dragging_ = false, boxing_ = false;
    QPointF last_, boxStart_, boxEnd_;
};

// Drag a box; the view zooms to it.
class ZoomBoxTool : public MapTool {
public:
    using MapTool::MapTool;
    void press(QMouseEvent& e) override;
    void move(QMouseEvent& e) override;
    void release(QMouseEvent& e) override;
    void paint(QPainter& p) const override;

private:
    bool boxing_ = false;
    QPointF start_, end_;
};

// A click asks for the feature there (MapCanvas::identifyRequested).
class IdentifyTool : public MapTool {
public:
    using MapTool::MapTool;
    void press(QMouseEvent& e) override;
};

// Clicks add points; a double click ends the path. Measuring keeps the path
// shown until the next click; sketching hands it on (MapCanvas::sketchFinished).
class PathTool : public MapTool {
public:
    PathTool(MapCanvas& canvas, bool area, bool sketch)
        : MapTool(canvas), area_(area), sketch_(sketch) {}
    void press(QMouseEvent& e) override;
    void move(QMouseEvent& e) override;
    bool doubleClick(QMouseEvent& e) override;
    void cancel() override;
    void paint(QPainter& p) const override;
    const QList<QPointF>& path() const override { return points_; }
    bool closesPath() const override { return area_; }

private:
    void clear();
    bool area_, sketch_;
    bool done_ = false;
    QList<QPointF> points_; // map coordinates
    QPointF hover_;         // pixels
};

// A click is the sketch of a point (MapCanvas::sketchFinished).
class SketchPointTool : public MapTool {
public:
    using MapTool::MapTool;
    void press(QMouseEvent& e) override;
};

// A click reports its position (MapCanvas::pointPicked).
class PickTool : public MapTool {
public:
    using MapTool::MapTool;
    void press(QMouseEvent& e) override;
};

} // namespace mapaudit::ui
