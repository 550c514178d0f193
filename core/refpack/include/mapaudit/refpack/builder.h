// Builds the reference pack (GeoPackage, EPSG:4490) from the public sources in
// resources/reference/sources/, reproducibly: the same sources give the same
// layer digests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace mapaudit {
class Feedback;
}

namespace mapaudit::refpack {

// Cleaning tolerances, in degrees (stated in the pack's metadata and README).
inline constexpr double kSliverTolerance = 0.02;    // closing radius where 1:50m meets 1:10m
inline constexpr double kDisputedZone = 0.1;        // how far from a disputed area cleaning reaches
inline constexpr double kMinHoleArea = 0.05 * 0.05; // smaller holes (deg²) are slivers; near a
                                                    // disputed area every hole is a gap
inline constexpr double kCoastTolerance = 0.005;    // a boundary this close to the coast is coast
inline constexpr double kNeighbourTolerance = 0.02; // border within this of a country borders it
inline constexpr double kIslandDiscRadius = 0.01;   // presence disc for islands the source lacks

struct BuildOptions {
    std::filesystem::path sourcesDir;
    std::filesystem::path output;
    std::string packId = "mapaudit-demo-cn";
    std::string version = "1.2.0";
    std::string builtAt; // ISO 8601; "" = now (UTC). Not part of any digest.
};

struct BuildReport {
    std::map<std::string, std::int64_t> counts;
    std::map<std::string, std::string> digests;
    std::string digest;
};

// Throws InputError naming the source file/line/field for bad sources.
BuildReport buildReferencePack(const BuildOptions& options, Feedback* feedback = nullptr);

} // namespace mapaudit::refpack
