#include "map_canvas.h"

#include "map_decorations.h"
#include "map_tools.h"
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
} // namespace

MapCanvas::~MapCanvas() = default;

MapCanvas::MapCanvas(QWidget* parent)
    : QWidget(parent), toolObject_(makeMapTool(Tool::Pan, *this)) {
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
    toolObject_ = makeMapTool(tool, *this);
    setCursor(toolObject_->cursor());
    update();
    emit measurementChanged();
}

const QList<QPointF>& MapCanvas::measurePoints() const {
    return toolObject_->path();
}

std::vector<XY> MapCanvas::measureLonLat() const {
    std::vector<XY> out;
    try {
        for (const QPointF& p : measurePoints()) {
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
    if (toolObject_->closesPath() && path.size() > 2)
        path.push_back(path.front());
    return geodesicLength(path);
}

double MapCanvas::measuredArea() const {
    return toolObject_->closesPath() ? geodesicArea(measureLonLat()) : 0.0;
}

void MapCanvas::clearMeasurement() {
    toolObject_->cancel();
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
    toolObject_->paint(p);
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
    if (e->button() == Qt::LeftButton && view_.isValid())
        toolObject_->press(*e);
}

void MapCanvas::mouseMoveEvent(QMouseEvent* e) {
    if (view_.isValid())
        emit cursorMoved(view_.toMap(e->position()));
    toolObject_->move(*e);
}

void MapCanvas::leaveEvent(QEvent* e) {
    QWidget::leaveEvent(e);
    emit cursorLeft();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton)
        toolObject_->release(*e);
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* e) {
    if (!toolObject_->doubleClick(*e))
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
