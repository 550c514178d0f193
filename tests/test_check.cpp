// The check engine on real data: Natural Earth's de-facto world map, a
// compliant map made from the reference pack, and mutations of it that must
// each give exactly the expected finding.
#include "cli.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/report_io.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/reference_pack.h"
#include "test_support.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

using namespace mapaudit;
using namespace mapaudit::check;
namespace fs = std::filesystem;

namespace {

fs::path naturalEarthMap() {
    return fs::path(MAPAUDIT_RESOURCES) / "reference/sources/natural-earth-10m-countries.topojson";
}

const refpack::ReferencePack& pack() {
    static const refpack::ReferencePack p = refpack::ReferencePack::open(test::committedPackPath());
    return p;
}

std::vector<const Finding*> errors(const CheckReport& r) {
    std::vector<const Finding*> out;
    for (const auto& f : r.findings)
        if (f.severity == Severity::Error)
            out.push_back(&f);
    return out;
}

bool has(const CheckReport& r, const std::string& rule, const std::string& code) {
    for (const auto& f : r.findings)
        if (f.rule == rule && f.code == code)
            return true;
    return false;
}

std::string describe(const CheckReport& r) {
    std::string s;
    for (const auto& f : r.findings)
        s += f.rule + " " + f.code + " (" + severityName(f.severity) + ")\n";
    return s;
}

// A map drawn from the reference pack: China's polygon(s), the key islands as
// points with their names, and the ten dashes; `mutate` edits it first.
struct MapParts {
    std::vector<std::pair<std::string, GeosGeometryPtr>> areas;  // name, polygon
    std::vector<std::pair<std::string, GeosGeometryPtr>> points; // name, point
    std::vector<std::pair<int, GeosGeometryPtr>> dashes;
};

MapParts compliantParts(const GeosContext& c) {
    MapParts m;
    m.areas.emplace_back("中国", pack().geometry(c, "territory"));
    OGRLayer* islands = pack().dataset().GetLayerByName("key_islands");
    islands->ResetReading();
    for (OgrFeaturePtr f(islands->GetNextFeature()); f; f.reset(islands->GetNextFeature()))
        m.points.emplace_back(f->GetFieldAsString("name_zh"), toGeos(c, *f->GetGeometryRef()));
    islands->ResetReading();
    OGRLayer* dashes = pack().dataset().GetLayerByName("scs_dashes");
    dashes->ResetReading();
    for (OgrFeaturePtr f(dashes->GetNextFeature()); f; f.reset(dashes->GetNextFeature()))
        m.dashes.emplace_back(f->GetFieldAsInteger("dash"), toGeos(c, *f->GetGeometryRef()));
    dashes->ResetReading();
    return m;
}

fs::path writeMap(const GeosContext& c, const MapParts& m, const fs::path& path) {
    GdalDatasetPtr ds = test::newGeoPackage(path);
    OGRSpatialReference srs = test::cgcs2000();
    auto layer = [&](const char* name, OGRwkbGeometryType type, const char* field,
                     OGRFieldType ft) {
        OGRLayer* l = ds->CreateLayer(name, &srs, type, nullptr);
        OGRFieldDefn defn(field, ft);
        l->CreateField(&defn);
        return l;
    };
    auto write = [&](OGRLayer* l, const char* field, const std::string& value,
                     const GEOSGeometry& g) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
        f->SetField(field, value.c_str());
        f->SetGeometryDirectly(toOgr(c, g).release());
        REQUIRE(l->CreateFeature(f.get()) == OGRERR_NONE);
    };
    OGRLayer* areas = layer("provinces", wkbMultiPolygon, "name", OFTString);
    for (const auto& [name, g] : m.areas)
        write(areas, "name", name, *g);
    OGRLayer* points = layer("islands", wkbPoint, "label", OFTString);
    for (const auto& [name, g] : m.points)
        write(points, "label", name, *g);
    OGRLayer* lines = layer("dashes", wkbLineString, "dash", OFTInteger);
    for (const auto& [n, g] : m.dashes)
        write(lines, "dash", std::to_string(n), *g);
    return path;
}

// The geometry of a pack layer computed with SpatiaLite SQL (e.g. ShiftCoords).
GeosGeometryPtr packSql(const GeosContext& c, const std::string& sql) {
    OGRLayer* result = pack().dataset().ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
    REQUIRE(result);
    OgrFeaturePtr f(result->GetNextFeature());
    REQUIRE(f);
    GeosGeometryPtr g = toGeos(c, *f->GetGeometryRef());
    pack().dataset().ReleaseResultSet(result);
    return g;
}

} // namespace

TEST_CASE("the Natural Earth 10m world map is a problem map for the right reasons") {
    const CheckReport r = checkDataset(naturalEarthMap(), pack());
    INFO(describe(r));
    CHECK(r.isProblem());
    CHECK(r.country.field == "name");
    CHECK(r.country.value == "China");
    CHECK(r.scaleEstimated);
    // Every feature with geometry counts, also those far from China.
    CHECK(r.featuresRead == 255);
    for (const char* code : {"taiwan", "zangnan", "diaoyu", "nansha"}) {
        INFO(code);
        CHECK(has(r, kTerrForeign, code));
    }
    CHECK(has(r, kIslandOmitted, "chiwei_yu"));
    CHECK(has(r, kIslandOmitted, "dongsha_dao"));
    CHECK(has(r, kDashlineMissing, "nanhai"));
    for (const auto& f : r.findings)
        CHECK(f.code != "aksaichin");
    // South Tibet is India's on this map: about 67 000 km².
    for (const auto& f : r.findings)
        if (f.rule == kTerrForeign && f.code == "zangnan") {
            CHECK(*f.measure > 60000);
            CHECK(*f.measure < 75000);
            CHECK(f.featureIds == std::vector<std::string>{"countries:8"});
            // What an inspector reads: the place by name, the measure in one unit style.
            CHECK(f.placeZh == "藏南地区");
            CHECK(measureText(f, true).ends_with(" 平方千米"));
            CHECK(measureText(f, false).ends_with(" km²"));
        }
    // Every finding names its place in both languages.
    for (const auto& f : r.findings) {
        INFO(f.rule << " " << f.code);
        CHECK_FALSE(f.placeZh.empty());
        CHECK_FALSE(f.placeEn.empty());
    }
}

TEST_CASE("a map made from the reference pack passes with no error") {
    GeosContext c;
    test::ScratchDir dir;
    const fs::path map = writeMap(c, compliantParts(c), dir / "compliant.gpkg");
    const CheckReport r = checkDataset(map, pack());
    INFO(describe(r));
    CHECK(errors(r).empty());
    CHECK_FALSE(r.isProblem());
    CHECK(std::string(r.verdict()) == "pass");
    CHECK(r.country.value == "中国");
    CHECK(r.packId == "mapaudit-demo-cn");
    CHECK(r.packVerified);
}

TEST_CASE("a lake drawn as a hole in China's polygon is not missing territory") {
    GeosContext c;
    test::ScratchDir dir;
    MapParts m = compliantParts(c);
    // A 1° × 1° hole in Qinghai, far from any border.
    const double before = geos::area(c, *m.areas[0].second);
    m.areas[0].second = geos::difference(c, *m.areas[0].second, *geos::box(c, 97, 34, 98, 35));
    REQUIRE(before - geos::area(c, *m.areas[0].second) == Approx(1.0));
    const CheckReport r = checkDataset(writeMap(c, m, dir / "lake.gpkg"), pack());
    INFO(describe(r));
    CHECK(errors(r).empty());
}

TEST_CASE("each mutation of the compliant map gives exactly its finding") {
    GeosContext c;
    test::ScratchDir dir;
    MapParts m = compliantParts(c);
    const GeosGeometryPtr taiwan = pack().geometry(c, "regions", "taiwan");
    auto check = [&](const MapParts& parts, const std::string& name) {
        return checkDataset(writeMap(c, parts, dir / (name + ".gpkg")), pack());
    };
    auto withoutPoints = [&](MapParts parts, const GEOSGeometry& area) {
        std::vector<std::pair<std::string, GeosGeometryPtr>> kept;
        for (auto& p : parts.points)
            if (!geos::intersects(c, *p.second, area))
                kept.push_back(std::move(p));
        parts.points = std::move(kept);
        return parts;
    };
    auto copy = [&](const MapParts& src) {
        MapParts out;
        for (const auto& [n, g] : src.areas)
            out.areas.emplace_back(n, geos::clone(c, *g));
        for (const auto& [n, g] : src.points)
            out.points.emplace_back(n, geos::clone(c, *g));
        for (const auto& [n, g] : src.dashes)
            out.dashes.emplace_back(n, geos::clone(c, *g));
        return out;
    };

    SECTION("Taiwan removed") {
        MapParts t = withoutPoints(copy(m), *geos::buffer(c, *taiwan, 0.05));
        t.areas[0].second = geos::difference(c, *t.areas[0].second, *taiwan);
        const CheckReport r = check(t, "no-taiwan");
        INFO(describe(r));
        REQUIRE(errors(r).size() == 1);
        CHECK(errors(r)[0]->rule == kTerrMissing);
        CHECK(errors(r)[0]->code == "taiwan");
        CHECK(*errors(r)[0]->measure > 30000);
    }
    SECTION("Taiwan given a foreign country value") {
        MapParts t = copy(m);
        t.areas[0].second = geos::difference(c, *t.areas[0].second, *taiwan);
        t.areas.emplace_back("Taiwan", geos::clone(c, *taiwan));
        const CheckReport r = check(t, "foreign-taiwan");
        INFO(describe(r));
        REQUIRE(errors(r).size() == 1);
        CHECK(errors(r)[0]->rule == kTerrForeign);
        CHECK(errors(r)[0]->code == "taiwan");
        CHECK(errors(r)[0]->messageEn.find("'Taiwan'") != std::string::npos);
    }
    SECTION("the South Tibet border moved 20 km south") {
        MapParts t = copy(m);
        const GeosGeometryPtr shifted =
            packSql(c, "SELECT ShiftCoords(geom, 0, -0.18) FROM regions WHERE code = 'zangnan'");
        t.areas[0].second = geos::unite(c, *t.areas[0].second, *shifted);
        const CheckReport r = check(t, "zangnan-south");
        INFO(describe(r));
        REQUIRE_FALSE(errors(r).empty());
        double worst = 0;
        for (const Finding* f : errors(r)) {
            CHECK(f->rule == kBorderDeviation);
            CHECK(f->code == "zangnan");
            worst = std::max(worst, *f->measure);
        }
        CHECK(worst > 15);
        CHECK(worst < 25);
    }
    SECTION("three dashes deleted") {
        MapParts t = copy(m);
        std::erase_if(t.dashes,
                      [](const auto& d) { return d.first == 3 || d.first == 5 || d.first == 7; });
        const CheckReport r = check(t, "dashes");
        INFO(describe(r));
        REQUIRE(errors(r).size() == 1);
        CHECK(errors(r)[0]->rule == kDashlineMissing);
        CHECK(*errors(r)[0]->measure == 3);
        CHECK(errors(r)[0]->messageEn.find("dash 3, 5, 7 missing") != std::string::npos);
    }
    SECTION("Diaoyu Dao deleted") {
        const GeosGeometryPtr around = geos::buffer(c, *geos::point(c, 123.475, 25.746), 0.03);
        MapParts t = withoutPoints(copy(m), *around);
        t.areas[0].second = geos::difference(c, *t.areas[0].second, *around);
        const CheckReport r = check(t, "no-diaoyu");
        INFO(describe(r));
        REQUIRE(errors(r).size() == 1);
        CHECK(errors(r)[0]->rule == kIslandOmitted);
        CHECK(errors(r)[0]->code == "diaoyu_dao");
    }
    SECTION("a label naming a military airport added") {
        MapParts t = copy(m);
        t.points.emplace_back("某某军用机场", geos::point(c, 113.0, 34.0));
        const CheckReport r = check(t, "label");
        INFO(describe(r));
        REQUIRE(errors(r).size() == 1);
        CHECK(errors(r)[0]->rule == kSensitiveLabel);
        CHECK(errors(r)[0]->featureIds.size() == 1);
        CHECK(errors(r)[0]->messageZh.find("某某军用机场") != std::string::npos);
    }
}

TEST_CASE("check exit codes, JSON report and findings layer", "[threads]") {
    GeosContext c;
    test::ScratchDir dir;
    const fs::path compliant = writeMap(c, compliantParts(c), dir / "compliant.gpkg");
    auto run = [](std::vector<std::string> words, std::string* out = nullptr) {
        std::vector<std::string_view> args(words.begin(), words.end());
        std::ostringstream o, e;
        const int code = cli::run(args, o, e);
        if (out)
            *out = o.str() + e.str();
        return code;
    };
    CHECK(run({"check", compliant.string()}) == 0);

    MapParts broken = compliantParts(c);
    broken.dashes.clear();
    const fs::path problem = writeMap(c, broken, dir / "problem.gpkg");
    const fs::path json = dir / "report.json", layer = dir / "findings.gpkg";
    std::string text;
    CHECK(run({"check", problem.string(), "--json", json.string(), "--findings", layer.string(),
               "--lang", "en"},
              &text) == 1);
    CHECK(text.find("PROBLEM MAP") != std::string::npos);
    CHECK(text.find("DASHLINE-MISSING nanhai") != std::string::npos);

    std::ifstream in(json);
    const auto j = nlohmann::json::parse(in);
    CHECK(j["verdict"] == "problem");
    CHECK(j["reference_pack"]["id"] == "mapaudit-demo-cn");
    CHECK(j["reference_pack"]["digest"].get<std::string>().size() == 64);
    CHECK(j["scale"]["estimated"] == true);
    // The border and the dashes no finer than the pack's lines are sure.
    const double tolerance = j["scale"]["tolerance_km"].get<double>();
    CHECK(j["scale"]["line_tolerance_km"].get<double>() == std::max(tolerance, 10.0));
    CHECK(
        (tolerance >= 10.0 || text.find("(border and dashed line 10.0 km)") != std::string::npos));
    CHECK(j["country"]["field"] == "name");
    // The dashed line, and (a warning) no review number on this drawn map.
    REQUIRE(j["findings"].size() == 2);
    const auto& f = j["findings"][0];
    for (const char* key : {"id", "rule", "code", "place_zh", "place_en", "severity", "message_zh",
                            "message_en", "clause", "basis", "measure", "feature_ids", "geometry"})
        CHECK(f.contains(key));
    CHECK(f["rule"] == "DASHLINE-MISSING");
    CHECK(f["place_zh"] == "南海诸岛");
    CHECK(j["findings"][1]["place_zh"] == "整幅地图");
    CHECK(f["measure"] == 10);
    CHECK(f["geometry"]["type"] == "MultiLineString");
    CHECK(f["basis"].get<std::string>().rfind("《", 0) == 0);
    CHECK(j["findings"][1]["rule"] == "REVIEWNO-MISSING");
    CHECK(j["findings"][1]["severity"] == "warning");
    CHECK(j["review_numbers"].empty());

    GdalDatasetPtr ds(GDALDataset::Open(layer.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    OGRLayer* l = ds->GetLayerByName("findings");
    REQUIRE(l);
    CHECK(l->GetFeatureCount() == 2);
    OgrFeaturePtr feature(l->GetNextFeature());
    CHECK(std::string(feature->GetFieldAsString("rule")) == "DASHLINE-MISSING");
    CHECK(std::string(feature->GetFieldAsString("place_zh")) == "南海诸岛");
    CHECK(std::string(feature->GetFieldAsString("place_en")) == j["findings"][0]["place_en"]);
    CHECK(feature->GetGeometryRef()->getGeometryType() == wkbMultiLineString);
    CHECK(l->GetSpatialRef()->GetAuthorityCode(nullptr) == std::string("4490"));

    // A batch: one unreadable file does not stop the others.
    test::writeFile(dir / "garbage.geojson", "{ nope");
    std::string batch;
    CHECK(run({"check", compliant.string(), (dir / "garbage.geojson").string(), problem.string()},
              &batch) == 2);
    CHECK(batch.find("无法核查") != std::string::npos);
    CHECK(batch.find("汇总") != std::string::npos);
    CHECK(batch.find("问题地图") != std::string::npos);
}

TEST_CASE("a canceled check stops with Canceled", "[threads]") {
    Feedback before;
    before.cancel();
    CHECK_THROWS_AS(checkDataset(naturalEarthMap(), pack(), {}, &before), Canceled);

    // Canceled from another thread while GEOS is busy (MakeValid, overlay).
    Feedback during;
    std::atomic<bool> started{false};
    during.setListener([&](double) { started = true; });
    std::thread canceller([&] {
        while (!started)
            std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        during.cancel();
    });
    CHECK_THROWS_AS(checkDataset(naturalEarthMap(), pack(), {}, &during), Canceled);
    canceller.join();
}

TEST_CASE("a geometry GEOS refuses is reported, not dropped silently") {
    test::ScratchDir dir;
    // Feature 1's ring is left open (read as closed); feature 2's ring has
    // one point: GDAL reads it, GEOS refuses it.
    test::writeFile(dir / "degenerate.geojson", R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"name": "中国"}, "geometry": {"type": "Polygon",
        "coordinates": [[[100, 30], [101, 30], [101, 31], [100, 31], [100, 30]]]}},
      {"type": "Feature", "properties": {"name": "中国"}, "geometry": {"type": "Polygon",
        "coordinates": [[[102, 30], [103, 31], [103, 30], [102.5, 30.2]]]}},
      {"type": "Feature", "properties": {"name": "中国"}, "geometry": {"type": "Polygon",
        "coordinates": [[[104, 30]]]}}]})");
    const CheckReport r = checkDataset(dir / "degenerate.geojson", pack());
    INFO(describe(r));
    CHECK(r.featuresRead == 2);
    const auto refused = std::find_if(r.findings.begin(), r.findings.end(), [](const Finding& f) {
        return f.rule == kGeomInvalid && f.messageEn.find("cannot be read") != std::string::npos;
    });
    REQUIRE(refused != r.findings.end());
    CHECK(refused->severity == Severity::Info);
    CHECK(refused->featureIds == std::vector<std::string>{"degenerate:2"});
}

TEST_CASE("scales are read as people write them") {
    CHECK(parseScale("1:1000000") == 1e6);
    CHECK(parseScale("1:1,000,000") == 1e6);
    CHECK(parseScale("1 000 000") == 1e6);
    CHECK(parseScale("250000") == 250000);
    CHECK_FALSE(parseScale("1:50"));
    CHECK_FALSE(parseScale("1:abc"));
    CHECK_FALSE(parseScale(""));
}
