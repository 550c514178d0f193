// BORDER-DEVIATION.
#include "check_context.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/reference_pack.h"

#include <cmath>
#include <cstdio>

namespace mapaudit::check {
namespace {

// Disputed areas whose neighbourhood names a border stretch.
constexpr double kRegionReachDeg = 0.3;
// A run of deviating samples interrupted by at most this many samples within
// tolerance (where two drawings cross) is one stretch.
constexpr int kMaxGapSamples = 3;
// Beyond the tolerance, a border departs from the reference when it lies this
// many times the map's own generalisation baseline away: three times in a
// disputed sector (an error), four times on a settled border (a warning:
// generalisation there changes no territory).
constexpr double kDisputedBaselineMultiple = 3.0;
constexpr double kSettledBaselineMultiple = 4.0;

struct Sample {
    double x, y;
    double distanceKm; // to China's drawn outline
};

// The nearest disputed area within reach names the stretch; else "china".
std::string codeFor(const CheckContext& ctx, const GEOSGeometry& stretch) {
    std::string code = "china";
    double best = kRegionReachDeg;
    for (const RefRegion& r : ctx.regions) {
        double d = 0;
        if (r.kind == "border_area" &&
            GEOSDistance_r(ctx.c.handle(), &stretch, r.geometry.get(), &d) == 1 && d <= best) {
            best = d;
            code = r.code;
        }
    }
    return code;
}

} // namespace

void ruleBorderDeviation(CheckContext& ctx) {
    const auto& c = ctx.c;
    // A province's outline is mostly boundaries with other provinces: which
    // stretch of the national border is its own cannot be told from it. Its
    // disputed areas are judged by their key places (TERR-MISSING) instead.
    if (!ctx.chinaLand || geos::isEmpty(c, *ctx.chinaLand) ||
        ctx.profile.kind == MapKind::ChinaRegion)
        return;
    // Merged so each continuous border is sampled as one line (a union nodes
    // lines into short pieces).
    GeosGeometryPtr reference = geos::lineMerge(
        c, *geos::linealParts(
               c, *geos::intersection(c, *ctx.pack.geometry(c, "land_border"), *ctx.extentBox)));
    if (geos::isEmpty(c, *reference))
        return;
    GeosGeometryPtr outline = geos::boundary(c, *ctx.chinaLand);
    GeosPreparedPtr prepared(GEOSPrepare_r(c.handle(), outline.get()), {c.handle()});
    const double step = ctx.lineTolDeg;

    auto flush = [&](std::vector<Sample>& run) {
        while (!run.empty() && run.back().distanceKm == 0)
            run.pop_back(); // samples of the gap after the stretch
        // A stretch needs two samples in a row: one alone is within the noise.
        if (run.size() >= 2) {
            std::vector<std::pair<double, double>> xy;
            double worst = 0;
            for (const Sample& s : run) {
                xy.emplace_back(s.x, s.y);
                worst = std::max(worst, s.distanceKm);
            }
            GeosGeometryPtr line = geos::lineString(c, xy);
            const std::string code = codeFor(ctx, *line);
            const bool disputed = code != "china";
            const double baselineKm = ctx.profile.generalisation.baselineKm;
            if (worst <= std::max(ctx.lineTolKm, (disputed ? kDisputedBaselineMultiple
                                                           : kSettledBaselineMultiple) *
                                                     baselineKm)) {
                run.clear();
                return; // within the map's own generalisation
            }
            Finding f;
            f.rule = kBorderDeviation;
            f.code = code;
            f.severity = disputed ? Severity::Error : Severity::Warning;
            f.messageZh = "国界线与参考国界偏离，最大偏离 " + oneDecimal(worst) + " 千米";
            f.messageEn =
                "the land border departs from the reference by up to " + oneDecimal(worst) + " km";
            f.measure = worst;
            f.measureUnit = "km";
            f.geometryWkt = toWkt(c, *line);
            ctx.add(std::move(f));
        }
        run.clear();
    };

    for (const GEOSGeometry* part : geos::parts(c, *reference)) {
        std::vector<Sample> run;
        int gap = 0;
        for (const auto& [px, py] : geos::samplesAlong(c, *part, step)) {
            if (ctx.feedback)
                ctx.feedback->throwIfCanceled();
            GeosGeometryPtr p = geos::point(c, px, py);
            double distance = 0;
            GEOSPreparedDistance_r(c.handle(), prepared.get(), p.get(), &distance);
            if (distance <= ctx.lineTolDeg) {
                if (!run.empty() && ++gap > kMaxGapSamples) {
                    flush(run);
                    gap = 0;
                }
                if (!run.empty())
                    run.push_back({px, py, 0}); // keeps the stretch's line continuous
                continue;
            }
            gap = 0;
            GEOSCoordSequence* nearest =
                GEOSPreparedNearestPoints_r(c.handle(), prepared.get(), p.get());
            double nx = px, ny = py;
            if (nearest) {
                GEOSCoordSeq_getXY_r(c.handle(), nearest, 0, &nx, &ny);
                GEOSCoordSeq_destroy_r(c.handle(), nearest);
            }
            run.push_back({px, py, geodesicKm(px, py, nx, ny)});
        }
        flush(run);
    }
}

} // namespace mapaudit::check
