// TAIWAN-ADMIN: Taiwan shown as a province. Taipei is its provincial capital,
// not a national capital; New Taipei, Taoyuan, Taichung, Tainan and Kaohsiung
// are prefecture-level centres, not provincial capitals, and none of Taiwan's
// cities is a province of its own on a provinces map. Read from the
// attributes place layers mark capitals with (Natural Earth's featurecla and
// adm0cap, GeoNames feature codes, OSM's capital, simplemaps' capital, Chinese
// level fields).
#include "check_context.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/geos_ops.h"
#include "owner_codes.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>

namespace mapaudit::check {
namespace {

enum class Level { None, National, Provincial };

struct City {
    std::string_view zh, en;
    std::array<std::string_view, 5> names; // lower case, as written in maps
};

constexpr City kTaipei{"台北市", "Taipei", {"taipei", "taipei city", "台北", "台北市", "臺北市"}};
constexpr std::array<City, 5> kPrefectureCities{{
    {"新北市", "New Taipei", {"new taipei", "new taipei city", "新北", "新北市", "xinbei"}},
    {"桃园市", "Taoyuan", {"taoyuan", "taoyuan city", "桃园", "桃园市", "桃園市"}},
    {"台中市", "Taichung", {"taichung", "taichung city", "台中市", "臺中市", "台中"}},
    {"台南市", "Tainan", {"tainan", "tainan city", "台南市", "臺南市", "台南"}},
    {"高雄市", "Kaohsiung", {"kaohsiung", "kaohsiung city", "高雄", "高雄市", "kaohsiung shih"}},
}};

bool names(const City& city, const std::string& value) {
    const std::string v = toLowerAscii(trim(value));
    return std::find(city.names.begin(), city.names.end(), v) != city.names.end();
}

// The capital level a place's attributes give it, and the attribute saying so.
Level capitalLevel(const InputFeature& f, std::string& said) {
    for (const auto& [field, raw] : f.fields) {
        const std::string name = toLowerAscii(field), value = toLowerAscii(trim(raw));
        Level level = Level::None;
        if (name == "featurecla" || name == "feature_class" || name == "fclass") {
            if (value.find("admin-0 capital") != std::string::npos)
                level = Level::National;
            else if (value.find("admin-1 capital") != std::string::npos)
                level = Level::Provincial;
        } else if (name == "adm0cap" || name == "adm0_cap") {
            level = value == "1" ? Level::National : Level::None;
        } else if (name == "fcode" || name == "feature_code" || name == "feature code") {
            level = value == "pplc"   ? Level::National
                    : value == "ppla" ? Level::Provincial
                                      : Level::None;
        } else if (name == "capital" || name == "is_capital" || name == "capital_type") {
            if (value == "primary" || value == "yes" || value == "national" || value == "country" ||
                value == "2")
                level = Level::National;
            else if (value == "admin" || value == "4" || value == "state" || value == "province")
                level = Level::Provincial;
        } else if (value == "首都" || value == "国都" || value == "国家首都") {
            level = Level::National;
        } else if (value == "省会" || value == "省会城市" || value == "省级行政中心" ||
                   value == "直辖市") {
            level = Level::Provincial;
        }
        if (level != Level::None) {
            said = field + " = “" + raw + "”";
            return level;
        }
    }
    return Level::None;
}

const City* cityNamed(const InputFeature& f, bool& isTaipei) {
    for (const auto& [field, value] : f.fields) {
        if (names(kTaipei, value)) {
            isTaipei = true;
            return &kTaipei;
        }
        for (const City& c : kPrefectureCities)
            if (names(c, value)) {
                isTaipei = false;
                return &c;
            }
    }
    return nullptr;
}

// Layers of China's provinces: at least this many different provinces named
// whole by the owner field (a map of cities, or of Taiwan's counties all
// owned by "Taiwan", is not one).
constexpr std::size_t kProvinceLayerUnits = 20;

std::set<std::string> provinceLayers(const CheckContext& ctx) {
    std::map<std::string, std::set<std::string>> named; // layer → provinces named whole
    const std::string& field = ctx.profile.owner.field;
    if (ctx.profile.owner.scheme != "province" || field.empty())
        return {};
    for (const InputFeature& f : ctx.input.features) {
        const auto it = f.fields.find(field);
        if (f.kind != Kind::Area || it == f.fields.end())
            continue;
        const ValueMeaning m = classifyValue(it->second);
        if (m.wholeProvince)
            named[f.layer].insert(std::to_string(m.province) + m.region);
    }
    std::set<std::string> out;
    for (const auto& [layer, provinces] : named)
        if (provinces.size() >= kProvinceLayerUnits)
            out.insert(layer);
    return out;
}

} // namespace

void ruleTaiwanAdmin(CheckContext& ctx) {
    const std::set<std::string> provinceLayersSeen = provinceLayers(ctx);
    for (const InputFeature& f : ctx.input.features) {
        if (f.layer.ends_with(" [inset]"))
            continue;
        bool isTaipei = false;
        const City* city = cityNamed(f, isTaipei);
        if (!city)
            continue;
        std::string said;
        std::string zh, en;
        if (f.kind == Kind::Symbol) {
            const Level level = capitalLevel(f, said);
            if (isTaipei && level == Level::National) {
                zh = "台北市被标为国家首都（" + said + "），应作为省级行政中心表示";
                en = "Taipei is marked as a national capital (" + said +
                     "); it is a provincial capital";
            } else if (!isTaipei && level != Level::None) {
                zh = std::string(city->zh) + "被标为" +
                     (level == Level::National ? "国家首都" : "省级行政中心") + "（" + said +
                     "），应作为地级行政中心表示";
                en = std::string(city->en) + " is marked as a " +
                     (level == Level::National ? "national" : "provincial") + " capital (" + said +
                     "); it is a prefecture-level centre";
            }
        } else if (f.kind == Kind::Area && provinceLayersSeen.count(f.layer)) {
            zh = std::string(city->zh) +
                 "在省级行政区地图中作为单独的省级单元表示，台湾省应作为一个"
                 "省级行政区表示";
            en = std::string(city->en) + " is a unit of its own on a map of provinces; "
                                         "Taiwan is one province";
        }
        if (zh.empty())
            continue;
        Finding finding;
        finding.rule = kTaiwanAdmin;
        finding.code = "taiwan";
        finding.severity = Severity::Error;
        finding.messageZh = std::move(zh);
        finding.messageEn = std::move(en);
        finding.featureIds = {f.ref()};
        if (GeosGeometryPtr at = geos::pointOnSurface(ctx.c, *f.geometry))
            finding.geometryWkt = toWkt(ctx.c, *at);
        ctx.add(std::move(finding));
    }
}

} // namespace mapaudit::check
