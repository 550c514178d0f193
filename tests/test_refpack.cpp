// The committed reference pack: what lies inside and outside the territory,
// its cleanliness, its border, dashes and islands, and its integrity checks.
#include "cli.h"
#include "mapaudit/base/error.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/builder.h"
#include "mapaudit/refpack/key_points.h"
#include "mapaudit/refpack/reference_pack.h"
#include "mapaudit/refpack/schema.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

using namespace mapaudit;
using namespace mapaudit::refpack;
namespace fs = std::filesystem;

namespace {

fs::path committedSources() {
    return fs::path(MAPAUDIT_RESOURCES) / "reference/sources";
}

bool inside(const GeosContext& c, const GEOSGeometry& area, double lon, double lat) {
    return geos::contains(c, area, *geos::point(c, lon, lat));
}

} // namespace

TEST_CASE("the committed pack opens verified with its identity") {
    const ReferencePack pack = ReferencePack::open(test::committedPackPath());
    CHECK(pack.verified());
    CHECK(pack.id() == "mapaudit-demo-cn");
    CHECK(pack.version() == "1.2.0");
    CHECK(pack.digest().size() == 64);
    CHECK(pack.metadata().at("grade") == "demonstration");
    CHECK(pack.metadata().at("crs") == "EPSG:4490");
    CHECK(pack.label().find("verified") != std::string::npos);
    for (const auto& layer : kSpatialLayers)
        CHECK(pack.counts().count(std::string(layer.name)) == 1);
}

TEST_CASE("territory contains China's places and excludes its neighbours'") {
    const ReferencePack pack = ReferencePack::open(test::committedPackPath());
    GeosContext c;
    const GeosGeometryPtr territory = pack.geometry(c, "territory");
    struct Place {
        const char* name;
        double lon, lat;
    };
    const Place in[] = {{"Tawang", 91.86, 27.59},          {"Itanagar", 93.62, 27.08},
                        {"Aksai Chin", 79.0, 35.0},        {"Taipei", 121.56, 25.04},
                        {"Kinmen", 118.35, 24.45},         {"Hong Kong", 114.17, 22.32},
                        {"Macao", 113.55, 22.19},          {"Diaoyu Dao", 123.475, 25.746},
                        {"Woody Island", 112.337, 16.834}, {"Haikou", 110.33, 20.03}};
    for (const auto& p : in) {
        INFO(p.name);
        CHECK(inside(c, *territory, p.lon, p.lat));
    }
    const Place out[] = {{"Manila", 120.98, 14.60},
                         {"Hanoi", 105.85, 21.03},
                         {"Seoul", 126.98, 37.57},
                         {"Guwahati", 91.74, 26.14},
                         {"Leh", 77.58, 34.16}};
    for (const auto& p : out) {
        INFO(p.name);
        CHECK_FALSE(inside(c, *territory, p.lon, p.lat));
    }
    // Submerged features are symbols, never land.
    CHECK_FALSE(inside(c, *territory, 112.35, 3.967)); // Zengmu Ansha
}

TEST_CASE("territory is a valid MultiPolygon without slivers along the disputed areas") {
    const ReferencePack pack = ReferencePack::open(test::committedPackPath());
    GeosContext c;
    const GeosGeometryPtr territory = pack.geometry(c, "territory");
    CHECK(geos::isValid(c, *territory));
    CHECK(GEOSGeomTypeId_r(c.handle(), territory.get()) == GEOS_MULTIPOLYGON);
    for (const auto& hole : geos::holes(c, *territory))
        CHECK(geos::area(c, *hole) >= kMinHoleArea);

    const char* disputed[] = {"zangnan",        "aksaichin",      "shaksgam",    "cn_in_middle_1",
                              "cn_in_middle_2", "cn_in_middle_3", "cn_in_west_1"};
    for (const char* code : disputed) {
        INFO(code);
        const GeosGeometryPtr area = pack.geometry(c, "regions", code);
        // Wholly inside the territory: no gap between the area and the rest.
        CHECK(geos::area(c, *geos::difference(c, *area, *territory)) < 1e-9);
        // Around it: one piece of land, no holes, no small separate parts.
        const GeosGeometryPtr around =
            geos::intersection(c, *territory, *geos::buffer(c, *area, kDisputedZone));
        CHECK(geos::holes(c, *around).empty());
        for (const GEOSGeometry* part : geos::parts(c, *around))
            CHECK(geos::area(c, *part) >= kMinHoleArea);
    }
}

TEST_CASE("land_border runs along China's land neighbours, not along the coast") {
    const ReferencePack pack = ReferencePack::open(test::committedPackPath());
    GeosContext c;
    const GeosGeometryPtr border = pack.geometry(c, "land_border");
    // Coastal places are far from any land border.
    for (auto [lon, lat] :
         {std::pair{121.9, 31.0}, {120.4, 36.05}, {118.1, 24.45}, {110.35, 20.05}, {113.3, 22.6}}) {
        double distance = 0;
        GEOSDistance_r(c.handle(), border.get(), geos::point(c, lon, lat).get(), &distance);
        INFO(lon << ", " << lat);
        CHECK(distance > 0.5);
    }
    std::set<std::string> neighbours;
    OGRLayer* layer = pack.dataset().GetLayerByName("land_border");
    layer->ResetReading();
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()))
        neighbours.insert(f->GetFieldAsString("neighbour"));
    for (const char* n :
         {"Afghanistan", "Bhutan", "India", "Kazakhstan", "Kyrgyzstan", "Laos", "Mongolia",
          "Myanmar", "Nepal", "North Korea", "Pakistan", "Russia", "Tajikistan", "Vietnam"}) {
        INFO(n);
        CHECK(neighbours.count(n) == 1);
    }
    // The border runs along India's side of South Tibet (China's line), not the McMahon line.
    double toTawang = 0;
    GEOSDistance_r(c.handle(), border.get(), geos::point(c, 91.86, 27.59).get(), &toTawang);
    CHECK(toTawang > 0.05);
    const double length = geos::length(c, *border);
    CHECK(length > 180.0); // degrees of line; China's land border is about 22 000 km
    CHECK(length < 260.0);
}

TEST_CASE("exactly ten numbered dashes and an inset frame that covers the sea") {
    const ReferencePack pack = ReferencePack::open(test::committedPackPath());
    CHECK(pack.counts().at("scs_dashes") == kDashCount);
    std::set<int> numbers;
    OGRLayer* dashes = pack.dataset().GetLayerByName("scs_dashes");
    dashes->ResetReading();
    for (OgrFeaturePtr f(dashes->GetNextFeature()); f; f.reset(dashes->GetNextFeature())) {
        numbers.insert(f->GetFieldAsInteger("dash"));
        CHECK(wkbFlatten(f->GetGeometryRef()->getGeometryType()) == wkbLineString);
    }
    CHECK(numbers == std::set<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});

    GeosContext c;
    const GeosGeometryPtr frame = pack.geometry(c, "scs_inset_frame");
    CHECK(inside(c, *frame, 112.35, 3.97));      // Zengmu Ansha
    CHECK(inside(c, *frame, 117.76, 15.15));     // Huangyan Dao
    CHECK(inside(c, *frame, 120.9, 14.6));       // Manila is at the east edge
    CHECK(inside(c, *frame, 105.9, 21.0));       // Hanoi at the west edge
    CHECK_FALSE(inside(c, *frame, 112.0, 24.0)); // north of the Tropic of Cancer
}

TEST_CASE("regions carry every stable code and every key island a region or group") {
    const ReferencePack pack = ReferencePack::open(test::committedPackPath());
    std::set<std::string> codes;
    OGRLayer* regions = pack.dataset().GetLayerByName("regions");
    regions->ResetReading();
    for (OgrFeaturePtr f(regions->GetNextFeature()); f; f.reset(regions->GetNextFeature())) {
        codes.insert(f->GetFieldAsString("code"));
        CHECK(std::string(f->GetFieldAsString("name_zh")).size() > 0);
        CHECK(std::string(f->GetFieldAsString("name_en")).size() > 0);
    }
    CHECK(codes == std::set<std::string>(kRegionCodes.begin(), kRegionCodes.end()));

    GeosContext c;
    OGRLayer* islands = pack.dataset().GetLayerByName("key_islands");
    islands->ResetReading();
    int count = 0;
    for (OgrFeaturePtr f(islands->GetNextFeature()); f; f.reset(islands->GetNextFeature())) {
        ++count;
        const std::string code = f->GetFieldAsString("code");
        const std::string region = f->GetFieldAsString("region");
        const std::string group = f->GetFieldAsString("island_group");
        INFO(code);
        CHECK((codes.count(region) == 1 || !group.empty()));
        if (code == "diaoyu_dao" || code == "chiwei_yu" || code == "huangwei_yu") {
            CHECK(group == "diaoyu");
            CHECK(f->GetFieldAsInteger64("max_scale_denominator") == 100000000);
        }
        if (code == "zengmu_ansha")
            CHECK(std::string(f->GetFieldAsString("representation")) == "symbol");
        if (code == "yongxing_dao") {
            CHECK(group == "xisha");
            CHECK(inside(c, *pack.geometry(c, "regions", "nanhai"), 112.337, 16.834));
        }
    }
    CHECK(count == 20);
}

TEST_CASE("a pack with one edited vertex fails verification") {
    test::ScratchDir dir;
    const fs::path copy = dir / "edited.gpkg";
    {
        GdalDatasetPtr ds = test::editableCopyOfPack(copy);
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayerByName("scs_dashes");
        OgrFeaturePtr f(layer->GetNextFeature());
        REQUIRE(f);
        auto* line = f->GetGeometryRef()->toLineString();
        line->setPoint(0, line->getX(0) + 0.001, line->getY(0));
        REQUIRE(layer->SetFeature(f.get()) == OGRERR_NONE);
    }
    CHECK_THROWS_WITH(ReferencePack::open(copy),
                      Catch::Contains("layer 'scs_dashes' was altered") &&
                          Catch::Contains("failed verification"));
    const ReferencePack unverified = ReferencePack::open(copy, VerifyMode::MarkUnverified);
    CHECK_FALSE(unverified.verified());
    REQUIRE(unverified.problems().size() == 1);
    CHECK(unverified.label().find("UNVERIFIED") != std::string::npos);

    std::vector<std::string> words{"refpack", "verify", copy.string()};
    std::vector<std::string_view> args(words.begin(), words.end());
    std::ostringstream out, err;
    CHECK(cli::run(args, out, err) == cli::kExitProblems);
    CHECK(out.str().find("UNVERIFIED") != std::string::npos);
}

TEST_CASE("a pack missing a layer is refused with the reason") {
    test::ScratchDir dir;
    const fs::path copy = dir / "partial.gpkg";
    {
        GdalDatasetPtr ds = test::editableCopyOfPack(copy);
        REQUIRE(ds);
        for (int i = 0; i < ds->GetLayerCount(); ++i)
            if (std::string(ds->GetLayer(i)->GetName()) == "key_islands")
                REQUIRE(ds->DeleteLayer(i) == OGRERR_NONE);
    }
    CHECK_THROWS_WITH(ReferencePack::open(copy), Catch::Contains("layer 'key_islands' is missing"));
}

TEST_CASE("a rebuild from the shipped sources reproduces the committed digests") {
    const ReferencePack committed = ReferencePack::open(test::committedPackPath());
    test::ScratchDir dir;
    BuildOptions options;
    options.sourcesDir = committedSources();
    options.output = dir / "rebuilt.gpkg";
    const BuildReport report = buildReferencePack(options);
    for (const auto& [layer, digest] : report.digests) {
        INFO(layer);
        CHECK(digest == committed.metadata().at("digest:" + layer));
    }
    CHECK(report.digest == committed.digest());
    CHECK(ReferencePack::open(options.output).verified());
}

TEST_CASE("a bad source value is refused naming file, line and field") {
    test::ScratchDir dir;
    for (const auto& entry : fs::directory_iterator(committedSources()))
        fs::copy_file(entry.path(), dir / entry.path().filename().string());
    {
        std::ifstream in(dir / "key-features.csv");
        std::string header, first, rest, line;
        std::getline(in, header);
        std::getline(in, first);
        while (std::getline(in, line))
            rest += line + "\n";
        std::ofstream out(dir / "key-features.csv", std::ios::trunc);
        out << header << "\n"
            << first << "\n"
            << "broken,坏,Broken,island,121.0,north,taiwan,\n"
            << rest;
    }
    BuildOptions options;
    options.sourcesDir = dir.path();
    options.output = dir / "pack.gpkg";
    CHECK_THROWS_WITH(buildReferencePack(options),
                      Catch::Contains("key-features.csv:3: field 'lat' = 'north'"));
    CHECK_FALSE(fs::exists(options.output));
}

TEST_CASE("key points to tie pictures to: the islands and the dash ends") {
    const auto pack = mapaudit::refpack::ReferencePack::open(mapaudit::test::committedPackPath());
    const auto points = mapaudit::refpack::keyPoints(pack);
    CHECK(points.size() == 20 + 2 * 10);
    auto find = [&](const std::string& code) {
        for (const auto& p : points)
            if (p.code == code)
                return p;
        FAIL("no key point " << code);
        return mapaudit::refpack::KeyPoint{};
    };
    const auto huangyan = find("huangyan_dao");
    CHECK(huangyan.nameZh == "黄岩岛");
    CHECK(huangyan.group == "zhongsha");
    CHECK(mapaudit::refpack::keyIslands(pack).size() == 20);
    CHECK(huangyan.lon == Approx(117.75).margin(0.1));
    CHECK(huangyan.lat == Approx(15.15).margin(0.1));
    const auto start = find("dash1_start"), end = find("dash1_end");
    CHECK(start.nameZh == "断续线第1段起点");
    CHECK(start.lon != end.lon);
    CHECK(start.lon > 120); // dash 1 lies east of Taiwan
}
