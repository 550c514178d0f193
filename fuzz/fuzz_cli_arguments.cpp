// The command line's argument parser (cli/arguments.cpp: Arguments), with
// the input split at newlines into arguments for a command taking flags and
// options with values as `mapaudit records import` does. InputError naming
// the argument is the documented answer.
#include "arguments.h"
#include "fuzz_support.h"
#include "mapaudit/base/error.h"

using namespace mapaudit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text(data, size);
    std::vector<std::string_view> args;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        args.push_back(std::string_view(text).substr(start, end - start));
        start = end + 1;
    }
    static const cli::ArgumentSpec spec{{"--json", "--dry-run", "--include-subunits"},
                                        {"--db", "--unit", "--encoding", "--scale", "--out"}};
    try {
        const cli::Arguments parsed(args, spec, "records import");
        for (const std::string name : {"--db", "--unit", "--encoding", "--scale", "--out"})
            if (const auto v = parsed.value(name); v && !spec.withValue.count(name))
                fuzz::fail("a value for an unknown option");
        for (const std::string& p : parsed.positional())
            if (p.rfind("--", 0) == 0 && p.size() > 2)
                fuzz::fail("option '" + p + "' taken as a positional argument");
        (void)parsed.requireOne("file");
    } catch (const InputError&) {
    }
    return 0;
}
