#include "layer_crs.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/gdal_environment.h"

#include <cstdio>
#include <memory>
#include <ogrsf_frmts.h>

namespace mapaudit::check {
namespace fs = std::filesystem;
namespace {

// Longitudes up to 360 are lon/lat too (maps centred on the Pacific).
constexpr double kMinLon = -180.5, kMaxLon = 360.5, kMaxAbsLat = 90.5;

bool aboutCrs(const std::string& message) {
    const std::string m = toLowerAscii(message);
    for (const char* word : {"srs", "crs", "proj", "coordinate system", "spatial ref",
                             "well-known text", "wkt", "epsg", "datum"})
        if (m.find(word) != std::string::npos)
            return true;
    return false;
}

bool hasPrj(const fs::path& path) {
    std::error_code ec;
    fs::path a = path, b = path;
    return fs::exists(a.replace_extension(".prj"), ec) ||
           fs::exists(b.replace_extension(".PRJ"), ec);
}

std::string range(const OGREnvelope& e) {
    char text[160];
    std::snprintf(text, sizeof text, "x %.6g – %.6g, y %.6g – %.6g", e.MinX, e.MaxX, e.MinY,
                  e.MaxY);
    return text;
}

bool lonLatRanges(const OGREnvelope& e) {
    return e.MinX >= kMinLon && e.MaxX <= kMaxLon && e.MinY >= -kMaxAbsLat && e.MaxY <= kMaxAbsLat;
}

OGRSpatialReference cgcs2000() {
    OGRSpatialReference target;
    target.importFromEPSG(4490);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return target;
}

// `path` and `layer` name the layer in an error.
CoordinateTransformationPtr transformFrom(const OGRSpatialReference& srs, const fs::path& path,
                                          const std::string& layer) {
    std::unique_ptr<OGRSpatialReference> source(srs.Clone());
    source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference target = cgcs2000();
    CoordinateTransformationPtr ct(OGRCreateCoordinateTransformation(source.get(), &target));
    if (!ct)
        throw InputError(
            msg("{}: layer '{}' cannot be transformed to CGCS2000 — check its CRS", path, layer));
    return ct;
}

LayerCrs assumed(const std::string& assumeCrs, const fs::path& path, const std::string& layer,
                 const std::string& where, const std::string& whyZh, const std::string& whyEn) {
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(assumeCrs.c_str()) != OGRERR_NONE)
        throw InputError(msg("--assume-crs '{}' is not a CRS — give it as EPSG:4490, EPSG:4527 "
                             "or a WKT/PROJ string",
                             assumeCrs));
    const char* name = srs.GetName() ? srs.GetName() : assumeCrs.c_str();
    LayerCrs out;
    out.toCgcs2000 = transformFrom(srs, path, layer);
    out.note = ReadingNote{
        where + "：" + whyZh + "，按 --assume-crs 取作 " + assumeCrs + "（" + name + "）",
        where + ": " + whyEn + "; taken as " + assumeCrs + " (" + name + ") as --assume-crs says"};
    return out;
}

} // namespace

LayerCrs decideLayerCrs(OGRLayer& layer, const fs::path& path, const std::string& assumeCrs,
                        const std::vector<std::string>& openMessages) {
    const std::string name = layer.GetName();
    const std::string where = path.string() + ": layer '" + name + "'";
    std::vector<std::string> trouble;
    for (const std::string& m : openMessages)
        if (aboutCrs(m))
            trouble.push_back(m);
    const OGRSpatialReference* srs = nullptr;
    {
        GdalErrorCapture errors;
        srs = layer.GetSpatialRef();
        for (std::string& line : errors.lines())
            trouble.push_back(std::move(line));
    }
    const bool declared = srs && !srs->IsEmpty();
    if (!declared && lowerExtension(path) == ".shp" && hasPrj(path))
        trouble.push_back("its .prj file cannot be read");

    OGREnvelope env;
    const bool hasExtent = layer.GetExtent(&env, TRUE) == OGRERR_NONE;

    // A CRS the file states but GDAL could not read (it may then fall back to
    // lon/lat on its own, as the GeoJSON driver does): never guessed silently.
    if (!trouble.empty()) {
        if (!assumeCrs.empty())
            return assumed(assumeCrs, path, name, where,
                           "其坐标系无法读取（" + trouble.front() + "）",
                           "its CRS cannot be read (" + trouble.front() + ")");
        throw InputError(msg("{}: layer '{}': its CRS cannot be read ({}) — fix the CRS (.prj) or "
                             "say what it is with --assume-crs, e.g. --assume-crs EPSG:4490 "
                             "(`mapaudit info` suggests likely ones)",
                             path, name, trouble.front()));
    }
    if (declared) {
        if (hasExtent && srs->IsGeographic() && !lonLatRanges(env)) {
            if (!assumeCrs.empty())
                return assumed(assumeCrs, path, name, where,
                               "坐标（" + range(env) +
                                   "）超出经纬度范围，与其声明的经纬度坐标系不符",
                               "its coordinates (" + range(env) +
                                   ") are outside any lon/lat range, against its lon/lat CRS");
            throw InputError(msg("{}: layer '{}': coordinates ({}) are outside any "
                                 "longitude/latitude range, yet its CRS says lon/lat — the CRS "
                                 "is wrong or missing: fix it or give --assume-crs "
                                 "(`mapaudit info` suggests likely ones)",
                                 path, name, range(env)));
        }
        return {transformFrom(*srs, path, name), std::nullopt};
    }
    if (!assumeCrs.empty())
        return assumed(assumeCrs, path, name, where, "无坐标系", "has no CRS");
    if (hasExtent && !lonLatRanges(env))
        throw InputError(msg("{}: layer '{}': has no CRS and its coordinates ({}) are not "
                             "longitude/latitude — give it a .prj or --assume-crs "
                             "(`mapaudit info` suggests the likely CRS)",
                             path, name, range(env)));
    LayerCrs out;
    out.note = ReadingNote{where + "：无坐标系；坐标在经纬度范围内，按 CGCS2000 经纬度核查",
                           where + ": has no CRS; its coordinates are in lon/lat ranges and "
                                   "were taken as CGCS2000 lon/lat"};
    return out;
}

} // namespace mapaudit::check
