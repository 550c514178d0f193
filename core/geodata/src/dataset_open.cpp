#include "mapaudit/geodata/dataset_open.h"

#include "geojson_repair.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/gdal_environment.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <set>

namespace mapaudit {
namespace fs = std::filesystem;
namespace {

// The file beside `p` with the other extension, in lower case if there, else upper.
fs::path sibling(const fs::path& p, const char* lower, const char* upper) {
    std::error_code ec;
    fs::path a = p, b = p;
    a.replace_extension(lower);
    return fs::exists(a, ec) ? a : b.replace_extension(upper);
}

bool hasSibling(const fs::path& p, const char* lower, const char* upper) {
    std::error_code ec;
    return fs::exists(sibling(p, lower, upper), ec);
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
        throw InputError(msg("{}: the index file {}.shx is missing — copy all parts of the "
                             "shapefile (.shp .shx .dbf .prj .cpg) together",
                             name, shp.stem().string()));
    if (!hasSibling(shp, ".dbf", ".DBF"))
        throw InputError(msg("{}: the attribute file {}.dbf is missing — copy all parts of the "
                             "shapefile (.shp .shx .dbf .prj .cpg) together",
                             name, shp.stem().string()));
    std::error_code ec;
    const fs::path dbf = sibling(shp, ".dbf", ".DBF");
    if (fs::file_size(dbf, ec) == 0 && !ec)
        throw InputError(msg(
            "{}: the attribute file {} is empty (0 bytes) — copy all parts of the shapefile again",
            name, dbf.filename().string()));
    std::array<unsigned char, kShapeHeaderSize> header{};
    std::ifstream in(shp, std::ios::binary);
    if (size < kShapeHeaderSize || !in.read(reinterpret_cast<char*>(header.data()), header.size()))
        throw InputError(msg("{}: the file is truncated ({} bytes, a shapefile header alone is "
                             "100) — copy it again from the source",
                             name, std::to_string(size)));
    if (be32(header.data()) != kShapeFileCode)
        throw InputError(msg("{}: not a shapefile (wrong file code in the header) — the file is "
                             "damaged or has the wrong extension",
                             name));
    const std::uintmax_t declared = static_cast<std::uintmax_t>(be32(&header[24])) * 2u;
    if (size < declared)
        throw InputError(msg("{}: the file is truncated (header says {} bytes, the file has {}) — "
                             "copy it again from the source",
                             name, std::to_string(declared), std::to_string(size)));
}

std::uint32_t le32(const unsigned char* b) {
    return static_cast<std::uint32_t>(b[0]) | (static_cast<std::uint32_t>(b[1]) << 8) |
           (static_cast<std::uint32_t>(b[2]) << 16) | (static_cast<std::uint32_t>(b[3]) << 24);
}

std::uint32_t le16(const unsigned char* b) {
    return static_cast<std::uint32_t>(b[0]) | (static_cast<std::uint32_t>(b[1]) << 8);
}

// A GeoTIFF cut short opens (its header is whole) and fails only when its last
// blocks are read: read one pixel of the first and of the last block of each band.
void probeRasterBlocks(GDALDataset& ds, const std::string& name) {
    constexpr int kBandsProbed = 4;
    GdalErrorCapture errors;
    for (int b = 1; b <= std::min(ds.GetRasterCount(), kBandsProbed); ++b) {
        GDALRasterBand* band = ds.GetRasterBand(b);
        const int w = band->GetXSize(), h = band->GetYSize();
        double pixel = 0;
        for (const auto& [x, y] : {std::pair{0, 0}, std::pair{w - 1, h - 1}})
            if (w > 0 && h > 0 &&
                band->RasterIO(GF_Read, x, y, 1, 1, &pixel, 1, 1, GDT_Float64, 0, 0, nullptr) !=
                    CE_None)
                throw InputError(msg("{}: the image cannot be read to its end ({}) — the file is "
                                     "truncated or damaged; copy it again",
                                     name, errors.firstMessage()));
    }
}

bool isSqliteFile(const fs::path& p) {
    char magic[16] = {};
    std::ifstream in(p, std::ios::binary);
    return in.read(magic, sizeof magic) && std::string(magic, 15) == "SQLite format 3";
}

char** appendOption(char** list, const std::string& option) {
    return CSLAddString(list, option.c_str());
}

// Coordinate and geometry column names bureaus use in CSV exports.
constexpr const char* kCsvX = "X_POSSIBLE_NAMES=x,lon,lng,long,longitude,经度,东经,X坐标,easting";
constexpr const char* kCsvY = "Y_POSSIBLE_NAMES=y,lat,latitude,纬度,北纬,Y坐标,northing";
constexpr const char* kCsvGeom = "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom,shape,几何";

} // namespace

std::optional<Message> shapefilePartsMismatch(const fs::path& shp) {
    const fs::path shx = sibling(shp, ".shx", ".SHX"), dbf = sibling(shp, ".dbf", ".DBF");
    std::error_code ec;
    const auto shxSize = fs::file_size(shx, ec);
    if (ec || shxSize < kShapeHeaderSize)
        return std::nullopt;
    const auto dbfSize = fs::file_size(dbf, ec);
    std::array<unsigned char, 12> head{};
    std::ifstream in(dbf, std::ios::binary);
    if (ec || !in.read(reinterpret_cast<char*>(head.data()), head.size()))
        return msg("{} is too short for a dBASE header", dbf.filename());
    const std::uintmax_t shapes = (shxSize - kShapeHeaderSize) / 8;
    const std::uintmax_t records = le32(&head[4]), headerLength = le16(&head[8]),
                         recordLength = le16(&head[10]);
    if (records != shapes)
        return msg("{} has {} records but {} lists {} shapes: attributes may belong to the wrong "
                   "shapes",
                   dbf.filename(), std::to_string(records), shx.filename(), std::to_string(shapes));
    if (headerLength + records * recordLength > dbfSize)
        return msg("{} is shorter ({} bytes) than its header says ({}): the last records' "
                   "attributes are missing",
                   dbf.filename(), std::to_string(dbfSize),
                   std::to_string(headerLength + records * recordLength));
    return std::nullopt;
}

void precheckInput(const fs::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec == std::errc::too_many_symbolic_link_levels)
        throw InputError(msg(
            "{}: a loop of symbolic links (it points back to itself) — open the real file", name));
    if (!fs::exists(status))
        throw InputError(msg(
            "{}: no such file or folder — check the path (and that the drive is connected)", name));
    if (fs::is_directory(status)) {
        if (fs::is_empty(path, ec))
            throw InputError(msg("{}: the folder is empty — open a data file (.shp, .gpkg, "
                                 ".geojson, .tif …) or a .gdb folder",
                                 name));
        return;
    }
    if (!fs::is_regular_file(status))
        throw InputError(msg("{}: not a regular file — open a data file", name));
    if (!std::ifstream(path, std::ios::binary))
        throw InputError(msg("{}: cannot be read — no permission to read it; ask for the file to "
                             "be shared with you or copy it",
                             name));
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw InputError(
            msg("{}: cannot be read ({}) — check its permissions", name, ec.message()));
    if (size == 0)
        throw InputError(msg("{}: the file is empty (0 bytes) — the copy is incomplete; copy it "
                             "again from the source",
                             name));
    if (lowerExtension(path) == ".shp")
        checkShapeMainFile(path, size);
    static const std::set<std::string> kTextFormats{".json", ".geojson", ".topojson", ".csv",
                                                    ".kml",  ".gml",     ".txt",      ".points"};
    char bom[2] = {};
    if (kTextFormats.count(lowerExtension(path)) &&
        std::ifstream(path, std::ios::binary).read(bom, 2) &&
        ((bom[0] == '\xFF' && bom[1] == '\xFE') || (bom[0] == '\xFE' && bom[1] == '\xFF')))
        throw InputError(msg("{}: the text is UTF-16 — save it as UTF-8 (e.g. in Notepad: Save as, "
                             "encoding UTF-8) and open it again",
                             name));
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
        throw InputError(msg("{}: the folder holds no readable map data (no .shp, .tab or other "
                             "layers) — open a data file or a .gdb folder",
                             name));
    if (!result.dataset && ext == ".gpkg" && isSqliteFile(path))
        throw InputError(msg("{}: a GeoPackage with no layers or rasters in it ({}) — the export "
                             "was incomplete; export it again",
                             name,
                             (errors.firstMessage().empty() ? std::string("gpkg_contents is empty")
                                                            : errors.firstMessage())));
    if (!result.dataset) {
        std::string why = errors.firstMessage();
        if (why.empty())
            why = "no driver recognises it";
        const bool json = ext == ".json" || ext == ".geojson" || ext == ".topojson";
        throw InputError(json ? msg("{}: not valid GeoJSON/TopoJSON ({}) — check that the file is "
                                    "complete and in a supported format",
                                    name, why)
                              : msg("{}: not a readable map or image ({}) — check that the file is "
                                    "complete and in a supported format",
                                    name, why));
    }
    if (empty)
        throw InputError(msg(
            "{}: holds neither layers nor raster bands — check that it is the right file", name));
    result.gdalMessages = errors.lines();
    if (result.dataset->GetRasterCount() > 0)
        probeRasterBlocks(*result.dataset, name);
    if (ext == ".shp")
        if (const auto mismatch = shapefilePartsMismatch(path))
            result.warnings.push_back(msg(
                "{}: {} — copy all parts of the shapefile again from the source", name, *mismatch));
    return result;
}

} // namespace mapaudit
