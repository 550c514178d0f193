// What an attribute value says about whose land a polygon is (internal):
// country names and codes, China's provinces however they are coded, another
// country's subdivisions, and Taiwan, Hong Kong or Macao named as states.
#pragma once

#include <string>

namespace mapaudit::check {

enum class ValueClass {
    Unknown,
    ChinaNation,        // China, CHN, 156, 中国, 中华人民共和国, …
    ChinaProvince,      // CN-65, CN-XJ, CN.XJ, cn-xj, 650000, 新疆, Xinjiang, …
    ForeignSubdivision, // IN-AR, IN.AR, in-ar: a subdivision of another country
};

struct ValueMeaning {
    ValueClass cls = ValueClass::Unknown;
    // For provinces: "taiwan", "hongkong", "macao" or "" (another province).
    std::string region;
    // For foreign subdivisions: the country code, upper case ("IN").
    std::string country;
    // For provinces: the GB/T 2260 code's first two digits (44 = Guangdong), or 0.
    int province = 0;
    // What of the province the value names: the whole province ("广东", CN-44,
    // 440000), one of its cities or counties (440100: its first four digits), or "".
    bool wholeProvince = false;
    std::string city;
};

ValueMeaning classifyValue(const std::string& value);
// China as a whole or one of its provinces.
inline bool namesChina(const ValueMeaning& m) {
    return m.cls == ValueClass::ChinaNation || m.cls == ValueClass::ChinaProvince;
}

// A country-level value naming Taiwan, Hong Kong or Macao as a unit of its
// own (Taiwan, TWN, TW, 158, 台湾, Hong Kong, HKG, 344, …): "taiwan",
// "hongkong", "macao" or "".
std::string separateUnitRegion(const std::string& value);
// A value that calls Taiwan a state (中華民國, Republic of China, ROC, 台湾国, …).
bool namesTaiwanAsState(const std::string& value);

// Lower case (ASCII), surrounding blanks removed.
std::string normalised(const std::string& value);

} // namespace mapaudit::check
