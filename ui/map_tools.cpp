#include "map_tools.h"

#include <QMouseEvent>
#include <QPainter>

namespace mapaudit::ui {
namespace {

constexpr double kIdentifyTolerancePx = 4;
constexpr double kSmallestBoxPx = 4; // a smaller box is a click, not a zoom

const QColor kBoxColour(30, 80, 200);

void paintBox(QPainter& p, QPointF a, QPointF b) {
    p.setPen(QPen(kBoxColour, 1, Qt::DashLine));
    p.setBrush(QColor(kBoxColour.red(), kBoxColour.green(), kBoxColour.blue(), 40));
    p.drawRect(QRectF(a, b).normalized());
}

void zoomToBox(MapCanvas& canvas, QPointF a, QPointF b) {
    const QRectF box = QRectF(a, b).normalized();
    if (box.width() <= kSmallestBoxPx || box.height() <= kSmallestBoxPx)
        return;
    const QPointF low = canvas.viewport().toMap(box.bottomLeft());
    const QPointF high = canvas.viewport().toMap(box.topRight());
    canvas.zoomToExtent({low.x(), low.y(), high.x(), high.y()});
}

} // namespace

std::unique_ptr<MapTool> makeMapTool(MapCanvas::Tool id, MapCanvas& canvas) {
    using Tool = MapCanvas::Tool;
    switch (id) {
    case Tool::ZoomBox:
        return std::make_unique<ZoomBoxTool>(canvas);
    case Tool::Identify:
        return std::make_unique<IdentifyTool>(canvas);
    case Tool::MeasureDistance:
        return std::make_unique<PathTool>(canvas, false, false);
    case Tool::MeasureArea:
        return std::make_unique<PathTool>(canvas, true, false);
    case Tool::SketchPoint:
        return std::make_unique<SketchPointTool>(canvas);
    case Tool::SketchLine:
        return std::make_unique<PathTool>(canvas, false, true);
    case Tool::SketchArea:
        return std::make_unique<PathTool>(canvas, true, true);
    case Tool::Pick:
        return std::make_unique<PickTool>(canvas);
    case Tool::Pan:
        break;
    }
    return std::make_unique<PanTool>(canvas);
}

void PanTool::press(QMouseEvent& e) {
    if (e.modifiers() & Qt::ShiftModifier) {
        boxing_ = true;
        boxStart_ = boxEnd_ = e.position();
    } else {
        dragging_ = true;
        last_ = e.position();
        canvas_.setCursor(Qt::ClosedHandCursor);
    }
}

void PanTool::move(QMouseEvent& e) {
    if (dragging_) {
        const QPointF delta = e.position() - last_;
        last_ = e.position();
        canvas_.setViewport(canvas_.viewport().pannedBy(delta));
    } else if (boxing_) {
        boxEnd_ = e.position();
        canvas_.update();
    }
}

void PanTool::release(QMouseEvent& e) {
    if (boxing_) {
        boxing_ = false;
        zoomToBox(canvas_, boxStart_, e.position());
        canvas_.update();
    }
    if (dragging_) {
        dragging_ = false;
        canvas_.setCursor(cursor());
    }
}

void PanTool::paint(QPainter& p) const {
    if (boxing_)
        paintBox(p, boxStart_, boxEnd_);
}

void ZoomBoxTool::press(QMouseEvent& e) {
    boxing_ = true;
    start_ = end_ = e.position();
}

void ZoomBoxTool::move(QMouseEvent& e) {
    if (boxing_) {
        end_ = e.position();
        canvas_.update();
    }
}

void ZoomBoxTool::release(QMouseEvent& e) {
    if (!boxing_)
        return;
    boxing_ = false;
    zoomToBox(canvas_, start_, e.position());
    canvas_.update();
}

void ZoomBoxTool::paint(QPainter& p) const {
    if (boxing_)
        paintBox(p, start_, end_);
}

void IdentifyTool::press(QMouseEvent& e) {
    const MapViewport& view = canvas_.viewport();
    emit canvas_.identifyRequested(view.toMap(e.position()),
                                   kIdentifyTolerancePx * view.unitsPerPixel());
}

void PathTool::press(QMouseEvent& e) {
    if (done_)
        clear();
    points_ << canvas_.viewport().toMap(e.position());
    hover_ = e.position();
    canvas_.update();
    emit canvas_.measurementChanged();
}

void PathTool::move(QMouseEvent& e) {
    hover_ = e.position();
    if (!points_.isEmpty() && !done_)
        canvas_.update();
}

bool PathTool::doubleClick(QMouseEvent&) {
    // The double click's first press added the end point already.
    done_ = true;
    canvas_.update();
    emit canvas_.measurementChanged();
    if (sketch_) {
        const QList<QPointF> points = points_;
        clear();
        if (points.size() >= (area_ ? 3 : 2))
            emit canvas_.sketchFinished(points);
    }
    return true;
}

void PathTool::cancel() {
    clear();
}

void PathTool::clear() {
    points_.clear();
    done_ = false;
    canvas_.update();
    emit canvas_.measurementChanged();
}

void PathTool::paint(QPainter& p) const {
    if (points_.isEmpty())
        return;
    QPolygonF screen;
    for (const QPointF& m : points_)
        screen << canvas_.viewport().toPixel(m);
    if (!done_)
        screen << hover_;
    const QColor colour = sketch_ ? QColor(200, 0, 160) : QColor(230, 90, 0);
    p.setPen(QPen(colour, 2));
    p.setBrush(area_ ? QBrush(QColor(colour.red(), colour.green(), colour.blue(), 50))
                     : Qt::NoBrush);
    if (area_)
        p.drawPolygon(screen);
    else
        p.drawPolyline(screen);
    for (const QPointF& s : screen)
        p.drawEllipse(s, 3, 3);
}

void SketchPointTool::press(QMouseEvent& e) {
    emit canvas_.sketchFinished({canvas_.viewport().toMap(e.position())});
}

void PickTool::press(QMouseEvent& e) {
    emit canvas_.pointPicked(canvas_.viewport().toMap(e.position()));
}

} // namespace mapaudit::ui
