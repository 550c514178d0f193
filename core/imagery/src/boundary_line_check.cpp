#include "boundary_line_check.h"

#include "image_sampler.h"
#include "mapaudit/geodata/geodesic.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/reference_pack.h"

#include <algorithm>
#include <array>

namespace mapaudit::imagery {
namespace {

struct ClaimRegion {
    const char* code;
    const char* foreignLineZh;
    const char* foreignLineEn;
};
constexpr std::array kClaimRegions{
    ClaimRegion{"zangnan", "所谓“麦克马洪线”", "the so-called McMahon Line"},
    ClaimRegion{"aksaichin", "外方主张线", "the foreign claim line"},
};

// Where the region's outline runs along the land border it is China's line;
// elsewhere it is the foreign claim. The pack's layers agree to a few km.
constexpr double kOnBorderDeg = 0.05;
// A line counts as drawn along this share of its samples, as absent below the other.
constexpr double kDrawnShare = 0.6;
constexpr double kAbsentShare = 0.4;
constexpr int kMinSamples = 5;

struct LineInk {
    int samples = 0, inked = 0, outside = 0;
    double backgroundShare = 0; // mean over the samples
    double share() const { return samples ? static_cast<double>(inked) / samples : 0; }
    bool covered() const { return samples >= kMinSamples && outside * 5 <= samples; }
};

// Ink along `line`, leaving out samples within `clearance` degrees of `other`
// (where the two lines meet, one's ink would count for the other).
LineInk inkAlong(const GeosContext& c, const ImageSampler& s, const GEOSGeometry& line,
                 const GEOSGeometry& other, double step, double clearance, double radius) {
    LineInk out;
    GeosPreparedPtr near(GEOSPrepare_r(c.handle(), &other), {c.handle()});
    double backgroundSum = 0;
    for (const GEOSGeometry* part : geos::parts(c, line))
        for (const auto& [lon, lat] : geos::samplesAlong(c, *part, step)) {
            GeosGeometryPtr p = geos::point(c, lon, lat);
            double d = 0;
            if (GEOSPreparedDistance_r(c.handle(), near.get(), p.get(), &d) == 1 && d < clearance)
                continue;
            const auto px = s.pixelOf(lon, lat);
            if (!px || !s.inside(*px)) {
                ++out.outside;
                continue;
            }
            const Ink ink = inkNear(s, (*px)[0], (*px)[1], radius);
            ++out.samples;
            out.inked += ink.found;
            backgroundSum += ink.backgroundShare;
        }
    out.backgroundShare = out.samples ? backgroundSum / out.samples : 0;
    return out;
}

double lengthKm(const GeosContext& c, const GEOSGeometry& line, double step) {
    double km = 0;
    for (const GEOSGeometry* part : geos::parts(c, line)) {
        std::vector<XY> points;
        for (const auto& [lon, lat] : geos::samplesAlong(c, *part, step))
            points.push_back({lon, lat});
        km += geodesicLength(points) / 1000;
    }
    return km;
}

} // namespace

void checkClaimLines(const ImageSampler& s, const refpack::ReferencePack& pack, double radius,
                     std::vector<check::Finding>& findings) {
    GeosContext c;
    GeosGeometryPtr border = pack.geometry(c, "land_border");
    GeosGeometryPtr onBorder = geos::buffer(c, *border, kOnBorderDeg);
    const double pixelDeg = s.metresPerPixel() / kMetresPerDegree;
    const double step = std::max(radius * pixelDeg, 0.005);
    // The ring inkNear reads reaches 2.5 radii out.
    const double clearance = (2.5 * radius + 3) * pixelDeg + kOnBorderDeg;
    OGRLayer* regions = pack.dataset().GetLayerByName("regions");
    for (const ClaimRegion& claim : kClaimRegions) {
        GeosGeometryPtr outline = geos::boundary(c, *pack.geometry(c, "regions", claim.code));
        GeosGeometryPtr chinaLine =
            geos::linealParts(c, *geos::intersection(c, *outline, *onBorder));
        GeosGeometryPtr foreignLine =
            geos::linealParts(c, *geos::difference(c, *outline, *onBorder));
        if (geos::isEmpty(c, *chinaLine) || geos::isEmpty(c, *foreignLine))
            continue;
        const LineInk foreign = inkAlong(c, s, *foreignLine, *chinaLine, step, clearance, radius);
        const LineInk china = inkAlong(c, s, *chinaLine, *foreignLine, step, clearance, radius);
        if (!foreign.covered() || !china.covered() || foreign.share() < kDrawnShare ||
            china.share() >= kAbsentShare)
            continue;
        std::string nameZh = claim.code, nameEn = claim.code;
        regions->SetAttributeFilter(("code = '" + std::string(claim.code) + "'").c_str());
        if (OgrFeaturePtr f{regions->GetNextFeature()}) {
            nameZh = f->GetFieldAsString("name_zh");
            nameEn = f->GetFieldAsString("name_en");
        }
        regions->SetAttributeFilter(nullptr);
        check::Finding f;
        f.rule = check::kTerrForeign;
        f.code = claim.code;
        f.severity = check::Severity::Warning;
        f.needsConfirmation = true;
        f.messageZh = nameZh + "：沿" + claim.foreignLineZh +
                      "绘有界线或色界，沿中国国界却未见，可能按外方主张表示（请目视核实）";
        f.messageEn = nameEn + ": a boundary is drawn along " + claim.foreignLineEn +
                      " and none along China's border; the area may be shown the foreign way "
                      "(verify by eye)";
        f.measure = foreign.share() * lengthKm(c, *foreignLine, step);
        f.measureUnit = "km"; // of the foreign line drawn
        f.confidence = std::clamp(
            std::min(foreign.backgroundShare, foreign.share() - china.share()), 0.0, 1.0);
        f.geometryWkt = geos::toWkt(c, *foreignLine);
        findings.push_back(std::move(f));
    }
}

} // namespace mapaudit::imagery
