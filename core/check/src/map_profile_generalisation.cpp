// How generalised the map is, measured on the map itself: the distance from
// the reference outline (coasts, settled borders) to the map's drawn outline
// where nothing is disputed.
#include "check_context.h"
#include "map_profile_detect.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/geos_ops.h"

#include <algorithm>

namespace mapaudit::check {
namespace {

constexpr int kTargetSamples = 400;
constexpr double kMinStepDeg = 0.05;
// Outline farther than this from anything drawn is not drawn here (a map of a
// part of China), not generalised.
constexpr double kNotDrawnKm = 40;
// Places within this reach of a disputed area are not measured.
constexpr double kAvoidDeg = 0.3;
constexpr int kMinSamples = 12;

double percentile(std::vector<double> v, double q) {
    auto at = v.begin() + static_cast<std::ptrdiff_t>(q * double(v.size() - 1));
    std::nth_element(v.begin(), at, v.end());
    return *at;
}

} // namespace

Generalisation measureGeneralisation(const GeosContext& c, const GEOSGeometry& chinaLand,
                                     const GEOSGeometry& reference,
                                     const std::vector<const GEOSGeometry*>& avoid) {
    Generalisation g;
    if (geos::isEmpty(c, chinaLand) || geos::isEmpty(c, reference)) {
        g.evidence = "no land of China drawn: nothing to measure";
        return g;
    }
    GeosGeometryPtr outline = geos::boundary(c, chinaLand);
    GeosPreparedPtr drawn(GEOSPrepare_r(c.handle(), outline.get()), {c.handle()});
    std::vector<GeosPreparedPtr> avoided;
    for (const GEOSGeometry* a : avoid)
        avoided.emplace_back(GEOSPrepare_r(c.handle(), a), GeosPreparedDeleter{c.handle()});

    const double step = std::max(kMinStepDeg, geos::length(c, reference) / kTargetSamples);
    std::vector<double> distances;
    for (const GEOSGeometry* ring : geos::parts(c, reference)) {
        for (const auto& [x, y] : geos::samplesAlong(c, *ring, step)) {
            GeosGeometryPtr p = geos::point(c, x, y);
            const bool nearAvoided = std::any_of(avoided.begin(), avoided.end(), [&](auto& a) {
                return GEOSPreparedDistanceWithin_r(c.handle(), a.get(), p.get(), kAvoidDeg) == 1;
            });
            if (nearAvoided)
                continue;
            GEOSCoordSequence* nearest =
                GEOSPreparedNearestPoints_r(c.handle(), drawn.get(), p.get());
            if (!nearest)
                continue;
            double nx = x, ny = y;
            GEOSCoordSeq_getXY_r(c.handle(), nearest, 0, &nx, &ny);
            GEOSCoordSeq_destroy_r(c.handle(), nearest);
            const double km = geodesicKm(x, y, nx, ny);
            if (km <= kNotDrawnKm)
                distances.push_back(km);
        }
    }
    g.samples = static_cast<int>(distances.size());
    if (g.samples < kMinSamples) {
        g.evidence = "only " + std::to_string(g.samples) +
                     " outline samples within the map: the baseline is not measured";
        return g;
    }
    g.medianKm = percentile(distances, 0.5);
    g.baselineKm = percentile(distances, 0.75);
    g.evidence = std::to_string(g.samples) + " samples of the reference outline: median " +
                 oneDecimal(g.medianKm) + " km, 75th percentile " + oneDecimal(g.baselineKm) +
                 " km from the map's outline";
    return g;
}

} // namespace mapaudit::check
