#include "mapaudit/render/raster_window.h"

#include "mapaudit/base/error.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <gdalwarper.h>

namespace mapaudit {
namespace {

using GeoTransform = std::array<double, 6>;

struct ViewSource {
    GdalDatasetPtr source;
    GdalDatasetPtr warped; // references `source`; declared after it, closed before it
    GeoTransform gt{0, 1, 0, 0, 0, -1};
    GDALDataset& dataset() const { return warped ? *warped : *source; }
};

bool sameCrs(const OGRSpatialReference& a, const std::string& viewCrs) {
    OGRSpatialReference view;
    view.SetFromUserInput(viewCrs.c_str());
    const char* options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    return a.IsSame(&view, options);
}

// The raster as it lies in the view CRS: north-up, reprojected if needed.
ViewSource openForView(const std::filesystem::path& path, const std::string& viewCrs) {
    ViewSource vs;
    vs.source = openDataset(path).dataset;
    if (vs.source->GetRasterCount() == 0)
        throw InputError(msg("{}: has no raster bands — open it as a vector layer", path.string()));
    GeoTransform gt{};
    const bool georeferenced = vs.source->GetGeoTransform(gt.data()) == CE_None;
    if (!georeferenced)
        return vs; // pixel frame: x right, y up from the bottom row
    const OGRSpatialReference* srs = vs.source->GetSpatialRef();
    const bool rotated = gt[2] != 0.0 || gt[4] != 0.0;
    if (srs && (!sameCrs(*srs, viewCrs) || rotated)) {
        OGRSpatialReference view;
        view.SetFromUserInput(viewCrs.c_str());
        CplCharPtr srcWkt, dstWkt;
        char* raw = nullptr;
        srs->exportToWkt(&raw);
        srcWkt.reset(raw);
        view.exportToWkt(&raw);
        dstWkt.reset(raw);
        GdalErrorCapture errors;
        vs.warped.reset(GDALDataset::FromHandle(
            GDALAutoCreateWarpedVRT(GDALDataset::ToHandle(vs.source.get()), srcWkt.get(),
                                    dstWkt.get(), GRA_NearestNeighbour, 0.125, nullptr)));
        if (!vs.warped)
            throw InputError(msg("{}: cannot be reprojected to {} ({})", path.string(), viewCrs,
                                 errors.firstMessage()));
        vs.warped->GetGeoTransform(gt.data());
    }
    vs.gt = gt;
    return vs;
}

Extent extentOf(const GeoTransform& gt, int w, int h) {
    const double x0 = gt[0], x1 = gt[0] + w * gt[1];
    const double y0 = gt[3], y1 = gt[3] + h * gt[5];
    return {std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
}

std::uint8_t scaled(double v, double lo, double hi) {
    if (hi <= lo)
        return static_cast<std::uint8_t>(std::clamp(v, 0.0, 255.0));
    return static_cast<std::uint8_t>(std::clamp((v - lo) / (hi - lo) * 255.0, 0.0, 255.0));
}

} // namespace

Extent rasterViewExtent(const std::filesystem::path& path, const std::string& viewCrs) {
    const ViewSource vs = openForView(path, viewCrs);
    return extentOf(vs.gt, vs.dataset().GetRasterXSize(), vs.dataset().GetRasterYSize());
}

std::optional<RasterWindow> readRasterWindow(const std::filesystem::path& path,
                                             const std::string& viewCrs, const Extent& view,
                                             int viewWidthPx, int viewHeightPx) {
    ensureGdalInitialised();
    const ViewSource vs = openForView(path, viewCrs);
    GDALDataset& ds = vs.dataset();
    const GeoTransform& gt = vs.gt;
    const int W = ds.GetRasterXSize(), H = ds.GetRasterYSize();

    // The view in source pixel coordinates, clamped to the raster.
    const double px0 = (view.minX - gt[0]) / gt[1], px1 = (view.maxX - gt[0]) / gt[1];
    const double py0 = (view.maxY - gt[3]) / gt[5], py1 = (view.minY - gt[3]) / gt[5];
    const int x0 = std::clamp(static_cast<int>(std::floor(std::min(px0, px1))), 0, W);
    const int x1 = std::clamp(static_cast<int>(std::ceil(std::max(px0, px1))), 0, W);
    const int y0 = std::clamp(static_cast<int>(std::floor(std::min(py0, py1))), 0, H);
    const int y1 = std::clamp(static_cast<int>(std::ceil(std::max(py0, py1))), 0, H);
    if (x1 <= x0 || y1 <= y0 || viewWidthPx <= 0 || viewHeightPx <= 0)
        return std::nullopt;

    RasterWindow out;
    GeoTransform sub = gt;
    sub[0] = gt[0] + x0 * gt[1];
    sub[3] = gt[3] + y0 * gt[5];
    out.extent = extentOf(sub, x1 - x0, y1 - y0);
    const double viewW = view.maxX - view.minX, viewH = view.maxY - view.minY;
    // About the view's pixel count; the window may stick out by a source pixel when zoomed in.
    out.width = std::clamp(
        static_cast<int>(std::lround(viewWidthPx * (out.extent.maxX - out.extent.minX) / viewW)), 1,
        2 * viewWidthPx + 2);
    out.height = std::clamp(
        static_cast<int>(std::lround(viewHeightPx * (out.extent.maxY - out.extent.minY) / viewH)),
        1, 2 * viewHeightPx + 2);
    const std::size_t n =
        static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height);
    out.rgba.assign(n * 4, 255);

    const int bandCount = ds.GetRasterCount();
    GDALRasterBand* first = ds.GetRasterBand(1);
    const GDALColorTable* palette = bandCount == 1 ? first->GetColorTable() : nullptr;
    const int colourBands = bandCount >= 3 ? 3 : 1;

    std::vector<double> buffer(n);
    GdalErrorCapture errors;
    for (int c = 0; c < colourBands; ++c) {
        GDALRasterBand* band = ds.GetRasterBand(c + 1);
        if (band->RasterIO(GF_Read, x0, y0, x1 - x0, y1 - y0, buffer.data(), out.width, out.height,
                           GDT_Float64, 0, 0, nullptr) != CE_None)
            throw InputError(msg("{}: cannot be read ({}) — the file is damaged or truncated",
                                 path.string(), errors.firstMessage()));
        int hasNoData = 0;
        const double noData = band->GetNoDataValue(&hasNoData);
        double lo = 0, hi = 255;
        if (band->GetRasterDataType() != GDT_Byte && !palette) {
            std::array<double, 2> minMax{};
            if (band->ComputeRasterMinMax(TRUE, minMax.data()) == CE_None) {
                lo = minMax[0];
                hi = minMax[1];
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            std::uint8_t* px = &out.rgba[i * 4];
            if (hasNoData && buffer[i] == noData) {
                px[3] = 0;
                continue;
            }
            if (palette) {
                const GDALColorEntry* e = palette->GetColorEntry(static_cast<int>(buffer[i]));
                if (e) {
                    px[0] = static_cast<std::uint8_t>(e->c1);
                    px[1] = static_cast<std::uint8_t>(e->c2);
                    px[2] = static_cast<std::uint8_t>(e->c3);
                    px[3] = static_cast<std::uint8_t>(e->c4);
                }
            } else if (colourBands == 1) {
                px[0] = px[1] = px[2] = scaled(buffer[i], lo, hi);
            } else {
                px[c] = scaled(buffer[i], lo, hi);
            }
        }
    }
    // An alpha band or the warper's mask hides what lies outside the image.
    if (bandCount >= 4 && ds.GetRasterBand(4)->GetColorInterpretation() == GCI_AlphaBand) {
        std::vector<std::uint8_t> alpha(n);
        if (ds.GetRasterBand(4)->RasterIO(GF_Read, x0, y0, x1 - x0, y1 - y0, alpha.data(),
                                          out.width, out.height, GDT_Byte, 0, 0,
                                          nullptr) == CE_None)
            for (std::size_t i = 0; i < n; ++i)
                out.rgba[i * 4 + 3] = std::min(out.rgba[i * 4 + 3], alpha[i]);
    } else if (vs.warped) {
        std::vector<std::uint8_t> mask(n);
        if (first->GetMaskBand()->RasterIO(GF_Read, x0, y0, x1 - x0, y1 - y0, mask.data(),
                                           out.width, out.height, GDT_Byte, 0, 0,
                                           nullptr) == CE_None)
            for (std::size_t i = 0; i < n; ++i)
                if (mask[i] == 0)
                    out.rgba[i * 4 + 3] = 0;
    }
    return out;
}

} // namespace mapaudit
