// The headless command line: `mapaudit SUBCOMMAND …` / `mapaudit-cli SUBCOMMAND …`.
// Needs no display and no Qt.
#pragma once

#include "exit_codes.h"

#include <iosfwd>
#include <string_view>
#include <vector>

namespace mapaudit::cli {

bool isSubcommand(std::string_view word);
int run(const std::vector<std::string_view>& args, std::ostream& out, std::ostream& err);

} // namespace mapaudit::cli
