#include "map_canvas.h"

#include "map_decorations.h"
#include "mapaudit/base/error.h"
#include "mapaudit/geodata/geodesic.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <cmath>

namespace mapaudit::ui {
namespace {
constexpr double kWheelStep = 1.25;
constexpr double kKeyPanFraction = 0.25;
constexpr double kMetresPerInch = 0.0254;
constexpr double kIdentifyTolerancePx = 4;
} // namespace

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    debounce_.setSingleShot(true);
    debounce_.setInterval(30);
    connect(&debounce_, &QTimer::timeout, this, [this] {
        if (!view_.isValid()) {
            imageGeneration_ = requestedGeneration_; // nothing to draw yet
            return;
        }
        startedGeneration_ = requestedGeneration_;
        LayerList all = layers_;
        if (overlayOpacity_ >= 1.0 && swipe_ >= 1.0)
            all.insert(all.end(), overlays_.begin(), overlays_.end());
        else if (!overlays_.empty())
            all.push_back(std::make_shared<LayerGroup>(overlays_, overlayOpacity_, swipe_));
        if (highlight_)
            all.push_back(highlight_);
        renderer_.start(all, view_, kSeaColour);
    });
    // Only the latest job reports back: starting a job cancels the one before.
    connect(&renderer_, &MapRenderer::partial, this,
            [this](const QImage& image, const MapViewport& view) {
                image_ = image;
                imageView_ = view;
                update();
            });
    connect(&renderer_, &MapRenderer::finished, this,
            [this](const QImage& image, const MapViewport& view) {
                image_ = image;
                imageView_ = view;
                imageGeneration_ = startedGeneration_;
                update();
                if (!isRendering())
                    emit renderFinished();
            });
}

void MapCanvas::setLayers(LayerList layers) {
    const bool first = layers_.empty();
    layers_ = std::move(layers);
    if (first && !layers_.empty())
        zoomToFullExtent();
    else
        scheduleRender();
}

void MapCanvas::setOverlays(LayerList overlays) {
    overlays_ = std::move(overlays);
    scheduleRender();
}

void MapCanvas::setHighlight(std::shared_ptr<const MapLayer> highlight) {
    highlight_ = std::move(highlight);
    scheduleRender();
}

void MapCanvas::setOverlayAppearance(double opacity, double swipe) {
    overlayOpacity_ = std::clamp(opacity, 0.0, 1.0);
    swipe_ = std::clamp(swipe, 0.0, 1.0);
    scheduleRender();
    update();
}

void MapCanvas::setCrs(const ViewCrs& crs) {
    std::optional<Extent> shown;
    if (view_.isValid()) {
        try {
            const Extent e = view_.extent();
            const QPointF a = crs_.toLonLat({e.minX, e.minY}), b = crs_.toLonLat({e.maxX, e.maxY});
            shown = crs.extentFromLonLat(Extent{a.x(), a.y(), b.x(), b.y()});
        } catch (const InputError&) {
            // The old view reaches beyond the new CRS: show everything instead.
        }
    }
    crs_ = crs;
    clearMeasurement();
    if (shown && shown->valid())
        setViewport(MapViewport::fitting(*shown, size(), 0));
    else
        zoomToFullExtent();
}

Extent MapCanvas::fullExtent() const {
    Extent e{0, 0, -1, -1};
    for (const auto& l : layers_)
        e = e.united(l->extent());
    return e;
}

void MapCanvas::setViewport(const MapViewport& view) {
    view_ = view;
    scheduleRender();
    emit viewChanged();
}

void MapCanvas::zoomToExtent(const Extent& extent) {
    if (extent.valid())
        setViewport(MapViewport::fitting(extent, size()));
}

void MapCanvas::zoomToLonLat(const Extent& lonLat) {
    try {
        zoomToExtent(crs_.extentFromLonLat(lonLat));
    } catch (const InputError&) {
        // Outside the view CRS's area: nothing to show there.
    }
}

void MapCanvas::zoomToFullExtent() {
    zoomToExtent(fullExtent());
}

void MapCanvas::zoomBy(double factor) {
    if (view_.isValid())
        setViewport(view_.zoomedAt(QPointF(width() / 2.0, height() / 2.0), factor));
}

double MapCanvas::scaleDenominator() const {
    if (!view_.isValid())
        return 0;
    const double groundPerPixel = metresPerPixel();
    const double screenPerPixel = kMetresPerInch / std::max(1, logicalDpiX());
    return groundPerPixel / screenPerPixel;
}

QImage MapCanvas::snapshot() {
    return grab().toImage();
}

void MapCanvas::setTool(Tool tool) {
    tool_ = tool;
    clearMeasurement();
    setCursor(tool == Tool::Pan ? Qt::ArrowCursor : Qt::CrossCursor);
}

std::vector<XY> MapCanvas::measureLonLat() const {
    std::vector<XY> out;
    try {
        for (const QPointF& p : measure_) {
            const QPointF ll = crs_.toLonLat(p);
            out.push_back({ll.x(), ll.y()});
        }
    } catch (const InputError&) {
        out.clear();
    }
    return out;
}

double MapCanvas::measuredLength() const {
    std::vector<XY> path = measureLonLat();
    if (closedPath() && path.size() > 2)
        path.push_back(path.front());
    return geodesicLength(path);
}

double MapCanvas::measuredArea() const {
    return closedPath() ? geodesicArea(measureLonLat()) : 0.0;
}

bool MapCanvas::collectsPath() const {
    return tool_ == Tool::MeasureDistance || tool_ == Tool::MeasureArea ||
           tool_ == Tool::SketchLine || tool_ == Tool::SketchArea;
}

bool MapCanvas::closedPath() const {
    return tool_ == Tool::MeasureArea || tool_ == Tool::SketchArea;
}

void MapCanvas::clearMeasurement() {
    measure_.clear();
    measureDone_ = false;
    update();
    emit measurementChanged();
}

void MapCanvas::scheduleRender() {
    ++requestedGeneration_;
    debounce_.start();
}

void MapCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), kSeaColour);
    if (image_.isNull() || !imageView_.isValid() || !view_.isValid())
        return;
    // Place the last image where its extent lies in the current view, so pans
    // and zooms show at once while the new render runs.
    const Extent e = imageView_.extent();
    const QRectF target(view_.toPixel({e.minX, e.maxY}), view_.toPixel({e.maxX, e.minY}));
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    p.drawImage(target, image_);
    p.setRenderHint(QPainter::Antialiasing, true);
    drawMeasurement(p);
    if (boxing_) {
        p.setPen(QPen(QColor(30, 80, 200), 1, Qt::DashLine));
        p.setBrush(QColor(30, 80, 200, 40));
        p.drawRect(QRectF(boxStart_, hover_).normalized());
    }
    if (swipe_ < 1.0 && !overlays_.empty()) { // the swipe line
        const double x = width() * swipe_;
        p.setPen(QPen(QColor(30, 80, 200), 2));
        p.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
    drawScaleBar(p, size(), metresPerPixel());
    drawNorthArrow(p, size());
}

double MapCanvas::metresPerPixel() const {
    try {
        return view_.unitsPerPixel() * crs_.metresPerUnitAt(view_.centre());
    } catch (const InputError&) {
        return 0; // the view's centre lies outside the CRS's area
    }
}

void MapCanvas::drawMeasurement(QPainter& p) const {
    if (measure_.isEmpty())
        return;
    QPolygonF screen;
    for (const QPointF& m : measure_)
        screen << view_.toPixel(m);
    if (!measureDone_)
        screen << hover_;
    const bool sketch = tool_ == Tool::SketchLine || tool_ == Tool::SketchArea;
    const QColor colour = sketch ? QColor(200, 0, 160) : QColor(230, 90, 0);
    p.setPen(QPen(colour, 2));
    p.setBrush(closedPath() ? QBrush(QColor(colour.red(), colour.green(), colour.blue(), 50))
                            : Qt::NoBrush);
    if (closedPath())
        p.drawPolygon(screen);
    else
        p.drawPolyline(screen);
    for (const QPointF& s : screen)
        p.drawEllipse(s, 3, 3);
}

void MapCanvas::resizeEvent(QResizeEvent*) {
    if (!view_.isValid() && !layers_.empty())
        zoomToFullExtent();
    else if (view_.isValid())
        setViewport(view_.resized(size()));
}

void MapCanvas::wheelEvent(QWheelEvent* e) {
    if (!view_.isValid())
        return;
    const double steps = e->angleDelta().y() / 120.0;
    setViewport(view_.zoomedAt(e->position(), std::pow(kWheelStep, steps)));
}

void MapCanvas::mousePressEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton || !view_.isValid())
        return;
    const bool box =
        tool_ == Tool::ZoomBox || (tool_ == Tool::Pan && (e->modifiers() & Qt::ShiftModifier));
    if (box) {
        boxing_ = true;
        boxStart_ = hover_ = e->position();
    } else if (tool_ == Tool::Pan) {
        dragging_ = true;
        dragStart_ = e->position();
        setCursor(Qt::ClosedHandCursor);
    } else if (tool_ == Tool::Identify) {
        emit identifyRequested(view_.toMap(e->position()),
                               kIdentifyTolerancePx * view_.unitsPerPixel());
    } else if (tool_ == Tool::SketchPoint) {
        emit sketchFinished({view_.toMap(e->position())});
    } else if (tool_ == Tool::Pick) {
        emit pointPicked(view_.toMap(e->position()));
    } else { // measuring or sketching a path
        if (measureDone_)
            clearMeasurement();
        measure_ << view_.toMap(e->position());
        update();
        emit measurementChanged();
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent* e) {
    hover_ = e->position();
    if (view_.isValid())
        emit cursorMoved(view_.toMap(e->position()));
    if (dragging_) {
        const QPointF delta = e->position() - dragStart_;
        dragStart_ = e->position();
        setViewport(view_.pannedBy(delta));
    } else if (boxing_ || (!measure_.isEmpty() && !measureDone_)) {
        update();
    }
}

void MapCanvas::leaveEvent(QEvent* e) {
    QWidget::leaveEvent(e);
    emit cursorLeft();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton)
        return;
    if (boxing_) {
        boxing_ = false;
        const QRectF box = QRectF(boxStart_, e->position()).normalized();
        if (box.width() > 4 && box.height() > 4) {
            const QPointF a = view_.toMap(box.bottomLeft()), b = view_.toMap(box.topRight());
            zoomToExtent({a.x(), a.y(), b.x(), b.y()});
        }
        update();
    }
    if (dragging_) {
        dragging_ = false;
        setCursor(Qt::ArrowCursor);
    }
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* e) {
    if (collectsPath()) {
        // The double click's first press added the end point already.
        measureDone_ = true;
        update();
        emit measurementChanged();
        if (tool_ == Tool::SketchLine || tool_ == Tool::SketchArea) {
            const QList<QPointF> points = measure_;
            clearMeasurement();
            if (points.size() >= (tool_ == Tool::SketchArea ? 3 : 2))
                emit sketchFinished(points);
        }
        return;
    }
    QWidget::mouseDoubleClickEvent(e);
}

void MapCanvas::keyPressEvent(QKeyEvent* e) {
    if (e->key() == Qt::Key_Escape) {
        clearMeasurement();
        return;
    }
    if (!view_.isValid())
        return QWidget::keyPressEvent(e);
    const double dx = width() * kKeyPanFraction, dy = height() * kKeyPanFraction;
    switch (e->key()) {
    case Qt::Key_Left:
        setViewport(view_.pannedBy({dx, 0}));
        break;
    case Qt::Key_Right:
        setViewport(view_.pannedBy({-dx, 0}));
        break;
    case Qt::Key_Up:
        setViewport(view_.pannedBy({0, dy}));
        break;
    case Qt::Key_Down:
        setViewport(view_.pannedBy({0, -dy}));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(2.0);
        break;
    case Qt::Key_Minus:
        zoomBy(0.5);
        break;
    default:
        QWidget::keyPressEvent(e);
    }
}

} // namespace mapaudit::ui
