#include "image_point_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

namespace mapaudit::ui {

ImagePointView::ImagePointView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(320, 240);
    setMouseTracking(true);
    setCursor(Qt::CrossCursor);
}

void ImagePointView::setImage(QImage preview, QSize fullSize) {
    preview_ = std::move(preview);
    fullSize_ = fullSize;
    showWhole();
}

void ImagePointView::setMarkers(QList<Marker> markers) {
    markers_ = std::move(markers);
    update();
}

QPointF ImagePointView::toWidget(QPointF pixel) const {
    return origin_ + pixel * scale_;
}

QPointF ImagePointView::toPixel(QPointF widget) const {
    return (widget - origin_) / scale_;
}

void ImagePointView::showWhole() {
    shownWhole_ = true;
    if (fullSize_.isEmpty())
        return;
    scale_ = std::min(width() / static_cast<double>(fullSize_.width()),
                      height() / static_cast<double>(fullSize_.height()));
    origin_ = QPointF((width() - fullSize_.width() * scale_) / 2,
                      (height() - fullSize_.height() * scale_) / 2);
    update();
}

void ImagePointView::zoomAt(QPointF widget, double factor) {
    const QPointF pixel = toPixel(widget);
    // From the whole picture to 16 screen pixels per image pixel.
    const double whole = std::min(width() / static_cast<double>(fullSize_.width()),
                                  height() / static_cast<double>(fullSize_.height()));
    scale_ = std::clamp(scale_ * factor, whole, 16.0);
    origin_ = widget - pixel * scale_;
    shownWhole_ = false;
    update();
}

void ImagePointView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(90, 90, 90));
    if (preview_.isNull())
        return;
    p.setRenderHint(QPainter::SmoothPixmapTransform, scale_ < 2);
    p.drawImage(QRectF(origin_, QSizeF(fullSize_) * scale_), preview_);
    p.setRenderHint(QPainter::Antialiasing);
    for (const Marker& m : markers_) {
        const QPointF at = toWidget(m.pixel);
        const QColor colour = m.placed ? QColor(0, 150, 60) : QColor(220, 40, 40);
        p.setPen(QPen(m.selected ? QColor(255, 200, 0) : Qt::white, m.selected ? 4 : 3));
        p.drawLine(at - QPointF(8, 0), at + QPointF(8, 0));
        p.drawLine(at - QPointF(0, 8), at + QPointF(0, 8));
        p.setPen(QPen(colour, 1.5));
        p.drawLine(at - QPointF(8, 0), at + QPointF(8, 0));
        p.drawLine(at - QPointF(0, 8), at + QPointF(0, 8));
        p.drawText(at + QPointF(6, -6), m.id);
    }
}

void ImagePointView::resizeEvent(QResizeEvent*) {
    if (shownWhole_)
        showWhole();
}

void ImagePointView::wheelEvent(QWheelEvent* e) {
    if (!fullSize_.isEmpty())
        zoomAt(e->position(), std::pow(1.25, e->angleDelta().y() / 120.0));
}

void ImagePointView::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton) {
        const QPointF pixel = toPixel(e->position());
        if (pixel.x() >= 0 && pixel.y() >= 0 && pixel.x() <= fullSize_.width() &&
            pixel.y() <= fullSize_.height())
            emit pixelClicked(pixel);
    } else {
        dragging_ = true;
        dragFrom_ = e->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void ImagePointView::mouseMoveEvent(QMouseEvent* e) {
    if (!dragging_)
        return;
    origin_ += e->position() - dragFrom_;
    dragFrom_ = e->position();
    shownWhole_ = false;
    update();
}

void ImagePointView::mouseReleaseEvent(QMouseEvent*) {
    if (dragging_) {
        dragging_ = false;
        setCursor(Qt::CrossCursor);
    }
}

} // namespace mapaudit::ui
