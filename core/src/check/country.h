// Whose land is whose: which attribute names the country, and which value
// means China (internal).
#pragma once

#include "map_input.h"
#include "mapaudit/check/check_engine.h"

namespace mapaudit::check {

CountryDetection detectCountry(const MapInput& input, const CheckOptions& options);
bool isChina(const InputFeature& f, const CountryDetection& d);
// True when the feature has a non-empty value in the detected country field.
bool hasCountryValue(const InputFeature& f, const CountryDetection& d);
// The feature's country value (or its name), for messages.
std::string ownerOf(const InputFeature& f, const CountryDetection& d);
// True when a sovereignty-type field says the feature is a country of its own
// (e.g. type = "Sovereign country").
bool claimsSovereignty(const InputFeature& f);
// True when a sovereignty field (sovereignt, sov_a3, …) names China.
bool sovereigntyIsChina(const InputFeature& f);

} // namespace mapaudit::check
