// gdalwarp through the GDAL library into a file written whole or not at all,
// followed by the overviews that make it open at once at any scale (internal
// to core: georeferencing and basemap packages).
#pragma once

#include "mapaudit/raii/gdal_handles.h"

#include <filesystem>
#include <string>
#include <vector>

namespace mapaudit {
class Feedback;
}

namespace mapaudit::imagery {

struct WarpJob {
    std::vector<std::string> args; // gdalwarp's options, without the file names
    int smallestOverviewPx = 256;  // overviews are built while the image is at least this big
    std::string warpFailed;        // "the image could not be warped", for the error message
    std::string overviewsFailed;   // likewise for the overviews
};

// Throws InputError naming `out`, or Canceled.
void warpToFile(GDALDataset& source, const WarpJob& job, const std::filesystem::path& out,
                Feedback* feedback);

} // namespace mapaudit::imagery
