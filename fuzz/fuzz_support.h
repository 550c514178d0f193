// Shared by the fuzz targets: a private scratch directory and quiet GDAL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace mapaudit::fuzz {

// The fuzz input as text.
inline std::string text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A directory of this process's own (under $TMPDIR), removed at exit.
const std::filesystem::path& scratchDir();

// Writes `bytes` to `path` (replacing it).
void writeFile(const std::filesystem::path& path, const std::string& bytes);

// GDAL initialised once, its error messages not printed (they are the parsers' business).
void quietGdal();

// A finding that is not a crash: aborts with `what`, so libFuzzer keeps the input.
[[noreturn]] void fail(const std::string& what);

} // namespace mapaudit::fuzz
