#include "mapaudit/geodata/coordinate_format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iomanip>
#include <iterator>
#include <sstream>
#include <vector>

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

std::optional<double> parseAngle(const std::string& text) {
    // Every mark (° ' " 度 分 秒 and the primes) separates numbers; a letter names the hemisphere.
    std::string spaced;
    double sign = 1;
    int hemispheres = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isdigit(c) || c == '.' || c == '-' || c == '+') {
            spaced += static_cast<char>(c);
        } else if (std::string("NSEWnsew").find(static_cast<char>(c)) != std::string::npos) {
            sign = std::string("SWsw").find(static_cast<char>(c)) != std::string::npos ? -1 : 1;
            ++hemispheres;
            spaced += ' ';
        } else if (c == ' ' || c == '\t' || c == '\'' || c == '"' || c == ',') {
            spaced += ' ';
        } else if (c >= 0x80) {
            // A UTF-8 mark: skip its continuation bytes; only the marks above are allowed.
            std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            const std::string mark = text.substr(i, n);
            static const char* const marks[] = {"°", "度", "分", "秒", "′", "″", "’", "”", "º"};
            if (std::find(std::begin(marks), std::end(marks), mark) == std::end(marks))
                return std::nullopt;
            spaced += ' ';
            i += n - 1;
        } else {
            return std::nullopt;
        }
    }
    std::istringstream in(spaced);
    std::vector<double> parts;
    std::string word;
    while (in >> word) {
        std::size_t used = 0;
        try {
            parts.push_back(std::stod(word, &used));
        } catch (const std::exception&) {
            return std::nullopt;
        }
        if (used != word.size())
            return std::nullopt;
    }
    if (parts.empty() || parts.size() > 3 || hemispheres > 1)
        return std::nullopt;
    for (std::size_t k = 1; k < parts.size(); ++k)
        if (parts[k] < 0 || parts[k] >= 60)
            return std::nullopt;
    if (parts.size() > 1 && parts[0] != std::floor(parts[0]))
        return std::nullopt; // 116.5 23' is not an angle
    const double magnitude = std::fabs(parts[0]) + (parts.size() > 1 ? parts[1] / 60 : 0) +
                             (parts.size() > 2 ? parts[2] / 3600 : 0);
    if (parts[0] < 0)
        sign = -sign;
    return sign * magnitude;
}

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
