#include "mapaudit/imagery/basemap.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"
#include "warp_to_file.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace mapaudit::imagery {
namespace {

// Web Mercator metres of one pixel at zoom 0 (256-pixel tiles).
constexpr double kZoom0Resolution = 156543.03392804097;

} // namespace

namespace {

void checkTianditu(const std::string& layer, const std::string& key) {
    static const std::set<std::string> layers{"vec", "img", "cva", "cia"};
    if (!layers.count(layer))
        throw InputError(msg("Tianditu layer '{}' — use vec, img, cva or cia", layer));
    if (key.empty())
        throw InputError(msg("a Tianditu key (tk) is needed: register one at tianditu.gov.cn"));
    if (!std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isalnum(c) != 0; }))
        throw InputError(msg("the Tianditu key may only hold letters and digits — copy it again "
                             "from tianditu.gov.cn"));
}

} // namespace

std::string tiandituSource(const std::string& layer, const std::string& key) {
    checkTianditu(layer, key);
    return "WMTS:https://t0.tianditu.gov.cn/" + layer + "_w/wmts?tk=" + key + ",layer=" + layer +
           ",tilematrixset=w";
}

std::string tiandituServiceXml(const std::string& layer, const std::string& key) {
    checkTianditu(layer, key);
    return "<GDAL_WMTS><GetCapabilitiesUrl>https://t0.tianditu.gov.cn/" + layer +
           "_w/wmts?service=WMTS&amp;request=GetCapabilities&amp;tk=" + key +
           "</GetCapabilitiesUrl><Layer>" + layer +
           "</Layer><TileMatrixSet>w</TileMatrixSet></GDAL_WMTS>\n";
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
        throw InputError(msg("the zoom level must be between 0 and 20"));
    if (!area.valid())
        throw InputError(msg("the area is empty — give west, south, east, north"));
    const std::string ext = lowerExtension(out);
    if (ext != ".mbtiles" && ext != ".gpkg")
        throw InputError(msg("{}: choose a .mbtiles or .gpkg file", out));
    GdalErrorCapture errors;
    GdalDatasetPtr src(GDALDataset::Open(source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!src)
        throw InputError(msg("the basemap cannot be opened ({}) — check the file, the server or "
                             "the key",
                             errors.firstMessage()));
    // The area in Web Mercator, at the resolution of `maxZoom`.
    const CrsTransform toMercator("EPSG:4490", "EPSG:3857");
    const Extent m = toMercator.forwardExtent(area);
    const std::string res = std::to_string(kZoom0Resolution / std::pow(2.0, maxZoom));
    WarpJob job;
    job.args = {"-of",
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
    if (ext == ".gpkg")
        job.args.insert(job.args.end(), {"-co", "TILING_SCHEME=GoogleMapsCompatible"});
    // The lower zoom levels, so the package shows at every scale offline:
    // down to a few dozen pixels, each level one zoom level.
    job.smallestOverviewPx = 64;
    job.warpFailed = [](const std::filesystem::path& file, const std::string& why) {
        return msg("{}: the tiles could not be written ({})", file, why);
    };
    job.overviewsFailed = [](const std::filesystem::path& file, const std::string& why) {
        return msg("{}: the lower zoom levels could not be built ({})", file, why);
    };
    warpToFile(*src, job, out, feedback);
}

} // namespace mapaudit::imagery
