// ISLAND-OMITTED.
#include "check_context.h"
#include "mapaudit/geos_ops.h"
#include "mapaudit/text_util.h"
#include "rule_basis.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace mapaudit::check {
namespace {

// Below this scale (denominator above it) an island group is satisfied by any
// representation inside the group's area; at larger scales each key island
// needs its own. Diaoyu Dao and its islands are always checked one by one.
constexpr double kGroupLevelScale = 4'000'000;
constexpr std::array kGroupLevelGroups{"dongsha", "xisha", "zhongsha", "nansha", "penghu"};

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

} // namespace

void ruleIslandsOmitted(CheckContext& ctx) {
    const auto& c = ctx.c;
    for (const RefIsland& island : ctx.islands) {
        if (island.kind == "region")
            continue; // Hong Kong and Macao are areas: TERR-* rules
        GeosGeometryPtr p = geos::point(c, island.lon, island.lat);
        if (!geos::intersects(c, *p, *ctx.extentBox))
            continue; // the map does not reach it
        if (island.maxScale > 0 && ctx.scale >= static_cast<double>(island.maxScale))
            continue;
        if (ctx.missingReported && !geos::isEmpty(c, *ctx.missingReported) &&
            geos::intersects(c, *geos::buffer(c, *p, ctx.tolDeg), *ctx.missingReported))
            continue; // inside land already reported missing
        if (ctx.anythingDrawnNear(*p, ctx.tolDeg))
            continue;
        if (island.representation == "symbol" && namedInText(ctx, island))
            continue;
        const bool groupLevel = ctx.scale >= kGroupLevelScale &&
                                std::find(kGroupLevelGroups.begin(), kGroupLevelGroups.end(),
                                          island.group) != kGroupLevelGroups.end();
        if (groupLevel) {
            const auto g =
                std::find_if(ctx.groups.begin(), ctx.groups.end(),
                             [&](const RefGroup& rg) { return rg.code == island.group; });
            if (g != ctx.groups.end() && ctx.anythingDrawnNear(*g->geometry, 0))
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
        f.basis = basis::kIslands;
        f.geometryWkt = toWkt(c, *p);
        ctx.add(std::move(f));
    }
}

} // namespace mapaudit::check
