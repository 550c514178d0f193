// Which CRS a layer's coordinates are in, for the check (internal): the one
// the file declares, unless it cannot be read or contradicts the coordinates;
// the one the inspector gives (--assume-crs); lon/lat when the file has none
// and its ranges say so. Every guess is said in the report; a CRS that cannot
// be read stops the check unless the inspector gave one.
#pragma once

#include "mapaudit/check/check_engine.h"
#include "mapaudit/raii/gdal_handles.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

class OGRLayer;

namespace mapaudit::check {

struct LayerCrs {
    CoordinateTransformationPtr toCgcs2000; // null: the coordinates are CGCS2000 lon/lat already
    std::optional<ReadingNote> note;
};

// `openMessages`: what GDAL said while opening the file. Throws InputError.
LayerCrs decideLayerCrs(OGRLayer& layer, const std::filesystem::path& path,
                        const std::string& assumeCrs, const std::vector<std::string>& openMessages);

} // namespace mapaudit::check
