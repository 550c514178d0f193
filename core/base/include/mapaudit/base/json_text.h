// JSON that comes from outside (record lines, bundles, mappings, templates):
// parsed only when its nesting stays within a limit, so a hostile file cannot
// exhaust the stack in the parser or in the code walking the result.
#pragma once

#include "mapaudit/base/message.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace mapaudit {

// Far deeper than any MapAudit file needs (records: 2, bundles and mappings: 5).
inline constexpr int kMaxJsonDepth = 64;

// The deepest nesting of arrays and objects in `text` (brackets inside strings
// do not count); the scan stops as soon as it passes `stopAfter`.
int jsonNestingDepth(std::string_view text, int stopAfter = kMaxJsonDepth);

// The sentence for a document nested too deep, or "" when it is within the limit.
std::string jsonDepthProblem(std::string_view text);

// A JSON library error as a sentence: "parse error at line 1, column 5: …"
// without the library's "[json.exception.parse_error.101]" tag.
std::string jsonErrorText(const std::exception& e);

// Parses `text`; throws InputError "<where>: <what is wrong> — <hint>" when it is
// not JSON or is nested deeper than kMaxJsonDepth.
nlohmann::json parseJsonText(std::string_view text, const std::string& where, const Message& hint);
// The same with a hint in English only (not catalogued).
nlohmann::json parseJsonText(std::string_view text, const std::string& where,
                             const std::string& hint);

} // namespace mapaudit
