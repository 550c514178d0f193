// Coordinates as inspectors read and write them: decimal degrees and
// degrees-minutes-seconds (度分秒), and map scale denominators.
#pragma once

#include <optional>
#include <string>

namespace mapaudit {

// 116.391 → "116°23'27.60\"E"; latitude gets N/S.
std::string formatDms(double degrees, bool isLatitude, int secondDecimals = 2);
// An angle as typed: "116.391", "-12.5", "116°23'27.6\"E", "116 23 27.6",
// "116度23分27.6秒", "39°54.4'N". S and W make it negative. nullopt when it is
// not an angle (minutes or seconds of 60 or more, or a bad character).
std::optional<double> parseAngle(const std::string& text);
// "116.391000°E, 39.907000°N"
std::string formatLonLat(double lon, double lat, int decimals = 6);
// Ground metres per degree of longitude at a latitude, on the CGCS2000 ellipsoid.
double metresPerDegreeLongitude(double latitude);
double metresPerDegreeLatitude(double latitude);
// 1 234 567.8 → "1:1 234 568" (rounded to 3 significant digits above 1000).
std::string formatScale(double denominator);

} // namespace mapaudit
