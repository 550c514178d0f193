#include "country.h"

#include "mapaudit/error.h"
#include "mapaudit/text_util.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace mapaudit::check {
namespace {

// Field names that carry the country, most specific first.
constexpr std::array kCountryFields{"sovereignt", "sov_a3",  "adm0_a3",   "iso_a3",  "a3",
                                    "gu_a3",      "iso_n3",  "admin",     "name_zh", "name_cn",
                                    "name",       "name_en", "id",        "国家",    "国名",
                                    "名称",       "country", "cntry_name"};
constexpr std::array kSovereigntyFields{"sovereignt", "sov_a3", "sovereignty"};
const std::array<std::string, 10> kChinaValues{
    "china", "chn", "156",      "中国",      "中华人民共和国", "people's republic of china",
    "prc",   "cn",  "zhongguo", "p.r. china"};

// Lower case and without surrounding blanks, for comparing attribute values.
std::string lower(std::string s) {
    s = toLowerAscii(std::move(s));
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.erase(s.begin());
    return s;
}

// The input's actual spelling of a field name, matched case-insensitively.
std::optional<std::string> fieldNamed(const InputFeature& f, const std::string& wanted) {
    for (const auto& [name, value] : f.fields)
        if (lower(name) == wanted)
            return name;
    return std::nullopt;
}

bool isChinaValue(const std::string& v) {
    const std::string l = lower(v);
    return std::find(kChinaValues.begin(), kChinaValues.end(), l) != kChinaValues.end();
}

} // namespace

CountryDetection detectCountry(const MapInput& input, const CheckOptions& options) {
    CountryDetection d;
    if (!options.countryField.empty()) {
        d.field = options.countryField;
        d.value = options.chinaValue.empty() ? "China" : options.chinaValue;
        d.reason = "given with --country-field/--china-value";
        return d;
    }
    for (const char* candidate : kCountryFields) {
        for (const InputFeature& f : input.features) {
            if (f.kind != Kind::Area)
                continue;
            const auto name = fieldNamed(f, candidate);
            if (name && isChinaValue(f.fields.at(*name))) {
                d.field = *name;
                d.value = f.fields.at(*name);
                d.reason = "field '" + d.field + "' has the value '" + d.value + "' on " + f.ref();
                return d;
            }
        }
    }
    d.reason = "no attribute names China (中国/China/CHN/156): every polygon is taken as China, "
               "as on a map of China's provinces or counties";
    return d;
}

bool isChina(const InputFeature& f, const CountryDetection& d) {
    if (d.field.empty())
        return true;
    const auto it = f.fields.find(d.field);
    if (it == f.fields.end())
        return false;
    return lower(it->second) == lower(d.value) || isChinaValue(it->second);
}

bool hasCountryValue(const InputFeature& f, const CountryDetection& d) {
    if (d.field.empty())
        return false;
    const auto it = f.fields.find(d.field);
    return it != f.fields.end() && !it->second.empty();
}

std::string ownerOf(const InputFeature& f, const CountryDetection& d) {
    for (const std::string& key : {d.field, std::string("name"), std::string("NAME")})
        if (auto it = f.fields.find(key);
            !key.empty() && it != f.fields.end() && !it->second.empty())
            return it->second;
    return f.ref();
}

bool claimsSovereignty(const InputFeature& f) {
    for (const auto& [name, value] : f.fields)
        if ((lower(name) == "type" || lower(name) == "featurecla") &&
            lower(value) == "sovereign country")
            return true;
    return false;
}

bool sovereigntyIsChina(const InputFeature& f) {
    for (const char* field : kSovereigntyFields)
        if (auto name = fieldNamed(f, field); name && isChinaValue(f.fields.at(*name)))
            return true;
    return false;
}

} // namespace mapaudit::check
