#include "mapaudit/imagery/image_preview.h"

#include "mapaudit/base/error.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"

#include <algorithm>
#include <cmath>

namespace mapaudit::imagery {

ImagePreview readPreview(const std::filesystem::path& image, int maxSide) {
    ensureGdalInitialised();
    OpenedDataset opened = openDataset(image);
    GDALDataset& ds = *opened.dataset;
    const int bands = ds.GetRasterCount();
    if (bands == 0)
        throw InputError(msg("{}: is not an image", image));
    ImagePreview p;
    p.fullWidth = ds.GetRasterXSize();
    p.fullHeight = ds.GetRasterYSize();
    const double factor =
        std::min(1.0, static_cast<double>(maxSide) / std::max(p.fullWidth, p.fullHeight));
    p.width = std::max(1, static_cast<int>(std::lround(p.fullWidth * factor)));
    p.height = std::max(1, static_cast<int>(std::lround(p.fullHeight * factor)));
    const std::size_t n = static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height);
    p.rgb.resize(n * 3);
    const GDALColorTable* palette = bands < 3 ? ds.GetRasterBand(1)->GetColorTable() : nullptr;
    const bool rgb = bands >= 3;
    int bandMap[3] = {1, rgb ? 2 : 1, rgb ? 3 : 1};
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = palette ? GRIORA_NearestNeighbour : GRIORA_Average;
    GdalErrorCapture errors;
    if (ds.RasterIO(GF_Read, 0, 0, p.fullWidth, p.fullHeight, p.rgb.data(), p.width, p.height,
                    GDT_Byte, 3, bandMap, 3, 3L * p.width, 1, &extra) != CE_None)
        throw InputError(
            msg("{}: its pixels could not be read ({})", image, errors.firstMessage()));
    if (palette)
        for (std::size_t i = 0; i < n; ++i)
            if (const GDALColorEntry* e = palette->GetColorEntry(p.rgb[3 * i])) {
                p.rgb[3 * i] = static_cast<unsigned char>(e->c1);
                p.rgb[3 * i + 1] = static_cast<unsigned char>(e->c2);
                p.rgb[3 * i + 2] = static_cast<unsigned char>(e->c3);
            }
    return p;
}

} // namespace mapaudit::imagery
