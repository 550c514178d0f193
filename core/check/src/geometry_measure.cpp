#include "check_context.h"
#include "mapaudit/geodata/geos_ops.h"

#include <cmath>

namespace mapaudit::check {
namespace {
constexpr double kEarthRadiusKm = 6371.0088; // mean radius; measures are for reports
constexpr double kDegree = 3.14159265358979323846 / 180.0;
} // namespace

double areaKm2(const GeosContext& c, const GEOSGeometry& g) {
    // Each part scaled by cos(latitude) of its centre: good to a fraction of a
    // percent for the region-sized parts reports speak of.
    double total = 0;
    for (const GEOSGeometry* part : geos::parts(c, g)) {
        double minY = 0, maxY = 0;
        GEOSGeom_getYMin_r(c.handle(), part, &minY);
        GEOSGeom_getYMax_r(c.handle(), part, &maxY);
        const double km = kEarthRadiusKm * kDegree;
        total += geos::area(c, *part) * km * km * std::cos((minY + maxY) / 2 * kDegree);
    }
    return total;
}

double geodesicKm(double lon1, double lat1, double lon2, double lat2) {
    const double dLat = (lat2 - lat1) * kDegree, dLon = (lon2 - lon1) * kDegree;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(lat1 * kDegree) * std::cos(lat2 * kDegree) * std::sin(dLon / 2) *
                         std::sin(dLon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

void CheckContext::buildIndex() {
    index.reset(GEOSSTRtree_create_r(c.handle(), 10));
    index.get_deleter().ctx = c.handle();
    for (const InputFeature& f : input.features)
        if (!f.inInset) // its copy moved back to the true place stands for it
            for (const GEOSGeometry* part : geos::parts(c, *f.geometry))
                parts.push_back({&f, part});
    for (Part& p : parts)
        GEOSSTRtree_insert_r(c.handle(), index.get(), p.geometry, &p);
}

bool CheckContext::anythingDrawnNear(const GEOSGeometry& where, double distance,
                                     bool ownOnly) const {
    GeosGeometryPtr reach = geos::buffer(c, where, distance);
    std::vector<const Part*> candidates;
    GEOSSTRtree_query_r(
        c.handle(), index.get(), reach.get(),
        [](void* item, void* out) {
            static_cast<std::vector<const Part*>*>(out)->push_back(static_cast<const Part*>(item));
        },
        &candidates);
    GeosPreparedPtr prepared(GEOSPrepare_r(c.handle(), reach.get()), {c.handle()});
    for (const Part* p : candidates)
        if ((!ownOnly || p->feature->kind != Kind::Area || p->feature->owner != Owner::Foreign) &&
            GEOSPreparedIntersects_r(c.handle(), prepared.get(), p->geometry) == 1)
            return true;
    return false;
}

void CheckContext::measureDashInk() {
    for (RefDash& dash : dashes) {
        GeosGeometryPtr reach = geos::buffer(c, *dash.geometry, lineTolDeg);
        dash.inkLines = dash.inkOutlines = 0;
        for (const InputFeature* line : lines)
            if (geos::intersects(c, *line->geometry, *reach))
                dash.inkLines += geos::length(c, *geos::intersection(c, *line->geometry, *reach));
        for (const auto* areas : {&chinaAreas, &foreignAreas, &neutralAreas})
            for (const InputFeature* area : *areas)
                if (geos::intersects(c, *area->geometry, *reach))
                    dash.inkOutlines += geos::length(
                        c, *geos::intersection(c, *geos::boundary(c, *area->geometry), *reach));
    }
}

const RefRegion* CheckContext::region(const std::string& code) const {
    for (const auto& r : regions)
        if (r.code == code)
            return &r;
    return nullptr;
}

} // namespace mapaudit::check
