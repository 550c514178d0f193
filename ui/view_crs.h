// The CRS the map is drawn in: CGCS2000 geographic (the default), Web
// Mercator, or the CGCS2000 3° Gauss-Krüger zone of a longitude; and the
// conversions between it and CGCS2000 longitude/latitude that the status
// bar, the scale and the measuring tools need. Used on the UI thread only.
#pragma once

#include "mapaudit/geodata/crs.h"

#include <QPointF>
#include <QString>
#include <memory>
#include <string>

namespace mapaudit::ui {

class ViewCrs {
public:
    static ViewCrs geographic();
    static ViewCrs webMercator();
    // The 3° zone (with zone prefix in the false easting) holding `lon`.
    static ViewCrs gaussKruger(double lon);

    const std::string& definition() const { return definition_; } // "EPSG:4490"
    bool isGeographic() const { return geographic_; }
    QString label() const; // for the status bar
    QPointF toLonLat(QPointF map) const;
    QPointF fromLonLat(QPointF lonLat) const;
    Extent extentFromLonLat(const Extent& lonLat) const;
    // Ground metres covered by one map unit at `map`, along the parallel.
    double metresPerUnitAt(QPointF map) const;

private:
    ViewCrs(std::string definition, bool geographic, QString label);
    std::string definition_;
    bool geographic_ = true;
    QString label_;
    std::shared_ptr<CrsTransform> fromGeographic_; // null for the geographic view
};

} // namespace mapaudit::ui
