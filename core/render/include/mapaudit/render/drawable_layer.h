// A vector layer read into plain coordinate arrays in a target CRS, ready for
// drawing by any front end. Reading happens once, off the UI thread.
#pragma once

#include "mapaudit/geodata/crs.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

class GDALDataset;

namespace mapaudit {

class Feedback;

enum class Dimension { Point = 0, Line = 1, Area = 2 };

struct DrawableFeature {
    std::int64_t fid = -1;
    Dimension dimension = Dimension::Point;
    // Areas: every ring of every polygon (draw with even-odd fill).
    // Lines: every line string. Points: one part holding all points.
    std::vector<std::vector<XY>> parts;
    std::string label;
};

struct DrawableLayer {
    std::string name;
    std::string sourcePath;
    CrsInfo sourceCrs;
    bool transformed = false; // false: CRS unknown, coordinates left as they are
    Extent extent;            // of the drawn coordinates
    std::string labelField;   // where the features' labels come from ("" = none)
    std::vector<DrawableFeature> features;
};

// Reads layer `index` of `ds`, transformed to `targetCrs` when the layer's CRS
// is known. `labelField` may be empty. Features whose geometry cannot be
// transformed are skipped and counted in `skipped`.
DrawableLayer readDrawableLayer(GDALDataset& ds, int index, const std::string& targetCrs,
                                const std::string& labelField, Feedback* feedback,
                                std::int64_t* skipped = nullptr);

// Whether any of the layer's labels is Chinese: a Chinese document shows
// those, or none.
bool hasChineseLabels(const DrawableLayer& layer);

// A geometry given as WKT in `wktCrs`, in `targetCrs` (for highlighting a
// finding). Throws InputError when the WKT cannot be read or transformed.
DrawableFeature drawableFromWkt(const std::string& wkt, const std::string& wktCrs,
                                const std::string& targetCrs);

// The attributes of one feature as (field, text) pairs, for the identify tool.
// Shapefile text is decoded as openDataset decides. Throws InputError.
std::vector<std::pair<std::string, std::string>>
featureAttributes(const std::filesystem::path& path, const std::string& layerName,
                  std::int64_t fid);

// A label field worth showing: of the name fields the layer has (name_zh,
// name_cn, 名称, name, name_en, … in any case), the first whose values are
// Chinese, else the first; "" if none. Reads up to 50 features.
std::string guessLabelField(GDALDataset& ds, int index);

} // namespace mapaudit
