#include "mapaudit/imagery/basemap.h"

#include "mapaudit/atomic_output.h"
#include "mapaudit/error.h"
#include "mapaudit/feedback.h"
#include "mapaudit/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"
#include "mapaudit/text_util.h"

#include <cmath>
#include <gdal_utils.h>
#include <memory>
#include <set>

namespace mapaudit::imagery {
namespace {

// Web Mercator metres of one pixel at zoom 0 (256-pixel tiles).
constexpr double kZoom0Resolution = 156543.03392804097;

} // namespace

std::string tiandituSource(const std::string& layer, const std::string& key) {
    static const std::set<std::string> layers{"vec", "img", "cva", "cia"};
    if (!layers.count(layer))
        throw InputError("Tianditu layer '" + layer + "' — use vec, img, cva or cia");
    if (key.empty())
        throw InputError("a Tianditu key (tk) is needed: register one at tianditu.gov.cn");
    return "WMTS:https://t0.tianditu.gov.cn/" + layer + "_w/wmts?tk=" + key + ",layer=" + layer +
           ",tilematrixset=w";
}

std::string xyzSource(const std::string& urlTemplate, int maxZoom) {
    return "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>" + urlTemplate +
           "</ServerUrl></Service><DataWindow><UpperLeftX>-20037508.34</UpperLeftX>"
           "<UpperLeftY>20037508.34</UpperLeftY><LowerRightX>20037508.34</LowerRightX>"
           "<LowerRightY>-20037508.34</LowerRightY><TileLevel>" +
           std::to_string(maxZoom) +
           "</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY>"
           "<YOrigin>top</YOrigin></DataWindow><Projection>EPSG:3857</Projection>"
           "<BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>3</BandsCount>"
           "</GDAL_WMS>";
}

void exportTiles(const std::string& source, const Extent& area, int maxZoom,
                 const std::filesystem::path& out, Feedback* feedback) {
    ensureGdalInitialised();
    if (maxZoom < 0 || maxZoom > 20)
        throw InputError("the zoom level must be between 0 and 20");
    if (!area.valid())
        throw InputError("the area is empty — give west, south, east, north");
    const std::string ext = lowerExtension(out);
    if (ext != ".mbtiles" && ext != ".gpkg")
        throw InputError(out.string() + ": choose a .mbtiles or .gpkg file");
    GdalErrorCapture errors;
    GdalDatasetPtr src(GDALDataset::Open(source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!src)
        throw InputError("the basemap cannot be opened (" + errors.firstMessage() +
                         ") — check the file, the server or the key");
    // The area in Web Mercator, at the resolution of `maxZoom`.
    const CrsTransform toMercator("EPSG:4490", "EPSG:3857");
    const Extent m = toMercator.forwardExtent(area);
    const std::string res = std::to_string(kZoom0Resolution / std::pow(2.0, maxZoom));
    std::vector<std::string> args{"-of",
                                  ext == ".gpkg" ? "GPKG" : "MBTiles",
                                  "-t_srs",
                                  "EPSG:3857",
                                  "-te",
                                  std::to_string(m.minX),
                                  std::to_string(m.minY),
                                  std::to_string(m.maxX),
                                  std::to_string(m.maxY),
                                  "-tr",
                                  res,
                                  res,
                                  "-r",
                                  "bilinear",
                                  "-co",
                                  "TILE_FORMAT=PNG"};
    if (ext == ".gpkg") {
        args.insert(args.end(), {"-co", "TILING_SCHEME=GoogleMapsCompatible"});
    }
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::unique_ptr<GDALWarpAppOptions, decltype(&GDALWarpAppOptionsFree)> options(
        GDALWarpAppOptionsNew(argv.data(), nullptr), GDALWarpAppOptionsFree);
    if (feedback)
        GDALWarpAppOptionsSetProgress(options.get(), gdalProgress, feedback);
    AtomicOutput output(out);
    {
        GDALDatasetH handle = GDALDataset::ToHandle(src.get());
        int usage = FALSE;
        GdalDatasetPtr tiles(GDALDataset::FromHandle(
            GDALWarp(output.partial().c_str(), nullptr, 1, &handle, options.get(), &usage)));
        if (feedback)
            feedback->throwIfCanceled();
        if (!tiles)
            throw InputError(out.string() + ": the tiles could not be written (" +
                             errors.firstMessage() + ")");
        // The lower zoom levels, so the package shows at every scale offline:
        // down to a few dozen pixels, each level one zoom level.
        std::vector<int> levels;
        for (int f = 2; std::max(tiles->GetRasterXSize(), tiles->GetRasterYSize()) / f >= 64;
             f *= 2)
            levels.push_back(f);
        if (!levels.empty() &&
            tiles->BuildOverviews("AVERAGE", static_cast<int>(levels.size()), levels.data(), 0,
                                  nullptr, nullptr, nullptr) != CE_None)
            throw InputError(out.string() + ": the lower zoom levels could not be built (" +
                             errors.firstMessage() + ")");
    }
    output.commit();
}

} // namespace mapaudit::imagery
