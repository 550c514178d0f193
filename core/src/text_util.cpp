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

} // namespace mapaudit
