// Coordinate reference systems: what a dataset's CRS is (EPSG, name, kind,
// Gauss-Krüger zone), what it probably is when unknown, and PROJ transforms in
// traditional GIS axis order (x = longitude/easting, y = latitude/northing).
#pragma once

#include "mapaudit/geodata/gauss_kruger.h"
#include "mapaudit/raii/proj_handles.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

class OGRSpatialReference;

namespace mapaudit {

inline constexpr int kCgcs2000Epsg = 4490;
inline constexpr int kWgs84Epsg = 4326;
inline constexpr int kWebMercatorEpsg = 3857;

enum class CrsKind { Unknown, Geographic, Projected, Other };

// A point in a layer's or the view's coordinates.
struct XY {
    double x, y;
};

struct Extent {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool valid() const { return minX <= maxX && minY <= maxY; }
    // The extent covering both; an invalid extent counts as empty.
    Extent united(const Extent& o) const {
        if (!o.valid())
            return *this;
        if (!valid())
            return o;
        return {std::min(minX, o.minX), std::min(minY, o.minY), std::max(maxX, o.maxX),
                std::max(maxY, o.maxY)};
    }
};

struct CrsInfo {
    CrsKind kind = CrsKind::Unknown;
    std::string name;        // as the CRS names itself
    std::optional<int> epsg; // identified EPSG code
    int matchConfidence = 0; // 100 = stated by the data, less = matched
    bool isCgcs2000 = false; // CGCS2000 geographic or projected on it
    bool isWgs84 = false;
    bool isWebMercator = false;
    std::optional<GaussKrugerZone> gaussKruger;
    std::string wkt;           // WKT2 of the CRS, "" when unknown
    std::string label() const; // one line: "EPSG:4527 — CGCS2000 / 3-degree …"
};

// A guess for a dataset without CRS, from its coordinate ranges.
struct CrsSuggestion {
    std::optional<int> epsg; // when one code fits
    std::string text;        // what the ranges look like and what to do
};

CrsInfo identifyCrs(const OGRSpatialReference* srs);
CrsInfo identifyCrs(const std::string& userDefinition); // "EPSG:4527", WKT, PROJ string
std::vector<CrsSuggestion> suggestCrsForExtent(const Extent& extent);
const char* crsKindName(CrsKind kind);

// A coordinate operation between two CRSs, in traditional GIS axis order.
// Not thread-safe: one instance per thread.
class CrsTransform {
public:
    // Definitions accepted by PROJ: "EPSG:4490", WKT, PROJ strings.
    CrsTransform(const std::string& from, const std::string& to);
    struct Point {
        double x, y;
    };
    Point forward(double x, double y) const; // throws InputError when PROJ cannot
    Point inverse(double x, double y) const;
    // Transforms the four edges of an extent (densified) and returns their bounds.
    Extent forwardExtent(const Extent& e) const;

private:
    Point apply(double x, double y, PJ_DIRECTION direction) const;
    ProjContextPtr ctx_;
    ProjPtr op_;
};

} // namespace mapaudit
