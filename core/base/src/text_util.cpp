#include "mapaudit/base/text_util.h"

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

Utf8Char decodeUtf8At(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    const auto cont = [&](std::size_t k) {
        return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    const auto bits = [&](std::size_t k) {
        return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F);
    };
    // Well-formed only (Unicode table 3-7): no overlong form, no surrogate, nothing past
    // U+10FFFF — the bytes JSON writers and Qt refuse.
    const auto wellFormed = [](char32_t cp, std::size_t length) {
        const char32_t least = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        return cp >= least && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    };
    Utf8Char c{0xFFFD, 1};
    if (b < 0x80)
        return {b, 1};
    if ((b & 0xE0) == 0xC0 && cont(1))
        c = {(char32_t(b & 0x1F) << 6) | bits(1), 2};
    else if ((b & 0xF0) == 0xE0 && cont(1) && cont(2))
        c = {(char32_t(b & 0x0F) << 12) | (bits(1) << 6) | bits(2), 3};
    else if ((b & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3))
        c = {(char32_t(b & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3), 4};
    return c.length > 1 && wellFormed(c.codePoint, c.length) ? c : Utf8Char{0xFFFD, 1};
}

bool isWellFormedUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Char c = decodeUtf8At(text, i);
        if (c.codePoint == 0xFFFD && c.length == 1)
            return false;
        i += c.length;
    }
    return true;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Char c = decodeUtf8At(text, i);
        if (!(c.codePoint == 0xFFFD && c.length == 1))
            out.push_back(c.codePoint);
        i += c.length;
    }
    return out;
}

std::string encodeUtf8(std::u32string_view text) {
    std::string out;
    for (const char32_t c : text)
        appendUtf8(out, c);
    return out;
}

bool isCjkIdeograph(char32_t c) {
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

bool containsCjkIdeograph(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const Utf8Char c = decodeUtf8At(text, at);
        if (isCjkIdeograph(c.codePoint))
            return true;
        at += c.length;
    }
    return false;
}

} // namespace mapaudit
