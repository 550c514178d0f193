// GeoJSON that charting libraries write without each feature's
// "type": "Feature" (ECharts' world map): GDAL then reads the shapes but none
// of their properties, so whose land each shape is would be lost (internal).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace mapaudit {

// The file's text with "type": "Feature" added where a feature lacks it, or
// nullopt when the file needs no repair (or is no GeoJSON FeatureCollection).
// Reads only the first megabyte unless a repair is needed.
std::optional<std::string> geoJsonWithFeatureTypes(const std::filesystem::path& path);

} // namespace mapaudit
