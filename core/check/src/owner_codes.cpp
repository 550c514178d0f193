#include "owner_codes.h"

#include "mapaudit/base/text_util.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace mapaudit::check {
namespace {

constexpr std::array<std::string_view, 14> kChinaNation{"china",
                                                        "chn",
                                                        "156",
                                                        "中国",
                                                        "中华人民共和国",
                                                        "中華人民共和國",
                                                        "prc",
                                                        "cn",
                                                        "zhongguo",
                                                        "p.r. china",
                                                        "people's republic of china",
                                                        "pr china",
                                                        "china (prc)",
                                                        "people's republic of china (prc)"};

struct Province {
    std::string_view zh;     // name without 省/自治区/市, as written in simplified characters
    std::string_view zhTrad; // traditional spelling where it differs, else ""
    std::string_view en;     // English or pinyin, lower case
    std::string_view en2;    // another usual spelling, or ""
    std::string_view iso;    // ISO 3166-2 letters (2017 codes)
    std::string_view hasc;   // HASC letters where they differ from iso, else ""
    int gb;                  // GB/T 2260 first two digits
    std::string_view region; // reference-pack region code, or ""
};

// China's 34 provincial-level units. Shaanxi and Shanxi differ in pinyin by
// one letter; both are kept exact.
constexpr std::array<Province, 34> kProvinces{{
    {"北京", "", "beijing", "peking", "bj", "", 11, ""},
    {"天津", "", "tianjin", "", "tj", "", 12, ""},
    {"河北", "", "hebei", "", "he", "", 13, ""},
    {"山西", "", "shanxi", "", "sx", "", 14, ""},
    {"内蒙古", "內蒙古", "inner mongolia", "nei mongol", "nm", "", 15, ""},
    {"辽宁", "遼寧", "liaoning", "", "ln", "", 21, ""},
    {"吉林", "", "jilin", "", "jl", "", 22, ""},
    {"黑龙江", "黑龍江", "heilongjiang", "", "hl", "", 23, ""},
    {"上海", "", "shanghai", "", "sh", "", 31, ""},
    {"江苏", "江蘇", "jiangsu", "", "js", "", 32, ""},
    {"浙江", "", "zhejiang", "", "zj", "", 33, ""},
    {"安徽", "", "anhui", "", "ah", "", 34, ""},
    {"福建", "", "fujian", "", "fj", "", 35, ""},
    {"江西", "", "jiangxi", "", "jx", "", 36, ""},
    {"山东", "山東", "shandong", "", "sd", "", 37, ""},
    {"河南", "", "henan", "", "ha", "", 41, ""},
    {"湖北", "", "hubei", "", "hb", "", 42, ""},
    {"湖南", "", "hunan", "", "hn", "", 43, ""},
    {"广东", "廣東", "guangdong", "", "gd", "", 44, ""},
    {"广西", "廣西", "guangxi", "", "gx", "", 45, ""},
    {"海南", "", "hainan", "", "hi", "", 46, ""},
    {"重庆", "重慶", "chongqing", "", "cq", "", 50, ""},
    {"四川", "", "sichuan", "", "sc", "", 51, ""},
    {"贵州", "貴州", "guizhou", "", "gz", "", 52, ""},
    {"云南", "雲南", "yunnan", "", "yn", "", 53, ""},
    {"西藏", "", "xizang", "tibet", "xz", "", 54, ""},
    {"陕西", "陝西", "shaanxi", "", "sn", "sa", 61, ""},
    {"甘肃", "甘肅", "gansu", "", "gs", "", 62, ""},
    {"青海", "", "qinghai", "", "qh", "", 63, ""},
    {"宁夏", "寧夏", "ningxia", "", "nx", "", 64, ""},
    {"新疆", "", "xinjiang", "", "xj", "", 65, ""},
    {"台湾", "臺灣", "taiwan", "", "tw", "", 71, "taiwan"},
    {"香港", "", "hong kong", "hongkong", "hk", "", 91, "hongkong"},
    {"澳门", "澳門", "macao", "macau", "mo", "", 92, "macao"},
}};
// GB/T 2260 gives Hong Kong 81 and Macao 82; ISO 3166-2 numeric gives 91 and 92.
int gbCodeOf(const Province& p) {
    return p.gb == 91 ? 81 : p.gb == 92 ? 82 : p.gb;
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return !prefix.empty() && s.substr(0, prefix.size()) == prefix;
}

bool allDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool allAlnum(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0;
    });
}

const Province* provinceByName(const std::string& v) {
    for (const Province& p : kProvinces) {
        // "新疆维吾尔自治区", "内蒙古自治区", "台湾省": the name begins the value.
        if (startsWith(v, p.zh) || startsWith(v, p.zhTrad))
            return &p;
        // "xinjiang", "xinjiang uygur", "guangxi zhuang autonomous region";
        // "shanxi" must not match "shaanxi" and the other way round.
        for (std::string_view en : {p.en, p.en2})
            if (startsWith(v, en) &&
                (v.size() == en.size() || v[en.size()] == ' ' || v[en.size()] == ','))
                return &p;
    }
    return nullptr;
}

// The GB/T 2260 digits of a code: "650000", "650100", "100000_JD" → "100000",
// and "156710001" (ISO 3166 numeric 156 before a six-digit adcode, as some
// global datasets write it) → "710001". A township code (nine digits) never
// starts 156: Inner Mongolia (15) has no city 6x.
std::string adcodeDigits(const std::string& v) {
    std::string digits = v.substr(0, v.find('_'));
    if (digits.size() == 9 && digits.starts_with("156") && allDigits(digits))
        digits = digits.substr(3);
    return digits;
}

const Province* provinceByCode(const std::string& v) {
    // ISO 3166-2 (CN-65, CN-XJ), HASC (CN.XJ), charting keys (cn-xj).
    if (v.size() >= 4 && v[0] == 'c' && v[1] == 'n' &&
        (v[2] == '-' || v[2] == '.' || v[2] == '_')) {
        const std::string_view rest = std::string_view(v).substr(3);
        for (const Province& p : kProvinces) {
            if (rest == p.iso || (!p.hasc.empty() && rest == p.hasc))
                return &p;
            if (allDigits(rest) && rest.size() == 2 && std::stoi(std::string(rest)) == p.gb)
                return &p;
        }
        return nullptr;
    }
    // GB/T 2260 adcodes: 650000, 650100 (a city), "100000_JD" (the dashes of a
    // national map), 12-digit statistical codes.
    const std::string digits = adcodeDigits(v);
    if (allDigits(digits) && (digits.size() == 6 || digits.size() == 9 || digits.size() == 12)) {
        const int head = std::stoi(digits.substr(0, 2));
        for (const Province& p : kProvinces)
            if (head == gbCodeOf(p))
                return &p;
    }
    return nullptr;
}

bool isChinaNationCode(const std::string& v) {
    // "100000" is the adcode of the whole country.
    return adcodeDigits(v) == "100000";
}

ValueMeaning meaning(ValueClass cls, std::string region = {}, std::string country = {},
                     int province = 0) {
    ValueMeaning m;
    m.cls = cls;
    m.region = std::move(region);
    m.country = std::move(country);
    m.province = province;
    return m;
}

} // namespace

std::string normalised(const std::string& value) {
    return toLowerAscii(trim(value));
}

ValueMeaning classifyValue(const std::string& raw) {
    const std::string v = normalised(raw);
    if (v.empty())
        return {};
    if (std::find(kChinaNation.begin(), kChinaNation.end(), v) != kChinaNation.end() ||
        isChinaNationCode(v) || v == "cn-all")
        return meaning(ValueClass::ChinaNation);
    if (const Province* p = provinceByCode(v)) {
        ValueMeaning m =
            meaning(ValueClass::ChinaProvince, std::string(p->region), "", gbCodeOf(*p));
        const std::string digits = adcodeDigits(v);
        if (allDigits(digits) && digits.substr(2).find_first_not_of('0') != std::string::npos)
            // 440100: a city of Guangdong; 710001: a unit right under its
            // province (Taiwan's counties and cities in some datasets), its
            // own city for counting.
            m.city = digits.substr(2, 2) == "00" ? digits.substr(0, 6) : digits.substr(0, 4);
        else
            m.wholeProvince = true; // 440000, CN-44, CN-GD
        return m;
    }
    if (const Province* p = provinceByName(v)) {
        ValueMeaning m =
            meaning(ValueClass::ChinaProvince, std::string(p->region), "", gbCodeOf(*p));
        m.wholeProvince = true;
        return m;
    }
    // "南海诸岛", the South China Sea Islands drawn as a unit of a provinces map.
    if (startsWith(v, "南海诸岛") || startsWith(v, "南海諸島"))
        return meaning(ValueClass::ChinaProvince, "", "", 46);
    // IN-AR, IN.AR, in-ar: another country's subdivision.
    if (v.size() >= 4 && v.size() <= 7 && std::isalpha(static_cast<unsigned char>(v[0])) &&
        std::isalpha(static_cast<unsigned char>(v[1])) && (v[2] == '-' || v[2] == '.') &&
        allAlnum(std::string_view(v).substr(3))) {
        if (v[0] == 'c' && v[1] == 'n') // CN.HU: a code of China's we do not know, still China's
            return meaning(ValueClass::ChinaProvince);
        std::string country = v.substr(0, 2);
        for (char& c : country)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return meaning(ValueClass::ForeignSubdivision, "", country);
    }
    return {};
}

std::string separateUnitRegion(const std::string& raw) {
    const std::string v = normalised(raw);
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 25> kUnits{{
        {"taiwan", "taiwan"},
        {"twn", "taiwan"},
        {"tw", "taiwan"},
        {"158", "taiwan"},
        {"台湾", "taiwan"},
        {"台灣", "taiwan"},
        {"臺灣", "taiwan"},
        {"taiwan, province of china", "taiwan"},
        {"chinese taipei", "taiwan"},
        {"hong kong", "hongkong"},
        {"hongkong", "hongkong"},
        {"hkg", "hongkong"},
        {"hk", "hongkong"},
        {"344", "hongkong"},
        {"香港", "hongkong"},
        {"hong kong s.a.r.", "hongkong"},
        {"hong kong sar", "hongkong"},
        {"macao", "macao"},
        {"macau", "macao"},
        {"mac", "macao"},
        {"mo", "macao"},
        {"446", "macao"},
        {"澳门", "macao"},
        {"澳門", "macao"},
        {"macao s.a.r", "macao"},
    }};
    for (const auto& [name, region] : kUnits)
        if (v == name)
            return std::string(region);
    return namesTaiwanAsState(raw) ? "taiwan" : "";
}

bool namesTaiwanAsState(const std::string& raw) {
    const std::string v = normalised(raw);
    static constexpr std::array<std::string_view, 9> kStateNames{
        "中華民國", "中华民国", "republic of china", "台湾国", "臺灣國", "台灣國", "台湾國",
        "roc",      "r.o.c."};
    for (std::string_view name : kStateNames) {
        if (name == "roc" || name == "r.o.c.") {
            if (v == name)
                return true;
        } else if (v.find(name) != std::string::npos &&
                   v.find("people's republic of china") == std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace mapaudit::check
