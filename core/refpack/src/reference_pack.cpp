#include "mapaudit/refpack/reference_pack.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/resources.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/digest.h"
#include "mapaudit/refpack/schema.h"

namespace mapaudit::refpack {
namespace fs = std::filesystem;
namespace {

std::map<std::string, std::string> readMetadata(GDALDataset& ds, std::vector<Message>& problems) {
    std::map<std::string, std::string> out;
    OGRLayer* table = ds.GetLayerByName(std::string(kMetadataTable).c_str());
    if (!table) {
        problems.push_back(msg("the table pack_metadata is missing"));
        return out;
    }
    table->ResetReading();
    for (OgrFeaturePtr f(table->GetNextFeature()); f; f.reset(table->GetNextFeature()))
        out[f->GetFieldAsString("key")] = f->GetFieldAsString("value");
    for (const char* key : {"pack_id", "version", "digest"})
        if (!out.count(key))
            problems.push_back(msg("pack_metadata has no '{}'", key));
    return out;
}

} // namespace

ReferencePack ReferencePack::open(const fs::path& path, VerifyMode mode) {
    ensureGdalInitialised();
    precheckInput(path);
    GdalErrorCapture errors;
    GDALDataset* raw = GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                         nullptr, nullptr);
    if (!raw)
        throw InputError(msg("{}: not a readable reference pack ({}) — rebuild it with `mapaudit "
                             "refpack build` or reinstall MapAudit",
                             path, errors.firstMessage()));
    ReferencePack pack;
    pack.ds_.reset(raw);
    pack.path_ = path.string();
    std::vector<Message>& problems = pack.problemMessages_;
    pack.metadata_ = readMetadata(*raw, problems);
    pack.id_ = pack.metadata_["pack_id"];
    pack.version_ = pack.metadata_["version"];
    pack.digest_ = pack.metadata_["digest"];

    std::string all;
    for (const auto& schema : kSpatialLayers) {
        const std::string name(schema.name);
        OGRLayer* layer = raw->GetLayerByName(name.c_str());
        if (!layer) {
            problems.push_back(msg("layer '{}' is missing", name));
            continue;
        }
        for (std::string_view field : schema.fields)
            if (!field.empty() &&
                layer->GetLayerDefn()->GetFieldIndex(std::string(field).c_str()) < 0)
                problems.push_back(msg("layer '{}' has no field '{}'", name, std::string(field)));
        pack.counts_[name] = layer->GetFeatureCount(TRUE);
        const std::string actual = layerDigest(*layer, std::string(schema.keyField));
        all += name + "=" + actual + "\n";
        const auto recorded = pack.metadata_.find("digest:" + name);
        if (recorded == pack.metadata_.end())
            problems.push_back(msg("no recorded digest for layer '{}'", name));
        else if (recorded->second != actual)
            problems.push_back(msg("layer '{}' was altered (digest {}…, recorded {}…)", name,
                                   actual.substr(0, 12), recorded->second.substr(0, 12)));
    }
    if (problems.empty() && packDigest(all) != pack.digest_)
        problems.push_back(msg("the pack digest does not match its layers"));
    for (const Message& m : problems)
        pack.problems_.push_back(m.text(Language::English));
    if (!pack.verified() && mode == VerifyMode::Refuse)
        throw InputError(msg("{}: reference pack failed verification: {} — use an unaltered pack "
                             "(rebuild with `mapaudit refpack build`)",
                             pack.path_, problems.front()));
    return pack;
}

std::string ReferencePack::label() const {
    return id_ + " " + version_ + ", digest " + digest_.substr(0, 16) + "…, " +
           (verified() ? "verified" : "UNVERIFIED");
}

GeosGeometryPtr ReferencePack::geometry(const GeosContext& ctx, const std::string& layerName,
                                        const std::string& key) const {
    OGRLayer* layer = ds_->GetLayerByName(layerName.c_str());
    if (!layer)
        throw InputError(msg("{}: reference layer '{}' is missing", path_, layerName));
    std::string keyField;
    for (const auto& schema : kSpatialLayers)
        if (schema.name == layerName)
            keyField = schema.keyField;
    std::vector<GeosGeometryPtr> parts;
    layer->ResetReading();
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        if (!key.empty() && key != f->GetFieldAsString(keyField.c_str()))
            continue;
        if (const OGRGeometry* g = f->GetGeometryRef())
            parts.push_back(toGeos(ctx, *g));
    }
    if (parts.empty() && key.empty())
        throw InputError(msg("{}: reference layer '{}' has no feature", path_, layerName));
    if (parts.empty())
        throw InputError(
            msg("{}: reference layer '{}' has no feature '{}'", path_, layerName, key));
    return parts.size() == 1 ? std::move(parts.front()) : geos::unionAll(ctx, std::move(parts));
}

fs::path defaultPackPath() {
    return resourceDir() / "reference" / "mapaudit-reference-demo.gpkg";
}

} // namespace mapaudit::refpack
