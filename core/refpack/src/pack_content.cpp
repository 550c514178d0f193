#include "pack_content.h"

#include "mapaudit/base/atomic_output.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/timestamps.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/digest.h"
#include "mapaudit/refpack/schema.h"

#include <set>

namespace mapaudit::refpack {
namespace {

struct LayerDefinition {
    const char* name;
    OGRwkbGeometryType type;
    std::vector<FieldSpec> fields;
};

const std::vector<LayerDefinition>& definitions() {
    static const std::vector<LayerDefinition> defs{
        {"territory", wkbMultiPolygon, {{"code"}, {"name_zh"}, {"name_en"}}},
        {"land_border", wkbMultiLineString, {{"segment"}, {"neighbour"}, {"neighbour_id"}}},
        {"regions", wkbMultiPolygon, {{"code"}, {"name_zh"}, {"name_en"}, {"kind"}}},
        {"key_islands",
         wkbPoint,
         {{"code"},
          {"name_zh"},
          {"name_en"},
          {"kind"},
          {"island_group"},
          {"region"},
          {"representation"},
          {"max_scale_denominator", OFTInteger64},
          {"rule"}}},
        {"key_places",
         wkbPoint,
         {{"code"}, {"name_zh"}, {"name_en"}, {"region"}, {"province"}, {"note"}}},
        {"island_groups", wkbPolygon, {{"code"}, {"name_zh"}, {"name_en"}, {"note"}}},
        {"scs_dashes", wkbLineString, {{"dash", OFTInteger}, {"note"}}},
        {"scs_inset_frame", wkbPolygon, {{"code"}, {"note"}}},
    };
    return defs;
}

std::string value(const Row& row, const std::string& field) {
    const auto it = row.values.find(field);
    return it == row.values.end() ? std::string() : it->second;
}

} // namespace

void validateContent(const GeosContext& c, const PackContent& content, const std::string& origin) {
    for (const auto& def : definitions())
        if (!content.layers.count(def.name) || content.layers.at(def.name).empty())
            throw InputError(
                msg("{}: layer '{}' has no features — every pack needs it", origin, def.name));

    const auto& territory = content.layers.at("territory");
    for (const Row& r : territory)
        if (!r.geometry || geos::isEmpty(c, *r.geometry) || !geos::isValid(c, *r.geometry))
            throw InputError(msg(
                "{}: the territory is empty or not a valid polygon — repair the source", origin));

    std::set<int> dashes;
    for (const Row& r : content.layers.at("scs_dashes")) {
        const std::string text = value(r, "dash");
        int n = 0;
        try {
            n = std::stoi(text);
        } catch (const std::exception&) {
        }
        if (n < 1 || n > kDashCount || !dashes.insert(n).second)
            throw InputError(
                msg("{}: scs_dashes: dash number '{}' is not one of 1..10 or appears twice", origin,
                    text));
    }
    if (static_cast<int>(dashes.size()) != kDashCount)
        throw InputError(
            msg("{}: scs_dashes: {} dashes found, the line has 10", origin, dashes.size()));

    std::set<std::string> codes;
    for (const Row& r : content.layers.at("regions"))
        codes.insert(value(r, "code"));
    for (std::string_view code : kRegionCodes)
        if (!codes.count(std::string(code)))
            throw InputError(msg("{}: regions: the region '{}' is missing — every pack carries all "
                                 "stable region codes",
                                 origin, std::string(code)));

    for (const Row& r : content.layers.at("key_places"))
        if (!codes.count(value(r, "region")))
            throw InputError(
                msg("{}: key_places: '{}' names the region '{}', which the pack does not have",
                    origin, value(r, "code"), value(r, "region")));

    for (const Row& r : content.layers.at("key_islands"))
        if (!codes.count(value(r, "region")) && value(r, "island_group").empty())
            throw InputError(
                msg("{}: key_islands: '{}' has neither a known region nor an island group", origin,
                    value(r, "code")));
}

std::vector<Row> keyPlaceRows(const GeosContext& c, const std::vector<KeyPlace>& places) {
    std::vector<Row> rows;
    for (const KeyPlace& k : places)
        rows.push_back({{{"code", k.code},
                         {"name_zh", k.nameZh},
                         {"name_en", k.nameEn},
                         {"region", k.region},
                         {"province", k.province},
                         {"note", k.note}},
                        geos::point(c, k.lon, k.lat)});
    return rows;
}

BuildReport writePack(const GeosContext& c, PackContent& content, const PackIdentity& identity,
                      const std::filesystem::path& output) {
    GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    AtomicOutput out(output);
    BuildReport report;
    {
        GdalDatasetPtr ds(gpkg->Create(out.partial().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            throw InputError(
                msg("{}: cannot be created — choose a folder you can write to", output));
        for (const auto& def : definitions())
            writeLayer(c, *ds, def.name, def.type, def.fields, content.layers.at(def.name));

        std::string all;
        for (const auto& layer : kSpatialLayers) {
            OGRLayer* l = ds->GetLayerByName(std::string(layer.name).c_str());
            const std::string d = layerDigest(*l, std::string(layer.keyField));
            report.digests[std::string(layer.name)] = d;
            report.counts[std::string(layer.name)] = l->GetFeatureCount(TRUE);
            all += std::string(layer.name) + "=" + d + "\n";
        }
        report.digest = packDigest(all);

        std::vector<std::pair<std::string, std::string>> meta{
            {"pack_id", identity.id},
            {"version", identity.version},
            {"grade", identity.grade},
            {"title", identity.title},
            {"crs", "EPSG:4490"},
            {"build_time", identity.builtAt.empty() ? nowUtc() : identity.builtAt},
            {"builder", identity.builder},
            {"sources", identity.sources.dump()},
            {"digest", report.digest}};
        for (const auto& [key, v] : identity.extra.items())
            meta.emplace_back(key, v.is_string() ? v.get<std::string>() : v.dump());
        for (const auto& [layer, d] : report.digests)
            meta.emplace_back("digest:" + layer, d);
        writeMetadata(*ds, std::string(kMetadataTable), meta);
    } // closes the dataset before the rename
    out.commit();
    return report;
}

} // namespace mapaudit::refpack
