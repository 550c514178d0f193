// Reads the part of a raster that falls in a view extent, resampled to a
// pixel size, as RGBA bytes. Uses GDAL overviews when zoomed out and a warped
// VRT when the raster is in another CRS than the view.
#pragma once

#include "mapaudit/geodata/crs.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit {

struct RasterWindow {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba; // width * height * 4, row-major, top row first
    Extent extent;                  // what the pixels cover, in the view CRS
};

// The raster's full extent in the view CRS, or the pixel frame (0..w, -h..0)
// when it is not georeferenced.
Extent rasterViewExtent(const std::filesystem::path& path, const std::string& viewCrs);

// nullopt when the view does not overlap the raster. Opens its own dataset:
// safe to call from a worker thread.
std::optional<RasterWindow> readRasterWindow(const std::filesystem::path& path,
                                             const std::string& viewCrs, const Extent& view,
                                             int viewWidthPx, int viewHeightPx);

} // namespace mapaudit
