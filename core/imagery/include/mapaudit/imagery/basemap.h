// Basemaps for the field. Online tiles (天地图 Tianditu through GDAL's WMTS
// driver, or any XYZ tile server) are used only when the user turns them on
// with their own key; an area of any basemap or raster can be packaged as
// MBTiles or GeoPackage tiles and opened offline like any image.
#pragma once

#include "mapaudit/geodata/crs.h"

#include <filesystem>
#include <string>

namespace mapaudit {
class Feedback;
}

namespace mapaudit::imagery {

// Tianditu layers: "vec" (vector map), "img" (imagery), "cva"/"cia" (their labels).
// A GDAL connection string for the Web Mercator (_w) matrix set with `key`.
// Throws InputError for an empty key or an unknown layer.
std::string tiandituSource(const std::string& layer, const std::string& key);
// The same layer as a GDAL WMTS service description (<GDAL_WMTS>), to be saved
// as a file and opened like one. The key must be letters and digits.
std::string tiandituServiceXml(const std::string& layer, const std::string& key);

// A GDAL WMS description of an XYZ tile server (`urlTemplate` with ${z}, ${x},
// ${y}), Web Mercator, `maxZoom` levels.
std::string xyzSource(const std::string& urlTemplate, int maxZoom);

// Copies `area` (CGCS2000 lon/lat) of `source` (a file or a GDAL connection
// string) at zoom levels up to `maxZoom` into `out` (.mbtiles or .gpkg), with
// the lower zoom levels as overviews. Written whole or not at all.
void exportTiles(const std::string& source, const Extent& area, int maxZoom,
                 const std::filesystem::path& out, Feedback* feedback = nullptr);

} // namespace mapaudit::imagery
