// Reading the reference pack's public sources (internal to the builder).
#pragma once

#include "mapaudit/raii/geos_handles.h"

#include <filesystem>
#include <string>
#include <vector>

namespace mapaudit::refpack {

struct Country {
    std::string id; // ISO 3166 numeric as text; "" for some units
    std::string name;
    GeosGeometryPtr geometry;
};

struct DisputedArea {
    std::string code, nameZh, nameEn;
    GeosGeometryPtr geometry;
};

struct KeyFeature {
    std::string code, nameZh, nameEn, kind, group, note;
    double lon = 0, lat = 0;
};

// A place that shows whose a region is drawn as: a town of South Tibet, the
// centre of Aksai Chin, Taiwan's capital. Well inside its region, away from coasts.
struct KeyPlace {
    std::string code, nameZh, nameEn, region, province, note;
    double lon = 0, lat = 0;
};

struct IslandGroup {
    std::string code, nameZh, nameEn, note;
    double minLon = 0, minLat = 0, maxLon = 0, maxLat = 0;
};

struct Dash {
    int number = 0;
    double lon1 = 0, lat1 = 0, lon2 = 0, lat2 = 0;
    std::string note;
};

struct Sources {
    std::vector<Country> countries;
    GeosGeometryPtr land; // union of all land: its boundary is the coastline
    std::vector<DisputedArea> disputed;
    std::vector<KeyFeature> keyFeatures;
    std::vector<KeyPlace> keyPlaces;
    std::vector<IslandGroup> islandGroups;
    std::vector<Dash> dashes;
};

// File names inside the sources folder.
inline constexpr const char* kCountriesFile = "natural-earth-10m-countries.topojson";
inline constexpr const char* kDisputedFile = "ne50m-disputed-areas-china.geojson";
inline constexpr const char* kKeyFeaturesFile = "key-features.csv";
inline constexpr const char* kIslandGroupsFile = "island-groups.csv";
inline constexpr const char* kKeyPlacesFile = "key-places.csv";
inline constexpr const char* kDashesFile = "scs-dashes.csv";

Sources readSources(const GeosContext& ctx, const std::filesystem::path& dir);
// The key places of `file` (key-places.csv), also for packs imported from official data.
std::vector<KeyPlace> readKeyPlaces(const std::filesystem::path& file);

} // namespace mapaudit::refpack
