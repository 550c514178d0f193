// Distances and areas on the CGCS2000 ellipsoid (PROJ's geodesic routines),
// for the measuring tools: what an inspector reads off the map in km and km².
#pragma once

#include "mapaudit/geodata/crs.h"

#include <vector>

namespace mapaudit {

// A degree of latitude (of longitude at the equator) as a distance, near
// enough for tolerances and pixel sizes.
inline constexpr double kKmPerDegree = 111.32;
inline constexpr double kMetresPerDegree = kKmPerDegree * 1000;

// Length in metres of the path through lon/lat points (degrees).
double geodesicLength(const std::vector<XY>& lonLat);
// Area in square metres enclosed by the ring of lon/lat points (closed or
// not; either orientation).
double geodesicArea(const std::vector<XY>& lonLat);

} // namespace mapaudit
