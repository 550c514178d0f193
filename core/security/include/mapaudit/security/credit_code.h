// The unified social credit code (统一社会信用代码, GB 32100-2015): 18
// characters from a 31-character alphabet, the last a check character over
// the first 17. Positions 9-17 are the organization code (GB 11714), with a
// check character of its own.
#pragma once

#include "mapaudit/base/message.h"

#include <optional>
#include <string>

namespace mapaudit::security {

// The check character the first 17 characters call for; nullopt when they are
// not 17 characters of the code's alphabet.
std::optional<char> creditCodeCheckCharacter(const std::string& first17);

// nullopt when `code` is a well-formed code; otherwise what is wrong, in a
// sentence naming the character at fault ("has 17 characters, not 18"). Lower
// case is accepted (codes are printed in capitals; see normalizeCreditCode).
std::optional<Message> creditCodeIssue(const std::string& code);
// The same in English; "" for a well-formed code.
std::string creditCodeProblem(const std::string& code);
inline bool isValidCreditCode(const std::string& code) {
    return creditCodeProblem(code).empty();
}
// Upper case, spaces removed.
std::string normalizeCreditCode(const std::string& code);

} // namespace mapaudit::security
