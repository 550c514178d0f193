#include "map_viewport.h"

#include <algorithm>

namespace mapaudit::ui {

QPointF MapViewport::toPixel(QPointF map) const {
    return {(map.x() - centre_.x()) / unitsPerPixel_ + size_.width() / 2.0,
            (centre_.y() - map.y()) / unitsPerPixel_ + size_.height() / 2.0};
}

QPointF MapViewport::toMap(QPointF pixel) const {
    return {centre_.x() + (pixel.x() - size_.width() / 2.0) * unitsPerPixel_,
            centre_.y() - (pixel.y() - size_.height() / 2.0) * unitsPerPixel_};
}

Extent MapViewport::extent() const {
    const QPointF tl = toMap({0, 0});
    const QPointF br = toMap({double(size_.width()), double(size_.height())});
    return {tl.x(), br.y(), br.x(), tl.y()};
}

MapViewport MapViewport::fitting(const Extent& e, QSize size, double margin) {
    const double w = std::max(e.maxX - e.minX, 1e-9) * (1 + 2 * margin);
    const double h = std::max(e.maxY - e.minY, 1e-9) * (1 + 2 * margin);
    const double upp = std::max(w / std::max(1, size.width()), h / std::max(1, size.height()));
    return {{(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2}, upp, size};
}

MapViewport MapViewport::zoomedAt(QPointF pixel, double factor) const {
    const QPointF anchor = toMap(pixel);
    MapViewport v = *this;
    v.unitsPerPixel_ = unitsPerPixel_ / factor;
    // Keep the map point under the cursor where it is.
    const QPointF moved = v.toMap(pixel);
    v.centre_ += anchor - moved;
    return v;
}

MapViewport MapViewport::pannedBy(QPointF d) const {
    MapViewport v = *this;
    v.centre_ -= QPointF(d.x() * unitsPerPixel_, -d.y() * unitsPerPixel_);
    return v;
}

MapViewport MapViewport::resized(QSize size) const {
    MapViewport v = *this;
    v.size_ = size;
    return v;
}

} // namespace mapaudit::ui
