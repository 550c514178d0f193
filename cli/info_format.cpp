#include "info_format.h"

#include <iomanip>
#include <sstream>

namespace mapaudit {
namespace {

using nlohmann::json;

json extentJson(const std::optional<Extent>& e) {
    if (!e)
        return nullptr;
    return json{{"min_x", e->minX}, {"min_y", e->minY}, {"max_x", e->maxX}, {"max_y", e->maxY}};
}

json crsJson(const CrsInfo& crs, const std::vector<CrsSuggestion>& suggestions) {
    json j{{"known", crs.kind != CrsKind::Unknown}, {"kind", crsKindName(crs.kind)}};
    if (crs.kind == CrsKind::Unknown) {
        json s = json::array();
        for (const auto& sug : suggestions)
            s.push_back({{"epsg", sug.epsg ? json(*sug.epsg) : json(nullptr)}, {"text", sug.text}});
        j["suggestions"] = s;
        return j;
    }
    j["name"] = crs.name;
    j["epsg"] = crs.epsg ? json(*crs.epsg) : json(nullptr);
    j["match_confidence"] = crs.matchConfidence;
    j["cgcs2000"] = crs.isCgcs2000;
    j["wgs84"] = crs.isWgs84;
    j["web_mercator"] = crs.isWebMercator;
    if (crs.gaussKruger) {
        const auto& gk = *crs.gaussKruger;
        j["gauss_kruger"] = {{"width_degrees", gk.width},
                             {"zone", gk.zone},
                             {"central_meridian", gk.centralMeridian},
                             {"zone_prefix", gk.zonePrefix},
                             {"false_easting", gk.falseEasting()},
                             {"width_ambiguous", gk.widthAmbiguous}};
    }
    return j;
}

json validityJson(const std::optional<ValiditySummary>& v) {
    if (!v)
        return nullptr;
    json examples = json::array();
    for (const auto& e : v->examples) {
        json item{{"fid", e.fid}, {"reason", e.reason}};
        item["location"] =
            e.location ? json::array({e.location->first, e.location->second}) : json(nullptr);
        examples.push_back(item);
    }
    return json{{"checked", v->checked}, {"invalid", v->invalid}, {"examples", examples}};
}

std::string num(double v, int precision) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(precision) << v;
    return s.str();
}

std::string extentText(const Extent& e, bool degrees) {
    const int p = degrees ? 6 : 3;
    return num(e.minX, p) + ", " + num(e.minY, p) + " — " + num(e.maxX, p) + ", " + num(e.maxY, p);
}

void crsText(std::ostream& o, const char* indent, const CrsInfo& crs,
             const std::vector<CrsSuggestion>& suggestions) {
    o << indent << "CRS:              " << crs.label() << "\n";
    if (crs.kind == CrsKind::Unknown) {
        for (const auto& s : suggestions)
            o << indent << "  suggestion:     " << s.text << "\n";
        return;
    }
    if (crs.matchConfidence > 0 && crs.matchConfidence < 100)
        o << indent << "  identified by:  matching the definition (confidence "
          << crs.matchConfidence << "%)\n";
    if (crs.gaussKruger)
        o << indent << "  Gauss-Krüger:   " << crs.gaussKruger->describe() << "\n";
}

} // namespace

json toJson(const DatasetInfo& info) {
    json j{{"path", info.path}, {"driver", info.driver}, {"driver_long_name", info.driverLongName}};
    if (!info.encoding.source.empty())
        j["encoding"] = {{"encoding", info.encoding.encoding.empty()
                                          ? json(nullptr)
                                          : json(info.encoding.encoding)},
                         {"source", info.encoding.source},
                         {"reason", info.encoding.reason.text(Language::English)}};
    json layers = json::array();
    for (const auto& l : info.layers) {
        json fields = json::array();
        for (const auto& f : l.fields)
            fields.push_back({{"name", f.name},
                              {"type", f.type},
                              {"width", f.width},
                              {"precision", f.precision}});
        layers.push_back({{"name", l.name},
                          {"feature_count", l.featureCount},
                          {"declared_geometry_type", l.declaredGeometryType},
                          {"geometry_types", l.geometryTypes},
                          {"empty_geometries", l.emptyGeometries},
                          {"fields", fields},
                          {"crs", crsJson(l.crs, l.crsSuggestions)},
                          {"extent", extentJson(l.extent)},
                          {"extent_cgcs2000", extentJson(l.extentCgcs2000)},
                          {"validity", validityJson(l.validity)}});
    }
    j["layers"] = layers;
    if (info.raster) {
        const RasterInfo& r = *info.raster;
        json bands = json::array();
        for (const auto& b : r.bands) {
            json overviews = json::array();
            for (auto [w, h] : b.overviews)
                overviews.push_back({w, h});
            bands.push_back({{"index", b.index},
                             {"data_type", b.dataType},
                             {"color_interpretation", b.colorInterpretation},
                             {"nodata", b.noData ? json(*b.noData) : json(nullptr)},
                             {"color_table", b.hasColorTable},
                             {"overviews", overviews}});
        }
        j["raster"] = {{"width", r.width},
                       {"height", r.height},
                       {"band_count", r.bands.size()},
                       {"bands", bands},
                       {"georeferenced", r.georeferenced},
                       {"geotransform", r.geoTransform ? json(*r.geoTransform) : json(nullptr)},
                       {"gcp_count", r.gcpCount},
                       {"crs", crsJson(r.crs, r.crsSuggestions)},
                       {"extent", extentJson(r.extent)},
                       {"extent_cgcs2000", extentJson(r.extentCgcs2000)}};
    } else {
        j["raster"] = nullptr;
    }
    json warnings = json::array();
    for (const Message& w : info.warnings)
        warnings.push_back(w.text(Language::English));
    j["warnings"] = warnings;
    return j;
}

std::string toText(const DatasetInfo& info) {
    std::ostringstream o;
    o << "File:     " << info.path << "\n";
    o << "Driver:   " << info.driver;
    if (!info.driverLongName.empty() && info.driverLongName != info.driver)
        o << " (" << info.driverLongName << ")";
    o << "\n";
    if (!info.encoding.source.empty())
        o << "Encoding: "
          << (info.encoding.encoding.empty() ? "GDAL default" : info.encoding.encoding) << " — "
          << info.encoding.reason.text(Language::English) << "\n";

    for (std::size_t i = 0; i < info.layers.size(); ++i) {
        const LayerInfo& l = info.layers[i];
        o << "\nLayer " << i + 1 << "/" << info.layers.size() << ": " << l.name << "\n";
        o << "  Features:         " << l.featureCount << "\n";
        o << "  Geometry types:   ";
        if (l.geometryTypes.empty())
            o << "none";
        bool first = true;
        for (const auto& [type, count] : l.geometryTypes) {
            o << (first ? "" : ", ") << type << " (" << count << ")";
            first = false;
        }
        if (l.emptyGeometries > 0)
            o << "; without geometry: " << l.emptyGeometries;
        o << "  [declared: " << l.declaredGeometryType << "]\n";
        crsText(o, "  ", l.crs, l.crsSuggestions);
        if (l.extent)
            o << "  Extent:           " << extentText(*l.extent, l.crs.kind == CrsKind::Geographic)
              << "\n";
        if (l.extentCgcs2000 && !(l.crs.epsg && *l.crs.epsg == kCgcs2000Epsg))
            o << "  Extent CGCS2000:  " << extentText(*l.extentCgcs2000, true) << "\n";
        if (l.validity) {
            o << "  Invalid geometry: " << l.validity->invalid << " of " << l.validity->checked;
            if (l.validity->invalid > 0)
                o << "  (repair: mapaudit validate " << info.path << " --repair OUT.gpkg)";
            o << "\n";
            for (const auto& e : l.validity->examples) {
                o << "    fid " << e.fid << ": " << e.reason;
                if (e.location)
                    o << " at " << num(e.location->first, 6) << ", " << num(e.location->second, 6);
                o << "\n";
            }
        }
        o << "  Fields (" << l.fields.size() << "):\n";
        std::size_t widest = 4;
        for (const auto& f : l.fields)
            widest = std::max(widest, f.name.size());
        for (const auto& f : l.fields) {
            o << "    " << std::left << std::setw(static_cast<int>(widest) + 2) << f.name << f.type;
            if (f.width > 0)
                o << "(" << f.width << (f.precision > 0 ? "." + std::to_string(f.precision) : "")
                  << ")";
            o << "\n";
        }
    }
    if (info.raster) {
        const RasterInfo& r = *info.raster;
        o << "\nRaster:   " << r.width << " x " << r.height << " pixels, " << r.bands.size()
          << (r.bands.size() == 1 ? " band" : " bands") << "\n";
        o << "  Georeferenced:    "
          << (r.georeferenced ? "yes" : "no — can be georeferenced later with control points");
        if (r.gcpCount > 0)
            o << " (" << r.gcpCount << " control points)";
        o << "\n";
        if (r.georeferenced)
            crsText(o, "  ", r.crs, r.crsSuggestions);
        if (r.geoTransform) {
            const auto& gt = *r.geoTransform;
            o << "  Origin:           " << num(gt[0], 6) << ", " << num(gt[3], 6) << "\n";
            o << "  Pixel size:       " << num(gt[1], 9) << ", " << num(gt[5], 9) << "\n";
        }
        if (r.extent)
            o << "  Extent:           " << extentText(*r.extent, r.crs.kind == CrsKind::Geographic)
              << "\n";
        for (const auto& b : r.bands) {
            o << "  Band " << b.index << ": " << b.dataType << ", " << b.colorInterpretation;
            if (b.hasColorTable)
                o << ", colour table";
            if (b.noData)
                o << ", nodata " << num(*b.noData, 0);
            o << ", overviews " << b.overviews.size();
            for (auto [w, h] : b.overviews)
                o << " " << w << "x" << h;
            o << "\n";
        }
    }
    if (!info.warnings.empty()) {
        o << "\nWarnings:\n";
        for (const auto& w : info.warnings)
            o << "  - " << w.text(Language::English) << "\n";
    }
    return o.str();
}

} // namespace mapaudit
