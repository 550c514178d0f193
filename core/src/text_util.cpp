#include "mapaudit/text_util.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace mapaudit {

std::string toLowerAscii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string lowerExtension(const std::filesystem::path& p) {
    return toLowerAscii(p.extension().string());
}

std::string oneDecimal(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

std::optional<double> parseNumber(const std::string& text) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size())
            return v;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<std::string> splitNonEmpty(const std::string& s, char separator) {
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= s.size();) {
        const std::size_t end = std::min(s.find(separator, start), s.size());
        if (end > start)
            parts.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

} // namespace mapaudit
