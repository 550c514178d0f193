// Building a pack from a bureau's own official data (e.g. the national
// 1:1 000 000 boundary and island layers, standard-map shapefiles), described
// by a JSON mapping file. The result has the pack schema, gets the same
// validation as the built pack, and records the source files' checksums.
#pragma once

#include "mapaudit/refpack/builder.h"

#include <filesystem>
#include <string>

namespace mapaudit::refpack {

struct ImportOptions {
    std::filesystem::path mapping; // JSON; source paths are relative to it
    std::filesystem::path output;
    std::string builtAt; // "" = now
};

// Throws InputError naming the mapping file and the offending key, or the
// source file and field.
BuildReport importReferencePack(const ImportOptions& options);

} // namespace mapaudit::refpack
