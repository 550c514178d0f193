// The problem-map check: a dataset against a reference pack.
#pragma once

#include "mapaudit/check/finding.h"
#include "mapaudit/check/map_profile.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mapaudit {
class Feedback;
namespace refpack {
class ReferencePack;
}
} // namespace mapaudit

namespace mapaudit::check {

// A scale as people write it: "1:1000000", "1:1,000,000", "1 000 000"; the
// denominator, or nullopt when it is not a scale (below 1:100).
std::optional<double> parseScale(const std::string& text);

// Below this scale (denominator above it) an island group is satisfied by any
// representation inside the group's area; at larger scales each key island
// needs its own. The islands the content rules name (Diaoyu Dao, Chiwei Yu,
// Huangyan Dao, Zengmu Ansha) are always checked one by one. Maps and pictures alike.
inline constexpr double kGroupLevelScale = 4'000'000;

struct CheckOptions {
    std::vector<std::string> layers; // empty = all layers
    std::string assumeCrs; // the CRS of layers whose own is missing, unreadable or contradicted
    std::optional<double> scale;          // denominator; estimated when absent
    std::string countryField, chinaValue; // the owner field and its China value, given
    std::optional<MapKind> kind;          // the map's kind, given instead of detected
    std::string encoding;                 // shapefile attribute encoding override
    double toleranceMm = 0.5;             // on paper, at the map's scale
};

// The owner attribution in brief (MapProfile::owner has it all).
struct CountryDetection {
    std::string field;  // "" = no owner attribute: decided by the map's kind
    std::string value;  // a value that means China
    std::string reason; // how it was decided, for the report
};

// Something about how the map was read that the inspector should know (a CRS
// taken for a layer, shapefile parts that disagree).
struct ReadingNote {
    std::string zh, en;
};

// A review number (审图号) found on the map, and where (review_number.h).
struct ReviewNumberSeen {
    std::string text;   // as it stands there
    std::string origin; // "layer:fid field", "file metadata DESCRIPTION", "picture (x, y)"
    bool wellFormed = false;
};

struct CheckReport {
    std::string dataset;
    std::vector<std::string> layers;
    CountryDetection country;
    MapProfile profile;
    double scaleDenominator = 0;
    bool scaleEstimated = false;
    double toleranceKm = 0;
    // The land border, territory and dashed-line rules': no finer than the
    // pack's lines.
    double lineToleranceKm = 0;
    std::string packId, packVersion, packDigest;
    bool packVerified = false;
    std::vector<Finding> findings;
    std::int64_t featuresRead = 0;
    std::vector<ReadingNote> readingNotes;
    std::vector<ReviewNumberSeen> reviewNumbers;
    bool fromImage = false; // a picture of a map, checked by its colours (raster_checks.h)

    bool isProblem() const; // any error finding
    const char* verdict() const { return isProblem() ? "problem" : "pass"; }
};

// The check of map data (vector layers); a picture of a map is checked by
// imagery/raster_checks.h, and inspection/check_map.h chooses between them.
// Throws InputError when the dataset cannot be read, Canceled on cancel.
CheckReport checkDataset(const std::filesystem::path& path, const refpack::ReferencePack& pack,
                         const CheckOptions& options = {}, Feedback* feedback = nullptr);

} // namespace mapaudit::check
