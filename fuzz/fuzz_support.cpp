#include "fuzz_support.h"

#include "mapaudit/geodata/gdal_environment.h"

#include <cpl_error.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace mapaudit::fuzz {
namespace fs = std::filesystem;

const fs::path& scratchDir() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("mapaudit-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(d);
        std::atexit([] {
            std::error_code ignored;
            fs::remove_all(scratchDir(), ignored);
        });
        return d;
    }();
    return dir;
}

void writeFile(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
        fail("cannot write " + path.string());
}

void quietGdal() {
    static const bool done = [] {
        ensureGdalInitialised();
        CPLSetErrorHandler(CPLQuietErrorHandler);
        return true;
    }();
    (void)done;
}

void fail(const std::string& what) {
    std::fprintf(stderr, "FUZZ FINDING: %s\n", what.c_str());
    std::abort();
}

} // namespace mapaudit::fuzz
