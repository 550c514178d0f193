// The check of any map file, as the front ends ask for it: map data goes to
// the check engine (check/), a picture of a map to the raster checks
// (imagery/). This layer sits above both so that neither needs the other.
#pragma once

#include "mapaudit/check/check_engine.h"

#include <filesystem>

namespace mapaudit::inspection {

// Throws InputError when the file cannot be read (or a picture is not
// georeferenced), Canceled on cancel.
check::CheckReport checkMap(const std::filesystem::path& path, const refpack::ReferencePack& pack,
                            const check::CheckOptions& options = {}, Feedback* feedback = nullptr);

} // namespace mapaudit::inspection
