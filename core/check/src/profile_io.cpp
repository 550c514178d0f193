// The map profile as JSON and as the first lines of the text report.
#include "mapaudit/base/text_util.h"
#include "mapaudit/check/report_io.h"

#include <sstream>

namespace mapaudit::check {
using nlohmann::json;

json profileJson(const MapProfile& p) {
    const OwnerAttribution& o = p.owner;
    const Generalisation& g = p.generalisation;
    json inset = nullptr;
    if (p.inset)
        inset = {{"how", p.inset->how},
                 {"layers", p.inset->layers},
                 {"scale", p.inset->scale},
                 {"offset", {p.inset->offsetX, p.inset->offsetY}},
                 {"dashes_matched", p.inset->dashesMatched},
                 {"true_frame", p.inset->trueFrame
                                    ? json{p.inset->trueFrame->minLon, p.inset->trueFrame->minLat,
                                           p.inset->trueFrame->maxLon, p.inset->trueFrame->maxLat}
                                    : json(nullptr)},
                 {"evidence", p.inset->evidence}};
    return {
        {"kind", mapKindId(p.kind)},
        {"kind_given", p.kindGiven},
        {"kind_evidence", p.kindEvidence},
        {"mainland_share", p.mainlandShare},
        {"share_in_china", p.shareInChina},
        {"lon_span", p.lonSpan},
        {"owner",
         {{"field", o.field.empty() ? json(nullptr) : json(o.field)},
          {"scheme", o.scheme},
          {"china_values", o.chinaValues},
          {"foreign_values", o.foreignValues},
          {"foreign_country", o.foreignCountry.empty() ? json(nullptr) : json(o.foreignCountry)},
          {"provinces", o.provinces},
          {"confidence", o.confidence},
          {"evidence", o.evidence}}},
        {"generalisation",
         {{"baseline_km", g.baselineKm},
          {"median_km", g.medianKm},
          {"samples", g.samples},
          {"evidence", g.evidence}}},
        {"inset", inset},
        {"roles",
         {{"dashes_as_lines", p.roles.dashesAsLines},
          {"dashes_as_polygons", p.roles.dashesAsPolygons},
          {"labels", p.roles.labels},
          {"label_layers", p.roles.labelLayers},
          {"evidence", p.roles.evidence}}},
        {"draws_land", p.drawsLand},
        {"seconds", p.seconds}};
}

namespace {

std::string schemeName(const std::string& scheme, bool zh) {
    if (scheme == "country")
        return zh ? "国名或国家代码" : "country names or codes";
    if (scheme == "province")
        return zh ? "中国省级行政区（名称或代码）" : "China's provinces (names or codes)";
    if (scheme == "foreign_subdivision")
        return zh ? "他国行政区代码" : "another country's subdivisions";
    if (scheme == "given")
        return zh ? "由用户指定" : "given";
    return zh ? "无（按地图类型判断）" : "none (follows the map's kind)";
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : ", ") + x;
    return s;
}

} // namespace

std::string profileText(const MapProfile& p, const std::string& language) {
    const bool zh = language != "en";
    std::ostringstream o;
    o << (zh ? "  地图类型：" : "  Map kind: ") << (zh ? mapKindNameZh(p.kind) : mapKindId(p.kind))
      << (p.kindGiven ? (zh ? "（指定）" : " (given)") : "") << (zh ? "——" : " — ")
      << p.kindEvidence << "\n";
    const OwnerAttribution& ow = p.owner;
    o << (zh ? "  归属属性：" : "  Owner: ")
      << (ow.field.empty() ? schemeName(ow.scheme, zh)
                           : ow.field + (zh ? "，" : ", ") + schemeName(ow.scheme, zh));
    if (!ow.chinaValues.empty())
        o << (zh ? "；中国：" : "; China: ") << joined(ow.chinaValues);
    if (!ow.foreignValues.empty())
        o << (zh ? "；其他：" : "; other: ") << joined(ow.foreignValues);
    o << "\n";
    o << (zh ? "  概括程度：" : "  Generalisation: ");
    if (p.generalisation.samples > 0 && p.generalisation.baselineKm > 0)
        o << (zh ? "轮廓偏离参考 " : "outline off the reference by ")
          << oneDecimal(p.generalisation.baselineKm) << " km"
          << (zh ? "（75% 分位，" : " (75th percentile, ") << p.generalisation.samples
          << (zh ? " 个采样点）" : " samples)");
    else
        o << p.generalisation.evidence;
    o << "\n";
    if (p.inset)
        o << (zh ? "  南海诸岛附图：" : "  South China Sea inset: ") << p.inset->evidence << "\n";
    const PartRoles& r = p.roles;
    o << (zh ? "  要素角色：断续线 " : "  Parts: dashes ") << r.dashesAsLines
      << (zh ? " 段为线、" : " as lines, ") << r.dashesAsPolygons
      << (zh ? " 段为面；注记 " : " as polygons; labels ") << r.labels << "\n";
    if (!p.drawsLand)
        o << (zh ? "  未绘陆地：仅有点状地名或注记，不按领土、岛屿、国界和断续线规则核查\n"
                 : "  No land drawn: places or labels only; the territory, island, border and "
                   "dashed-line rules do not apply\n");
    return o.str();
}

} // namespace mapaudit::check
