// A picture read small enough to show on screen, whatever its size and
// format (scans can be 20 000 pixels across), as 8-bit RGB.
#pragma once

#include <filesystem>
#include <vector>

namespace mapaudit::imagery {

struct ImagePreview {
    int fullWidth = 0, fullHeight = 0; // of the image itself
    int width = 0, height = 0;         // of the preview
    std::vector<unsigned char> rgb;    // width × height × 3, row by row
};

// At most `maxSide` pixels on the longer side (never enlarged), averaged.
// Throws InputError when the file is not an image GDAL can read.
ImagePreview readPreview(const std::filesystem::path& image, int maxSide);

} // namespace mapaudit::imagery
