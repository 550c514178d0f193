// Thin, throwing wrappers over the GEOS C API operations the reference pack
// and the checks use. Every result is owned; a GEOS failure becomes an
// exception carrying GEOS's message.
#pragma once

#include "mapaudit/raii/geos_handles.h"

#include <functional>
#include <vector>

namespace mapaudit::geos {

GeosGeometryPtr clone(const GeosContext& c, const GEOSGeometry& g);
// The geometry as WKT, coordinates to 7 decimals (a centimetre in degrees).
std::string toWkt(const GeosContext& c, const GEOSGeometry& g);
GeosGeometryPtr box(const GeosContext& c, double minX, double minY, double maxX, double maxY);
GeosGeometryPtr point(const GeosContext& c, double x, double y);
GeosGeometryPtr lineString(const GeosContext& c, const std::vector<std::pair<double, double>>& xy);
GeosGeometryPtr polygon(const GeosContext& c, std::vector<std::pair<double, double>> ring);

GeosGeometryPtr unite(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b);
// A GeometryCollection that takes ownership of `parts`.
GeosGeometryPtr collect(const GeosContext& c, std::vector<GeosGeometryPtr> parts);
GeosGeometryPtr unaryUnion(const GeosContext& c, const GEOSGeometry& g);
GeosGeometryPtr unionAll(const GeosContext& c, std::vector<GeosGeometryPtr> parts);
// The same area as unionAll for valid polygons, much faster for many separate
// ones (islands, parcels): only parts whose envelopes meet are overlaid, the
// rest collected as they are. Its parts come in another order than unionAll's.
GeosGeometryPtr unionGrouped(const GeosContext& c, std::vector<GeosGeometryPtr> parts);
GeosGeometryPtr intersection(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b);
GeosGeometryPtr difference(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b);
GeosGeometryPtr buffer(const GeosContext& c, const GEOSGeometry& g, double distance);
GeosGeometryPtr boundary(const GeosContext& c, const GEOSGeometry& g);
GeosGeometryPtr lineMerge(const GeosContext& c, const GEOSGeometry& g);
// Polygonal parts only, as a MultiPolygon (empty when there are none).
GeosGeometryPtr polygonalParts(const GeosContext& c, const GEOSGeometry& g);
// Lineal parts only, as a MultiLineString.
GeosGeometryPtr linealParts(const GeosContext& c, const GEOSGeometry& g);
// What becomes of an interior ring.
enum class HoleFate { Keep, Drop, OwnPart };
// Each polygon's interior rings kept as holes, dropped, or made polygons of
// their own, as `fate(ringAsPolygon, shellAsPolygon)` says.
GeosGeometryPtr reshapeHoles(
    const GeosContext& c, const GEOSGeometry& g,
    const std::function<HoleFate(const GEOSGeometry& ring, const GEOSGeometry& shell)>& fate);
// Whether an interior ring (as a polygon) lies outside its shell: not a hole
// but a ring of land of its own, as charting libraries draw it.
bool ringOutsideShell(const GeosContext& c, const GEOSGeometry& ring, const GEOSGeometry& shell);
// Drops the interior rings for which `drop(ringAsPolygon)` is true.
GeosGeometryPtr withoutHoles(const GeosContext& c, const GEOSGeometry& g,
                             const std::function<bool(const GEOSGeometry&)>& drop);

// A point inside `g` (on its surface); null when GEOS finds none.
GeosGeometryPtr pointOnSurface(const GeosContext& c, const GEOSGeometry& g);

struct Bounds {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
};
// The envelope of a non-empty geometry.
Bounds bounds(const GeosContext& c, const GEOSGeometry& g);

bool intersects(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b);
bool contains(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b);
bool isValid(const GeosContext& c, const GEOSGeometry& g);
bool isEmpty(const GeosContext& c, const GEOSGeometry& g);
double area(const GeosContext& c, const GEOSGeometry& g);
double length(const GeosContext& c, const GEOSGeometry& g);
std::vector<const GEOSGeometry*> parts(const GeosContext& c, const GEOSGeometry& g);
// Interior rings of every polygon, as polygons of their own.
std::vector<GeosGeometryPtr> holes(const GeosContext& c, const GEOSGeometry& g);

// Points every `step` (in the line's units) along a simple line string, its
// first vertex included.
std::vector<std::pair<double, double>> samplesAlong(const GeosContext& c, const GEOSGeometry& line,
                                                    double step);

} // namespace mapaudit::geos
