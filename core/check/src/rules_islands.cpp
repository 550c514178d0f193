// ISLAND-OMITTED.
#include "check_context.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/geos_ops.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace mapaudit::check {
namespace {

// At this scale and smaller (a world map) the South China Sea Islands are
// satisfied as a whole, and Penghu by land drawn this close to it.
constexpr double kSmallScale = 50'000'000;
constexpr double kPenghuReachDeg = 0.6;
constexpr std::array kSeaGroups{"dongsha", "xisha", "zhongsha", "nansha"};
// Zhongsha Qundao is a bank some 130 km long: anything drawn on it shows it.
constexpr double kBankReachDeg = 0.6;
constexpr double kBaselineMultiple = 2.0;
// A symbol is about this big on paper (mm).
constexpr double kSymbolMm = 3.0;
// A province's map shows the islands this close to its land.
constexpr double kProvinceIslandReachDeg = 0.45;
constexpr std::array kGroupLevelGroups{"dongsha", "xisha",  "zhongsha",
                                       "nansha",  "penghu", "diaoyu"};
// Named by the content rules themselves: required one by one at every scale.
constexpr std::array kNamedIslands{"diaoyu_dao", "chiwei_yu", "huangyan_dao", "zengmu_ansha"};

bool namedInText(const CheckContext& ctx, const RefIsland& island) {
    // "曾母暗沙" in any attribute counts as its label; English names too.
    const std::string zh = island.nameZh.substr(0, island.nameZh.find("（"));
    const std::string en = toLowerAscii(island.nameEn.substr(0, island.nameEn.find(" (")));
    for (const InputFeature& f : ctx.input.features)
        for (const auto& [field, value] : f.fields)
            if ((!zh.empty() && value.find(zh) != std::string::npos) ||
                (!en.empty() && toLowerAscii(value).find(en) != std::string::npos))
                return true;
    return false;
}

// The province an island belongs to (GB/T 2260 first two digits), by its
// group or its own code; 0 when none is listed.
int provinceOf(const RefIsland& island) {
    static constexpr std::array<std::pair<std::string_view, int>, 12> kProvinces{{
        {"dongsha", 44}, // 广东省
        {"xisha", 46},   // 海南省三沙市
        {"zhongsha", 46},
        {"nansha", 46},
        {"hainan_dao", 46},
        {"diaoyu", 71}, // 台湾省
        {"penghu", 71},
        {"taiwan_dao", 71},
        {"kinmen", 35}, // 福建省
        {"matsu", 35},
        {"hongkong", 81},
        {"macao", 82},
    }};
    for (const auto& [key, province] : kProvinces)
        if (key == island.group || key == island.code)
            return province;
    return 0;
}

// The map's codes name the province the island belongs to: a province's map
// shows all of its islands, however far out.
bool provinceNamed(const CheckContext& ctx, const RefIsland& island) {
    const std::string province = std::to_string(provinceOf(island));
    const auto& named = ctx.profile.owner.provinces;
    return std::find(named.begin(), named.end(), province) != named.end();
}

// Within reach of the China the map draws (a province's own islands).
bool nearChinaDrawn(const CheckContext& ctx, const GEOSGeometry& p) {
    double d = 0;
    return ctx.chinaLand && !geos::isEmpty(ctx.c, *ctx.chinaLand) &&
           GEOSDistance_r(ctx.c.handle(), ctx.chinaLand.get(), &p, &d) == 1 &&
           d <= kProvinceIslandReachDeg;
}

} // namespace

void ruleIslandsOmitted(CheckContext& ctx) {
    const auto& c = ctx.c;
    // Another country's map need not show China's islands; drawing them as its
    // own is TERR-FOREIGN's business.
    if (ctx.profile.kind == MapKind::ForeignNational || !ctx.profile.drawsLand)
        return;
    for (const RefIsland& island : ctx.islands) {
        if (island.kind == "region")
            continue; // Hong Kong and Macao are areas: TERR-* rules
        GeosGeometryPtr p = geos::point(c, island.lon, island.lat);
        // A province's map shows all of its own islands, however far out; not
        // its neighbours' (unless they lie just off its coast).
        const bool region = ctx.profile.kind == MapKind::ChinaRegion;
        const bool ownIsland = region && provinceNamed(ctx, island);
        if (!ownIsland && !geos::intersects(c, *p, *ctx.extentBox))
            continue; // the map does not reach it (and need not: not all of China)
        if (region && !ownIsland && !nearChinaDrawn(ctx, *p))
            continue;
        if (island.maxScale > 0 && ctx.scale >= static_cast<double>(island.maxScale))
            continue;
        if (ctx.missingReported && !geos::isEmpty(c, *ctx.missingReported) &&
            geos::intersects(c, *geos::buffer(c, *p, ctx.tolDeg), *ctx.missingReported))
            continue; // inside land already reported missing
        if (std::any_of(ctx.findings.begin(), ctx.findings.end(), [&](const Finding& f) {
                return f.rule == kTerrMissing && f.code == island.region;
            }))
            continue; // its region (Taiwan with Penghu) is reported missing already
        // Drawn within the tolerance, or within the map's own generalisation;
        // a submerged feature's symbol within its size on paper, a bank anywhere
        // on it (China's own drawing only: a neighbour's coast shows neither).
        const double reach = std::max(ctx.tolDeg, kBaselineMultiple * ctx.baselineDeg);
        const double symbolDeg =
            island.representation == "symbol" ? kSymbolMm * ctx.scale / 1e6 / kKmPerDegree : 0.0;
        const double ownReach =
            std::max(symbolDeg, island.kind == "submerged_bank" ? kBankReachDeg : 0.0);
        if (ctx.anythingDrawnNear(*p, reach) ||
            (ownReach > reach && ctx.anythingDrawnNear(*p, ownReach, true)))
            continue;
        if (island.representation == "symbol" && namedInText(ctx, island))
            continue;
        const bool named = std::find(kNamedIslands.begin(), kNamedIslands.end(), island.code) !=
                           kNamedIslands.end();
        const bool groupLevel = ctx.scale >= kGroupLevelScale && !named &&
                                std::find(kGroupLevelGroups.begin(), kGroupLevelGroups.end(),
                                          island.group) != kGroupLevelGroups.end();
        if (groupLevel) {
            const auto g =
                std::find_if(ctx.groups.begin(), ctx.groups.end(),
                             [&](const RefGroup& rg) { return rg.code == island.group; });
            if (g != ctx.groups.end() && ctx.anythingDrawnNear(*g->geometry, 0, true))
                continue;
        }
        // On a world map at world scale the South China Sea Islands are shown
        // as a whole (any of their groups drawn); at such scales Penghu is shown
        // by Taiwan's land beside it.
        if (ctx.scale >= kSmallScale) {
            if (island.group == "penghu" && ctx.anythingDrawnNear(*p, kPenghuReachDeg))
                continue;
            const bool seaGroup =
                std::find(kSeaGroups.begin(), kSeaGroups.end(), island.group) != kSeaGroups.end();
            const bool world = ctx.profile.kind == MapKind::World;
            if (world && seaGroup &&
                std::any_of(ctx.groups.begin(), ctx.groups.end(), [&](const RefGroup& g) {
                    return std::find(kSeaGroups.begin(), kSeaGroups.end(), g.code) !=
                               kSeaGroups.end() &&
                           ctx.anythingDrawnNear(*g.geometry, 0, true);
                }))
                continue;
        }
        Finding f;
        f.rule = kIslandOmitted;
        f.code = island.code;
        f.severity = Severity::Error;
        const std::string how =
            island.representation == "symbol" ? "（暗沙须以符号和注记表示）" : "";
        f.messageZh = "漏绘" + island.nameZh + how;
        f.messageEn =
            island.nameEn + " is not shown" +
            (island.representation == "symbol" ? " (a submerged feature: symbol and label)" : "");
        f.geometryWkt = toWkt(c, *p);
        ctx.add(std::move(f));
    }
}

} // namespace mapaudit::check
