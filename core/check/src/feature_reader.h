// Reads a dataset's features on a thread of its own (internal): GDAL opens
// and reads, each geometry is reprojected to CGCS2000, converted to GEOS and
// clipped to the area of interest. Opening a large GeoJSON parses the whole
// file and cannot be interrupted, nor can converting a continent; on their
// own thread a cancel never waits for them, and the checker's work on the
// features read so far overlaps the reading.
#pragma once

#include "mapaudit/check/check_engine.h"
#include "mapaudit/geodata/crs.h"
#include "mapaudit/raii/geos_handles.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace mapaudit {
class Feedback;
}

namespace mapaudit::check {

enum class Kind { Area, Line, Symbol };

struct RawFeature {
    std::string layer;
    std::int64_t fid = -1;
    Kind kind = Kind::Symbol;
    std::map<std::string, std::string> fields; // all attributes as text
    // EPSG:4490 lon/lat, curves linearised; lines and areas reaching across
    // the area of interest clipped to it. Null when GEOS refused it.
    GeosGeometryPtr geometry;
    std::string unreadable; // why GEOS refused it
    Extent envelope;        // before clipping
    bool inArea = false;    // something of it lies in the area of interest
    double progress = 0;    // share of the dataset read so far
};

// Text that belongs to the map rather than to a feature: the file's and the
// layers' names and metadata (a GeoPackage's description, GDAL metadata items).
struct SourceText {
    std::string origin; // "file name", "layer 'x' metadata DESCRIPTION", …
    std::string text;
};

struct ReadRequest {
    std::vector<std::string> layers; // empty: every layer with geometry
    std::string encoding;            // shapefile attribute encoding override
    std::string assumeCrs;           // see CheckOptions::assumeCrs
    Extent areaOfInterest;
};

class FeatureReader {
public:
    // Starts reading at once.
    FeatureReader(std::filesystem::path path, ReadRequest request);
    // Abandons the reading: the thread stops after its current GDAL call.
    ~FeatureReader();
    FeatureReader(const FeatureReader&) = delete;
    FeatureReader& operator=(const FeatureReader&) = delete;

    // The next feature, its geometry owned through `ctx`; nullopt when all
    // are read. Rethrows the reader's InputError; throws Canceled within a
    // few milliseconds of a cancel.
    std::optional<RawFeature> next(const GeosContext& ctx, const Feedback* feedback);
    // Names of the layers read, in order (complete once next() returned nullopt).
    std::vector<std::string> layers() const;
    // How the reading went: CRSs taken, parts that disagree (complete likewise).
    std::vector<ReadingNote> notes() const;
    // The map's own texts (complete likewise).
    std::vector<SourceText> texts() const;

    struct State;

private:
    std::shared_ptr<State> state_;
    std::thread thread_;
};

} // namespace mapaudit::check
