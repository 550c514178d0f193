#include "pack_writer.h"

#include "mapaudit/base/error.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/refpack/schema.h"

namespace mapaudit::refpack {
namespace {

OGRLayer* createLayer(GDALDataset& ds, const std::string& name, OGRwkbGeometryType type,
                      const std::vector<FieldSpec>& fields, OGRSpatialReference* srs) {
    GdalErrorCapture errors;
    OGRLayer* layer = ds.CreateLayer(name.c_str(), srs, type, nullptr);
    if (!layer)
        throw InputError(msg("{}: layer '{}' cannot be created ({})", ds.GetDescription(), name,
                             errors.firstMessage()));
    for (const auto& f : fields) {
        OGRFieldDefn defn(f.name.c_str(), f.type);
        layer->CreateField(&defn);
    }
    return layer;
}

} // namespace

void writeLayer(const GeosContext& ctx, GDALDataset& ds, const std::string& name,
                OGRwkbGeometryType type, const std::vector<FieldSpec>& fields,
                std::vector<Row>& rows) {
    OGRSpatialReference srs;
    srs.importFromEPSG(kPackEpsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = createLayer(ds, name, type, fields, &srs);
    GdalErrorCapture errors;
    ds.StartTransaction();
    for (Row& row : rows) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        for (const auto& [field, value] : row.values)
            f->SetField(field.c_str(), value.c_str());
        if (row.geometry) {
            OgrGeometryPtr g = toOgr(ctx, *row.geometry);
            if (!g)
                throw InputError(msg("layer '{}': a geometry cannot be converted", name));
            g = OgrGeometryPtr(OGRGeometryFactory::forceTo(g.release(), type));
            g->assignSpatialReference(&srs);
            f->SetGeometryDirectly(g.release());
        }
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            throw InputError(
                msg("layer '{}': a feature cannot be written ({})", name, errors.firstMessage()));
    }
    if (ds.CommitTransaction() != OGRERR_NONE)
        throw InputError(msg("layer '{}' cannot be written ({})", name, errors.firstMessage()));
}

void writeMetadata(GDALDataset& ds, const std::string& table,
                   const std::vector<std::pair<std::string, std::string>>& entries) {
    OGRLayer* layer = createLayer(ds, table, wkbNone, {{"key"}, {"value"}}, nullptr);
    GdalErrorCapture errors;
    ds.StartTransaction();
    for (const auto& [key, value] : entries) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("key", key.c_str());
        f->SetField("value", value.c_str());
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            throw InputError(
                msg("table '{}': '{}' cannot be written ({})", table, key, errors.firstMessage()));
    }
    if (ds.CommitTransaction() != OGRERR_NONE)
        throw InputError(msg("table '{}' cannot be written ({})", table, errors.firstMessage()));
}

} // namespace mapaudit::refpack
