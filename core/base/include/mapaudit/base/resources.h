// Where MapAudit's resources (samples, translations, reference pack) are.
#pragma once

#include <filesystem>

namespace mapaudit {

// In order: $MAPAUDIT_RESOURCES, <exe>/../share/mapaudit/resources (installed),
// the source tree's resources/ (build tree). Throws InputError if none exists.
std::filesystem::path resourceDir();
std::filesystem::path sampleDir();

} // namespace mapaudit
