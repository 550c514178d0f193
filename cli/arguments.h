// A small argument parser for subcommands: positionals, --flag, --option VALUE
// and --option=VALUE. Unknown options are errors, not silently ignored.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mapaudit::cli {

struct ArgumentSpec {
    std::set<std::string> flags;     // e.g. {"--json"}
    std::set<std::string> withValue; // e.g. {"--encoding"}
};

class Arguments {
public:
    // Throws InputError naming the offending argument.
    Arguments(const std::vector<std::string_view>& args, const ArgumentSpec& spec,
              std::string_view command);
    bool flag(const std::string& name) const { return flags_.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }
    // The single positional argument named `what` or an InputError.
    const std::string& requireOne(const std::string& what) const;

private:
    std::string command_;
    std::set<std::string> flags_;
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

} // namespace mapaudit::cli
