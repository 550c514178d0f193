// What a map is, worked out before any rule judges it: its kind, whose land
// each polygon is, how far its lines are generalised, and which parts play
// which role (the main map, a South China Sea inset). Every item carries the
// evidence it was decided on and can be given instead (CheckOptions).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mapaudit::check {

// Stable identifiers (JSON `profile.kind`, `--kind`).
enum class MapKind {
    World,           // "world": the whole world, or most of it
    China,           // "china": a map of China as a whole
    ChinaRegion,     // "china_region": a province, city or county of China
    ForeignNational, // "foreign_national": another country's national map
    Regional,        // "regional": several countries (Asia, East Asia, …)
    Local,           // "local": a thematic or local map without a territory to judge
};
const char* mapKindId(MapKind k);
const char* mapKindNameZh(MapKind k);
std::optional<MapKind> parseMapKind(const std::string& id);
// Every kind, in the order above.
const std::vector<MapKind>& allMapKinds();

// How the map says whose land a polygon is. Stable identifiers (JSON
// `profile.owner.scheme`): "country" (country names or ISO 3166-1 codes in a
// field of their own), "province" (China's provinces: ISO 3166-2 CN-65/CN-XJ,
// HASC CN.XJ, charting keys cn-xj, GB/T 2260 adcodes 650000, Chinese or English
// names), "foreign_subdivision" (another country's subdivisions: IN-AR, IN.AR),
// "given" (--owner-field), "none" (no field: decided by the map's kind).
struct OwnerAttribution {
    std::string field;                                   // "" = none
    std::string scheme;                                  // see above
    std::vector<std::string> chinaValues, foreignValues; // examples seen, at most a few
    std::string foreignCountry; // whose national map it is (foreign_subdivision, or "")
    // China's provinces the map draws whole, by their values (GB/T 2260: "44").
    std::vector<std::string> provinces;
    double confidence = 0; // share of the field's values the scheme recognises
    std::string evidence;
};

struct Generalisation {
    // How far the map's outline lies from the reference outline (coasts,
    // settled borders) where nothing is disputed: the 75th percentile of the
    // sampled distances, km.
    double baselineKm = 0;
    double medianKm = 0;
    int samples = 0;
    std::string evidence;
};

struct InsetRole {
    std::string how; // "layer" (so named), "matched" (found by shape)
    std::vector<std::string> layers;
    // lon/lat on the map = scale * true lon/lat + offset
    double scale = 1, offsetX = 0, offsetY = 0;
    int dashesMatched = 0;
    // The inset's frame (or its layer's extent) moved back to true lon/lat:
    // what of the South China Sea it shows. Absent when no transform was found.
    struct Frame {
        double minLon, minLat, maxLon, maxLat;
    };
    std::optional<Frame> trueFrame;
    std::string evidence;
};

// How the map draws what the rules look for: the dashes as lines or as
// polygons (thin dash polygons, or parts of China's own), labels as points with text.
struct PartRoles {
    int dashesAsLines = 0, dashesAsPolygons = 0; // of the ten reference dashes
    int labels = 0;                              // point features carrying text
    std::vector<std::string> labelLayers;
    std::string evidence;
};

struct MapProfile {
    MapKind kind = MapKind::Local;
    bool kindGiven = false;
    std::string kindEvidence;
    // Share of the reference mainland covered by the map's polygons (any
    // owner), and of the map's polygons that lies in China's territory.
    double mainlandShare = 0, shareInChina = 0;
    double lonSpan = 0;
    OwnerAttribution owner;
    Generalisation generalisation;
    std::optional<InsetRole> inset;
    PartRoles roles;
    // Any area or line drawn: a layer of places or labels alone draws no land,
    // and the territory, island, border and dashed-line rules do not judge it.
    bool drawsLand = true;
    double seconds = 0; // how long the profile took (benchmarks)
};

} // namespace mapaudit::check
