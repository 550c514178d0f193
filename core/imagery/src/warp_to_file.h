// gdalwarp through the GDAL library into a file written whole or not at all,
// followed by the overviews that make it open at once at any scale (internal
// to core: georeferencing and basemap packages).
#pragma once

#include "mapaudit/base/message.h"
#include "mapaudit/raii/gdal_handles.h"

#include <filesystem>
#include <string>
#include <vector>

namespace mapaudit {
class Feedback;
}

namespace mapaudit::imagery {

// The error when a step fails: "<out>: the image could not be warped (<why>)".
using WarpFailure = Message (*)(const std::filesystem::path& out, const std::string& why);

struct WarpJob {
    std::vector<std::string> args;    // gdalwarp's options, without the file names
    int smallestOverviewPx = 256;     // overviews are built while the image is at least this big
    WarpFailure warpFailed = nullptr; // the error when the warp fails
    WarpFailure overviewsFailed = nullptr; // likewise for the overviews
};

// Throws InputError naming `out`, or Canceled.
void warpToFile(GDALDataset& source, const WarpJob& job, const std::filesystem::path& out,
                Feedback* feedback);

} // namespace mapaudit::imagery
