#include "map_canvas.h"

#include "mapaudit/coordinate_format.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

namespace mapaudit::ui {
namespace {
const QColor kSea(214, 232, 245);
constexpr double kWheelStep = 1.25;
constexpr double kKeyPanFraction = 0.25;
constexpr double kMetresPerInch = 0.0254;
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
        renderer_.start(layers_, view_, kSea);
    });
    // Only the latest job reports back: starting a job cancels the one before.
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

Extent MapCanvas::fullExtent() const {
    Extent e{0, 0, -1, -1};
    for (const auto& l : layers_) {
        e = e.united(l->extent());
    }
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
    const double lat = std::clamp(view_.centre().y(), -89.0, 89.0);
    const double groundPerPixel = view_.unitsPerPixel() * metresPerDegreeLongitude(lat);
    const double screenPerPixel = kMetresPerInch / std::max(1, logicalDpiX());
    return groundPerPixel / screenPerPixel;
}

void MapCanvas::scheduleRender() {
    ++requestedGeneration_;
    debounce_.start();
}

void MapCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), kSea);
    if (image_.isNull() || !imageView_.isValid() || !view_.isValid())
        return;
    // Place the last image where its extent lies in the current view, so pans
    // and zooms show at once while the new render runs.
    const Extent e = imageView_.extent();
    const QRectF target(view_.toPixel({e.minX, e.maxY}), view_.toPixel({e.maxX, e.minY}));
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    p.drawImage(target, image_);
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
    if (e->button() == Qt::LeftButton) {
        dragging_ = true;
        dragStart_ = e->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent* e) {
    if (view_.isValid())
        emit cursorMoved(view_.toMap(e->position()));
    if (dragging_) {
        const QPointF delta = e->position() - dragStart_;
        dragStart_ = e->position();
        setViewport(view_.pannedBy(delta));
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton) {
        dragging_ = false;
        unsetCursor();
    }
}

void MapCanvas::keyPressEvent(QKeyEvent* e) {
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
