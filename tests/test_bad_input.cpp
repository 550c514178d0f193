// Unreadable input must give exit code 2 and one clear line naming the file,
// never a crash or silently partial data.
#include "cli.h"
#include "mapaudit/base/error.h"
#include "mapaudit/geodata/dataset_info.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace mapaudit;
namespace fs = std::filesystem;

namespace {

using test::CliResult;
using test::runCli;

void copyShapefile(const fs::path& to, std::initializer_list<const char*> exts) {
    for (const char* ext : exts)
        fs::copy_file(test::dataPath(std::string("formats/cities") + ext),
                      to / (std::string("cities") + ext));
}

// One line, naming the path, ending with what to do.
void checkOneLineError(const CliResult& r, const std::string& path, const std::string& what) {
    CHECK(r.code == cli::kExitInput);
    CHECK(r.out.empty());
    INFO(r.err);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(path) != std::string::npos);
    CHECK(r.err.find(what) != std::string::npos);
    CHECK(r.err.find(" — ") != std::string::npos);
}

} // namespace

TEST_CASE("bad inputs give exit code 2 and one clear line") {
    test::ScratchDir dir;

    SECTION("a path that does not exist") {
        const auto p = (dir / "missing.shp").string();
        checkOneLineError(runCli({"info", p}), p, "no such file or folder");
    }
    SECTION("a 0-byte file") {
        const auto p = dir / "empty.geojson";
        test::writeFile(p, "");
        checkOneLineError(runCli({"info", p.string()}), p.string(), "empty (0 bytes)");
    }
    SECTION("a shapefile without its .shx") {
        copyShapefile(dir.path(), {".shp", ".dbf", ".prj"});
        const auto p = (dir / "cities.shp").string();
        checkOneLineError(runCli({"info", p}), p, "cities.shx is missing");
    }
    SECTION("a shapefile without its .dbf") {
        copyShapefile(dir.path(), {".shp", ".shx", ".prj"});
        const auto p = (dir / "cities.shp").string();
        checkOneLineError(runCli({"info", p}), p, "cities.dbf is missing");
    }
    SECTION("a truncated .shp") {
        copyShapefile(dir.path(), {".shp", ".shx", ".dbf", ".prj"});
        const auto p = dir / "cities.shp";
        fs::resize_file(p, fs::file_size(p) - 20);
        checkOneLineError(runCli({"info", p.string()}), p.string(), "truncated");
    }
    SECTION("a .shp cut inside its header") {
        copyShapefile(dir.path(), {".shp", ".shx", ".dbf"});
        const auto p = dir / "cities.shp";
        fs::resize_file(p, 60);
        checkOneLineError(runCli({"info", p.string()}), p.string(), "truncated");
    }
    SECTION("garbage JSON") {
        const auto p = dir / "garbage.geojson";
        test::writeFile(p, "{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": ");
        checkOneLineError(runCli({"info", p.string()}), p.string(), "not valid GeoJSON");
    }
    SECTION("random bytes with a map extension") {
        const auto p = dir / "noise.gpkg";
        test::writeFile(p, std::string(4096, '\x5A'));
        checkOneLineError(runCli({"info", p.string()}), p.string(), "not a readable map or image");
    }
    SECTION("an empty folder") {
        const auto p = dir / "nothing";
        fs::create_directory(p);
        checkOneLineError(runCli({"info", p.string()}), p.string(), "folder is empty");
    }
    SECTION("a folder with files but no map data") {
        const auto p = dir / "docs";
        fs::create_directory(p);
        test::writeFile(p / "readme.txt", "not a map");
        checkOneLineError(runCli({"info", p.string()}), p.string(), "no readable map data");
    }
    SECTION("an unknown option") {
        const auto r = runCli({"info", "--colour", "x"});
        CHECK(r.code == cli::kExitInput);
        CHECK(r.err.find("unknown option --colour") != std::string::npos);
    }
}

TEST_CASE("a folder of shapefiles opens as one dataset with a layer per file") {
    test::ScratchDir dir;
    copyShapefile(dir.path(), {".shp", ".shx", ".dbf", ".prj", ".cpg"});
    const DatasetInfo info = describeDataset(dir.path());
    REQUIRE(info.layers.size() == 1);
    CHECK(info.layers[0].featureCount == 3);
}

TEST_CASE("info prints the description; --json is machine-readable") {
    const auto p = test::samplePath("china_zone39_gk.shp").string();
    const auto text = runCli({"info", p});
    CHECK(text.code == 0);
    CHECK(text.out.find("EPSG:4527") != std::string::npos);
    CHECK(text.out.find("zone 39") != std::string::npos);
    CHECK(text.out.find("Features:         1") != std::string::npos);

    const auto json = runCli({"info", p, "--json"});
    REQUIRE(json.code == 0);
    const auto j = nlohmann::json::parse(json.out);
    CHECK(j["driver"] == "ESRI Shapefile");
    CHECK(j["layers"][0]["feature_count"] == 1);
    CHECK(j["layers"][0]["crs"]["epsg"] == 4527);
    CHECK(j["layers"][0]["crs"]["gauss_kruger"]["central_meridian"] == 117);
    CHECK(j["layers"][0]["fields"][0]["name"] == "name");
    CHECK(j["raster"].is_null());
}

TEST_CASE("transform command prints GIS-order coordinates") {
    const auto r = runCli({"transform", "--from", "EPSG:4490", "--to", "EPSG:4527", "117", "0"});
    REQUIRE(r.code == 0);
    CHECK(r.out == "39500000.0000 0.0000\n");
    CHECK(runCli({"transform", "--from", "EPSG:4490", "--to", "EPSG:4527", "117"}).code ==
          cli::kExitInput);
    CHECK(runCli({"transform", "--from", "EPSG:4490", "--to", "EPSG:4527", "abc", "1"}).code ==
          cli::kExitInput);
}

TEST_CASE("unknown commands are refused with a hint") {
    const auto r = runCli({"frobnicate"});
    CHECK(r.code == cli::kExitInput);
    CHECK(r.err.find("mapaudit help") != std::string::npos);
    CHECK(cli::isSubcommand("info"));
    CHECK_FALSE(cli::isSubcommand("world.gpkg"));
}
