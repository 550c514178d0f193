// Problem-map checks on a georeferenced picture of a map: is anything drawn
// where each key island lies, is there ink along each of the ten dashes, is
// Taiwan filled like the mainland, are South Tibet and Aksai Chin bounded by
// the foreign claim line instead of China's border. Pictures say less than data: every finding
// is a warning with a confidence, to be confirmed by eye.
#pragma once

#include "mapaudit/check/check_engine.h"

#include <filesystem>
#include <optional>

namespace mapaudit {
class Feedback;
namespace refpack {
class ReferencePack;
}
} // namespace mapaudit

namespace mapaudit::imagery {

struct RasterCheckOptions {
    std::optional<double> scale; // denominator; else from the pixel size (0.2 mm a pixel)
    double toleranceMm = 0.5;    // on paper
};

// Throws InputError when the image is not georeferenced (georeference it first).
check::CheckReport checkRasterMap(const std::filesystem::path& image,
                                  const refpack::ReferencePack& pack,
                                  const RasterCheckOptions& options = {},
                                  Feedback* feedback = nullptr);

// True when `path` holds an image and no vector layers.
bool isRasterOnly(const std::filesystem::path& path);

} // namespace mapaudit::imagery
