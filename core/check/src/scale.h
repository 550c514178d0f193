// Map scale estimated from vertex spacing (internal).
#pragma once

#include "map_input.h"

namespace mapaudit::check {

// Digitised lines keep about 0.25 mm between vertices on paper: the median
// spacing divided by that, but no smaller than the map's extent shown 10 cm
// across, rounded to the nearest usual map scale.
double estimateScale(const GeosContext& ctx, const MapInput& input);

} // namespace mapaudit::check
