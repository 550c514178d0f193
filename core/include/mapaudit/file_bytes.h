// A file's whole content in and out: read (with a clear error) and written
// complete or not at all (AtomicOutput).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace mapaudit {

// Throws InputError "<path>: cannot be read — check the path".
std::string readFileBytes(const std::filesystem::path& path);
// Throws InputError "<path>: could not be written — check the disk".
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

} // namespace mapaudit
