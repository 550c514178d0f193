#include "image_sampler.h"

#include "mapaudit/base/error.h"
#include "mapaudit/geodata/geodesic.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace mapaudit::imagery {

int colourDistance(const Rgb& a, const Rgb& b) {
    return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
}

bool isGeoreferenced(GDALDataset& ds) {
    std::array<double, 6> gt{};
    return ds.GetGeoTransform(gt.data()) == CE_None && ds.GetSpatialRef();
}

ImageSampler::ImageSampler(GDALDataset& ds)
    : ds_(ds), width_(ds.GetRasterXSize()), height_(ds.GetRasterYSize()) {
    if (!isGeoreferenced(ds))
        throw InputError(msg("{}: the image is not georeferenced — georeference it first "
                             "(`mapaudit georef`)",
                             ds.GetDescription()));
    ds.GetGeoTransform(gt_.data());
    if (GDALInvGeoTransform(gt_.data(), inverse_.data()) == 0)
        throw InputError(msg("{}: its georeferencing is degenerate", ds.GetDescription()));
    char* wkt = nullptr;
    ds.GetSpatialRef()->exportToWkt(&wkt);
    toImage_ = std::make_unique<CrsTransform>("EPSG:4490", wkt);
    CPLFree(wkt);
    const int bands = ds.GetRasterCount();
    if (bands >= 3)
        rgbBands_ = {1, 2, 3};
    else if (bands == 1)
        palette_ = ds.GetRasterBand(1)->GetColorTable();
    else
        throw InputError(msg("{}: has {} bands; an RGB, paletted or grey image is needed",
                             ds.GetDescription(), bands));
}

std::optional<std::array<double, 2>> ImageSampler::pixelOf(double lon, double lat) const {
    try {
        const auto p = toImage_->forward(lon, lat);
        return std::array<double, 2>{inverse_[0] + p.x * inverse_[1] + p.y * inverse_[2],
                                     inverse_[3] + p.x * inverse_[4] + p.y * inverse_[5]};
    } catch (const InputError&) {
        return std::nullopt;
    }
}

double ImageSampler::metresPerPixel() const {
    const double cx = width_ / 2.0, cy = height_ / 2.0;
    auto lonLat = [&](double px, double py) {
        const double x = gt_[0] + px * gt_[1] + py * gt_[2];
        const double y = gt_[3] + px * gt_[4] + py * gt_[5];
        const auto ll = toImage_->inverse(x, y);
        return XY{ll.x, ll.y};
    };
    return geodesicLength({lonLat(cx, cy), lonLat(cx + 1, cy)});
}

ImageSampler::Window ImageSampler::read(int x0, int y0, int x1, int y1) const {
    Window win;
    win.x0 = std::max(0, x0);
    win.y0 = std::max(0, y0);
    win.w = std::min(width_, x1 + 1) - win.x0;
    win.h = std::min(height_, y1 + 1) - win.y0;
    if (win.w <= 0 || win.h <= 0)
        return {};
    const std::size_t n = static_cast<std::size_t>(win.w) * static_cast<std::size_t>(win.h);
    std::vector<GByte> bytes(n * 3);
    const int bandCount = palette_ || rgbBands_[0] == 0 ? 1 : 3;
    int map[3] = {rgbBands_[0] ? rgbBands_[0] : 1, rgbBands_[1], rgbBands_[2]};
    if (ds_.RasterIO(GF_Read, win.x0, win.y0, win.w, win.h, bytes.data(), win.w, win.h, GDT_Byte,
                     bandCount, map, 3, 3L * win.w, 1, nullptr) != CE_None)
        throw InputError(msg("{}: pixels could not be read", ds_.GetDescription()));
    win.pixels.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (bandCount == 3) {
            win.pixels[i] = {bytes[3 * i], bytes[3 * i + 1], bytes[3 * i + 2]};
        } else if (palette_) {
            const GDALColorEntry* e = palette_->GetColorEntry(bytes[3 * i]);
            win.pixels[i] = e ? Rgb{e->c1, e->c2, e->c3} : Rgb{0, 0, 0};
        } else {
            win.pixels[i] = {bytes[3 * i], bytes[3 * i], bytes[3 * i]};
        }
    }
    return win;
}

std::pair<Rgb, double> dominantColour(const std::vector<Rgb>& colours) {
    std::map<Rgb, int> counts;
    for (const Rgb& c : colours)
        ++counts[{c[0] / 16 * 16, c[1] / 16 * 16, c[2] / 16 * 16}];
    Rgb best{0, 0, 0};
    int bestCount = -1;
    for (const auto& [c, n] : counts)
        if (n > bestCount) {
            best = c;
            bestCount = n;
        }
    int near = 0;
    Rgb sum{0, 0, 0};
    for (const Rgb& c : colours)
        if (colourDistance({c[0] / 16 * 16, c[1] / 16 * 16, c[2] / 16 * 16}, best) <= 32) {
            ++near;
            for (int k = 0; k < 3; ++k)
                sum[static_cast<std::size_t>(k)] += c[static_cast<std::size_t>(k)];
        }
    if (near == 0)
        return {best, 0.0};
    return {Rgb{sum[0] / near, sum[1] / near, sum[2] / near},
            static_cast<double>(near) / static_cast<double>(colours.size())};
}

Ink inkNear(const ImageSampler& s, double px, double py, double radius) {
    const double outer = radius * 2.5 + 2;
    const auto win =
        s.read(static_cast<int>(std::floor(px - outer)), static_cast<int>(std::floor(py - outer)),
               static_cast<int>(std::ceil(px + outer)), static_cast<int>(std::ceil(py + outer)));
    if (win.pixels.empty())
        return {};
    std::vector<Rgb> ring, inner;
    for (int y = win.y0; y < win.y0 + win.h; ++y)
        for (int x = win.x0; x < win.x0 + win.w; ++x) {
            const double d = std::hypot(x + 0.5 - px, y + 0.5 - py);
            if (d <= radius)
                inner.push_back(win.at(x, y));
            else if (d <= outer)
                ring.push_back(win.at(x, y));
        }
    const auto [background, share] = dominantColour(ring.empty() ? inner : ring);
    Ink ink;
    ink.backgroundShare = share;
    ink.found = std::any_of(inner.begin(), inner.end(), [&, &bg = background](const Rgb& c) {
        return colourDistance(c, bg) > kInkDistance;
    });
    return ink;
}

std::vector<Rgb> sampleBox(const ImageSampler& s, double w, double so, double e, double n,
                           int steps) {
    std::vector<Rgb> out;
    for (int i = 0; i <= steps; ++i)
        for (int j = 0; j <= steps; ++j) {
            const auto p = s.pixelOf(w + (e - w) * i / steps, so + (n - so) * j / steps);
            if (!p || (*p)[0] < 0 || (*p)[1] < 0 || (*p)[0] >= s.width() || (*p)[1] >= s.height())
                continue;
            const auto win = s.read(static_cast<int>((*p)[0]), static_cast<int>((*p)[1]),
                                    static_cast<int>((*p)[0]), static_cast<int>((*p)[1]));
            if (!win.pixels.empty())
                out.push_back(win.pixels[0]);
        }
    return out;
}

} // namespace mapaudit::imagery
