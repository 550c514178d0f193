// Opening map data and images with GDAL, after checks that turn the common
// broken inputs (empty files, incomplete shapefiles, truncated files, empty
// folders) into a clear InputError instead of a crash or silent partial data.
#pragma once

#include "mapaudit/base/encoding.h"
#include "mapaudit/raii/gdal_handles.h"

#include <filesystem>
#include <string>
#include <vector>

namespace mapaudit {

struct OpenOptions {
    std::string encoding; // attribute encoding override for shapefiles ("" = detect)
    bool update = false;
};

struct OpenedDataset {
    GdalDatasetPtr dataset;
    EncodingDecision encoding; // source "" when not a shapefile
    // Read on, but worth saying: one line each, naming the file (e.g. a .dbf
    // whose record count disagrees with its .shp).
    std::vector<Message> warnings;
    // Every warning and error GDAL printed while opening it, first lines only.
    std::vector<std::string> gdalMessages;
};

// Throws InputError naming the path, what is wrong and what to do.
OpenedDataset openDataset(const std::filesystem::path& path, const OpenOptions& options = {});

// The checks openDataset makes before GDAL sees the file (exposed for tests).
void precheckInput(const std::filesystem::path& path);

// A shapefile's parts that disagree: the .dbf's record count against the
// .shx's, the .dbf's header and record lengths against its size. "" when they agree.
std::optional<Message> shapefilePartsMismatch(const std::filesystem::path& shp);

} // namespace mapaudit
