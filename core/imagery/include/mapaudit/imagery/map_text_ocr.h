// Reading the text on a picture of a map (place names, the review number) with
// Tesseract, so the checks can compare what a scan says with what it should.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit {
class Feedback;
}

namespace mapaudit::imagery {

struct MapText {
    std::string text;      // UTF-8, one line as read; no spaces between CJK characters
    double confidence = 0; // 0-1
    int x = 0, y = 0, width = 0, height = 0; // box in the image's pixels (full resolution)
    std::optional<double> lon, lat; // the box centre in EPSG:4490 when the image is georeferenced
};

struct MapTextOptions {
    // Tesseract language codes joined by '+'. The chi_sim model reads Latin
    // letters and digits too; with eng added, Tesseract takes some short
    // Chinese names for Latin words (黄岩岛 → "BAS") and reads more slowly.
    std::string languages = "chi_sim";
    int maxPixels = 40'000'000; // larger pictures are read at a reduced size
    double minConfidence = 0.3; // lines read with less are left out
    // Map lines through labels (boundaries, roads, rivers) are found and
    // painted over, and the picture is read again without them.
    bool readWithoutLines = true;
};

// Reads the text lines on a picture of a map (any raster GDAL opens: PNG, JPEG,
// GeoTIFF…; grey, RGB, RGBA or paletted). Text turned by a few degrees, as on a
// crooked scan, is read too. Reports progress to and is cancelled through
// `feedback` (throws Canceled). Throws InputError when the file is not an image
// or the OCR language data is not installed.
std::vector<MapText> readMapText(const std::filesystem::path& image,
                                 const MapTextOptions& options = {}, Feedback* feedback = nullptr);

// Where the language data for `languages` is: $TESSDATA_PREFIX, else the
// usual system folders. Throws InputError naming the missing language.
std::filesystem::path findTessdata(const std::string& languages);

} // namespace mapaudit::imagery
