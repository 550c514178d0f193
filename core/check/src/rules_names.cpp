// NAME-STATE: Taiwan named or listed as a state, Hong Kong or Macao typed as
// one; NAME-FOREIGN: Chinese islands under a foreign or claimant name. Both
// read the attributes whatever the shapes say: a map that merges Taiwan into
// China's polygon but lists "中華民國" or TWN as a country is still wrong.
#include "check_context.h"
#include "country.h"
#include "foreign_names.h"
#include "mapaudit/geodata/geos_ops.h"
#include "owner_codes.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

namespace mapaudit::check {
namespace {

// Parts of China listed as countries of their own in a country-level field.
struct SeparatistName {
    std::string_view text; // the whole value, lower case
    std::string_view zh;   // what it names
};
constexpr std::array<SeparatistName, 6> kSeparatistNames{{
    {"tibet", "西藏"},
    {"西藏国", "西藏"},
    {"east turkestan", "新疆"},
    {"east turkistan", "新疆"},
    {"东突厥斯坦", "新疆"},
    {"uyghurstan", "新疆"},
}};

const SeparatistName* separatistName(const std::string& value) {
    const std::string v = normalised(value);
    for (const SeparatistName& n : kSeparatistNames)
        if (v == n.text)
            return &n;
    return nullptr;
}

const char* regionZh(const std::string& region) {
    return region == "taiwan" ? "台湾" : region == "hongkong" ? "香港" : "澳门";
}
const char* regionEn(const std::string& region) {
    return region == "taiwan" ? "Taiwan" : region == "hongkong" ? "Hong Kong" : "Macao";
}

std::string pointOf(const CheckContext& ctx, const InputFeature& f) {
    GeosGeometryPtr at = geos::pointOnSurface(ctx.c, *f.geometry);
    return at ? toWkt(ctx.c, *at) : "";
}

// Fields that hold a country whatever the map's owner field: a Taiwan coded
// TWN there lists Taiwan as a country even when its shape is China's.
bool countryLevelField(const std::string& name) {
    static constexpr std::array<std::string_view, 23> kFields{
        "sovereignt",   "sovereignty", "sov_a3", "adm0_a3", "adm0_a3_us", "iso_a2",
        "iso_a3",       "iso_n3",      "iso-a2", "iso-a3",  "a3",         "gu_a3",
        "su_a3",        "brk_a3",      "admin",  "country", "cntry_name", "cntry",
        "country_name", "adm0_name",   "国家",   "国名",    "iso3166-1"};
    const std::string n = normalised(name);
    return std::find(kFields.begin(), kFields.end(), n) != kFields.end();
}

} // namespace

void ruleNames(CheckContext& ctx) {
    // Features TERR-FOREIGN has already reported for their region.
    std::set<std::pair<std::string, std::string>> reported;
    for (const Finding& f : ctx.findings)
        if (f.rule == kTerrForeign)
            for (const std::string& id : f.featureIds)
                reported.insert({id, f.code});
    const OwnerAttribution& owner = ctx.profile.owner;
    const bool countryField = owner.scheme == "country" || owner.scheme == "given";

    for (const InputFeature& f : ctx.input.features) {
        if (f.inInset)
            continue; // its copy moved back carries the same attributes
        bool done = false;
        for (const auto& [field, value] : f.fields) {
            if (done)
                break;
            Finding finding;
            finding.featureIds = {f.ref()};
            finding.geometryWkt = pointOf(ctx, f);
            if (namesTaiwanAsState(value)) {
                if (reported.count({f.ref(), "taiwan"}))
                    continue;
                finding.rule = kNameState;
                finding.code = "taiwan";
                finding.severity = Severity::Error;
                finding.messageZh = "台湾被称为国家（" + field + " = “" + value + "”）";
                finding.messageEn = "Taiwan is named as a state (" + field + " = '" + value + "')";
            } else if (const SeparatistName* part =
                           ((countryField && field == owner.field) || countryLevelField(field))
                               ? separatistName(value)
                               : nullptr) {
                finding.rule = kNameState;
                finding.code = "china";
                finding.severity = Severity::Error;
                finding.messageZh =
                    std::string(part->zh) + "被列为国家（" + field + " = “" + value + "”）";
                finding.messageEn =
                    "a part of China is listed as a country (" + field + " = '" + value + "')";
            } else if ((countryField && field == owner.field) || countryLevelField(field)) {
                // A country-level value naming Taiwan, Hong Kong or Macao: the
                // map lists it as a country, whatever its shape.
                const std::string region = separateUnitRegion(value);
                if (region.empty() || reported.count({f.ref(), region}))
                    continue;
                const bool sar = region != "taiwan";
                if (sar && !claimsSovereignty(f))
                    continue; // a SAR as a unit of its own: TERR-FOREIGN words that
                finding.rule = kNameState;
                finding.code = region;
                finding.severity = Severity::Error;
                finding.messageZh =
                    std::string(regionZh(region)) + "被列为国家（" + field + " = “" + value + "”）";
                finding.messageEn = std::string(regionEn(region)) + " is listed as a country (" +
                                    field + " = '" + value + "')";
            } else {
                const ForeignName* hit = foreignNameIn(value);
                if (!hit)
                    continue;
                finding.rule = kNameForeign;
                finding.code = std::string(hit->code);
                finding.severity = Severity::Warning;
                finding.messageZh = std::string(hit->zh) + "使用了外国或声索方名称“" + value + "”";
                finding.messageEn =
                    "a Chinese island is given a foreign or claimant name ('" + value + "')";
            }
            ctx.add(std::move(finding));
            done = true;
        }
    }
}

} // namespace mapaudit::check
