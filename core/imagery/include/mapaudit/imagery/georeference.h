// Georeferencing a picture of a map (a scan, a photo, an image saved from a
// website) from control points: each a pixel of the image and its true
// position. The fit reports each point's residual and the RMS; the warp writes
// a GeoTIFF with overviews through GDAL.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace mapaudit {
class Feedback;
}

namespace mapaudit::imagery {

struct ControlPoint {
    std::string id;
    double pixel = 0, line = 0; // image position: column and row from the top-left corner
    double x = 0, y = 0;        // true position in the points' CRS (lon/lat by default)
    bool enabled = true;
};

// Stable names: "poly1", "poly2", "poly3", "tps"; "auto" picks by point count
// (3-5: poly1, 6-14: poly2, 15 or more: tps).
enum class Transform { Auto, Poly1, Poly2, Poly3, Tps };
Transform parseTransform(const std::string& name); // throws InputError
const char* transformName(Transform t);
Transform chooseTransform(std::size_t enabledPoints);
std::size_t minimumPoints(Transform t); // 3, 6, 10, 3

struct Fit {
    Transform transform = Transform::Auto; // as used
    std::vector<double> residualsPx;       // per enabled point, in image pixels
    double rmsPx = 0;
    // For a thin plate spline the residual at a point is always 0: these are
    // leave-one-out residuals instead (the point predicted from the others).
    bool leaveOneOut = false;
};

// Control points as QGIS and GDAL keep them (`.points`: mapX,mapY,pixelX,
// pixelY,enable with pixelY negative downwards; or the GCPs of a GDAL `.vrt`,
// turned into lon/lat), or CSV id,pixel,line,x,y. Throws InputError naming the line.
std::vector<ControlPoint> readControlPoints(const std::filesystem::path& path);
// The text of a .points (`qgisPoints`) or CSV file; messages start with `origin`.
std::vector<ControlPoint> parseControlPoints(std::istream& in, bool qgisPoints,
                                             const std::string& origin);
void writeControlPoints(const std::vector<ControlPoint>& points,
                        const std::filesystem::path& path); // .points format
// A GDAL VRT of `image` carrying the enabled points as its GCPs (EPSG:4490),
// for gdalwarp, QGIS or `mapaudit georef --gcp`.
void writeControlPointsVrt(const std::filesystem::path& image,
                           const std::vector<ControlPoint>& points,
                           const std::filesystem::path& path);

struct GeoreferenceOptions {
    Transform transform = Transform::Auto;
    std::string pointsCrs = "EPSG:4490"; // the CRS the points' x/y are in
    std::string imageCrs;                // the map's own projection ("" = pointsCrs)
    std::string targetCrs = "EPSG:4490"; // of the GeoTIFF
};

// Residuals and RMS of the fit, computed in the image CRS. Throws InputError
// when there are too few enabled points for the transform.
Fit fitControlPoints(const std::vector<ControlPoint>& points, const GeoreferenceOptions& options);

// Warps `image` into a DEFLATE GeoTIFF `out` with overviews; returns the fit.
// Written whole or not at all.
Fit georeference(const std::filesystem::path& image, const std::vector<ControlPoint>& points,
                 const GeoreferenceOptions& options, const std::filesystem::path& out,
                 Feedback* feedback = nullptr);

} // namespace mapaudit::imagery
