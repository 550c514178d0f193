// What the map canvas draws: vector layers in the view CRS and raster
// windows at the view's resolution.
#include "mapaudit/base/error.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/geodesic.h"
#include "mapaudit/render/drawable_layer.h"
#include "mapaudit/render/raster_window.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace mapaudit;

TEST_CASE("a Gauss-Krüger layer is drawn in CGCS2000 lon/lat") {
    OpenedDataset opened = openDataset(test::samplePath("china_zone39_gk.shp"));
    const DrawableLayer layer = readDrawableLayer(*opened.dataset, 0, "EPSG:4490", "", nullptr);
    CHECK(layer.transformed);
    REQUIRE(layer.features.size() == 1);
    CHECK(layer.features[0].dimension == Dimension::Area);
    // Clipped to 115.5–118.5°E before projecting.
    CHECK(layer.extent.minX == Approx(115.5).margin(1e-6));
    CHECK(layer.extent.maxX == Approx(118.5).margin(1e-6));
    CHECK(layer.extent.minY > 22.0);
    CHECK(layer.extent.maxY < 45.1);
}

TEST_CASE("labels come from the guessed Chinese name field") {
    OpenedDataset opened = openDataset(test::samplePath("key_features_gbk.shp"));
    const std::string field = guessLabelField(*opened.dataset, 0);
    CHECK(field == "name_zh");
    const DrawableLayer layer = readDrawableLayer(*opened.dataset, 0, "EPSG:4490", field, nullptr);
    REQUIRE(layer.features.size() == 20);
    bool found = false;
    for (const auto& f : layer.features)
        if (f.label == "黄岩岛") {
            found = true;
            CHECK(f.dimension == Dimension::Point);
            CHECK(f.parts.at(0).at(0).x == Approx(117.76));
            CHECK(f.parts.at(0).at(0).y == Approx(15.15));
        }
    CHECK(found);
}

TEST_CASE("the label field is the name field that holds Chinese, wherever the map keeps it") {
    test::ScratchDir dir;
    // As DataV and ECharts ship them: Chinese in "name", an English or empty "name_zh"/"name_en".
    test::writeFile(dir / "provinces.geojson",
                    R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"NAME_ZH":"","name_en":"Beijing","name":"北京市"},
 "geometry":{"type":"Point","coordinates":[116.4,39.9]}},
{"type":"Feature","properties":{"NAME_ZH":null,"name_en":"Hainan","name":"海南省"},
 "geometry":{"type":"Point","coordinates":[110.3,20.0]}}]})");
    OpenedDataset provinces = openDataset(dir / "provinces.geojson");
    const std::string field = guessLabelField(*provinces.dataset, 0);
    CHECK(field == "name");
    const DrawableLayer chinese =
        readDrawableLayer(*provinces.dataset, 0, "EPSG:4490", field, nullptr);
    CHECK(hasChineseLabels(chinese));

    // No Chinese anywhere: the first name field, and its labels are not Chinese.
    test::writeFile(dir / "world.geojson",
                    R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"admin":"India","name":"India","name_en":"India"},
 "geometry":{"type":"Point","coordinates":[78.0,21.0]}}]})");
    OpenedDataset world = openDataset(dir / "world.geojson");
    CHECK(guessLabelField(*world.dataset, 0) == "name");
    CHECK_FALSE(
        hasChineseLabels(readDrawableLayer(*world.dataset, 0, "EPSG:4490", "name", nullptr)));

    test::writeFile(dir / "unnamed.geojson",
                    R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":7},"geometry":{"type":"Point","coordinates":[1,2]}}]})");
    OpenedDataset unnamed = openDataset(dir / "unnamed.geojson");
    CHECK(guessLabelField(*unnamed.dataset, 0).empty());
}

TEST_CASE("a raster window is read at view resolution with the right colours") {
    const auto tif = test::samplePath("east_asia_cgcs2000.tif");
    const Extent full = rasterViewExtent(tif, "EPSG:4490");
    CHECK(full.minX == Approx(70.0));
    CHECK(full.maxY == Approx(55.0));

    // Beijing area at 1/10 of full resolution: China's fill (250, 200, 170).
    auto w = readRasterWindow(tif, "EPSG:4490", {110, 35, 120, 45}, 10, 10);
    REQUIRE(w);
    CHECK(w->width == 10);
    CHECK(w->height == 10);
    const std::uint8_t* centre = &w->rgba[(5 * 10 + 5) * 4];
    CHECK(int(centre[0]) == 250);
    CHECK(int(centre[1]) == 200);
    CHECK(int(centre[2]) == 170);
    CHECK(int(centre[3]) == 255);

    CHECK_FALSE(readRasterWindow(tif, "EPSG:4490", {0, -50, 10, -40}, 100, 100));
}

TEST_CASE("a raster in CGCS2000 is reprojected for a Web Mercator view") {
    const auto tif = test::samplePath("east_asia_cgcs2000.tif");
    const Extent merc = rasterViewExtent(tif, "EPSG:3857");
    CHECK(merc.minX == Approx(7792364.36).margin(2000));  // 70°E
    CHECK(merc.maxX == Approx(15584728.71).margin(2000)); // 140°E
    auto w = readRasterWindow(tif, "EPSG:3857", merc, 200, 200);
    REQUIRE(w);
    CHECK(w->width > 100);
}

TEST_CASE("a finding's WKT is drawn in the view CRS") {
    const DrawableFeature square =
        drawableFromWkt("POLYGON((117 30,118 30,118 31,117 31,117 30))", "EPSG:4490", "EPSG:3857");
    CHECK(square.dimension == Dimension::Area);
    REQUIRE(square.parts.size() == 1);
    CHECK(square.parts[0].size() == 5);
    CHECK(square.parts[0][0].x == Approx(13024380.42).margin(0.1)); // 117°E in Web Mercator
    CHECK(square.parts[0][0].y == Approx(3503549.84).margin(0.1));  // 30°N
    const DrawableFeature same = drawableFromWkt("POINT(121 25)", "EPSG:4490", "EPSG:4490");
    CHECK(same.dimension == Dimension::Point);
    CHECK(same.parts.at(0).at(0).x == 121);
    CHECK_THROWS_AS(drawableFromWkt("POLYGON((1 2", "EPSG:4490", "EPSG:4490"), InputError);
}

TEST_CASE("identify reads a feature's attributes, GBK text decoded") {
    OpenedDataset opened = openDataset(test::samplePath("key_features_gbk.shp"));
    const DrawableLayer layer =
        readDrawableLayer(*opened.dataset, 0, "EPSG:4490", "name_zh", nullptr);
    std::int64_t fid = -1;
    for (const auto& f : layer.features)
        if (f.label == "黄岩岛")
            fid = f.fid;
    REQUIRE(fid >= 0);
    const auto attributes =
        featureAttributes(test::samplePath("key_features_gbk.shp"), layer.name, fid);
    const auto name = std::find_if(attributes.begin(), attributes.end(),
                                   [](const auto& a) { return a.first == "name_zh"; });
    REQUIRE(name != attributes.end());
    CHECK(name->second == "黄岩岛");
    CHECK_THROWS_AS(featureAttributes(test::samplePath("key_features_gbk.shp"), layer.name, 9999),
                    InputError);
}

TEST_CASE("distances and areas are measured on the CGCS2000 ellipsoid") {
    // One degree of longitude on the equator: a·π/180.
    CHECK(geodesicLength({{110, 0}, {111, 0}}) == Approx(111319.49).margin(0.01));
    // Beijing to Shanghai, about 1067 km (geodesic).
    CHECK(geodesicLength({{116.3912, 39.9067}, {121.4737, 31.2304}}) / 1000 ==
          Approx(1067.3).margin(1.0));
    // A 1° × 1° cell at the equator: 12 308.8 km² on GRS 80; orientation does not matter.
    const double ccw = geodesicArea({{0, 0}, {1, 0}, {1, 1}, {0, 1}});
    const double cw = geodesicArea({{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}});
    CHECK(ccw / 1e6 == Approx(12308.8).margin(0.5));
    CHECK(cw == Approx(ccw));
    CHECK(geodesicArea({{0, 0}, {1, 0}}) == 0);
}
