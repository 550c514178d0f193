// South Tibet and Aksai Chin on a picture of a map: is a boundary drawn along
// the foreign claim line and none along China's border? (internal to core)
#pragma once

#include "mapaudit/check/check_engine.h"

#include <vector>

namespace mapaudit::refpack {
class ReferencePack;
}

namespace mapaudit::imagery {

class ImageSampler;

// Appends a TERR-FOREIGN warning per region the picture draws the foreign
// way. `radius` is the search radius around each sample, in pixels.
void checkClaimLines(const ImageSampler& image, const refpack::ReferencePack& pack, double radius,
                     std::vector<check::Finding>& findings);

} // namespace mapaudit::imagery
