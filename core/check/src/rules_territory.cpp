// TERR-FOREIGN and TERR-MISSING.
#include "check_context.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/geodata/geos_ops.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

namespace mapaudit::check {
namespace {

// Regions checked for foreign ownership; the South China Sea Islands are
// checked per island group so findings name Nansha, Xisha, …
constexpr std::array kForeignRegions{
    "taiwan",         "zangnan",      "aksaichin", "shaksgam", "cn_in_middle_1", "cn_in_middle_2",
    "cn_in_middle_3", "cn_in_west_1", "diaoyu",    "hongkong", "macao"};
constexpr std::array kSeaGroups{"dongsha", "xisha", "zhongsha", "nansha"};
// A foreign unit counts when it holds this share of the region's land, or
// when this share of the unit lies in the region (a unit of its own there).
constexpr double kRegionShare = 0.10;
constexpr double kUnitShare = 0.50;
constexpr double kMinOverlapDeg2 = 1e-7;
// Land missing in a band this many times the map's generalisation baseline
// wide is generalisation.
constexpr double kBaselineMultiple = 2.0;
// This share of a region missing is the region left out, however small.
constexpr double kWholeRegionShare = 0.5;
// A province's map without province codes: key places this close to its land are its own.
constexpr double kPlaceReachDeg = 0.3;

// A unit named for one of the South China Sea island groups (a foreign
// "Spratly Islands" unit of its own, wherever its few square metres are drawn).
bool namedForGroup(const std::string& code, const std::string& name) {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> kNames{
        {"nansha", {"spratly", "南沙", "kalayaan", "truong sa", "trường sa"}},
        {"xisha", {"paracel", "西沙", "hoang sa", "hoàng sa"}},
        {"zhongsha", {"scarborough", "macclesfield", "中沙", "黄岩"}},
        {"dongsha", {"pratas", "东沙"}},
    };
    const std::string lower = toLowerAscii(name);
    for (const auto& [group, names] : kNames)
        if (group == code)
            for (const std::string& n : names)
                if (lower.find(n) != std::string::npos)
                    return true;
    return false;
}

// Places by name, for messages: "达旺、伊塔那加" and "Tawang, Itanagar".
std::pair<std::string, std::string> placeNames(const std::vector<const RefPlace*>& places) {
    std::string zh, en;
    for (const RefPlace* p : places) {
        zh += (zh.empty() ? "" : "、") + p->nameZh;
        en += (en.empty() ? "" : ", ") + p->nameEn;
    }
    return {zh, en};
}

// The region's key places inside `unit`, by name.
std::pair<std::string, std::string> placesInside(const CheckContext& ctx, const std::string& code,
                                                 const GEOSGeometry& unit) {
    std::vector<const RefPlace*> inside;
    for (const RefPlace& p : ctx.places)
        if (p.region == code && geos::intersects(ctx.c, unit, *geos::point(ctx.c, p.lon, p.lat)))
            inside.push_back(&p);
    return placeNames(inside);
}

void checkArea(CheckContext& ctx, const std::string& code, const std::string& nameZh,
               const std::string& nameEn, const std::string& kind, const GEOSGeometry& area) {
    const auto& c = ctx.c;
    GeosGeometryPtr land = geos::intersection(c, area, *ctx.territory);
    const double landArea = geos::area(c, *land);
    if (landArea <= 0)
        return;
    GeosPreparedPtr prepared(GEOSPrepare_r(c.handle(), land.get()), {c.handle()});
    for (const InputFeature* f : ctx.foreignAreas) {
        const bool named = kind == "island_group" && namedForGroup(code, f->ownerName);
        if (GEOSPreparedIntersects_r(c.handle(), prepared.get(), f->geometry.get()) != 1 &&
            !(named && geos::intersects(c, *f->geometry, area)))
            continue;
        GeosGeometryPtr overlap =
            geos::polygonalParts(c, *geos::intersection(c, *f->geometry, *land));
        const double a = geos::area(c, *overlap);
        const double own = geos::area(c, *f->geometry);
        // A key place on the wrong side decides it, however little area that is:
        // a web map has no fixed scale, and Itanagar in India is plain to see.
        const auto [placesZh, placesEn] = placesInside(ctx, code, *f->geometry);
        if (placesZh.empty() && !named &&
            (a < kMinOverlapDeg2 || (a < kRegionShare * landArea && a < kUnitShare * own)))
            continue;
        const std::string& owner = f->ownerName;
        const bool sar = code == "hongkong" || code == "macao";
        Finding finding;
        finding.rule = kTerrForeign;
        finding.code = code;
        finding.severity = Severity::Error;
        if (sar && (sovereigntyIsChina(*f) || !claimsSovereignty(*f))) {
            finding.severity = Severity::Warning;
            finding.messageZh =
                nameZh + "作为单独单元（“" + owner + "”）表示，须明确为中国的特别行政区";
            finding.messageEn = nameEn + " is a separate unit ('" + owner +
                                "'); it must be shown as a special administrative region of China";
        } else if (named && a < kMinOverlapDeg2) {
            finding.messageZh = nameZh + "被表示为单独单元（“" + owner + "”）";
            finding.messageEn = nameEn + " is shown as a unit of its own ('" + owner + "')";
            overlap = geos::clone(c, *f->geometry);
        } else if (claimsSovereignty(*f)) {
            finding.messageZh = nameZh + "被表示为独立国家（“" + owner + "”）";
            finding.messageEn = nameEn + " is shown as a sovereign country ('" + owner + "')";
        } else {
            finding.messageZh = nameZh + "被表示为“" + owner + "”的领土（" +
                                oneDecimal(areaKm2(c, *overlap)) + " 平方千米）";
            finding.messageEn = nameEn + " is drawn as part of '" + owner + "' (" +
                                oneDecimal(areaKm2(c, *overlap)) + " km²)";
        }
        if (!placesZh.empty()) {
            finding.messageZh += "，" + placesZh + "位于其中";
            finding.messageEn += ", with " + placesEn;
        }
        // A border area too small to see at the map's scale is not an error;
        // islands and provinces always are, however small they are drawn.
        const double km2 = areaKm2(c, *overlap);
        const double visible = ctx.visibleKm() * ctx.visibleKm();
        if (finding.severity == Severity::Error && kind == "border_area" && km2 < visible &&
            placesZh.empty()) {
            finding.severity = Severity::Info;
            finding.messageZh +=
                "；在 1:" + std::to_string(static_cast<long long>(ctx.scale)) + " 比例尺下不可见";
            finding.messageEn +=
                "; not visible at 1:" + std::to_string(static_cast<long long>(ctx.scale));
        }
        finding.measure = km2;
        finding.measureUnit = "km2";
        finding.featureIds = {f->ref()};
        finding.geometryWkt = toWkt(c, *overlap);
        ctx.foreignReported.push_back(std::move(overlap));
        ctx.add(std::move(finding));
    }
}

} // namespace

void ruleTerritoryForeign(CheckContext& ctx) {
    for (const char* code : kForeignRegions)
        if (const RefRegion* r = ctx.region(code))
            checkArea(ctx, r->code, r->nameZh, r->nameEn, r->kind, *r->geometry);
    for (const char* code : kSeaGroups)
        for (const RefGroup& g : ctx.groups)
            if (g.code == code)
                checkArea(ctx, g.code, g.nameZh, g.nameEn, "island_group", *g.geometry);
}

// A province's map leaves out key places its province holds (a Xizang map
// without Tawang, a Xinjiang map without Aksai Chin): the disputed region is
// drawn the foreign way.
void keyPlacesLeftOut(CheckContext& ctx) {
    const auto& c = ctx.c;
    const auto& named = ctx.profile.owner.provinces;
    std::map<std::string, std::vector<const RefPlace*>> missing; // by region
    for (const RefPlace& p : ctx.places) {
        GeosGeometryPtr at = geos::point(c, p.lon, p.lat);
        double d = 0;
        const bool provinceDrawn =
            std::find(named.begin(), named.end(), p.province) != named.end() ||
            (named.empty() && ctx.chinaLand &&
             GEOSDistance_r(c.handle(), ctx.chinaLand.get(), at.get(), &d) == 1 &&
             d <= kPlaceReachDeg);
        if (!provinceDrawn || (ctx.landDrawn && geos::intersects(c, *ctx.landDrawn, *at)))
            continue;
        const bool foreign =
            std::any_of(ctx.foreignReported.begin(), ctx.foreignReported.end(),
                        [&](const GeosGeometryPtr& g) { return geos::intersects(c, *g, *at); });
        if (!foreign)
            missing[p.region].push_back(&p);
    }
    for (const auto& [code, places] : missing) {
        const RefRegion* r = ctx.region(code);
        if (!r)
            continue;
        const auto [zh, en] = placeNames(places);
        std::vector<GeosGeometryPtr> points;
        for (const RefPlace* p : places)
            points.push_back(geos::point(c, p->lon, p->lat));
        Finding f;
        f.rule = kTerrMissing;
        f.code = code;
        f.severity = Severity::Error;
        f.messageZh = r->nameZh + "未绘入本省地图：" + zh + "不在所绘范围内";
        f.messageEn = r->nameEn + " is left off this map of its province: " + en + " not drawn";
        f.measure = static_cast<double>(places.size());
        f.measureUnit = "places";
        f.geometryWkt = toWkt(c, *geos::collect(c, std::move(points)));
        ctx.add(std::move(f));
    }
}

void ruleTerritoryMissing(CheckContext& ctx) {
    const auto& c = ctx.c;
    if (ctx.profile.kind == MapKind::ChinaRegion)
        keyPlacesLeftOut(ctx);
    // Only a map that shows China as a whole must show all of its land: a
    // province's map leaves the others out, another country's map leaves China out.
    if (!ctx.wholeChina || !ctx.profile.drawsLand) {
        ctx.missingReported = geos::collect(c, {});
        return;
    }
    // Parts narrower than the tolerance, or than the map's own generalisation,
    // are drawing differences, not omissions; small islands are ISLAND-OMITTED's business.
    const double tolDeg = std::max(ctx.lineTolDeg, kBaselineMultiple * ctx.baselineDeg);
    // The reference generalised as the input was (a tenth of the tolerance):
    // detail finer than that cannot change what is missing, and the overlay of
    // the full-detail territory with a provinces map costs seconds.
    GeosGeometryPtr missing =
        validGeneralised(c, *ctx.territory, kGeneraliseShareOfTolerance * ctx.tolDeg);
    if (ctx.landDrawn)
        missing = geos::difference(c, *missing, *ctx.landDrawn);
    for (const auto& reported : ctx.foreignReported)
        missing = geos::difference(c, *missing, *reported);
    const double tolKm = tolDeg * kKmPerDegree;
    missing = geos::polygonalParts(
        c, *geos::buffer(c, *geos::buffer(c, *missing, -tolDeg / 2), tolDeg / 2));
    // Less than a square of twice the tolerance is a drawing difference; but
    // what survives of half a small region or more (a middle-sector area of
    // 300 km² left out at 1:400万) is the region left out, counted at the
    // map's own tolerance. A region thinner than the tolerance cannot be
    // judged against a reference this unsure.
    const double minKm2 = 4 * tolKm * tolKm;
    const double minWholeKm2 = 4 * ctx.tolKm * ctx.tolKm;
    const double visibleKm2 = ctx.visibleKm() * ctx.visibleKm();
    ctx.missingReported = geos::clone(c, *missing);
    if (geos::isEmpty(c, *missing))
        return;

    auto report = [&](const std::string& code, const std::string& zh, const std::string& en,
                      GeosGeometryPtr part, double regionKm2) {
        const double km2v = areaKm2(c, *part);
        if (km2v < minKm2 && (km2v < kWholeRegionShare * regionKm2 || km2v < minWholeKm2))
            return;
        Finding f;
        f.rule = kTerrMissing;
        f.code = code;
        f.severity = km2v < visibleKm2 ? Severity::Info : Severity::Error;
        f.messageZh = zh + "漏绘，缺少 " + oneDecimal(km2v) + " 平方千米";
        f.messageEn = en + " is missing: " + oneDecimal(km2v) + " km² not drawn";
        if (f.severity == Severity::Info) {
            const std::string at = std::to_string(static_cast<long long>(ctx.scale));
            f.messageZh += "（在 1:" + at + " 比例尺下不可见）";
            f.messageEn += " (not visible at 1:" + at + ")";
        }
        f.measure = km2v;
        f.measureUnit = "km2";
        f.geometryWkt = toWkt(c, *part);
        ctx.add(std::move(f));
    };
    GeosGeometryPtr rest = geos::clone(c, *missing);
    for (const RefRegion& r : ctx.regions) {
        if (r.code == "nanhai")
            continue; // its islands are reported by group and island
        GeosGeometryPtr part =
            geos::polygonalParts(c, *geos::intersection(c, *missing, *r.geometry));
        rest = geos::difference(c, *rest, *r.geometry);
        report(r.code, r.nameZh, r.nameEn, std::move(part), areaKm2(c, *r.geometry));
    }
    report("china", "中国领土", "Part of China's territory", geos::polygonalParts(c, *rest), 0);
}

} // namespace mapaudit::check
