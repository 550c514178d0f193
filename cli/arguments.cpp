#include "arguments.h"

#include "mapaudit/base/error.h"

namespace mapaudit::cli {

Arguments::Arguments(const std::vector<std::string_view>& args, const ArgumentSpec& spec,
                     std::string_view command)
    : command_(command) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg(args[i]);
        if (arg.size() < 2 || arg.rfind("--", 0) != 0) {
            positional_.push_back(arg);
            continue;
        }
        std::optional<std::string> inlineValue;
        if (auto eq = arg.find('='); eq != std::string::npos) {
            inlineValue = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        if (spec.flags.count(arg) && !inlineValue) {
            flags_.insert(arg);
        } else if (spec.withValue.count(arg)) {
            if (inlineValue) {
                values_[arg] = *inlineValue;
            } else if (i + 1 < args.size()) {
                values_[arg] = std::string(args[++i]);
            } else {
                throw InputError(msg("{} needs a value — see `mapaudit {} --help`", arg, command_));
            }
        } else {
            throw InputError(msg("unknown option {} — see `mapaudit {} --help`", arg, command_));
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end())
        return std::nullopt;
    return it->second;
}

const std::string& Arguments::requireOne(const std::string& what) const {
    if (positional_.size() != 1)
        throw InputError(msg("expected one {}, got {} — see `mapaudit {} --help`", what,
                             std::to_string(positional_.size()), command_));
    return positional_.front();
}

} // namespace mapaudit::cli
