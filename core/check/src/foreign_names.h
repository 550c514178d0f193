// Foreign and claimant names of Chinese islands and seas (internal): what
// NAME-FOREIGN looks for in attributes and in text read off pictures.
#pragma once

#include <string>
#include <string_view>

namespace mapaudit::check {

struct ForeignName {
    std::string_view text; // matched in lower case, anywhere in the value
    std::string_view code; // the pack's code of what it names
    std::string_view zh;   // the Chinese name
};

// The first foreign name `value` contains, or nullptr.
const ForeignName* foreignNameIn(const std::string& value);

} // namespace mapaudit::check
