#include "mapaudit/coordinate_format.h"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace mapaudit {
namespace {

constexpr double kA = 6378137.0;
constexpr double kF = 1.0 / 298.257222101;
constexpr double kE2 = kF * (2 - kF);
constexpr double kDegree = 3.14159265358979323846 / 180.0;

std::string groupThousands(long long v) {
    std::string digits = std::to_string(v);
    std::string out;
    const int len = static_cast<int>(digits.size());
    for (int i = 0; i < len; ++i) {
        if (i > 0 && (len - i) % 3 == 0)
            out += ' ';
        out += digits[static_cast<std::size_t>(i)];
    }
    return out;
}

} // namespace

std::string formatDms(double degrees, bool isLatitude, int secondDecimals) {
    const char hemisphere = isLatitude ? (degrees < 0 ? 'S' : 'N') : (degrees < 0 ? 'W' : 'E');
    const double scale = std::pow(10.0, secondDecimals);
    // Round once, in units of the last shown second digit, so 59.999" never shows as 60".
    long long units = std::llround(std::fabs(degrees) * 3600.0 * scale);
    const long long perMinute = static_cast<long long>(60 * scale);
    const long long perDegree = perMinute * 60;
    const long long d = units / perDegree;
    units -= d * perDegree;
    const long long m = units / perMinute;
    units -= m * perMinute;
    std::ostringstream o;
    o << d << "°" << std::setw(2) << std::setfill('0') << m << "'" << std::fixed
      << std::setprecision(secondDecimals) << std::setw(secondDecimals > 0 ? 3 + secondDecimals : 2)
      << double(units) / scale << "\"" << hemisphere;
    return o.str();
}

std::string formatLonLat(double lon, double lat, int decimals) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(decimals) << std::fabs(lon) << "°" << (lon < 0 ? 'W' : 'E')
      << ", " << std::fabs(lat) << "°" << (lat < 0 ? 'S' : 'N');
    return o.str();
}

double metresPerDegreeLongitude(double latitude) {
    const double s = std::sin(latitude * kDegree);
    return kDegree * kA * std::cos(latitude * kDegree) / std::sqrt(1 - kE2 * s * s);
}

double metresPerDegreeLatitude(double latitude) {
    const double s = std::sin(latitude * kDegree);
    return kDegree * kA * (1 - kE2) / std::pow(1 - kE2 * s * s, 1.5);
}

std::string formatScale(double denominator) {
    if (!(denominator > 0) || !std::isfinite(denominator))
        return "1:?";
    double rounded = denominator;
    if (denominator >= 1000) {
        const double magnitude = std::pow(10.0, std::floor(std::log10(denominator)) - 2);
        rounded = std::round(denominator / magnitude) * magnitude;
    }
    return "1:" + groupThousands(std::llround(rounded));
}

} // namespace mapaudit
