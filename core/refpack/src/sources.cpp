#include "sources.h"

#include "mapaudit/base/error.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/geodata/geos_ops.h"

#include <map>

namespace mapaudit::refpack {
namespace fs = std::filesystem;
namespace {

// A CSV row with its line number, for error messages that name file/line/field.
struct CsvRow {
    int line = 0;
    std::map<std::string, std::string> values;
};

std::vector<CsvRow> readCsv(const fs::path& path, const std::vector<std::string>& required) {
    precheckInput(path);
    // Plain attribute table: no geometry from lon/lat columns, every field as text.
    const char* options[] = {"AUTODETECT_TYPE=NO", nullptr};
    GdalDatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                        options, nullptr));
    if (!ds || ds->GetLayerCount() != 1)
        throw InputError(msg("{}: not a readable CSV table — check the file", path));
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (const auto& name : required)
        if (defn->GetFieldIndex(name.c_str()) < 0)
            throw InputError(
                msg("{}: column '{}' is missing — the header must name it", path, name));
    std::vector<CsvRow> rows;
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        CsvRow row;
        row.line = static_cast<int>(f->GetFID()) + 1; // GDAL numbers data rows from 1
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            row.values[defn->GetFieldDefn(i)->GetNameRef()] = f->GetFieldAsString(i);
        rows.push_back(std::move(row));
    }
    return rows;
}

double number(const fs::path& file, const CsvRow& row, const std::string& field, double lo,
              double hi) {
    const std::string& text = row.values.at(field);
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size() && v >= lo && v <= hi)
            return v;
    } catch (const std::exception&) {
    }
    // The bounds as std::to_string writes them ("-180.000000"), as before.
    throw InputError(msg("{}:{}: field '{}' = '{}' is not a number in [{}, {}] — correct the value",
                         file, row.line, field, text, std::to_string(lo), std::to_string(hi)));
}

// Natural Earth polygons are sometimes invalid: repair, never fail.
GeosGeometryPtr geometryOf(const GeosContext& ctx, OGRFeature& f) {
    const OGRGeometry* g = f.GetGeometryRef();
    if (!g || g->IsEmpty())
        return nullptr;
    OgrGeometryPtr repaired = repairGeometry(ctx, *g);
    return repaired ? toGeos(ctx, *repaired) : nullptr;
}

std::vector<Country> readCountries(const GeosContext& ctx, GDALDataset& ds, const fs::path& file) {
    OGRLayer* layer = ds.GetLayerByName("countries");
    if (!layer)
        throw InputError(msg("{}: layer 'countries' is missing — use the Natural Earth countries "
                             "TopoJSON named in PROVENANCE.md",
                             file));
    std::vector<Country> out;
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()))
        if (GeosGeometryPtr g = geometryOf(ctx, *f))
            out.push_back({f->GetFieldAsString("id"), f->GetFieldAsString("name"), std::move(g)});
    return out;
}

GeosGeometryPtr readLand(const GeosContext& ctx, GDALDataset& ds, const fs::path& file) {
    OGRLayer* layer = ds.GetLayerByName("land");
    if (!layer)
        throw InputError(msg("{}: layer 'land' is missing — use the Natural Earth countries "
                             "TopoJSON named in PROVENANCE.md",
                             file));
    std::vector<GeosGeometryPtr> parts;
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()))
        if (GeosGeometryPtr g = geometryOf(ctx, *f))
            parts.push_back(std::move(g));
    return geos::unionAll(ctx, std::move(parts));
}

std::vector<DisputedArea> readDisputed(const GeosContext& ctx, const fs::path& file) {
    GdalDatasetPtr ds = openDataset(file).dataset;
    OGRLayer* layer = ds->GetLayer(0);
    std::vector<DisputedArea> out;
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        GeosGeometryPtr g = geometryOf(ctx, *f);
        const std::string code = f->GetFieldAsString("code");
        if (!g || code.empty())
            throw InputError(
                msg("{}: feature {} has no geometry or no 'code' — every disputed area "
                    "needs both",
                    file, f->GetFID()));
        out.push_back(
            {code, f->GetFieldAsString("name_zh"), f->GetFieldAsString("name_en"), std::move(g)});
    }
    return out;
}

} // namespace

std::vector<KeyPlace> readKeyPlaces(const fs::path& file) {
    std::vector<KeyPlace> out;
    for (const CsvRow& r :
         readCsv(file, {"code", "name_zh", "name_en", "region", "province", "lon", "lat", "note"}))
        out.push_back({r.values.at("code"), r.values.at("name_zh"), r.values.at("name_en"),
                       r.values.at("region"), r.values.at("province"), r.values.at("note"),
                       number(file, r, "lon", -180, 180), number(file, r, "lat", -90, 90)});
    return out;
}

Sources readSources(const GeosContext& ctx, const fs::path& dir) {
    Sources s;
    const fs::path countriesFile = dir / kCountriesFile;
    GdalDatasetPtr countries = openDataset(countriesFile).dataset;
    s.countries = readCountries(ctx, *countries, countriesFile);
    s.land = readLand(ctx, *countries, countriesFile);
    s.disputed = readDisputed(ctx, dir / kDisputedFile);

    const fs::path keyFile = dir / kKeyFeaturesFile;
    for (const CsvRow& r :
         readCsv(keyFile, {"code", "name_zh", "name_en", "kind", "lon", "lat", "group", "note"}))
        s.keyFeatures.push_back({r.values.at("code"), r.values.at("name_zh"),
                                 r.values.at("name_en"), r.values.at("kind"), r.values.at("group"),
                                 r.values.at("note"), number(keyFile, r, "lon", -180, 180),
                                 number(keyFile, r, "lat", -90, 90)});

    s.keyPlaces = readKeyPlaces(dir / kKeyPlacesFile);

    const fs::path groupFile = dir / kIslandGroupsFile;
    for (const CsvRow& r : readCsv(groupFile, {"code", "name_zh", "name_en", "min_lon", "min_lat",
                                               "max_lon", "max_lat", "note"}))
        s.islandGroups.push_back(
            {r.values.at("code"), r.values.at("name_zh"), r.values.at("name_en"),
             r.values.at("note"), number(groupFile, r, "min_lon", -180, 180),
             number(groupFile, r, "min_lat", -90, 90), number(groupFile, r, "max_lon", -180, 180),
             number(groupFile, r, "max_lat", -90, 90)});

    const fs::path dashFile = dir / kDashesFile;
    for (const CsvRow& r : readCsv(dashFile, {"dash", "lon1", "lat1", "lon2", "lat2", "note"}))
        s.dashes.push_back({static_cast<int>(number(dashFile, r, "dash", 1, 10)),
                            number(dashFile, r, "lon1", -180, 180),
                            number(dashFile, r, "lat1", -90, 90),
                            number(dashFile, r, "lon2", -180, 180),
                            number(dashFile, r, "lat2", -90, 90), r.values.at("note")});
    return s;
}

} // namespace mapaudit::refpack
