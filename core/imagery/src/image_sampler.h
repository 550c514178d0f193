// Reading the colours of a georeferenced picture of a map at places given in
// lon/lat, and telling ink from background (internal to core's raster checks).
#pragma once

#include "mapaudit/geodata/crs.h"
#include "mapaudit/raii/gdal_handles.h"

#include <array>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace mapaudit::imagery {

using Rgb = std::array<int, 3>;

// Colours further apart than this (sum of channel differences) are different
// inks; antialiasing and JPEG noise stay below it.
inline constexpr int kInkDistance = 90;

int colourDistance(const Rgb& a, const Rgb& b);

// Whether the picture has a geotransform and a CRS: what ImageSampler needs.
bool isGeoreferenced(GDALDataset& ds);

class ImageSampler {
public:
    // Throws InputError when the image is not georeferenced or has no colours.
    explicit ImageSampler(GDALDataset& ds);
    int width() const { return width_; }
    int height() const { return height_; }

    // Pixel column and row of a lon/lat; nullopt when it cannot be placed.
    std::optional<std::array<double, 2>> pixelOf(double lon, double lat) const;
    bool inside(const std::array<double, 2>& p) const {
        return p[0] >= 0 && p[1] >= 0 && p[0] < width_ && p[1] < height_;
    }
    // Ground metres across one pixel at the image's centre.
    double metresPerPixel() const;

    // The window's pixels (row-major); empty when it lies outside the image.
    struct Window {
        int x0 = 0, y0 = 0, w = 0, h = 0;
        std::vector<Rgb> pixels;
        const Rgb& at(int x, int y) const {
            return pixels[static_cast<std::size_t>((y - y0) * w + (x - x0))];
        }
    };
    Window read(int x0, int y0, int x1, int y1) const;

private:
    GDALDataset& ds_;
    int width_, height_;
    std::array<double, 6> gt_{}, inverse_{};
    std::unique_ptr<CrsTransform> toImage_;
    std::array<int, 3> rgbBands_{0, 0, 0};
    const GDALColorTable* palette_ = nullptr;
};

// The most frequent colour (near colours counted as one) and its share.
std::pair<Rgb, double> dominantColour(const std::vector<Rgb>& colours);

struct Ink {
    bool found = false;
    double backgroundShare = 0; // how uniform the surroundings are: the confidence
};

// Is anything drawn within `radius` pixels of (px, py), against the dominant
// colour of the ring around it?
Ink inkNear(const ImageSampler& s, double px, double py, double radius);

// Colours sampled on a grid of (steps+1)² points over a lon/lat box.
std::vector<Rgb> sampleBox(const ImageSampler& s, double west, double south, double east,
                           double north, int steps);

} // namespace mapaudit::imagery
