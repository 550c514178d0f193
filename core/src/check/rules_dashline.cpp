// DASHLINE-MISSING.
#include "check_context.h"
#include "mapaudit/geometry_validity.h"
#include "mapaudit/geos_ops.h"
#include "mapaudit/refpack/reference_pack.h"
#include "mapaudit/refpack/schema.h"
#include "mapaudit/text_util.h"
#include "rule_basis.h"

#include <algorithm>
#include <cctype>

namespace mapaudit::check {
namespace {

// A dash is present when input lines run along at least this share of it.
constexpr double kDashCoverage = 0.5;
// The map "covers the South China Sea" when its extent holds this share of
// the sea area inside the dashed line.
constexpr double kSeaCoverage = 0.5;

// The ink that can show a dash: lines, and the outlines of polygons (Chinese
// web maps often draw each dash as a thin polygon, or as part of China's own).
std::vector<GeosGeometryPtr> inkNear(const CheckContext& ctx, const GEOSGeometry& reach) {
    const auto& c = ctx.c;
    std::vector<GeosGeometryPtr> ink;
    for (const InputFeature* line : ctx.lines)
        if (geos::intersects(c, *line->geometry, reach))
            ink.push_back(geos::intersection(c, *line->geometry, reach));
    for (const auto* areas : {&ctx.chinaAreas, &ctx.foreignAreas, &ctx.neutralAreas})
        for (const InputFeature* area : *areas)
            if (geos::intersects(c, *area->geometry, reach))
                ink.push_back(geos::intersection(c, *geos::boundary(c, *area->geometry), reach));
    return ink;
}

} // namespace

void ruleDashline(CheckContext& ctx) {
    const auto& c = ctx.c;
    const RefRegion* sea = ctx.region("nanhai");
    if (!sea)
        return;
    const double seaArea = geos::area(c, *sea->geometry);
    const double covered = geos::area(c, *geos::intersection(c, *sea->geometry, *ctx.extentBox));
    // A map of China as a whole shows the line whatever its extent; others when
    // they cover the sea. An inset shows it instead (checked through its copies
    // moved back; an inset known only by its layer's name is taken on trust).
    const bool insetOnTrust = ctx.profile.inset && ctx.profile.inset->dashesMatched == 0;
    if (seaArea <= 0 || (!ctx.wholeChina && covered < kSeaCoverage * seaArea) || insetOnTrust)
        return;

    OGRLayer* layer = ctx.pack.dataset().GetLayerByName("scs_dashes");
    std::vector<int> missing;
    std::vector<GeosGeometryPtr> missingGeoms;
    layer->ResetReading();
    for (OgrFeaturePtr df(layer->GetNextFeature()); df; df.reset(layer->GetNextFeature())) {
        GeosGeometryPtr dash = toGeos(c, *df->GetGeometryRef());
        GeosGeometryPtr reach = geos::buffer(c, *dash, ctx.tolDeg);
        double along = 0;
        for (const GeosGeometryPtr& ink : inkNear(ctx, *reach))
            along += geos::length(c, *ink);
        // A thin polygon's two long sides both run along the dash.
        if (along < kDashCoverage * geos::length(c, *dash)) {
            missing.push_back(df->GetFieldAsInteger("dash"));
            missingGeoms.push_back(std::move(dash));
        }
    }
    layer->ResetReading();
    if (missing.empty())
        return;
    std::sort(missing.begin(), missing.end());
    std::string list;
    for (int n : missing)
        list += (list.empty() ? "" : ", ") + std::to_string(n);
    Finding f;
    f.rule = kDashlineMissing;
    f.code = "nanhai";
    f.severity = Severity::Error;
    const bool all = static_cast<int>(missing.size()) == refpack::kDashCount;
    f.messageZh = all ? "未表示南海断续线（十段均缺），且无南海诸岛附图"
                      : "南海断续线不完整：缺第 " + list + " 段，且无南海诸岛附图";
    f.messageEn =
        all ? "the South China Sea dashed line is missing (all ten dashes) and there is no inset"
            : "the South China Sea dashed line is incomplete: dash " + list +
                  " missing, and there is no inset";
    f.basis = basis::kDashline;
    f.measure = static_cast<double>(missing.size());
    f.measureUnit = "dashes";
    f.geometryWkt = toWkt(c, *geos::unionAll(c, std::move(missingGeoms)));
    ctx.add(std::move(f));
}

} // namespace mapaudit::check
