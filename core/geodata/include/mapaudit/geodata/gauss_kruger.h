// CGCS2000 Gauss-Krüger zones (EPSG:4491–4554): the arithmetic of zone
// numbers, central meridians, false eastings and EPSG codes.
#pragma once

#include <optional>
#include <string>

namespace mapaudit {

struct GaussKrugerZone {
    int width = 3;               // 3 or 6 degrees
    int zone = 0;                // 3°: 25..45, 6°: 13..23
    int centralMeridian = 0;     // degrees east, 75..135
    bool zonePrefix = false;     // false easting = zone * 1 000 000 + 500 000
    int epsg = 0;                // 4491..4554
    bool widthAmbiguous = false; // no prefix and the meridian fits both widths

    double falseEasting() const { return zonePrefix ? zone * 1e6 + 500000.0 : 500000.0; }
    std::string
    describe() const; // e.g. "CGCS2000 3° Gauss-Krüger zone 39 (CM 117°E, with zone prefix)"
};

// From an EPSG code in 4491..4554; nullopt otherwise.
std::optional<GaussKrugerZone> gaussKrugerFromEpsg(int epsg);

// From transverse-Mercator parameters on the CGCS2000 ellipsoid. `widthHint`
// (3 or 6, 0 = unknown) settles the meridians shared by both zone widths when
// the false easting has no zone prefix (e.g. from "3_Degree" in a .prj name).
std::optional<GaussKrugerZone> gaussKrugerFromParameters(double centralMeridian,
                                                         double falseEasting, int widthHint);

// Zone number for a longitude (3°: round(lon/3); 6°: floor(lon/6)+1).
int gaussKrugerZoneForLongitude(double lon, int width);

// EPSG of the zone that holds `lon`, with or without the zone prefix.
std::optional<GaussKrugerZone> gaussKrugerZoneFor(double lon, int width, bool zonePrefix);

} // namespace mapaudit
