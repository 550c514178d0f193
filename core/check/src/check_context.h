// State shared by the rules of one check run (internal).
#pragma once

#include "country.h"
#include "map_input.h"
#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/map_profile.h"
#include "mapaudit/geodata/geodesic.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/raii/geos_handles.h"

#include <set>
#include <string>
#include <vector>

namespace mapaudit::check {

struct RefRegion {
    std::string code, nameZh, nameEn, kind;
    GeosGeometryPtr geometry;
};

struct RefIsland {
    std::string code, nameZh, nameEn, kind, group, region, representation;
    std::int64_t maxScale = 0;
    double lon = 0, lat = 0;
};

// A place showing whose a region is drawn as (the pack's key_places).
struct RefPlace {
    std::string code, nameZh, nameEn, region, province;
    double lon = 0, lat = 0;
};

// One of the ten dashes, and the map's ink along it: the length of its lines,
// and of its polygon outlines (dashes drawn as thin polygons), within the
// tolerance of the dash. Measured once (CheckContext::measureDashInk) for the
// profile's roles and DASHLINE-MISSING alike.
struct RefDash {
    int number = 0;
    GeosGeometryPtr geometry;
    double inkLines = 0, inkOutlines = 0;
};

struct RefGroup {
    std::string code, nameZh, nameEn;
    GeosGeometryPtr geometry;
};

struct CheckContext {
    CheckContext(const GeosContext& ctx, const refpack::ReferencePack& p, const MapInput& in)
        : c(ctx), pack(p), input(in) {}

    const GeosContext& c;
    const refpack::ReferencePack& pack;
    const MapInput& input;
    MapProfile profile;
    // The map shows China as a whole (by its kind or what it covers): all of
    // China's territory must be on it, whatever the data's extent.
    bool wholeChina = false;
    double scale = 0;
    double tolKm = 0;
    double tolDeg = 0;
    // For the land border, the territory and the dashed line: no finer than
    // the pack's lines.
    double lineTolKm = 0;
    double lineTolDeg = 0;
    // The map's own generalisation (profile), in degrees.
    double baselineDeg = 0;
    Feedback* feedback = nullptr;

    // Smallest area (km²) and length (km) a reader sees at the map's scale:
    // a finding below it is information, not an error.
    double visibleKm() const { return scale * 1e-6; }

    GeosGeometryPtr extentBox;    // what the map must show: its extent, or all of China
    GeosGeometryPtr territoryAll; // reference territory, whole
    GeosGeometryPtr territory;    // reference territory within extentBox
    std::vector<RefRegion> regions;
    std::vector<RefIsland> islands;
    std::vector<RefGroup> groups;
    std::vector<RefPlace> places;
    std::vector<RefDash> dashes; // by number, 1-10
    void measureDashInk();

    std::vector<const InputFeature*> chinaAreas, foreignAreas, neutralAreas, lines;

    // Every part of every input geometry in an STRtree, so "is anything
    // drawn here" tests a few nearby parts, not whole continents.
    struct Part {
        const InputFeature* feature;
        const GEOSGeometry* geometry;
    };
    std::vector<Part> parts;
    GeosStrTreePtr index;
    void buildIndex();
    // `ownOnly`: another country's polygons do not count (a neighbour's coast
    // in an island group's box shows none of China's islands).
    bool anythingDrawnNear(const GEOSGeometry& where, double distance, bool ownOnly = false) const;
    GeosGeometryPtr chinaLand; // union of China's polygons (may be empty)
    GeosGeometryPtr landDrawn; // China's and unattributed polygons (may be empty)

    // Land already reported by TERR-FOREIGN/TERR-MISSING, so later rules do
    // not report the same thing again.
    std::vector<GeosGeometryPtr> foreignReported;
    GeosGeometryPtr missingReported;
    std::vector<Finding> findings;
    std::vector<ReviewNumberSeen> reviewNumbers;

    const RefRegion* region(const std::string& code) const;
    void add(Finding f) { findings.push_back(std::move(f)); }
};

// Input polygons are generalised to this share of the tolerance before
// overlay (and the reference with them): detail finer than that cannot change
// a finding.
inline constexpr double kGeneraliseShareOfTolerance = 0.1;

// Geometry helpers on lon/lat (EPSG:4490) data.
double areaKm2(const GeosContext& c, const GEOSGeometry& g);
double geodesicKm(double lon1, double lat1, double lon2, double lat2);
using geos::toWkt;

// The rules, in report order.
void ruleTerritoryForeign(CheckContext& ctx);
void ruleTerritoryMissing(CheckContext& ctx);
void ruleIslandsOmitted(CheckContext& ctx);
void ruleDashline(CheckContext& ctx);
void ruleBorderDeviation(CheckContext& ctx);
void ruleSensitiveLabels(CheckContext& ctx);
void ruleNames(CheckContext& ctx);
void ruleReviewNumber(CheckContext& ctx);
void ruleInsetExtent(CheckContext& ctx);
void ruleHainanTip(CheckContext& ctx);
void ruleTaiwanAdmin(CheckContext& ctx);

} // namespace mapaudit::check
