#include "mapaudit/refpack/builder.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/version.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/schema.h"
#include "pack_content.h"
#include "sources.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace mapaudit::refpack {
namespace fs = std::filesystem;
namespace {

// Public facts used for the South China Sea Islands inset frame (2023 rules).
constexpr double kHanoiLon = 105.85;
constexpr double kManilaLon = 120.98;
constexpr double kTropicOfCancer = 23.44;
const char* const kMalaysiaId = "458";
const char* const kIndonesiaId = "360";
// Natural Earth units that China's maps show as China.
const std::set<std::string> kChinaIds{"156", "158", "344", "446"};
const std::set<std::string> kChinaUnits{"Spratly Is.", "Scarborough Reef"};
const char* const kJapanId = "392";

bool isChinaUnit(const Country& c) {
    return kChinaIds.count(c.id) > 0 || kChinaUnits.count(c.name) > 0;
}

const Country& countryById(const Sources& s, const std::string& id) {
    for (const auto& c : s.countries)
        if (c.id == id)
            return c;
    throw InputError(msg("the countries source has no feature with id {} — use the Natural Earth "
                         "file named in PROVENANCE.md",
                         id));
}

const IslandGroup& groupByCode(const Sources& s, const std::string& code) {
    for (const auto& g : s.islandGroups)
        if (g.code == code)
            return g;
    throw InputError(
        msg("{}: island group '{}' is missing — add its row", kIslandGroupsFile, code));
}

GeosGeometryPtr groupBox(const GeosContext& c, const IslandGroup& g) {
    return geos::box(c, g.minLon, g.minLat, g.maxLon, g.maxLat);
}

std::string fmt(double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6f", v);
    return buffer;
}

// --- territory --------------------------------------------------------------

GeosGeometryPtr buildTerritory(const GeosContext& c, const Sources& s) {
    std::vector<GeosGeometryPtr> parts;
    for (const auto& country : s.countries)
        if (isChinaUnit(country))
            parts.push_back(geos::clone(c, *country.geometry));
    const auto diaoyuBox = groupBox(c, groupByCode(s, "diaoyu"));
    parts.push_back(geos::intersection(c, *countryById(s, kJapanId).geometry, *diaoyuBox));
    std::vector<GeosGeometryPtr> disputed;
    for (const auto& d : s.disputed) {
        parts.push_back(geos::clone(c, *d.geometry));
        disputed.push_back(geos::clone(c, *d.geometry));
    }
    GeosGeometryPtr territory = geos::unionAll(c, std::move(parts));

    // Islands of the gazetteer that the 1:10m source has no polygon for (e.g.
    // Yongxing Dao) get a small presence disc. Submerged features are shown
    // by symbol and never become land.
    std::vector<GeosGeometryPtr> discs;
    for (const KeyFeature& k : s.keyFeatures) {
        if (k.kind.rfind("submerged", 0) == 0 || k.kind == "region")
            continue;
        GeosGeometryPtr p = geos::point(c, k.lon, k.lat);
        if (!geos::contains(c, *territory, *p))
            discs.push_back(geos::buffer(c, *p, kIslandDiscRadius));
    }
    if (!discs.empty())
        territory = geos::unite(c, *territory, *geos::unionAll(c, std::move(discs)));

    // Where the 1:50m disputed areas meet the 1:10m outlines, close the gaps
    // and slivers (morphological closing), only near the disputed areas.
    GeosGeometryPtr zone = geos::buffer(c, *geos::unionAll(c, std::move(disputed)), kDisputedZone);
    GeosGeometryPtr local =
        geos::intersection(c, *territory, *geos::buffer(c, *zone, 2 * kSliverTolerance));
    GeosGeometryPtr closed =
        geos::buffer(c, *geos::buffer(c, *local, kSliverTolerance), -kSliverTolerance);
    territory = geos::unite(c, *territory, *geos::intersection(c, *closed, *zone));
    // China's territory has no enclaves: a hole next to a disputed area is a
    // gap between the 1:50m and 1:10m outlines, whatever its size (along the
    // north of South Tibet they reach 0.25°); elsewhere small holes are slivers.
    return geos::withoutHoles(c, *territory, [&](const GEOSGeometry& hole) {
        return geos::intersects(c, hole, *zone) || geos::area(c, hole) < kMinHoleArea;
    });
}

// --- land border ------------------------------------------------------------

std::vector<Row> buildLandBorder(const GeosContext& c, const Sources& s,
                                 const GEOSGeometry& territory) {
    // All the work happens in a narrow ring around the territory's outline:
    // buffering whole countries or the world's coastline would take minutes.
    GeosGeometryPtr outline = geos::boundary(c, territory);
    GeosGeometryPtr ring = geos::buffer(c, *outline, 2 * kNeighbourTolerance);
    GeosGeometryPtr coast =
        geos::linealParts(c, *geos::intersection(c, *geos::boundary(c, *s.land), *ring));
    GeosGeometryPtr border = geos::lineMerge(
        c, *geos::linealParts(
               c, *geos::difference(c, *outline, *geos::buffer(c, *coast, kCoastTolerance))));

    std::vector<const Country*> neighbours;
    for (const auto& country : s.countries)
        if (!isChinaUnit(country) && geos::intersects(c, *country.geometry, *ring))
            neighbours.push_back(&country);
    std::sort(neighbours.begin(), neighbours.end(),
              [](const Country* a, const Country* b) { return a->name < b->name; });

    // A land border is shared with a neighbour: outline left over (the
    // presence discs of small islands) is not border.
    std::vector<Row> rows;
    for (const Country* n : neighbours) {
        GeosGeometryPtr reach =
            geos::buffer(c, *geos::intersection(c, *n->geometry, *ring), kNeighbourTolerance);
        GeosGeometryPtr shared = geos::linealParts(c, *geos::intersection(c, *border, *reach));
        if (geos::length(c, *shared) < kNeighbourTolerance)
            continue;
        rows.push_back({{{"segment", n->name}, {"neighbour", n->name}, {"neighbour_id", n->id}},
                        geos::lineMerge(c, *shared)});
    }
    return rows;
}

// --- regions ----------------------------------------------------------------

GeosGeometryPtr partContaining(const GeosContext& c, const GEOSGeometry& g, double lon,
                               double lat) {
    GeosGeometryPtr p = geos::point(c, lon, lat);
    for (const GEOSGeometry* part : geos::parts(c, g))
        if (geos::contains(c, *part, *p))
            return geos::clone(c, *part);
    throw InputError(msg("no polygon contains {}, {} — the countries source does not match "
                         "PROVENANCE.md",
                         fmt(lon), fmt(lat)));
}

// The South China Sea area inside the dashed line: a ring through the dash
// ends (dashes 2–10, in order around the sea) closed along the mainland
// coast, less the land of the mainland, Hainan, Taiwan and other countries.
GeosGeometryPtr buildNanhaiRegion(const GeosContext& c, const Sources& s) {
    constexpr double centreLon = 114.0, centreLat = 13.0;
    std::vector<std::pair<double, double>> ring{
        // Along the mainland coast, west to east (Beilun estuary → Bashi Channel).
        {108.0, 21.6},
        {113.5, 22.9},
        {117.5, 23.7},
        {120.2, 22.4}};
    for (const Dash& d : s.dashes)
        if (d.number != 1) { // dash 1 lies east of Taiwan, outside the sea
            ring.emplace_back(d.lon1, d.lat1);
            ring.emplace_back(d.lon2, d.lat2);
        }
    std::sort(ring.begin(), ring.end(), [&](const auto& a, const auto& b) {
        return std::atan2(a.second - centreLat, a.first - centreLon) <
               std::atan2(b.second - centreLat, b.first - centreLon);
    });
    GeosGeometryPtr area = geos::polygon(c, ring);
    for (const auto& country : s.countries)
        if (!kChinaUnits.count(country.name) && geos::intersects(c, *country.geometry, *area))
            area = geos::difference(c, *area, *country.geometry);
    return geos::polygonalParts(c, *area);
}

std::vector<Row> buildRegions(const GeosContext& c, const Sources& s) {
    std::vector<Row> rows;
    auto add = [&](const std::string& code, const std::string& zh, const std::string& en,
                   const std::string& kind, GeosGeometryPtr g) {
        rows.push_back({{{"code", code}, {"name_zh", zh}, {"name_en", en}, {"kind", kind}},
                        geos::polygonalParts(c, *g)});
    };
    add("taiwan", "台湾省", "Taiwan Province", "province",
        geos::clone(c, *countryById(s, "158").geometry));
    add("hongkong", "香港特别行政区", "Hong Kong SAR", "sar",
        geos::clone(c, *countryById(s, "344").geometry));
    add("macao", "澳门特别行政区", "Macao SAR", "sar",
        geos::clone(c, *countryById(s, "446").geometry));
    for (const auto& d : s.disputed)
        add(d.code, d.nameZh, d.nameEn, "border_area", geos::clone(c, *d.geometry));
    const IslandGroup& diaoyu = groupByCode(s, "diaoyu");
    add("diaoyu", diaoyu.nameZh, diaoyu.nameEn, "island_group", groupBox(c, diaoyu));
    add("nanhai", "南海诸岛", "South China Sea Islands", "island_area", buildNanhaiRegion(c, s));
    add("hainan", "海南岛", "Hainan Island", "island",
        partContaining(c, *countryById(s, "156").geometry, 109.75, 19.2));
    return rows;
}

// --- points, groups, dashes, inset ----------------------------------------------

std::string regionOf(const KeyFeature& k) {
    if (k.group == "sar")
        return k.code; // hongkong, macao
    return k.group;    // taiwan, diaoyu, hainan, nanhai
}

std::vector<Row> buildKeyIslands(const GeosContext& c, const Sources& s) {
    std::vector<Row> rows;
    for (const KeyFeature& k : s.keyFeatures) {
        std::string group;
        GeosGeometryPtr p = geos::point(c, k.lon, k.lat);
        for (const IslandGroup& g : s.islandGroups)
            if (geos::intersects(c, *groupBox(c, g), *p)) {
                group = g.code;
                break;
            }
        const bool submerged = k.kind.rfind("submerged", 0) == 0;
        // Diaoyu Dao and its islands: required at scales larger than 1:100 000 000.
        const std::string maxScale = (group == "diaoyu" || k.group == "diaoyu") ? "100000000" : "0";
        rows.push_back({{{"code", k.code},
                         {"name_zh", k.nameZh},
                         {"name_en", k.nameEn},
                         {"kind", k.kind},
                         {"island_group", group},
                         {"region", regionOf(k)},
                         {"representation", submerged ? "symbol" : "land"},
                         {"max_scale_denominator", maxScale},
                         {"rule", k.note}},
                        std::move(p)});
    }
    return rows;
}

std::vector<Row> buildIslandGroups(const GeosContext& c, const Sources& s) {
    std::vector<Row> rows;
    for (const IslandGroup& g : s.islandGroups)
        rows.push_back(
            {{{"code", g.code}, {"name_zh", g.nameZh}, {"name_en", g.nameEn}, {"note", g.note}},
             groupBox(c, g)});
    return rows;
}

std::vector<Row> buildDashes(const GeosContext& c, const Sources& s) {
    std::vector<Row> rows;
    for (const Dash& d : s.dashes)
        rows.push_back({{{"dash", std::to_string(d.number)}, {"note", d.note}},
                        geos::lineString(c, {{d.lon1, d.lat1}, {d.lon2, d.lat2}})});
    return rows;
}

std::vector<Row> buildInsetFrame(const GeosContext& c, const Sources& s) {
    // South edge: the southernmost point of the Malaysia–Indonesia border on Kalimantan.
    GeosGeometryPtr border =
        geos::intersection(c, *geos::boundary(c, *countryById(s, kMalaysiaId).geometry),
                           *geos::boundary(c, *countryById(s, kIndonesiaId).geometry));
    double south = 0;
    GEOSGeom_getYMin_r(c.handle(), border.get(), &south);
    south = std::floor(south * 100) / 100;
    const std::string note =
        "2023 rules: east to Manila (" + fmt(kManilaLon) + "E), west to Hanoi (" + fmt(kHanoiLon) +
        "E), north to the Tropic of Cancer (" + fmt(kTropicOfCancer) +
        "N), south to the Malaysia-Indonesia border on Kalimantan (" + fmt(south) + "N)";
    std::vector<Row> rows;
    rows.push_back({{{"code", "scs_inset"}, {"note", note}},
                    geos::box(c, kHanoiLon, south, kManilaLon, kTropicOfCancer)});
    return rows;
}

nlohmann::json sourcesJson() {
    return nlohmann::json::array({
        {{"file", kCountriesFile},
         {"what", "Natural Earth 4.1.0 admin-0 countries 1:10m"},
         {"licence", "public domain (Natural Earth); packaging ISC (world-atlas 2.0.2)"}},
        {{"file", kDisputedFile},
         {"what", "Natural Earth 1:50m breakaway/disputed areas near China"},
         {"licence", "public domain (Natural Earth)"}},
        {{"file", kKeyFeaturesFile},
         {"what", "key islands, shoals and SARs"},
         {"licence", "public gazetteer coordinates (facts)"}},
        {{"file", kIslandGroupsFile},
         {"what", "island group extents"},
         {"licence", "compiled from public coordinates (facts)"}},
        {{"file", kKeyPlacesFile},
         {"what", "key places of the disputed regions and Taiwan"},
         {"licence", "public gazetteer coordinates (facts)"}},
        {{"file", kDashesFile},
         {"what", "South China Sea dashed line, ten dashes"},
         {"licence", "Unlicense (@surbowl/world-geo-json-zh 2.1.5)"}},
    });
}

} // namespace

BuildReport buildReferencePack(const BuildOptions& options, Feedback* feedback) {
    ensureGdalInitialised();
    GeosContext c;
    const Sources s = readSources(c, options.sourcesDir);
    SubFeedback progress(feedback, 0, 1);
    progress.setProgress(0.1);

    PackContent content;
    GeosGeometryPtr territory = buildTerritory(c, s);
    progress.setProgress(0.4);
    content.layers["land_border"] = buildLandBorder(c, s, *territory);
    progress.setProgress(0.6);
    content.layers["territory"].push_back({{{"code", "china"},
                                            {"name_zh", "中华人民共和国"},
                                            {"name_en", "People's Republic of China"}},
                                           std::move(territory)});
    content.layers["regions"] = buildRegions(c, s);
    progress.setProgress(0.8);
    content.layers["key_islands"] = buildKeyIslands(c, s);
    content.layers["key_places"] = keyPlaceRows(c, s.keyPlaces);
    content.layers["island_groups"] = buildIslandGroups(c, s);
    content.layers["scs_dashes"] = buildDashes(c, s);
    content.layers["scs_inset_frame"] = buildInsetFrame(c, s);
    progress.throwIfCanceled();
    validateContent(c, content, options.sourcesDir.string());

    PackIdentity identity;
    identity.id = options.packId;
    identity.version = options.version;
    identity.grade = "demonstration";
    identity.title = "MapAudit demonstration reference pack (China-view territory)";
    identity.builder = std::string("mapaudit refpack build ") + versionString();
    identity.builtAt = options.builtAt;
    identity.sources = sourcesJson();
    // Good to a few kilometres: checks use no finer tolerance than this. Its
    // lines are less sure. Two compliant maps of China made by others (DataV's
    // provinces, and a second provinces map) depart from its land border by up
    // to 9.7 km in the disputed sectors (99th percentile 7.6 km), and from its
    // straight dashes by up to 8.8 km (their dashes are curved): the border,
    // territory and dashed-line rules use no finer tolerance than 10 km.
    identity.extra = {{"accuracy_km", "3"},
                      {"line_accuracy_km", "10"},
                      {"tolerances", nlohmann::json{{"sliver_closing_deg", kSliverTolerance},
                                                    {"disputed_zone_deg", kDisputedZone},
                                                    {"min_hole_area_deg2", kMinHoleArea},
                                                    {"coast_deg", kCoastTolerance},
                                                    {"neighbour_deg", kNeighbourTolerance},
                                                    {"island_disc_deg", kIslandDiscRadius}}
                                         .dump()}};
    BuildReport report = writePack(c, content, identity, options.output);
    progress.setProgress(1.0);
    return report;
}

} // namespace mapaudit::refpack
