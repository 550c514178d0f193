// Distances and areas on the CGCS2000 ellipsoid (PROJ's geodesic routines),
// for the measuring tools: what an inspector reads off the map in km and km².
#pragma once

#include "mapaudit/drawable_layer.h"

#include <vector>

namespace mapaudit {

// Length in metres of the path through lon/lat points (degrees).
double geodesicLength(const std::vector<XY>& lonLat);
// Area in square metres enclosed by the ring of lon/lat points (closed or
// not; either orientation).
double geodesicArea(const std::vector<XY>& lonLat);

} // namespace mapaudit
