// A map dataset read for checking: every feature in EPSG:4490 as GEOS, with
// its texts and layer/fid, invalid geometry repaired (internal).
#pragma once

#include "feature_reader.h"
#include "mapaudit/check/finding.h"
#include "mapaudit/geodata/crs.h"
#include "mapaudit/raii/geos_handles.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace mapaudit {
class Feedback;
class SubFeedback;
} // namespace mapaudit

namespace mapaudit::check {

// Whose land a polygon is, as the map profile reads it (map_profile_detect.h).
enum class Owner { Neutral, China, Foreign };

struct InputFeature {
    std::string layer;
    std::int64_t fid = -1;
    Kind kind = Kind::Symbol;
    GeosGeometryPtr geometry;                  // EPSG:4490
    bool inArea = false;                       // reaches the area of interest
    std::map<std::string, std::string> fields; // all attributes as text
    Owner owner = Owner::Neutral;
    std::string ownerName; // for messages: the country value or the unit's name
    bool inInset = false;  // part of a South China Sea inset, at its displaced place
    std::string ref() const { return layer + ":" + std::to_string(fid); }
};

struct MapInput {
    std::vector<std::string> layers;
    std::vector<InputFeature> features;
    std::vector<Finding> repairs; // GEOM-INVALID
    Extent extent{0, 0, -1, -1};  // lon/lat of all features
    std::vector<ReadingNote> notes;
    std::vector<SourceText> texts; // the file's and layers' names and metadata
};

// Geometry is clipped to the request's area of interest (lon/lat): nothing outside it is
// examined, and repairing whole continents would take minutes. Features
// wholly outside keep their raw geometry for the extent and the index only.
// Fills `into` (owned by the caller so that a canceled read can be freed
// elsewhere: freeing a continent's geometry takes a noticeable time).
void readMapInput(const GeosContext& ctx, const std::filesystem::path& path,
                  const ReadRequest& request, Feedback* feedback, MapInput& into);
// Frees the input on a thread of its own, so a canceled check returns at once.
void disposeInBackground(MapInput&& input);

// Makes the area features within the area of interest ready for overlay at
// `tolerance` degrees: invalid ones are reported (GEOM-INVALID) and repaired,
// large parts generalised (see validGeneralised).
void prepareAreas(const GeosContext& ctx, MapInput& input, double tolerance,
                  const SubFeedback& progress);

} // namespace mapaudit::check
