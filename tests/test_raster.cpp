// Rasters: size, bands, type, CRS, geotransform, overviews, nodata; an image
// without georeferencing is described, not rejected.
#include "mapaudit/geodata/dataset_info.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace mapaudit;

TEST_CASE("the sample GeoTIFF is described fully") {
    const DatasetInfo info = describeDataset(test::samplePath("east_asia_cgcs2000.tif"));
    CHECK(info.driver == "GTiff");
    CHECK_FALSE(info.isVector());
    REQUIRE(info.raster);
    const RasterInfo& r = *info.raster;
    CHECK(r.width == 700);
    CHECK(r.height == 550);
    REQUIRE(r.bands.size() == 3);
    CHECK(r.bands[0].dataType == "Byte");
    CHECK(r.bands[0].colorInterpretation == "Red");
    CHECK(r.bands[2].colorInterpretation == "Blue");
    REQUIRE(r.bands[0].overviews.size() == 3);
    CHECK(r.bands[0].overviews[0] == std::pair{350, 275});
    CHECK(r.georeferenced);
    CHECK(r.crs.epsg == 4490);
    REQUIRE(r.geoTransform);
    CHECK((*r.geoTransform)[0] == Approx(70.0));
    CHECK((*r.geoTransform)[1] == Approx(0.1));
    CHECK((*r.geoTransform)[5] == Approx(-0.1));
    REQUIRE(r.extent);
    CHECK(r.extent->minY == Approx(0.0).margin(1e-9));
    CHECK(r.extent->maxX == Approx(140.0));
}

TEST_CASE("an image without georeferencing is reported as such and keeps its nodata") {
    test::ScratchDir dir;
    const auto path = dir / "scan.png";
    {
        GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
        GdalDatasetPtr src(mem->Create("", 40, 30, 1, GDT_Byte, nullptr));
        src->GetRasterBand(1)->SetNoDataValue(255);
        src->GetRasterBand(1)->Fill(7);
        GDALDriver* png = GetGDALDriverManager()->GetDriverByName("PNG");
        GdalDatasetPtr out(
            png->CreateCopy(path.c_str(), src.get(), FALSE, nullptr, nullptr, nullptr));
        REQUIRE(out);
    }
    const DatasetInfo info = describeDataset(path);
    REQUIRE(info.raster);
    CHECK(info.raster->width == 40);
    CHECK(info.raster->height == 30);
    CHECK_FALSE(info.raster->georeferenced);
    CHECK_FALSE(info.raster->geoTransform);
    CHECK(info.raster->crs.kind == CrsKind::Unknown);
    REQUIRE(info.raster->bands.at(0).noData);
    CHECK(*info.raster->bands[0].noData == 255.0);
    REQUIRE_FALSE(info.warnings.empty());
    CHECK(info.warnings.back().text(Language::English).find("not georeferenced") !=
          std::string::npos);
    CHECK(info.warnings.back().text(Language::Chinese).find("未经地理配准") != std::string::npos);
}
