#include "mapaudit/geodata/gauss_kruger.h"

#include <cmath>

namespace mapaudit {
namespace {

// EPSG blocks for CGCS2000 Gauss-Krüger, all covering CM 75°E..135°E.
constexpr int kSixPrefixedFirst = 4491;   // 6° zones 13..23, with prefix
constexpr int kSixPlainFirst = 4502;      // 6° CM 75..135, no prefix
constexpr int kThreePrefixedFirst = 4513; // 3° zones 25..45, with prefix
constexpr int kThreePlainFirst = 4534;    // 3° CM 75..135, no prefix
constexpr int kFirstSixZone = 13, kLastSixZone = 23;
constexpr int kFirstThreeZone = 25, kLastThreeZone = 45;

int sixZoneMeridian(int zone) {
    return zone * 6 - 3;
}
int threeZoneMeridian(int zone) {
    return zone * 3;
}

GaussKrugerZone make(int width, int zone, bool prefix) {
    GaussKrugerZone z;
    z.width = width;
    z.zone = zone;
    z.zonePrefix = prefix;
    if (width == 6) {
        z.centralMeridian = sixZoneMeridian(zone);
        z.epsg = (prefix ? kSixPrefixedFirst : kSixPlainFirst) + zone - kFirstSixZone;
    } else {
        z.centralMeridian = threeZoneMeridian(zone);
        z.epsg = (prefix ? kThreePrefixedFirst : kThreePlainFirst) + zone - kFirstThreeZone;
    }
    return z;
}

bool nearlyInteger(double v) {
    return std::fabs(v - std::round(v)) < 1e-9;
}

} // namespace

std::string GaussKrugerZone::describe() const {
    std::string s = "CGCS2000 " + std::to_string(width) + "° Gauss-Krüger zone " +
                    std::to_string(zone) + " (CM " + std::to_string(centralMeridian) + "°E, " +
                    (zonePrefix ? "with zone prefix" : "no zone prefix") + ")";
    if (widthAmbiguous)
        s += "; 3° or 6° cannot be told from the parameters, 3° assumed";
    return s;
}

std::optional<GaussKrugerZone> gaussKrugerFromEpsg(int epsg) {
    if (epsg >= kSixPrefixedFirst && epsg < kSixPlainFirst)
        return make(6, kFirstSixZone + epsg - kSixPrefixedFirst, true);
    if (epsg >= kSixPlainFirst && epsg < kThreePrefixedFirst)
        return make(6, kFirstSixZone + epsg - kSixPlainFirst, false);
    if (epsg >= kThreePrefixedFirst && epsg < kThreePlainFirst)
        return make(3, kFirstThreeZone + epsg - kThreePrefixedFirst, true);
    if (epsg >= kThreePlainFirst && epsg <= kThreePlainFirst + kLastThreeZone - kFirstThreeZone)
        return make(3, kFirstThreeZone + epsg - kThreePlainFirst, false);
    return std::nullopt;
}

std::optional<GaussKrugerZone> gaussKrugerFromParameters(double centralMeridian,
                                                         double falseEasting, int widthHint) {
    if (!nearlyInteger(centralMeridian))
        return std::nullopt;
    const int cm = static_cast<int>(std::lround(centralMeridian));
    if (cm < 75 || cm > 135 || cm % 3 != 0)
        return std::nullopt;

    const double prefixPart = falseEasting - 500000.0;
    if (std::fabs(prefixPart) < 1e-6) {
        // No prefix: 3° meridians are every multiple of 3; 6° meridians are the
        // odd multiples of 3, which are 3° meridians too.
        const bool sixPossible = ((cm + 3) % 6) == 0;
        int width = 3;
        if (widthHint == 6 && sixPossible)
            width = 6;
        GaussKrugerZone z = width == 6 ? make(6, (cm + 3) / 6, false) : make(3, cm / 3, false);
        z.widthAmbiguous = sixPossible && widthHint == 0;
        return z;
    }
    if (!nearlyInteger(prefixPart / 1e6))
        return std::nullopt;
    const int zone = static_cast<int>(std::lround(prefixPart / 1e6));
    if (zone >= kFirstSixZone && zone <= kLastSixZone && sixZoneMeridian(zone) == cm)
        return make(6, zone, true);
    if (zone >= kFirstThreeZone && zone <= kLastThreeZone && threeZoneMeridian(zone) == cm)
        return make(3, zone, true);
    return std::nullopt;
}

int gaussKrugerZoneForLongitude(double lon, int width) {
    if (width == 6)
        return static_cast<int>(std::floor(lon / 6.0)) + 1;
    return static_cast<int>(std::lround(lon / 3.0));
}

std::optional<GaussKrugerZone> gaussKrugerZoneFor(double lon, int width, bool zonePrefix) {
    const int zone = gaussKrugerZoneForLongitude(lon, width);
    if (width == 6 && (zone < kFirstSixZone || zone > kLastSixZone))
        return std::nullopt;
    if (width == 3 && (zone < kFirstThreeZone || zone > kLastThreeZone))
        return std::nullopt;
    return make(width, zone, zonePrefix);
}

} // namespace mapaudit
