// Hostile and broken input, full disks and edits behind MapAudit's back: each
// case once crashed, hung, passed wrongly or lost data silently, and must now
// give a clear refusal (exit code 2), a warning, or a caught tampering.
#include "cli.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/json_text.h"
#include "mapaudit/check/check_engine.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/records/record_import.h"
#include "mapaudit/records/records_db.h"
#include "mapaudit/refpack/reference_pack.h"
#include "mapaudit/security/credit_code.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

using namespace mapaudit;
namespace fs = std::filesystem;

namespace {

using test::CliResult;
using test::runCli;

std::string nested(int levels) {
    return std::string(static_cast<std::size_t>(levels), '[') +
           std::string(static_cast<std::size_t>(levels), ']');
}

constexpr const char* kUnit = "赣州市自然资源局";

std::string recordLine(const std::string& fields) {
    return std::string(R"({"kind":"map_supply","unit":")") + kUnit +
           R"(","date":"2021-05-01","requesting_body":"某单位")" + fields + "}\n";
}

records::ParsedRecords parse(const std::string& text) {
    std::istringstream in(text);
    return records::parseRecordsJsonLines(in, [](const std::string& u) { return u == kUnit; });
}

// A square polygon GeoJSON with the given coordinates and optional "crs" member.
std::string squareGeoJson(double x0, double y0, double x1, double y1, const std::string& crs = "") {
    std::ostringstream o;
    o << R"({"type":"FeatureCollection",)" << crs
      << R"("features":[{"type":"Feature","properties":{"name":"China"},)"
      << R"("geometry":{"type":"Polygon","coordinates":[[[)" << x0 << "," << y0 << "],[" << x1
      << "," << y0 << "],[" << x1 << "," << y1 << "],[" << x0 << "," << y1 << "],[" << x0 << ","
      << y0 << "]]]}}]}";
    return o.str();
}

} // namespace

TEST_CASE("JSON nested far too deep is refused with its line, never a crash") {
    CHECK(jsonNestingDepth(R"({"a":[1,{"b":"[[[["}]})") == 3);
    CHECK(jsonNestingDepth(R"("\"[")") == 0);

    const records::ParsedRecords p =
        parse(recordLine(R"(,"sheets":1)") + R"({"kind":"clue","notes":)" + nested(100000) + "}\n");
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].line == 2);
    CHECK(p.problems[0].message.find("nested more than 64 levels") != std::string::npos);
    CHECK(p.records.size() == 1);

    test::ScratchDir dir;
    test::writeFile(dir / "deep.json", nested(100000));
    CHECK_THROWS_WITH(parseJsonText(readFileBytes(dir / "deep.json"), "deep.json", "fix it"),
                      Catch::Contains("deep.json: nested more than 64 levels"));

    const std::string db = (dir / "r.db").string();
    REQUIRE(runCli({"org", "add", "--db", db, kUnit}).code == 0);
    test::writeFile(dir / "deep.jsonl", nested(100000) + "\n");
    const CliResult r = runCli({"records", "import", "--db", db, (dir / "deep.jsonl").string()});
    CHECK(r.code == cli::kExitInput);
    CHECK(r.err.find("line 1: nested more than 64 levels") != std::string::npos);
    test::writeFile(dir / "deep.bundle", nested(100000));
    const CliResult b = runCli({"bundle", "import", "--db", db, (dir / "deep.bundle").string()});
    CHECK(b.code == cli::kExitInput);
    CHECK(b.err.find("nested more than 64 levels") != std::string::npos);
}

TEST_CASE("a count too large for the summary is refused with its field and line") {
    for (const char* huge : {"1e20", "9223372036854775807", "\"1e19\"", "1000000000001"}) {
        INFO(huge);
        const records::ParsedRecords p = parse(recordLine(std::string(R"(,"sheets":)") + huge));
        REQUIRE(p.problems.size() == 1);
        CHECK(p.problems[0].line == 1);
        CHECK(p.problems[0].field == "sheets");
        CHECK(p.problems[0].code == "too_large");
        CHECK(p.records.empty());
    }
    const records::ParsedRecords ok = parse(recordLine(R"(,"sheets":1000000000000)"));
    REQUIRE(ok.problems.empty());
    CHECK(ok.records.at(0).fields.at("sheets") == 1000000000000LL);
}

TEST_CASE("a report that cannot be written is an error, and leaves no file") {
    test::ScratchDir dir;
    const fs::path map = dir / "map.geojson";
    test::writeFile(map, squareGeoJson(100, 30, 101, 31));
    const fs::path missing = dir / "no-such-folder";
    for (const char* option : {"--json", "--findings"}) {
        INFO(option);
        const std::string target =
            (missing / (std::string(option) == "--json" ? "r.json" : "f.gpkg")).string();
        const CliResult r = runCli({"check", map.string(), option, target});
        CHECK(r.code == cli::kExitInput);
        CHECK(r.err.find(target) != std::string::npos);
        CHECK(r.err.find("does not exist") != std::string::npos);
        CHECK_FALSE(fs::exists(missing));
    }
    const Message full = writeFailure(dir / "y.json", ENOSPC);
    CHECK(full.text(Language::English).find("the disk is full") != std::string::npos);
    CHECK(full.text(Language::Chinese).find("磁盘已满") != std::string::npos);
    // The rename target is a folder: the partial file must not be left behind.
    fs::create_directory(dir / "taken.json");
    fs::create_directory(dir / "taken.json" / "inside");
    const CliResult r = runCli({"check", map.string(), "--json", (dir / "taken.json").string()});
    CHECK(r.code == cli::kExitInput);
    CHECK_FALSE(fs::exists(dir / "taken.partial.json"));
}

TEST_CASE("a map that cannot be checked says so on stderr, the reports stay on stdout") {
    test::ScratchDir dir;
    test::writeFile(dir / "broken.geojson", "{ nope");
    const CliResult r = runCli({"check", "--lang", "zh", (dir / "broken.geojson").string()});
    CHECK(r.code == cli::kExitInput);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("mapaudit check: 无法核查：", 0) == 0);
}

TEST_CASE("coordinates outside any lon/lat range are refused, not passed") {
    test::ScratchDir dir;
    test::writeFile(dir / "far.geojson", squareGeoJson(500, 200, 900, 400));
    const CliResult r = runCli({"check", (dir / "far.geojson").string()});
    CHECK(r.code == cli::kExitInput);
    CHECK(r.err.find("outside any longitude/latitude range") != std::string::npos);
    CHECK(r.err.find("--assume-crs") != std::string::npos);
}

TEST_CASE("a CRS that cannot be read stops the check unless the inspector gives one") {
    test::ScratchDir dir;
    const std::string bogus =
        R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::999999"}},)";
    const fs::path map = dir / "bogus.geojson";
    test::writeFile(map, squareGeoJson(100, 30, 101, 31, bogus));
    const CliResult refused = runCli({"check", map.string()});
    CHECK(refused.code == cli::kExitInput);
    CHECK(refused.err.find("its CRS cannot be read") != std::string::npos);

    const CliResult assumed =
        runCli({"check", map.string(), "--assume-crs", "EPSG:4490", "--lang", "en"});
    CHECK(assumed.code != cli::kExitInput);
    CHECK(assumed.out.find("Reading note:") != std::string::npos);
    CHECK(assumed.out.find("taken as EPSG:4490") != std::string::npos);

    // No CRS but lon/lat ranges: checked, and the report says how it was taken.
    const fs::path none = dir / "none.geojson";
    test::writeFile(none, squareGeoJson(100, 30, 101, 31));
    CHECK(runCli({"check", none.string()}).code != cli::kExitInput);
}

TEST_CASE("a truncated GeoTIFF is refused by info, validate and check") {
    test::ScratchDir dir;
    const fs::path whole = dir / "whole.tif";
    {
        GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
        REQUIRE(gtiff);
        GdalDatasetPtr ds(gtiff->Create(whole.c_str(), 256, 256, 1, GDT_Byte, nullptr));
        std::vector<unsigned char> pixels(256 * 256, 7);
        REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 256, 256, pixels.data(), 256, 256,
                                               GDT_Byte, 0, 0, nullptr) == CE_None);
    }
    const std::string bytes = readFileBytes(whole);
    // The pixels come after the header in a striped TIFF: cut into them.
    const fs::path cut = dir / "cut.tif";
    writeFileAtomically(cut, bytes.substr(0, bytes.size() / 2));
    for (const char* command : {"info", "validate", "check"}) {
        INFO(command);
        const CliResult r = runCli({command, cut.string()});
        CHECK(r.code == cli::kExitInput);
        CHECK(r.err.find(cut.string()) != std::string::npos);
        CHECK(r.err.find("truncated or damaged") != std::string::npos);
    }
    CHECK(runCli({"info", whole.string()}).code == cli::kExitOk);
}

TEST_CASE("a .dbf that disagrees with its .shp is read with a warning naming both counts") {
    test::ScratchDir dir;
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj"})
        fs::copy_file(test::dataPath(std::string("formats/cities") + ext),
                      dir / (std::string("cities") + ext));
    CHECK_FALSE(shapefilePartsMismatch(dir / "cities.shp"));
    std::string dbf = readFileBytes(dir / "cities.dbf");
    const auto records = static_cast<unsigned char>(dbf[4]);
    dbf[4] = static_cast<char>(records + 1); // one record more than shapes
    writeFileAtomically(dir / "cities.dbf", dbf);
    const auto found = shapefilePartsMismatch(dir / "cities.shp");
    REQUIRE(found);
    const std::string mismatch = found->text(Language::English);
    CHECK(found->text(Language::Chinese).find("属性可能对应到了错误的图形上") != std::string::npos);
    CHECK(mismatch.find("cities.dbf has " + std::to_string(records + 1) + " records but " +
                        "cities.shx lists " + std::to_string(records) + " shapes") !=
          std::string::npos);
    const CliResult r = runCli({"validate", (dir / "cities.shp").string()});
    CHECK(r.err.find("warning: ") != std::string::npos);
    CHECK(r.err.find(std::to_string(records + 1) + " records") != std::string::npos);
}

TEST_CASE("deleting the newest records with their log entries is caught by the kept head") {
    test::ScratchDir dir;
    const fs::path dbPath = dir / "r.db";
    records::ChainHead printed;
    {
        records::RecordsDb db(dbPath, "t");
        db.addUnit(kUnit);
        const records::ParsedRecords p =
            parse(recordLine(R"(,"sheets":1)") + recordLine(R"(,"sheets":2)"));
        REQUIRE(p.problems.empty());
        db.upsert(p.records);
        printed = db.head();
        CHECK(printed.count == 3);
        REQUIRE(db.verify().empty());
        REQUIRE(db.keptHead());
        CHECK(db.keptHead()->hash == printed.hash);
    }
    {
        // The last record and its log entry removed with sqlite3: the chain
        // that is left is consistent in itself.
        Database raw(dbPath);
        raw.exec("DELETE FROM records WHERE id = (SELECT row_id FROM audit_log WHERE seq = 3)");
        raw.exec("DELETE FROM audit_log WHERE seq = 3");
    }
    records::RecordsDb db(dbPath, "t");
    const auto problems = db.verify();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].table == "audit_log");
    CHECK(problems[0].what.find("the log ends at entry 2 but the head kept on this workstation "
                                "has entry 3") != std::string::npos);

    // Elsewhere (no kept head), the head printed on a summary still catches it.
    records::KeptHeads().forget(dbPath);
    CHECK(db.verify().empty());
    const CliResult r =
        runCli({"db", "verify", "--db", dbPath.string(), "--expect-head", printed.text()});
    CHECK(r.code == cli::kExitProblems);
    CHECK(r.out.find("the expected head") != std::string::npos);
    CHECK(runCli({"db", "verify", "--db", dbPath.string(), "--expect-head", "2:" + db.head().hash})
              .code == cli::kExitOk);
    CHECK_THROWS_AS(records::parseHeadText("3:abc"), InputError);
}

TEST_CASE("a failed backup leaves no partial file") {
    test::ScratchDir dir;
    records::RecordsDb db(dir / "r.db", "t");
    db.addUnit(kUnit);
    CHECK_THROWS_WITH(db.backup(dir / "missing" / "b.db"), Catch::Contains("does not exist"));
    CHECK_FALSE(fs::exists(dir / "missing"));
    // The rename fails (the target is a folder that appears meanwhile is the
    // same as one there already, which exists() rejects first): refused, nothing left.
    fs::create_directory(dir / "folder.db");
    CHECK_THROWS_AS(db.backup(dir / "folder.db"), InputError);
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().string().find(".partial") == std::string::npos);
}

TEST_CASE("one exit-code table: the code, `mapaudit help` and the README agree") {
    const CliResult help = runCli({"help"});
    std::ifstream in(fs::path(MAPAUDIT_RESOURCES).parent_path() / "README.md");
    std::stringstream readme;
    readme << in.rdbuf();
    for (const auto& [code, meaning] : cli::kExitCodes) {
        INFO(code << " " << meaning);
        CHECK(help.out.find("  " + std::to_string(code) + "  " + std::string(meaning)) !=
              std::string::npos);
        CHECK(readme.str().find("| `" + std::to_string(code) + "` | " + std::string(meaning) +
                                " |") != std::string::npos);
    }
}

TEST_CASE("messages say what is wrong") {
    test::ScratchDir dir;
    fs::create_symlink(dir / "a.shp", dir / "b.shp");
    fs::create_symlink(dir / "b.shp", dir / "a.shp");
    CliResult r = runCli({"info", (dir / "a.shp").string()});
    CHECK(r.code == cli::kExitInput);
    CHECK(r.err.find("a loop of symbolic links") != std::string::npos);

    CHECK(security::creditCodeProblem("９１３６０７００ＭＡ３５Ｋ８Ｌ１２Ｘ").find("full-width") !=
          std::string::npos);
    CHECK(security::creditCodeProblem("91360700MA35K8L12中").find("'中'") != std::string::npos);

    // A GeoPackage with no layers in it.
    { GdalDatasetPtr empty = test::newGeoPackage(dir / "empty.gpkg"); }
    r = runCli({"info", (dir / "empty.gpkg").string()});
    CHECK(r.code == cli::kExitInput);
    CHECK(r.err.find("no layers") != std::string::npos);

    r = runCli({"db", "verify", "--db", (dir / "x.db").string(), "--bogus"});
    CHECK(r.err.find("mapaudit db: unknown option --bogus") == 0);
    CHECK(r.err.find("mapaudit db: mapaudit db:") == std::string::npos);
    r = runCli({"check", (dir / "a.shp").string(), "--jobs", "many"});
    CHECK(r.code == cli::kExitInput);
    CHECK(r.err.find("--jobs 'many'") != std::string::npos);
}

TEST_CASE("uniting many separate polygons overlays only those whose envelopes meet") {
    GeosContext c;
    std::vector<GeosGeometryPtr> parts;
    for (int i = 0; i < 2000; ++i) // separate islands
        parts.push_back(geos::polygon(c, {{i * 1.0, 0}, {i + 0.5, 0}, {i * 1.0, 0.5}}));
    // Two overlapping squares and one touching them: one group, overlaid.
    parts.push_back(geos::polygon(c, {{0, 10}, {2, 10}, {2, 12}, {0, 12}}));
    parts.push_back(geos::polygon(c, {{1, 11}, {3, 11}, {3, 13}, {1, 13}}));
    parts.push_back(geos::polygon(c, {{3, 11}, {4, 11}, {4, 12}, {3, 12}}));
    std::vector<GeosGeometryPtr> copies;
    for (const auto& p : parts)
        copies.push_back(geos::clone(c, *p));
    const GeosGeometryPtr grouped = geos::unionGrouped(c, std::move(parts));
    const GeosGeometryPtr plain = geos::unaryUnion(c, *geos::collect(c, std::move(copies)));
    double groupedArea = 0, plainArea = 0;
    GEOSArea_r(c.handle(), grouped.get(), &groupedArea);
    GEOSArea_r(c.handle(), plain.get(), &plainArea);
    CHECK(groupedArea == Approx(2000 * 0.125 + 4 + 4 - 1 + 1));
    CHECK(groupedArea == Approx(plainArea));
    CHECK(GEOSisValid_r(c.handle(), grouped.get()) == 1);
    CHECK(GEOSGetNumGeometries_r(c.handle(), grouped.get()) == 2001);
}

TEST_CASE("an unverified pack missing a layer is refused by the check, not read as empty") {
    test::ScratchDir dir;
    const fs::path copy = dir / "pack.gpkg";
    {
        GdalDatasetPtr ds = test::editableCopyOfPack(copy);
        for (int i = 0; i < ds->GetLayerCount(); ++i)
            if (std::string(ds->GetLayer(i)->GetName()) == "island_groups")
                REQUIRE(ds->DeleteLayer(i) == OGRERR_NONE);
    }
    const refpack::ReferencePack pack =
        refpack::ReferencePack::open(copy, refpack::VerifyMode::MarkUnverified);
    CHECK_FALSE(pack.verified());
    test::writeFile(dir / "map.geojson", squareGeoJson(100, 30, 101, 31));
    CHECK_THROWS_WITH(check::checkDataset(dir / "map.geojson", pack),
                      Catch::Contains("no layer 'island_groups'"));
    const CliResult r = runCli({"check", (dir / "map.geojson").string(), "--pack", copy.string()});
    CHECK(r.code == cli::kExitInput);
    CHECK(r.err.find("island_groups") != std::string::npos);

    // A feature of the pack without geometry.
    const fs::path nullGeometry = dir / "null.gpkg";
    {
        GdalDatasetPtr ds = test::editableCopyOfPack(nullGeometry);
        OGRLayer* regions = ds->GetLayerByName("regions");
        OgrFeaturePtr f(regions->GetNextFeature());
        f->SetGeometryDirectly(nullptr);
        REQUIRE(regions->SetFeature(f.get()) == OGRERR_NONE);
    }
    const refpack::ReferencePack altered =
        refpack::ReferencePack::open(nullGeometry, refpack::VerifyMode::MarkUnverified);
    CHECK_THROWS_WITH(check::checkDataset(dir / "map.geojson", altered),
                      Catch::Contains("has no geometry"));
}
