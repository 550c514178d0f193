#include "mapaudit/security/credit_code.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace mapaudit::security {
namespace {

// GB 32100-2015: digits and capitals without I, O, S, V, Z; a character's value is its index.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights{1,  3,  9,  27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8,  24, 10, 30, 28};
// GB 11714 organization code: 8 body characters, then the check.
constexpr std::array<int, 8> kOrgWeights{3, 7, 9, 10, 5, 8, 4, 2};

int valueOf(char c) {
    const auto at = kAlphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// GB 11714 values: digits 0-9, letters A-Z as 10-35.
int orgValueOf(char c) {
    if (std::isdigit(static_cast<unsigned char>(c)))
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::string normalizeCreditCode(const std::string& code) {
    std::string out;
    for (char c : code)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::optional<char> creditCodeCheckCharacter(const std::string& first17) {
    if (first17.size() != kWeights.size())
        return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < kWeights.size(); ++i) {
        const int v = valueOf(first17[i]);
        if (v < 0)
            return std::nullopt;
        sum += v * kWeights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return kAlphabet[static_cast<std::size_t>(check)];
}

std::optional<Message> creditCodeIssue(const std::string& raw) {
    const std::string code = normalizeCreditCode(raw);
    const auto nonAscii = std::find_if(
        code.begin(), code.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (nonAscii != code.end()) {
        // Full-width forms (U+FF01–FF5E) come from a Chinese input method.
        const auto b0 = static_cast<unsigned char>(nonAscii[0]);
        if (b0 == 0xEF && code.end() - nonAscii >= 3 &&
            (static_cast<unsigned char>(nonAscii[1]) == 0xBC ||
             static_cast<unsigned char>(nonAscii[1]) == 0xBD))
            return msg("is typed in full-width characters (such as '{}') — type it again with "
                       "half-width digits and letters (input method in English mode)",
                       std::string(nonAscii, nonAscii + 3));
        std::size_t end = static_cast<std::size_t>(nonAscii - code.begin()) + 1;
        while (end < code.size() && (static_cast<unsigned char>(code[end]) & 0xC0) == 0x80)
            ++end;
        const std::size_t begin = static_cast<std::size_t>(nonAscii - code.begin());
        return msg("contains '{}', which is not a digit or a Latin capital — credit codes use 0-9 "
                   "and A-Z only",
                   code.substr(begin, end - begin));
    }
    if (code.size() != 18)
        return msg("has {} characters, not 18", code.size());
    for (std::size_t i = 0; i < code.size(); ++i)
        if (valueOf(code[i]) < 0)
            return msg("character {} '{}' is not used in credit codes (digits and capitals except "
                       "I, O, S, V, Z)",
                       i + 1, std::string(1, code[i]));
    // Positions 9-17: the organization code, whose check is a digit or X.
    int sum = 0;
    for (std::size_t i = 0; i < kOrgWeights.size(); ++i)
        sum += orgValueOf(code[8 + i]) * kOrgWeights[i];
    const int orgCheck = 11 - sum % 11;
    const char expectedOrg = orgCheck == 11 ? '0' : orgCheck == 10 ? 'X' : char('0' + orgCheck);
    if (code[16] != expectedOrg)
        return msg("character 17 should be '{}' (check of the organization code in characters "
                   "9-17), not '{}'",
                   std::string(1, expectedOrg), std::string(1, code[16]));
    const char expected = *creditCodeCheckCharacter(code.substr(0, 17));
    if (code[17] != expected)
        return msg("check character (18) should be '{}', not '{}' — a character is mistyped",
                   std::string(1, expected), std::string(1, code[17]));
    return std::nullopt;
}

std::string creditCodeProblem(const std::string& code) {
    const auto issue = creditCodeIssue(code);
    return issue ? issue->text(Language::English) : "";
}

} // namespace mapaudit::security
