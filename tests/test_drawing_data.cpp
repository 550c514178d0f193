// What the map canvas draws: vector layers in the view CRS and raster
// windows at the view's resolution.
#include "mapaudit/dataset_open.h"
#include "mapaudit/drawable_layer.h"
#include "mapaudit/raster_window.h"
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
