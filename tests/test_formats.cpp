// Every vector format MapAudit must open, with the right field values.
#include "mapaudit/geodata/dataset_info.h"
#include "mapaudit/geodata/dataset_open.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace mapaudit;
using mapaudit::test::dataPath;

namespace {

struct FormatCase {
    const char* file;
    const char* driver;
    const char* nameField; // "" when the format keeps no attributes
    bool hasCode;          // keeps the integer "code" field
    int epsg;              // 0 = no CRS stored
};

const FormatCase kCases[] = {
    {"cities.shp", "ESRI Shapefile", "name", true, 4490},
    {"cities.gpkg", "GPKG", "name", true, 4490},
    {"cities.geojson", "GeoJSON", "name", true, 4490},
    {"cities.topojson", "TopoJSON", "name", true, 0},
    {"cities.kml", "LIBKML", "Name", false, 4326},
    {"cities.kmz", "LIBKML", "name", true, 4326},
    {"cities.dxf", "DXF", "", false, 0},
    {"cities.tab", "MapInfo File", "name", true, 4326},
    {"cities.gdb", "OpenFileGDB", "name", true, 4490},
    {"cities_wkt.csv", "CSV", "name", true, 0},
    {"cities_xy.csv", "CSV", "name", true, 0},
};

bool hasPointNear(GDALDataset& ds, double x, double y) {
    OGRLayer* layer = ds.GetLayer(0);
    layer->ResetReading();
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        const auto* p = dynamic_cast<const OGRPoint*>(f->GetGeometryRef());
        if (p && std::abs(p->getX() - x) < 1e-6 && std::abs(p->getY() - y) < 1e-6)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("every supported vector format opens with its layers, fields and values") {
    for (const auto& c : kCases) {
        DYNAMIC_SECTION(c.file) {
            const auto path = dataPath(std::string("formats/") + c.file);
            const DatasetInfo info = describeDataset(path);
            CHECK(info.driver == c.driver);
            REQUIRE(info.layers.size() == 1);
            const LayerInfo& layer = info.layers.front();
            CHECK(layer.featureCount == 3);
            REQUIRE(layer.geometryTypes.size() == 1);
            CHECK(layer.geometryTypes.begin()->first.find("Point") != std::string::npos);
            CHECK(layer.geometryTypes.begin()->second == 3);
            REQUIRE(layer.extent.has_value());
            CHECK(layer.extent->minX == Approx(113.2644).margin(1e-6));
            CHECK(layer.extent->maxY == Approx(39.9042).margin(1e-6));
            if (c.epsg) {
                REQUIRE(layer.crs.epsg.has_value());
                CHECK(*layer.crs.epsg == c.epsg);
            } else {
                CHECK(layer.crs.kind == CrsKind::Unknown);
                REQUIRE_FALSE(layer.crsSuggestions.empty());
                CHECK(layer.crsSuggestions.front().epsg == 4490);
            }

            OpenedDataset opened = openDataset(path);
            CHECK(hasPointNear(*opened.dataset, 121.4737, 31.2304));
            if (*c.nameField) {
                OgrFeaturePtr shanghai = test::findFeature(*opened.dataset, c.nameField, "上海");
                REQUIRE(shanghai);
                if (c.hasCode) {
                    CHECK(shanghai->GetFieldAsInteger("code") == 310000);
                }
            }
        }
    }
}

TEST_CASE("field types are reported from the layer definition") {
    const DatasetInfo info = describeDataset(dataPath("formats/cities.gpkg"));
    const auto& fields = info.layers.front().fields;
    REQUIRE(fields.size() == 3);
    CHECK(fields[0].name == "name");
    CHECK(fields[0].type == "String");
    CHECK(fields[1].name == "code");
    CHECK(fields[1].type == "Integer");
    CHECK(fields[2].name == "pop");
    CHECK(fields[2].type == "Real");
}

TEST_CASE("the world sample is described with its 255 countries") {
    const DatasetInfo info = describeDataset(test::samplePath("world_ne10m.gpkg"));
    REQUIRE(info.layers.size() == 1);
    CHECK(info.layers[0].name == "countries");
    CHECK(info.layers[0].featureCount == 255);
    CHECK(info.layers[0].crs.epsg == 4326);
    CHECK(info.layers[0].crs.isWgs84);
    REQUIRE(info.layers[0].validity.has_value());
    CHECK(info.layers[0].validity->invalid == 0);
    OpenedDataset opened = openDataset(test::samplePath("world_ne10m.gpkg"));
    OgrFeaturePtr china = test::findFeature(*opened.dataset, "id", "156");
    REQUIRE(china);
    CHECK(std::string(china->GetFieldAsString("name")) == "China");
}
