#include "mapaudit/geodata/geodesic.h"

#include <cmath>
#include <geodesic.h>

namespace mapaudit {
namespace {

// CGCS2000: a = 6378137 m, 1/f = 298.257222101 (as GRS 80).
const geod_geodesic& cgcs2000() {
    static const geod_geodesic g = [] {
        geod_geodesic e{};
        geod_init(&e, 6378137.0, 1.0 / 298.257222101);
        return e;
    }();
    return g;
}

} // namespace

double geodesicLength(const std::vector<XY>& lonLat) {
    double total = 0;
    for (std::size_t i = 1; i < lonLat.size(); ++i) {
        double s12 = 0;
        geod_inverse(&cgcs2000(), lonLat[i - 1].y, lonLat[i - 1].x, lonLat[i].y, lonLat[i].x, &s12,
                     nullptr, nullptr);
        total += s12;
    }
    return total;
}

double geodesicArea(const std::vector<XY>& lonLat) {
    if (lonLat.size() < 3)
        return 0;
    geod_polygon polygon{};
    geod_polygon_init(&polygon, 0);
    for (const XY& p : lonLat)
        geod_polygon_addpoint(&cgcs2000(), &polygon, p.y, p.x);
    double area = 0;
    geod_polygon_compute(&cgcs2000(), &polygon, 0, 1, &area, nullptr);
    return std::fabs(area);
}

} // namespace mapaudit
