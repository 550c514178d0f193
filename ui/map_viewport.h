// The mapping between map coordinates (view CRS) and widget pixels.
#pragma once

#include "mapaudit/geodata/crs.h"

#include <QPointF>
#include <QRectF>
#include <QSize>

namespace mapaudit::ui {

class MapViewport {
public:
    MapViewport() = default;
    MapViewport(QPointF centre, double unitsPerPixel, QSize size)
        : centre_(centre), unitsPerPixel_(unitsPerPixel), size_(size) {}

    QPointF centre() const { return centre_; }
    double unitsPerPixel() const { return unitsPerPixel_; }
    QSize size() const { return size_; }
    bool isValid() const { return unitsPerPixel_ > 0 && !size_.isEmpty(); }

    QPointF toPixel(QPointF map) const;
    QPointF toMap(QPointF pixel) const;
    Extent extent() const;

    // The smallest view of `size` showing all of `e`, with a margin.
    static MapViewport fitting(const Extent& e, QSize size, double margin = 0.05);
    MapViewport zoomedAt(QPointF pixel, double factor) const; // factor > 1 zooms in
    MapViewport pannedBy(QPointF pixelDelta) const;
    MapViewport resized(QSize size) const;

    bool operator==(const MapViewport& o) const {
        return centre_ == o.centre_ && unitsPerPixel_ == o.unitsPerPixel_ && size_ == o.size_;
    }

private:
    QPointF centre_;
    double unitsPerPixel_ = 0;
    QSize size_;
};

} // namespace mapaudit::ui
