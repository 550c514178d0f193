// `refpack import`: a pack from a bureau's own files through a JSON mapping,
// with the same schema and validation as the built pack.
#include "mapaudit/base/error.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/importer.h"
#include "mapaudit/refpack/reference_pack.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <gdal_utils.h>

using namespace mapaudit;
using namespace mapaudit::refpack;
namespace fs = std::filesystem;

namespace {

// ogr2ogr through GDAL's library API.
void translate(const fs::path& out, const std::string& format, const std::string& sql,
               std::vector<std::string> extra = {}) {
    GdalDatasetPtr src(GDALDataset::Open(test::committedPackPath().c_str(),
                                         GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr,
                                         nullptr));
    REQUIRE(src);
    std::vector<std::string> args{"-f", format, "-sql", sql};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    GDALDatasetH handle = GDALDataset::ToHandle(src.get());
    GDALDatasetH result = GDALVectorTranslate(out.c_str(), nullptr, 1, &handle, options, nullptr);
    GDALVectorTranslateOptionsFree(options);
    REQUIRE(result);
    GDALClose(result);
}

// A bureau's data (GeoPackage SQL is SQLite's: the geometry column is named): other field names,
// other formats and CRSs, GBK without .cpg.
void writeOfficialSources(const fs::path& dir) {
    translate(dir / "territory.shp", "ESRI Shapefile", "SELECT code AS BH, geom FROM territory",
              {"-t_srs", "EPSG:3857"});
    translate(dir / "border.shp", "ESRI Shapefile",
              "SELECT segment AS DM, neighbour AS GJ, neighbour_id AS GJDM, geom FROM land_border");
    translate(dir / "regions.shp", "ESRI Shapefile",
              "SELECT code AS DM, name_zh AS MC, name_en AS YWMC, kind AS LX, geom FROM regions",
              {"-lco", "ENCODING=CP936"});
    fs::remove(dir / "regions.cpg");
    std::fstream dbf(dir / "regions.dbf", std::ios::in | std::ios::out | std::ios::binary);
    dbf.seekp(29);
    dbf.put('\0');
    dbf.close();
    translate(dir / "islands.gpkg", "GPKG",
              "SELECT code AS dm, name_zh AS mc, name_en AS ywmc, kind AS lx, island_group AS qd, "
              "region AS qy, representation AS bs, max_scale_denominator AS blc, rule AS gz, geom "
              "FROM key_islands");
    translate(dir / "groups.geojson", "GeoJSON", "SELECT * FROM island_groups");
    translate(dir / "dashes.shp", "ESRI Shapefile",
              "SELECT dash AS XH, note AS BZ, geom FROM scs_dashes");
    translate(dir / "inset.geojson", "GeoJSON", "SELECT * FROM scs_inset_frame");
}

const char* kMapping = R"({
  "pack_id": "test-bureau-2026",
  "version": "2026.1",
  "title": "Test bureau reference",
  "layers": {
    "territory": {"source": "territory.shp"},
    "land_border": {"source": "border.shp",
                    "fields": {"segment": "DM", "neighbour": "GJ", "neighbour_id": "GJDM"}},
    "regions": {"source": "regions.shp",
                "fields": {"code": "DM", "name_zh": "MC", "name_en": "YWMC", "kind": "LX"}},
    "key_islands": {"source": "islands.gpkg",
                    "fields": {"code": "dm", "name_zh": "mc", "name_en": "ywmc", "kind": "lx",
                               "island_group": "qd", "region": "qy", "representation": "bs",
                               "max_scale_denominator": "blc", "rule": "gz"}},
    "island_groups": {"source": "groups.geojson",
                      "fields": {"code": "code", "name_zh": "name_zh", "name_en": "name_en", "note": "note"}},
    "scs_dashes": {"source": "dashes.shp", "fields": {"dash": "XH", "note": "BZ"}},
    "scs_inset_frame": {"source": "inset.geojson", "fields": {"code": "code", "note": "=from the test"}}
  }
})";

} // namespace

TEST_CASE("a pack imported from a bureau's files has the schema and verifies") {
    test::ScratchDir dir;
    writeOfficialSources(dir.path());
    test::writeFile(dir / "mapping.json", kMapping);
    const BuildReport report = importReferencePack({dir / "mapping.json", dir / "bureau.gpkg", ""});
    const ReferencePack committed = ReferencePack::open(test::committedPackPath());
    for (const auto& [layer, count] : committed.counts()) {
        INFO(layer);
        CHECK(report.counts.at(layer) == count);
    }

    const ReferencePack pack = ReferencePack::open(dir / "bureau.gpkg");
    CHECK(pack.verified());
    CHECK(pack.id() == "test-bureau-2026");
    CHECK(pack.metadata().at("grade") == "official");
    CHECK(pack.metadata().at("sources").find("regions.shp") != std::string::npos);

    GeosContext c;
    const GeosGeometryPtr territory = pack.geometry(c, "territory");
    CHECK(geos::contains(c, *territory, *geos::point(c, 121.56, 25.04)));       // Taipei
    CHECK(geos::contains(c, *territory, *geos::point(c, 91.86, 27.59)));        // Tawang
    CHECK_FALSE(geos::contains(c, *territory, *geos::point(c, 120.98, 14.60))); // Manila

    // The GBK shapefile's names arrive as UTF-8.
    OGRLayer* regions = pack.dataset().GetLayerByName("regions");
    bool found = false;
    for (OgrFeaturePtr f(regions->GetNextFeature()); f; f.reset(regions->GetNextFeature()))
        if (std::string(f->GetFieldAsString("code")) == "zangnan") {
            found = true;
            CHECK(std::string(f->GetFieldAsString("name_zh")) == "藏南地区");
        }
    CHECK(found);
    OGRLayer* inset = pack.dataset().GetLayerByName("scs_inset_frame");
    OgrFeaturePtr frame(inset->GetNextFeature());
    REQUIRE(frame);
    CHECK(std::string(frame->GetFieldAsString("note")) == "from the test");
}

TEST_CASE("import refuses a wrong mapping naming the key and the field") {
    test::ScratchDir dir;
    writeOfficialSources(dir.path());
    std::string mapping = kMapping;
    mapping.replace(mapping.find("\"MC\""), 4, "\"NAME\"");
    test::writeFile(dir / "mapping.json", mapping);
    CHECK_THROWS_WITH(importReferencePack({dir / "mapping.json", dir / "bureau.gpkg", ""}),
                      Catch::Contains("layers.regions.fields.name_zh") &&
                          Catch::Contains("'NAME' does not exist"));

    // Nine dashes are not the dashed line.
    test::writeFile(dir / "mapping.json",
                    std::string(kMapping).replace(std::string(kMapping).find("\"dashes.shp\""), 12,
                                                  "\"dashes.shp\", \"where\": \"XH <> 7\""));
    CHECK_THROWS_WITH(importReferencePack({dir / "mapping.json", dir / "bureau.gpkg", ""}),
                      Catch::Contains("9 dashes found"));
    CHECK_FALSE(fs::exists(dir / "bureau.gpkg"));

    test::writeFile(dir / "mapping.json", "{ not json");
    CHECK_THROWS_WITH(importReferencePack({dir / "mapping.json", dir / "bureau.gpkg", ""}),
                      Catch::Contains("not valid JSON"));
}
