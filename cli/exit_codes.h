// The exit codes of every command: one table for the code, `mapaudit help` and
// the README (a test keeps the README's table equal to this one).
#pragma once

#include <array>
#include <string_view>

namespace mapaudit::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitInput = 2;
inline constexpr int kExitCanceled = 3;
inline constexpr int kExitInternal = 4;

struct ExitCode {
    int code;
    std::string_view meaning;
};

inline constexpr std::array kExitCodes{
    ExitCode{kExitOk, "done; the map passes; nothing wrong found"},
    ExitCode{kExitProblems, "problems found: a problem map (check), invalid geometries (validate), "
                            "an altered reference pack (refpack verify) or database (db verify)"},
    ExitCode{kExitInput, "unreadable input, bad arguments, could not check (one line on stderr)"},
    ExitCode{kExitCanceled, "canceled"},
    ExitCode{kExitInternal,
             "internal error: a fault of MapAudit's own; please report it with the input"},
};

} // namespace mapaudit::cli
