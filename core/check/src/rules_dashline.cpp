// DASHLINE-MISSING.
#include "check_context.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/schema.h"

#include <algorithm>
#include <cctype>

namespace mapaudit::check {
namespace {

// A dash is present when input lines run along at least this share of it.
constexpr double kDashCoverage = 0.5;
// The map "covers the South China Sea" when its extent holds this share of
// the sea area inside the dashed line.
constexpr double kSeaCoverage = 0.5;

} // namespace

void ruleDashline(CheckContext& ctx) {
    const auto& c = ctx.c;
    const RefRegion* sea = ctx.region("nanhai");
    if (!sea || !ctx.profile.drawsLand)
        return;
    const double seaArea = geos::area(c, *sea->geometry);
    const double covered = geos::area(c, *geos::intersection(c, *sea->geometry, *ctx.extentBox));
    // A map of China as a whole shows the line whatever its extent; others when
    // they cover the sea. An inset shows it instead (checked through its copies
    // moved back; an inset known only by its layer's name is taken on trust).
    const bool insetOnTrust = ctx.profile.inset && ctx.profile.inset->dashesMatched == 0;
    if (seaArea <= 0 || (!ctx.wholeChina && covered < kSeaCoverage * seaArea) || insetOnTrust)
        return;

    std::vector<int> missing;
    std::vector<GeosGeometryPtr> missingGeoms;
    // The ink along each dash (CheckContext::measureDashInk): lines, and the
    // outlines of polygons (Chinese web maps draw each dash as a thin polygon,
    // or as part of China's own; both long sides then run along the dash).
    for (const RefDash& dash : ctx.dashes)
        if (dash.inkLines + dash.inkOutlines < kDashCoverage * geos::length(c, *dash.geometry)) {
            missing.push_back(dash.number);
            missingGeoms.push_back(geos::clone(c, *dash.geometry));
        }
    if (missing.empty())
        return;
    std::string list;
    for (int n : missing)
        list += (list.empty() ? "" : ", ") + std::to_string(n);
    Finding f;
    f.rule = kDashlineMissing;
    f.code = "nanhai";
    f.severity = Severity::Error;
    const bool all = static_cast<int>(missing.size()) == refpack::kDashCount;
    // With an inset found, the dashes were looked for in it too (moved back).
    const bool inset = ctx.profile.inset.has_value();
    f.messageZh = (all ? std::string("未表示南海断续线（十段均缺）")
                       : "南海断续线不完整：缺第 " + list + " 段") +
                  (inset ? "（主图与南海诸岛附图中均未见）" : "，且无南海诸岛附图");
    f.messageEn =
        (all ? std::string("the South China Sea dashed line is missing (all ten dashes)")
             : "the South China Sea dashed line is incomplete: dash " + list + " missing") +
        (inset ? " (neither in the main map nor in the inset)"
               : (all ? " and there is no inset" : ", and there is no inset"));
    f.measure = static_cast<double>(missing.size());
    f.measureUnit = "dashes";
    f.geometryWkt = toWkt(c, *geos::unionAll(c, std::move(missingGeoms)));
    ctx.add(std::move(f));
}

} // namespace mapaudit::check
