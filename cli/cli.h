// The headless command line: `mapaudit SUBCOMMAND …` / `mapaudit-cli SUBCOMMAND …`.
// Needs no display and no Qt.
#pragma once

#include <iosfwd>
#include <string_view>
#include <vector>

namespace mapaudit::cli {

// Exit codes (documented in the README).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitInput = 2; // unreadable input, bad arguments
inline constexpr int kExitCanceled = 3;

bool isSubcommand(std::string_view word);
int run(const std::vector<std::string_view>& args, std::ostream& out, std::ostream& err);

} // namespace mapaudit::cli
