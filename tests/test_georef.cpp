// Control points: the QGIS/GDAL .points format both ways, the choice of
// transform by point count, residuals that show a bad point; Tianditu descriptions.
#include "mapaudit/base/error.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/imagery/basemap.h"
#include "mapaudit/imagery/georeference.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <gdal.h>
#include <gdal_utils.h>

using namespace mapaudit;
using namespace mapaudit::imagery;

TEST_CASE("control points: .points as QGIS writes them, and back") {
    test::ScratchDir dir;
    test::writeFile(dir / "map.points", "#CRS: GEOGCRS[\"China Geodetic Coordinate System 2000\"]\n"
                                        "mapX,mapY,pixelX,pixelY,enable,dX,dY,residual\n"
                                        "70,55,0,-0,1,0,0,0\n"
                                        "140,55,700,-0,1,0,0,0\n"
                                        "140,0,700,-550,0,0,0,0\n");
    const auto points = readControlPoints(dir / "map.points");
    REQUIRE(points.size() == 3);
    CHECK(points[2].line == 550); // QGIS counts rows downwards as negative
    CHECK_FALSE(points[2].enabled);
    writeControlPoints(points, dir / "again.points");
    const auto again = readControlPoints(dir / "again.points");
    REQUIRE(again.size() == 3);
    CHECK(again[1].x == 140);
    CHECK(again[2].line == 550);
    CHECK_FALSE(again[2].enabled);
}

TEST_CASE("the transform follows the number of points; a bad point stands out") {
    CHECK(chooseTransform(3) == Transform::Poly1);
    CHECK(chooseTransform(6) == Transform::Poly2);
    CHECK(chooseTransform(15) == Transform::Tps);
    CHECK(parseTransform("poly3") == Transform::Poly3);
    CHECK_THROWS_AS(parseTransform("spline"), InputError);

    std::vector<ControlPoint> grid;
    for (int c = 0; c <= 600; c += 200)
        for (int r = 0; r <= 400; r += 200)
            grid.push_back({"", double(c), double(r), 70 + c * 0.1, 55 - r * 0.1, true});
    GeoreferenceOptions o;
    o.transform = Transform::Poly1;
    const Fit exact = fitControlPoints(grid, o);
    CHECK(exact.rmsPx == Approx(0).margin(1e-6));
    grid[4].pixel += 30; // one point clicked 30 pixels off
    const Fit off = fitControlPoints(grid, o);
    const auto worst = std::max_element(off.residualsPx.begin(), off.residualsPx.end());
    CHECK(worst - off.residualsPx.begin() == 4);
    CHECK(*worst > 20);
    o.transform = Transform::Poly3;
    CHECK_THROWS_WITH(fitControlPoints({grid.begin(), grid.begin() + 6}, o),
                      Catch::Contains("at least 10"));
}

TEST_CASE("Tianditu layers as WMTS service descriptions, with the user's key") {
    using mapaudit::imagery::tiandituServiceXml;
    const std::string xml = tiandituServiceXml("img", "0123abcDEF");
    CHECK(xml.rfind("<GDAL_WMTS>", 0) == 0); // GDAL wants nothing before the element
    CHECK(xml.find("https://t0.tianditu.gov.cn/img_w/wmts?service=WMTS&amp;request="
                   "GetCapabilities&amp;tk=0123abcDEF") != std::string::npos);
    CHECK(xml.find("<Layer>img</Layer><TileMatrixSet>w</TileMatrixSet>") != std::string::npos);
    // GDAL takes it for a WMTS description without going on line.
    mapaudit::ensureGdalInitialised();
    const auto path = std::filesystem::temp_directory_path() / "mapaudit-tianditu-img.xml";
    mapaudit::test::writeFile(path, xml);
    GDALDriverH driver = GDALIdentifyDriver(path.string().c_str(), nullptr);
    REQUIRE(driver);
    CHECK(std::string(GDALGetDriverShortName(driver)) == "WMTS");
    std::filesystem::remove(path);
    CHECK_THROWS_WITH(tiandituServiceXml("img", ""),
                      "a Tianditu key (tk) is needed: register one at tianditu.gov.cn");
    CHECK_THROWS_WITH(tiandituServiceXml("img", "abc&x=1"),
                      Catch::Contains("only hold letters and digits"));
    CHECK_THROWS_WITH(tiandituServiceXml("ter", "abc"),
                      Catch::Contains("use vec, img, cva or cia"));
}

TEST_CASE("control points as the GCPs of a GDAL VRT, both ways") {
    ensureGdalInitialised();
    const auto dir = std::filesystem::temp_directory_path() / "mapaudit-vrt-gcps";
    std::filesystem::create_directories(dir);
    const auto image = mapaudit::test::samplePath("east_asia_cgcs2000.tif");
    std::vector<ControlPoint> points{{"A", 100, 100, 80, 45, true},
                                     {"B", 600, 120, 130, 43, true},
                                     {"off", 1, 1, 0, 0, false},
                                     {"C", 150, 480, 85, 7, true}};
    writeControlPointsVrt(image, points, dir / "scan.vrt");
    const auto back = readControlPoints(dir / "scan.vrt");
    REQUIRE(back.size() == 3); // the disabled point is not written
    CHECK(back[1].id == "B");
    CHECK(back[1].pixel == 600);
    CHECK(back[1].line == 120);
    CHECK(back[1].x == Approx(130));
    CHECK(back[1].y == Approx(43));

    // GCPs in Web Mercator come back as lon/lat.
    const char* args[] = {"-of", "VRT", "-a_srs",       "EPSG:3857",   "-gcp",
                          "10",  "20",  "12245143.987", "4865942.280", nullptr}; // 110°E, 40°N
    GDALTranslateOptions* options = GDALTranslateOptionsNew(const_cast<char**>(args), nullptr);
    GDALDatasetH source = GDALOpen(image.string().c_str(), GA_ReadOnly);
    GDALClose(GDALTranslate((dir / "mercator.vrt").string().c_str(), source, options, nullptr));
    GDALClose(source);
    GDALTranslateOptionsFree(options);
    const auto mercator = readControlPoints(dir / "mercator.vrt");
    REQUIRE(mercator.size() == 1);
    CHECK(mercator[0].x == Approx(110).margin(1e-6));
    CHECK(mercator[0].y == Approx(40).margin(1e-6));
    std::filesystem::remove_all(dir);
}
