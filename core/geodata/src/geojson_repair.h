// GeoJSON as charting libraries write it, made readable by GDAL (internal):
// features without "type": "Feature" (ECharts' world map: GDAL would read the
// shapes but none of their properties, so whose land each shape is would be
// lost), and ECharts' "UTF8Encoding" files whose rings are strings of
// zigzag-encoded deltas (GDAL reads no geometry from them at all).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace mapaudit {

// The file's text as plain GeoJSON, or nullopt when it needs no repair (or is
// no GeoJSON FeatureCollection). Reads only the first megabyte unless a
// repair is needed.
std::optional<std::string> repairedGeoJson(const std::filesystem::path& path);

} // namespace mapaudit
