// A description of a dataset: what `mapaudit info` prints and the UI shows.
#pragma once

#include "mapaudit/base/encoding.h"
#include "mapaudit/geodata/crs.h"
#include "mapaudit/geodata/geometry_validity.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit {

class Feedback;

struct FieldInfo {
    std::string name;
    std::string type; // OGR type name: String, Integer, Real, Date, …
    int width = 0;
    int precision = 0;
};

struct LayerInfo {
    std::string name;
    std::int64_t featureCount = 0;
    std::string declaredGeometryType;                  // from the layer definition
    std::map<std::string, std::int64_t> geometryTypes; // actual types → count
    std::int64_t emptyGeometries = 0;
    std::vector<FieldInfo> fields;
    CrsInfo crs;
    std::vector<CrsSuggestion> crsSuggestions; // only when the CRS is unknown
    std::optional<Extent> extent;              // in the layer's CRS
    std::optional<Extent> extentCgcs2000;      // lon/lat, when the CRS is known
    std::optional<ValiditySummary> validity;   // when checked
};

struct BandInfo {
    int index = 0;
    std::string dataType;
    std::string colorInterpretation;
    std::optional<double> noData;
    std::vector<std::pair<int, int>> overviews; // sizes
    bool hasColorTable = false;
};

struct RasterInfo {
    int width = 0;
    int height = 0;
    std::vector<BandInfo> bands;
    bool georeferenced = false;
    std::optional<std::array<double, 6>> geoTransform;
    int gcpCount = 0;
    CrsInfo crs;
    std::optional<Extent> extent;
    std::optional<Extent> extentCgcs2000;
    std::vector<CrsSuggestion> crsSuggestions;
};

struct DatasetInfo {
    std::string path;
    std::string driver; // short name, e.g. "ESRI Shapefile"
    std::string driverLongName;
    EncodingDecision encoding; // source empty when not applicable
    std::vector<LayerInfo> layers;
    std::optional<RasterInfo> raster;
    std::vector<Message> warnings; // what is worth knowing, in either language

    bool isVector() const { return !layers.empty(); }
    bool isRaster() const { return raster.has_value(); }
};

struct DescribeOptions {
    std::string encoding;      // shapefile attribute encoding override
    bool checkValidity = true; // GEOS isValidDetail on every geometry
    std::size_t maxInvalidListed = 20;
};

// Reads the whole dataset once. Throws InputError for unreadable input and
// Canceled when `feedback` is canceled.
DatasetInfo describeDataset(const std::filesystem::path& path, const DescribeOptions& options = {},
                            Feedback* feedback = nullptr);

} // namespace mapaudit
