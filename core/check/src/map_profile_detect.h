// The map profile's stages (internal): whose land, what kind of map, how
// generalised, and a South China Sea inset. They run after reading and before
// any rule; each fills its part of MapProfile with the evidence.
#pragma once

#include "map_input.h"
#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/map_profile.h"

#include <optional>
#include <vector>

namespace mapaudit::check {

// Which field and coding scheme say whose land each polygon is.
OwnerAttribution detectOwner(const MapInput& input, const CheckOptions& options);

// The map's kind from what its polygons cover (the reference mainland, China's
// territory) and the owner scheme; fills kind, its evidence and the shares.
// `chinaSeas`: the South China Sea Islands' area and the island groups, which
// count as China's for where the map's land lies.
void detectKind(const GeosContext& c, const MapInput& input, const GEOSGeometry& territory,
                const std::vector<const GEOSGeometry*>& chinaSeas, MapProfile& profile);

// Sets every area feature's owner (China, foreign, neutral) from the profile.
void assignOwners(MapInput& input, const MapProfile& profile, const CheckOptions& options);

// How far the map's outline lies from the reference outline, away from
// disputed areas. `outline` is the reference territory's outline within the
// map's extent; `avoid` the places not to measure (disputed areas).
Generalisation measureGeneralisation(const GeosContext& c, const GEOSGeometry& chinaLand,
                                     const GEOSGeometry& outline,
                                     const std::vector<const GEOSGeometry*>& avoid);

// A South China Sea inset: a layer so named, or a rectangular frame whose
// content matches the reference dashes under a scale and shift. The inset's
// features are marked `inInset` and copies moved back to their true place are
// appended to `input`, so the island and dash rules see them where they belong.
std::optional<InsetRole> detectInset(const GeosContext& c, MapInput& input,
                                     const std::vector<const GEOSGeometry*>& dashes,
                                     const GEOSGeometry& insetFrame);

struct CheckContext;
// How the map draws the reference dashes (lines, polygons: from the ink
// measured along them) and its labels.
PartRoles describeRoles(const CheckContext& ctx);

} // namespace mapaudit::check
