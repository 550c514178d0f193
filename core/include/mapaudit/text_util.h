// Small text helpers shared by core and the command line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
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

} // namespace mapaudit
