#include "mapaudit/refpack/importer.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/json_text.h"
#include "mapaudit/base/resources.h"
#include "mapaudit/base/sha256.h"
#include "mapaudit/base/version.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/schema.h"
#include "pack_content.h"

#include <fstream>
#include <sstream>

namespace mapaudit::refpack {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

// The mapping file, named in its errors: "<file>: <key>: <what is wrong>".
class MappingError {
public:
    explicit MappingError(std::string file) : file_(std::move(file)) {}
    const std::string& file() const { return file_; }

private:
    std::string file_;
};

json readMapping(const fs::path& path) {
    precheckInput(path);
    return parseJsonText(readFileBytes(path), path.string(),
                         msg("see the mapping example in the README"));
}

std::string requiredString(const json& j, const std::string& key, const MappingError& err,
                           const std::string& where) {
    if (!j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty())
        throw InputError(msg("{}: {}: a non-empty text is required", err.file(), where + key));
    return j[key].get<std::string>();
}

// An optional text key: `fallback` when it is absent.
std::string optionalString(const json& j, const std::string& key, const MappingError& err,
                           const std::string& where, const std::string& fallback = "") {
    if (!j.contains(key))
        return fallback;
    if (!j[key].is_string())
        throw InputError(msg("{}: {}: must be a text in quotes, not {}", err.file(), where + key,
                             j[key].dump()));
    return j[key].get<std::string>();
}

std::string fileSha256(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    Sha256 sha;
    std::string buffer(1 << 16, '\0');
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
        sha.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    return sha.hex();
}

// One pack layer read from its source as the mapping says.
std::vector<Row> readMappedLayer(const GeosContext& c, const std::string& packLayer,
                                 const json& spec, const fs::path& base, const MappingError& err,
                                 json& sources) {
    const std::string where = "layers." + packLayer + ".";
    const fs::path source = base / requiredString(spec, "source", err, where);
    const std::string encoding = optionalString(spec, "encoding", err, where);
    OpenedDataset opened = openDataset(source, OpenOptions{encoding, false});
    GDALDataset& ds = *opened.dataset;
    OGRLayer* layer = spec.contains("layer")
                          ? ds.GetLayerByName(optionalString(spec, "layer", err, where).c_str())
                          : ds.GetLayer(0);
    if (!layer)
        throw InputError(msg("{}: {}: no such layer in {}", err.file(), where + "layer", source));
    if (spec.contains("where")) {
        GdalErrorCapture errors;
        const std::string filter = optionalString(spec, "where", err, where);
        // Some drivers check the filter only when reading: count to find out.
        if (layer->SetAttributeFilter(filter.c_str()) != OGRERR_NONE ||
            (layer->GetFeatureCount(TRUE) <= 0 && errors.hasFailure())) {
            // SQLite-backed drivers quote the whole statement: keep the reason.
            std::string why = errors.firstMessage();
            if (const auto at = why.rfind("failed: "); at != std::string::npos)
                why.erase(0, at + 8);
            throw InputError(
                msg("{}: {}: the filter is not valid ({})", err.file(), where + "where", why));
        }
    }

    // Pack field ← source field name, or "=constant".
    std::map<std::string, std::string> fields;
    if (spec.contains("fields")) {
        if (!spec["fields"].is_object())
            throw InputError(
                msg("{}: {}: must map pack fields to source fields", err.file(), where + "fields"));
        for (const auto& [packField, sourceField] : spec["fields"].items()) {
            if (!sourceField.is_string())
                throw InputError(
                    msg("{}: {}: must name a source field (or be \"=constant\"), not {}",
                        err.file(), where + "fields." + packField, sourceField.dump()));
            const std::string name = sourceField.get<std::string>();
            if (name.rfind('=', 0) != 0 && layer->GetLayerDefn()->GetFieldIndex(name.c_str()) < 0)
                throw InputError(msg("{}: {}: the source field '{}' does not exist in {}",
                                     err.file(), where + "fields." + packField, name, source));
            fields[packField] = name;
        }
    }

    OGRSpatialReference target;
    target.importFromEPSG(kPackEpsg);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference sourceSrs;
    if (spec.contains("crs")) {
        if (sourceSrs.SetFromUserInput(optionalString(spec, "crs", err, where).c_str()) !=
            OGRERR_NONE)
            throw InputError(
                msg("{}: {}: not a recognised CRS (use EPSG:NNNN)", err.file(), where + "crs"));
    } else if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        sourceSrs = *srs;
    } else {
        throw InputError(msg("{}: {}: {} has no CRS — add a .prj or set \"crs\"", err.file(),
                             where + "crs", source));
    }
    sourceSrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CoordinateTransformationPtr ct(OGRCreateCoordinateTransformation(&sourceSrs, &target));
    if (!ct)
        throw InputError(msg("{}: {}: no transformation to EPSG:4490", err.file(), where + "crs"));

    std::vector<Row> rows;
    layer->ResetReading();
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        Row row;
        for (const auto& [packField, sourceField] : fields)
            row.values[packField] = sourceField.rfind('=', 0) == 0
                                        ? sourceField.substr(1)
                                        : f->GetFieldAsString(sourceField.c_str());
        OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty())
            throw InputError(
                msg("{}: feature {} has no geometry — every reference feature needs one", source,
                    f->GetFID()));
        if (g->transform(ct.get()) != OGRERR_NONE)
            throw InputError(
                msg("{}: feature {} cannot be transformed to EPSG:4490 — check the CRS", source,
                    f->GetFID()));
        OgrGeometryPtr repaired = repairGeometry(c, *g);
        row.geometry = repaired ? toGeos(c, *repaired) : nullptr;
        rows.push_back(std::move(row));
    }
    if (rows.empty())
        throw InputError(msg("{}: {}: {} gives no features (check \"where\")", err.file(),
                             where + "source", source));
    sources.push_back({{"layer", packLayer},
                       {"file", source.filename().string()},
                       {"sha256", fileSha256(source)}});
    return rows;
}

} // namespace

BuildReport importReferencePack(const ImportOptions& options) {
    ensureGdalInitialised();
    const json mapping = readMapping(options.mapping);
    const MappingError err(options.mapping.string());
    if (!mapping.contains("layers") || !mapping["layers"].is_object())
        throw InputError(
            msg("{}: layers: an object with one entry per pack layer is required", err.file()));
    const fs::path base = options.mapping.parent_path();

    GeosContext c;
    PackContent content;
    json sources = json::array();
    for (const auto& schema : kSpatialLayers) {
        const std::string name(schema.name);
        if (name == "key_places" && !mapping["layers"].contains(name)) {
            // Public gazetteer facts: the shipped list unless the bureau maps its own.
            const fs::path shipped = resourceDir() / "reference" / "sources" / kKeyPlacesFile;
            content.layers[name] = keyPlaceRows(c, readKeyPlaces(shipped));
            sources.push_back({{"layer", name},
                               {"file", shipped.filename().string()},
                               {"sha256", fileSha256(shipped)}});
            continue;
        }
        if (!mapping["layers"].contains(name))
            throw InputError(msg("{}: {}: missing — every pack layer needs a source", err.file(),
                                 "layers." + name));
        content.layers[name] =
            readMappedLayer(c, name, mapping["layers"][name], base, err, sources);
    }
    // The territory is one MultiPolygon whatever the source's features.
    auto& territory = content.layers["territory"];
    std::vector<GeosGeometryPtr> parts;
    for (Row& r : territory)
        parts.push_back(std::move(r.geometry));
    Row merged{{{"code", "china"},
                {"name_zh", "中华人民共和国"},
                {"name_en", "People's Republic of China"}},
               geos::polygonalParts(c, *geos::unionAll(c, std::move(parts)))};
    territory.clear();
    territory.push_back(std::move(merged));

    validateContent(c, content, options.mapping.string());
    PackIdentity identity;
    identity.id = requiredString(mapping, "pack_id", err, "");
    identity.version = requiredString(mapping, "version", err, "");
    identity.grade = optionalString(mapping, "grade", err, "", "official");
    identity.title = optionalString(mapping, "title", err, "", identity.id);
    identity.builder = std::string("mapaudit refpack import ") + versionString();
    identity.builtAt = options.builtAt;
    identity.sources = sources;
    identity.extra = {{"import_mapping", mapping.dump()},
                      {"accuracy_km", mapping.value("accuracy_km", json(0.5)).dump()}};
    return writePack(c, content, identity, options.output);
}

} // namespace mapaudit::refpack
