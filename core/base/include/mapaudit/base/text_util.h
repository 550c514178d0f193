// Small text helpers shared by core and the command line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mapaudit {

// Latin letters to lower case; other bytes (e.g. UTF-8 Chinese) unchanged.
std::string toLowerAscii(std::string s);
// ".SHP" → ".shp"
std::string lowerExtension(const std::filesystem::path& p);
// 36326.64 → "36326.6", for measures in reports and messages.
std::string oneDecimal(double v);
// Without leading and trailing ASCII white space.
std::string trim(const std::string& s);
// The non-empty parts between `separator`s: "a;;b;" → {"a", "b"}.
std::vector<std::string> splitNonEmpty(const std::string& s, char separator);
// The whole text as a number (as std::stod reads it), or nullopt.
std::optional<double> parseNumber(const std::string& text);

// One UTF-8 character at `at`: its code point and length in bytes; a byte
// that starts no well-formed character is U+FFFD of length 1.
struct Utf8Char {
    char32_t codePoint;
    std::size_t length;
};
Utf8Char decodeUtf8At(std::string_view text, std::size_t at);
// Whether every byte of `text` belongs to a well-formed UTF-8 character.
bool isWellFormedUtf8(std::string_view text);
// `codePoint` appended to `out` in UTF-8.
void appendUtf8(std::string& out, char32_t codePoint);
// The code points of `text`, bytes that start no character left out.
std::u32string decodeUtf8(std::string_view text);
std::string encodeUtf8(std::u32string_view text);

// A Chinese character (CJK unified or compatibility ideograph).
bool isCjkIdeograph(char32_t c);
// Whether `text` (UTF-8) holds at least one Chinese character.
bool containsCjkIdeograph(std::string_view text);

} // namespace mapaudit
