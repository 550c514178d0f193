#include "mapaudit/dataset_open.h"

#include "geojson_repair.h"
#include "mapaudit/error.h"
#include "mapaudit/gdal_environment.h"
#include "mapaudit/text_util.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>

namespace mapaudit {
namespace fs = std::filesystem;
namespace {

bool hasSibling(const fs::path& p, const char* lower, const char* upper) {
    std::error_code ec;
    fs::path a = p, b = p;
    return fs::exists(a.replace_extension(lower), ec) || fs::exists(b.replace_extension(upper), ec);
}

std::uint32_t be32(const unsigned char* b) {
    return (static_cast<std::uint32_t>(b[0]) << 24) | (static_cast<std::uint32_t>(b[1]) << 16) |
           (static_cast<std::uint32_t>(b[2]) << 8) | static_cast<std::uint32_t>(b[3]);
}

constexpr std::uint32_t kShapeFileCode = 9994;
constexpr std::size_t kShapeHeaderSize = 100;

void checkShapeMainFile(const fs::path& shp, std::uintmax_t size) {
    const std::string name = shp.string();
    if (!hasSibling(shp, ".shx", ".SHX"))
        throw InputError(name + ": the index file " + shp.stem().string() +
                         ".shx is missing — copy all parts of the shapefile (.shp .shx .dbf .prj "
                         ".cpg) together");
    if (!hasSibling(shp, ".dbf", ".DBF"))
        throw InputError(name + ": the attribute file " + shp.stem().string() +
                         ".dbf is missing — copy all parts of the shapefile (.shp .shx .dbf .prj "
                         ".cpg) together");
    std::array<unsigned char, kShapeHeaderSize> header{};
    std::ifstream in(shp, std::ios::binary);
    if (size < kShapeHeaderSize || !in.read(reinterpret_cast<char*>(header.data()), header.size()))
        throw InputError(
            name + ": the file is truncated (" + std::to_string(size) +
            " bytes, a shapefile header alone is 100) — copy it again from the source");
    if (be32(header.data()) != kShapeFileCode)
        throw InputError(name + ": not a shapefile (wrong file code in the header) — the file is "
                                "damaged or has the wrong extension");
    const std::uintmax_t declared = static_cast<std::uintmax_t>(be32(&header[24])) * 2u;
    if (size < declared)
        throw InputError(name + ": the file is truncated (header says " + std::to_string(declared) +
                         " bytes, the file has " + std::to_string(size) +
                         ") — copy it again from the source");
}

char** appendOption(char** list, const std::string& option) {
    return CSLAddString(list, option.c_str());
}

// Coordinate and geometry column names bureaus use in CSV exports.
constexpr const char* kCsvX = "X_POSSIBLE_NAMES=x,lon,lng,long,longitude,经度,东经,X坐标,easting";
constexpr const char* kCsvY = "Y_POSSIBLE_NAMES=y,lat,latitude,纬度,北纬,Y坐标,northing";
constexpr const char* kCsvGeom = "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom,shape,几何";

} // namespace

void precheckInput(const fs::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status))
        throw InputError(name + ": no such file or folder — check the path (and that the drive is "
                                "connected)");
    if (fs::is_directory(status)) {
        if (fs::is_empty(path, ec))
            throw InputError(name + ": the folder is empty — open a data file (.shp, .gpkg, "
                                    ".geojson, .tif …) or a .gdb folder");
        return;
    }
    if (!fs::is_regular_file(status))
        throw InputError(name + ": not a regular file — open a data file");
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw InputError(name + ": cannot be read (" + ec.message() + ") — check its permissions");
    if (size == 0)
        throw InputError(name + ": the file is empty (0 bytes) — the copy is incomplete; copy it "
                                "again from the source");
    if (lowerExtension(path) == ".shp")
        checkShapeMainFile(path, size);
}

OpenedDataset openDataset(const fs::path& path, const OpenOptions& options) {
    ensureGdalInitialised();
    precheckInput(path);

    OpenedDataset result;
    CslPtr openOptions;
    const std::string ext = lowerExtension(path);
    if (ext == ".shp" || ext == ".dbf") {
        result.encoding = decideShapefileEncoding(path, options.encoding);
        if (!result.encoding.encoding.empty())
            openOptions.reset(
                appendOption(openOptions.release(), "ENCODING=" + result.encoding.encoding));
    } else if (ext == ".csv") {
        for (const char* o :
             {kCsvX, kCsvY, kCsvGeom, "KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES"})
            openOptions.reset(appendOption(openOptions.release(), o));
    }

    GdalErrorCapture errors;
    const unsigned flags = GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_VERBOSE_ERROR |
                           (options.update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    // GDAL takes GeoJSON text in place of a file name: the repaired text then
    // lives as long as the dataset, whoever ends up holding it.
    const std::optional<std::string> repaired =
        ext == ".json" || ext == ".geojson" ? repairedGeoJson(path) : std::nullopt;
    result.dataset.reset(GDALDataset::Open(repaired ? repaired->c_str() : path.c_str(), flags,
                                           nullptr, openOptions.get(), nullptr));

    const std::string name = path.string();
    std::error_code ec;
    const bool isDir = fs::is_directory(path, ec);
    const bool empty = result.dataset && result.dataset->GetLayerCount() == 0 &&
                       result.dataset->GetRasterCount() == 0;
    if (isDir && (!result.dataset || empty))
        throw InputError(name + ": the folder holds no readable map data (no .shp, .tab or "
                                "other layers) — open a data file or a .gdb folder");
    if (!result.dataset) {
        std::string why = errors.firstMessage();
        if (why.empty())
            why = "no driver recognises it";
        const bool json = ext == ".json" || ext == ".geojson" || ext == ".topojson";
        throw InputError(
            name + (json ? ": not valid GeoJSON/TopoJSON (" : ": not a readable map or image (") +
            why + ") — check that the file is complete and in a supported format");
    }
    if (empty)
        throw InputError(name + ": holds neither layers nor raster bands — check that it is the "
                                "right file");
    return result;
}

} // namespace mapaudit
