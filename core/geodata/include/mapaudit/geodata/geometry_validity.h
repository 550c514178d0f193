// Geometry validity with GEOS: which features are invalid, why and where, and
// repair with MakeValid. Invalid input is common and must never be fatal.
#pragma once

#include "mapaudit/raii/gdal_handles.h"
#include "mapaudit/raii/geos_handles.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit {

class Feedback;

struct InvalidGeometry {
    std::int64_t fid = -1;
    std::string reason;                                // GEOS reason, e.g. "Self-intersection"
    std::optional<std::pair<double, double>> location; // x, y in the layer CRS
};

struct ValiditySummary {
    std::int64_t checked = 0;
    std::int64_t invalid = 0;
    std::vector<InvalidGeometry> examples; // the first few
};

// Curved geometry (DXF arcs, GeoPackage curves) as line segments, which GEOS
// needs. Returns `g` itself when it has no curves; otherwise a new geometry
// owned by `holder`.
OGRGeometry* linearised(OGRGeometry* g, OgrGeometryPtr& holder);
const OGRGeometry& linearised(const OGRGeometry& g, OgrGeometryPtr& holder);

// Converts between OGR and GEOS via WKB; both directions keep Z when present.
GeosGeometryPtr toGeos(const GeosContext& ctx, const OGRGeometry& geometry);
OgrGeometryPtr toOgr(const GeosContext& ctx, const GEOSGeometry& geometry);

// nullopt when valid; otherwise the reason and location.
std::optional<InvalidGeometry> checkValidity(const GeosContext& ctx, const OGRGeometry& geometry);
std::optional<InvalidGeometry> checkValidity(const GeosContext& ctx, const GEOSGeometry& geometry);

// MakeValid ("structure" method, collapsed parts dropped) keeping the input's
// dimension: a repaired polygon stays polygonal. Valid input comes back as is.
OgrGeometryPtr repairGeometry(const GeosContext& ctx, const OGRGeometry& geometry);
// The same without the validity test first, for geometry already known invalid.
OgrGeometryPtr makeValid(const GeosContext& ctx, const OGRGeometry& geometry);
// For large multipolygons: only the invalid parts go through MakeValid (on a
// continent with thousands of rings it is very slow), then overlapping parts
// are unioned.
GeosGeometryPtr makeValidByParts(const GeosContext& ctx, const OGRGeometry& geometry);
// The same for overlay at a known `tolerance` (in the geometry's units):
// parts much larger than the tolerance are first simplified to it
// (Douglas-Peucker), which repairs most invalid rings in passing and makes
// continent-sized polygons cheap; islets keep every vertex. Returns a valid
// MultiPolygon, empty when nothing polygonal is left.
GeosGeometryPtr validGeneralised(const GeosContext& ctx, const GEOSGeometry& polygonal,
                                 double tolerance);

struct RepairReport {
    struct Layer {
        std::string name;
        std::int64_t features = 0;
        std::int64_t repaired = 0;
        std::int64_t dropped = 0; // geometries that collapsed to nothing
    };
    std::vector<Layer> layers;
};

// Copies every vector layer of `source` into a new GeoPackage at `target` with
// repaired geometries. Written to a temporary file and renamed on success, so
// `target` is either complete or untouched.
RepairReport writeRepairedCopy(GDALDataset& source, const std::filesystem::path& target,
                               Feedback* feedback = nullptr);

} // namespace mapaudit
