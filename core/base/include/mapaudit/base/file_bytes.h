// A file's whole content in and out: read (with a clear error) and written
// complete or not at all (AtomicOutput).
#pragma once

#include "mapaudit/base/message.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace mapaudit {

// Throws InputError "<path>: cannot be read — check the path".
std::string readFileBytes(const std::filesystem::path& path);
// Complete or absent: written to a sibling partial file, renamed on success.
// Throws InputError with writeFailure()'s sentence.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

// "<path>: cannot be written — <why>; <what to do>": a missing folder, a full
// disk, no permission, or the system's reason (errno).
Message writeFailure(const std::filesystem::path& path, int error);
// The same when a library failed to write `path` without an errno: a missing
// folder or a full disk named as such, else the library's `detail`.
Message outputFailure(const std::filesystem::path& path, const std::string& detail);

} // namespace mapaudit
