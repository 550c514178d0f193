#include "mapaudit/base/resources.h"

#include "mapaudit/base/error.h"

#include <cstdlib>

namespace mapaudit {
namespace fs = std::filesystem;

fs::path resourceDir() {
    std::error_code ec;
    if (const char* env = std::getenv("MAPAUDIT_RESOURCES"); env && *env) {
        if (fs::is_directory(env, ec))
            return env;
        throw InputError(msg("MAPAUDIT_RESOURCES={} is not a folder — point it at MapAudit's "
                             "resources folder or unset it",
                             env));
    }
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share/mapaudit/resources";
        if (fs::is_directory(installed, ec))
            return installed;
    }
    const fs::path source = MAPAUDIT_SOURCE_RESOURCES;
    if (fs::is_directory(source, ec))
        return source;
    throw InputError(msg("MapAudit's resources folder was not found — reinstall MapAudit or set "
                         "MAPAUDIT_RESOURCES"));
}

fs::path sampleDir() {
    return resourceDir() / "samples";
}

} // namespace mapaudit
