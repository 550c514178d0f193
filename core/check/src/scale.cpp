#include "scale.h"

#include "mapaudit/geodata/geodesic.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace mapaudit::check {
namespace {

constexpr double kSpacingOnPaperM = 0.00025;
constexpr std::size_t kMaxSegments = 200000;
constexpr double kDefaultScale = 1'000'000; // points only: nothing to measure
constexpr std::array<double, 18> kUsualScales{5e3, 1e4, 2.5e4, 5e4,   1e5, 2.5e5, 5e5, 1e6, 2.5e6,
                                              4e6, 6e6, 1e7,   1.6e7, 2e7, 3e7,   4e7, 6e7, 1e8};
constexpr double kDegree = 3.14159265358979323846 / 180.0;
// However coarse its lines, a map is not shown smaller than this (metres
// across its longer side: a map of China on a phone), so its scale is at most
// its extent over this. A coarse map of China is shown at about 1:5000万, not
// at the 1:1亿 its vertex spacing alone suggests.
constexpr double kSmallestShownM = 0.1;

// The longer side (metres) of the map's extent.
double extentMetres(const Extent& e) {
    if (!e.valid())
        return 0;
    const double midLat = std::clamp((e.minY + e.maxY) / 2, -80.0, 80.0);
    const double wide = (e.maxX - e.minX) * std::cos(midLat * kDegree) * kMetresPerDegree;
    return std::max(wide, (e.maxY - e.minY) * kMetresPerDegree);
}

void collectSpacings(const GeosContext& c, const GEOSGeometry& g, std::vector<double>& out) {
    const int type = GEOSGeomTypeId_r(c.handle(), &g);
    if (type == GEOS_POLYGON) {
        collectSpacings(c, *GEOSGetExteriorRing_r(c.handle(), &g), out);
        return;
    }
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(c.handle(), &g);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(c.handle(), seq, &n);
        double px = 0, py = 0;
        for (unsigned i = 0; i < n && out.size() < kMaxSegments; ++i) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(c.handle(), seq, i, &x, &y);
            if (i > 0) {
                const double dx = (x - px) * std::cos(y * kDegree), dy = y - py;
                const double d = std::sqrt(dx * dx + dy * dy) * kMetresPerDegree;
                if (d > 0)
                    out.push_back(d);
            }
            px = x;
            py = y;
        }
        return;
    }
    const int parts = GEOSGetNumGeometries_r(c.handle(), &g);
    if (type >= GEOS_MULTIPOINT)
        for (int i = 0; i < parts && out.size() < kMaxSegments; ++i)
            collectSpacings(c, *GEOSGetGeometryN_r(c.handle(), &g, i), out);
}

} // namespace

double estimateScale(const GeosContext& ctx, const MapInput& input) {
    std::vector<double> spacings;
    for (const InputFeature& f : input.features)
        if (f.kind != Kind::Symbol && spacings.size() < kMaxSegments)
            collectSpacings(ctx, *f.geometry, spacings);
    if (spacings.empty())
        return kDefaultScale;
    auto mid = spacings.begin() + static_cast<std::ptrdiff_t>(spacings.size() / 2);
    std::nth_element(spacings.begin(), mid, spacings.end());
    double raw = *mid / kSpacingOnPaperM;
    if (const double extent = extentMetres(input.extent); extent > 0)
        raw = std::min(raw, extent / kSmallestShownM);
    return *std::min_element(kUsualScales.begin(), kUsualScales.end(), [&](double a, double b) {
        return std::fabs(std::log(a / raw)) < std::fabs(std::log(b / raw));
    });
}

} // namespace mapaudit::check
