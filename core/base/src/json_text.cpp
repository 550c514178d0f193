#include "mapaudit/base/json_text.h"

#include "mapaudit/base/error.h"

namespace mapaudit {

int jsonNestingDepth(std::string_view text, int stopAfter) {
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > stopAfter)
                return deepest;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

std::string jsonDepthProblem(std::string_view text) {
    if (jsonNestingDepth(text) <= kMaxJsonDepth)
        return {};
    return "nested more than " + std::to_string(kMaxJsonDepth) +
           " levels deep (arrays or objects inside each other)";
}

std::string jsonErrorText(const std::exception& e) {
    std::string text = e.what();
    if (text.rfind("[json.exception.", 0) == 0)
        if (const auto close = text.find("] "); close != std::string::npos)
            text.erase(0, close + 2);
    return text;
}

nlohmann::json parseJsonText(std::string_view text, const std::string& where, const Message& hint) {
    if (!jsonDepthProblem(text).empty())
        throw InputError(msg("{}: nested more than {} levels deep (arrays or objects inside each "
                             "other) — {}",
                             where, kMaxJsonDepth, hint));
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw InputError(msg("{}: the file is empty — {}", where, hint));
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(msg("{}: not valid JSON ({}) — {}", where, jsonErrorText(e), hint));
    }
}

nlohmann::json parseJsonText(std::string_view text, const std::string& where,
                             const std::string& hint) {
    return parseJsonText(text, where, verbatim(hint));
}

} // namespace mapaudit
