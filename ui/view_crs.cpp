#include "view_crs.h"

#include "mapaudit/geodata/geodesic.h"

#include <QObject>
#include <cmath>

namespace mapaudit::ui {
namespace {
const std::string kGeographic = "EPSG:" + std::to_string(kCgcs2000Epsg);
} // namespace

ViewCrs::ViewCrs(std::string definition, bool geographic, QString label)
    : definition_(std::move(definition)), geographic_(geographic), label_(std::move(label)) {
    if (!geographic_)
        fromGeographic_ = std::make_shared<CrsTransform>(kGeographic, definition_);
}

ViewCrs ViewCrs::geographic() {
    return {kGeographic, true, QObject::tr("CGCS2000 (EPSG:4490)")};
}

ViewCrs ViewCrs::webMercator() {
    return {"EPSG:" + std::to_string(kWebMercatorEpsg), false,
            QObject::tr("Web Mercator (EPSG:3857)")};
}

ViewCrs ViewCrs::gaussKruger(double lon) {
    const auto zone = gaussKrugerZoneFor(std::clamp(lon, 73.5, 136.4), 3, true);
    return {
        "EPSG:" + std::to_string(zone->epsg), false,
        QObject::tr("CGCS2000 Gauss-Krüger 3° zone %1 (EPSG:%2)").arg(zone->zone).arg(zone->epsg)};
}

QString ViewCrs::label() const {
    return label_;
}

QPointF ViewCrs::toLonLat(QPointF map) const {
    if (geographic_)
        return map;
    const auto p = fromGeographic_->inverse(map.x(), map.y());
    return {p.x, p.y};
}

QPointF ViewCrs::fromLonLat(QPointF lonLat) const {
    if (geographic_)
        return lonLat;
    const auto p = fromGeographic_->forward(lonLat.x(), lonLat.y());
    return {p.x, p.y};
}

Extent ViewCrs::extentFromLonLat(const Extent& e) const {
    return geographic_ ? e : fromGeographic_->forwardExtent(e);
}

double ViewCrs::metresPerUnitAt(QPointF map) const {
    // A short step either side of `map`, measured on the ellipsoid.
    const double step = geographic_ ? 1e-3 : 100.0;
    const QPointF a = toLonLat(map - QPointF(step / 2, 0));
    const QPointF b = toLonLat(map + QPointF(step / 2, 0));
    return geodesicLength({{a.x(), a.y()}, {b.x(), b.y()}}) / step;
}

} // namespace mapaudit::ui
