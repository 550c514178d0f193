// INSET-EXTENT: a South China Sea inset shows the sea to its four limits (east
// to Manila, west to Hanoi, north to the mainland and Taiwan south of the
// Tropic of Cancer, south to the whole Indonesia–Malaysia border on Kalimantan,
// or to Zengmu Ansha when the inset draws no neighbour there). HAINAN-TIP: a map
// of China with such an inset still reaches Hainan's southern tip in its main map.
#include "check_context.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/reference_pack.h"

#include <algorithm>
#include <cmath>

namespace mapaudit::check {
namespace {

// Northern Kalimantan, where the inset's south limit lies: an inset drawing
// this much coast there draws the neighbours, and must then reach their whole border.
constexpr double kBorneoMinLon = 108.5, kBorneoMaxLon = 119.5;
constexpr double kBorneoMinLat = 0.8, kBorneoMaxLat = 7.2;
constexpr double kBorneoCoastDeg = 1.0;
// Around the dashes and the key islands, lines are theirs, not a coast.
constexpr double kAroundReferenceDeg = 0.4;
// Frames are drawn by hand: this much short of a limit (true degrees) is no finding.
constexpr double kFrameSlackDeg = 0.25;

std::string degrees(double v, bool lon) {
    return (lon ? (v >= 0 ? "东经 " : "西经 ") : (v >= 0 ? "北纬 " : "南纬 ")) +
           oneDecimal(std::fabs(v)) + "°";
}

// Length of the inset's lines (moved back) on northern Kalimantan, away from the
// dashes, the islands and the inset's own frame.
double borneoCoastDrawn(const CheckContext& ctx, const InsetRole::Frame& f) {
    const auto& c = ctx.c;
    std::vector<GeosGeometryPtr> reference;
    for (const RefDash& d : ctx.dashes)
        reference.push_back(geos::buffer(c, *d.geometry, kAroundReferenceDeg));
    for (const RefIsland& i : ctx.islands)
        reference.push_back(geos::buffer(c, *geos::point(c, i.lon, i.lat), kAroundReferenceDeg));
    reference.push_back(
        geos::buffer(c, *geos::boundary(c, *geos::box(c, f.minLon, f.minLat, f.maxLon, f.maxLat)),
                     kAroundReferenceDeg));
    GeosGeometryPtr area = geos::difference(
        c, *geos::box(c, kBorneoMinLon, kBorneoMinLat, kBorneoMaxLon, kBorneoMaxLat),
        *geos::unionAll(c, std::move(reference)));
    double length = 0;
    for (const InputFeature& copy : ctx.input.features)
        if (copy.layer.ends_with(" [inset]") && copy.kind == Kind::Line &&
            geos::intersects(c, *copy.geometry, *area))
            length += geos::length(c, *geos::intersection(c, *copy.geometry, *area));
    return length;
}

} // namespace

void ruleInsetExtent(CheckContext& ctx) {
    const auto& inset = ctx.profile.inset;
    if (!inset || !inset->trueFrame)
        return; // no inset, or one taken on its name alone: nothing to measure
    const auto& c = ctx.c;
    const InsetRole::Frame& f = *inset->trueFrame;
    const geos::Bounds limit = geos::bounds(c, *ctx.pack.geometry(c, "scs_inset_frame"));
    const double slack = std::max(kFrameSlackDeg, ctx.tolDeg / inset->scale);
    const bool neighbours = borneoCoastDrawn(ctx, f) >= kBorneoCoastDeg;
    double southLimit = limit.minY;
    std::string southZh = "加里曼丹岛上印度尼西亚与马来西亚间的全部界线",
                southEn = "the whole Indonesia–Malaysia border on Kalimantan";
    if (!neighbours) {
        const auto zengmu =
            std::find_if(ctx.islands.begin(), ctx.islands.end(),
                         [](const RefIsland& i) { return i.code == "zengmu_ansha"; });
        if (zengmu != ctx.islands.end()) {
            southLimit = zengmu->lat;
            southZh = "曾母暗沙";
            southEn = "Zengmu Ansha";
        }
    }
    struct Side {
        bool shortOf;
        const char *zh, *en;
        std::string placeZh, placeEn;
        double drawn, needed;
        bool lon;
    };
    const Side sides[] = {
        {f.maxLon < limit.maxX - slack, "东面", "east", "菲律宾的马尼拉", "Manila", f.maxLon,
         limit.maxX, true},
        {f.minLon > limit.minX + slack, "西面", "west", "越南的河内", "Hanoi", f.minLon, limit.minX,
         true},
        {f.maxLat < limit.maxY - slack, "北面", "north", "中国大陆和台湾岛北回归线以南的部分",
         "the mainland and Taiwan south of the Tropic of Cancer", f.maxLat, limit.maxY, false},
        {f.minLat > southLimit + (neighbours ? slack : 0), "南面", "south", southZh, southEn,
         f.minLat, southLimit, false},
    };
    std::string zh, en;
    int count = 0;
    for (const Side& s : sides) {
        if (!s.shortOf)
            continue;
        ++count;
        zh += std::string(zh.empty() ? "" : "；") + s.zh + "未绘至" + s.placeZh + "（附图止于" +
              degrees(s.drawn, s.lon) + "，应至" + degrees(s.needed, s.lon) + "）";
        en += std::string(en.empty() ? "" : "; ") + "the " + s.en + " stops short of " + s.placeEn +
              " (at " + oneDecimal(s.drawn) + "°, needs " + oneDecimal(s.needed) + "°)";
    }
    if (count == 0)
        return;
    Finding finding;
    finding.rule = kInsetExtent;
    finding.code = "nanhai";
    finding.severity = Severity::Error;
    finding.messageZh = "南海诸岛附图范围不足：" + zh;
    finding.messageEn = "the South China Sea inset does not reach its limits: " + en;
    finding.measure = count;
    finding.measureUnit = "sides";
    // The frame where it is drawn on the map.
    const double s = inset->scale, ox = inset->offsetX, oy = inset->offsetY;
    finding.geometryWkt = toWkt(c, *geos::box(c, s * f.minLon + ox, s * f.minLat + oy,
                                              s * f.maxLon + ox, s * f.maxLat + oy));
    ctx.add(std::move(finding));
}

void ruleHainanTip(CheckContext& ctx) {
    if (!ctx.profile.inset || !ctx.wholeChina || !ctx.landDrawn)
        return;
    const auto& c = ctx.c;
    const RefRegion* hainan = ctx.region("hainan");
    if (!hainan)
        return;
    // The southernmost land of Hainan in the reference.
    const geos::Bounds b = geos::bounds(c, *hainan->geometry);
    GeosGeometryPtr south = geos::intersection(
        c, *hainan->geometry, *geos::box(c, b.minX, b.minY, b.maxX, b.minY + 0.02));
    GeosGeometryPtr tip = geos::isEmpty(c, *south) ? nullptr : geos::pointOnSurface(c, *south);
    if (!tip)
        return;
    double distance = 0;
    GEOSDistance_r(c.handle(), ctx.landDrawn.get(), tip.get(), &distance);
    const double reach = std::max(ctx.tolDeg, 2 * ctx.baselineDeg);
    if (distance <= reach)
        return;
    // The same land TERR-MISSING would report for Hainan: one finding, under this clause.
    std::erase_if(ctx.findings,
                  [](const Finding& f) { return f.rule == kTerrMissing && f.code == "hainan"; });
    Finding finding;
    finding.rule = kHainanTip;
    finding.code = "hainan";
    finding.severity = Severity::Error;
    const std::string km = oneDecimal(distance * kKmPerDegree);
    finding.messageZh = "以附图表示南海诸岛时，主图南边应绘出海南岛的最南端（约" +
                        degrees(b.minY, false) + "）；主图所绘陆地距该处 " + km + " 千米";
    finding.messageEn = "with a South China Sea inset the main map must still reach Hainan's "
                        "southern tip (about " +
                        oneDecimal(b.minY) + "°N); the main map's land is " + km + " km from it";
    finding.measure = distance * kKmPerDegree;
    finding.measureUnit = "km";
    finding.geometryWkt = toWkt(c, *tip);
    ctx.add(std::move(finding));
}

} // namespace mapaudit::check
