// Sovereignty attributes of world maps (internal): whether a unit is typed
// as a country of its own, and whether its sovereign is China.
#pragma once

#include "map_input.h"

namespace mapaudit::check {

// True when a sovereignty-type field says the feature is a country of its own
// (e.g. type = "Sovereign country").
bool claimsSovereignty(const InputFeature& f);
// True when a sovereignty field (sovereignt, sov_a3, …) names China.
bool sovereigntyIsChina(const InputFeature& f);

} // namespace mapaudit::check
