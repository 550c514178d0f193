#include "map_input.h"

#include "background_threads.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/geodata/geos_ops.h"

#include <algorithm>
#include <memory>
#include <thread>

namespace mapaudit::check {
namespace {

// Reading is this share of the whole check's progress.
constexpr double kReadShareOfProgress = 0.3;

Finding repairFinding(const InputFeature& in, const InvalidGeometry& bad) {
    Finding r;
    r.rule = kGeomInvalid;
    r.code = "china";
    r.severity = Severity::Info;
    r.messageZh = "输入几何无效（" + bad.reason + "），已自动修复后核查";
    r.messageEn = "invalid input geometry (" + bad.reason + ") was repaired before checking";
    r.basis = "GEOS isValid; repaired with MakeValid";
    r.featureIds = {in.ref()};
    if (bad.location)
        r.geometryWkt = "POINT (" + std::to_string(bad.location->first) + " " +
                        std::to_string(bad.location->second) + ")";
    return r;
}

// Geometry GEOS refuses outright (a ring of fewer than four points).
Finding unreadableFinding(const InputFeature& in, const std::string& reason) {
    Finding r;
    r.rule = kGeomInvalid;
    r.code = "china";
    r.severity = Severity::Info;
    r.messageZh = "输入几何无法读取（" + reason + "），该要素未参与核查";
    r.messageEn = "input geometry cannot be read (" + reason + "); the feature was left out";
    r.basis = "GEOS WKB reader";
    r.featureIds = {in.ref()};
    return r;
}

} // namespace

void readMapInput(const GeosContext& ctx, const std::filesystem::path& path,
                  const ReadRequest& request, Feedback* feedback, MapInput& input) {
    FeatureReader reader(path, request);
    while (std::optional<RawFeature> raw = reader.next(ctx, feedback)) {
        if (feedback)
            feedback->setProgress(kReadShareOfProgress * raw->progress);
        InputFeature in;
        in.layer = std::move(raw->layer);
        in.fid = raw->fid;
        in.kind = raw->kind;
        in.fields = std::move(raw->fields);
        if (!raw->geometry) {
            input.repairs.push_back(unreadableFinding(in, raw->unreadable));
            continue;
        }
        in.geometry = std::move(raw->geometry);
        in.inArea = raw->inArea;
        if (geos::isEmpty(ctx, *in.geometry))
            continue;
        input.extent = input.extent.united(raw->envelope);
        input.features.push_back(std::move(in));
    }
    input.layers = reader.layers();
    input.notes = reader.notes();
    input.texts = reader.texts();
    if (input.features.empty() && !input.repairs.empty())
        throw InputError(msg("{}: none of its {} geometries can be read ({}) — repair them in a "
                             "GIS, or run `mapaudit validate` to see each",
                             path, input.repairs.size(), input.repairs.front().messageEn));
    if (input.features.empty())
        throw InputError(msg("{}: no features with geometry to check", path));
}

void disposeInBackground(MapInput&& input) {
    // The geometries must not outlive the context their deleters name: they
    // move to a context of the disposing thread's own.
    auto ctx = std::make_unique<GeosContext>();
    for (InputFeature& f : input.features)
        f.geometry = adopt(*ctx, f.geometry.release());
    auto doomed = std::make_shared<MapInput>(std::move(input));
    runInBackground(
        [ctx = std::shared_ptr<GeosContext>(std::move(ctx)), doomed = std::move(doomed)]() mutable {
            doomed.reset(); // before the context its geometries name
            ctx.reset();
        });
}

void prepareAreas(const GeosContext& ctx, MapInput& input, double tolerance,
                  const SubFeedback& progress) {
    std::size_t done = 0;
    for (InputFeature& in : input.features) {
        progress.throwIfCanceled();
        progress.setProgress(static_cast<double>(done++) /
                             static_cast<double>(input.features.size()));
        if (in.kind != Kind::Area || !in.inArea)
            continue;
        if (auto bad = checkValidity(ctx, *in.geometry))
            input.repairs.push_back(repairFinding(in, *bad));
        // A country's holes are its lakes and reservoirs: its land all the
        // same. "Holes" outside the outline are land of their own.
        const GeosGeometryPtr filled = geos::reshapeHoles(
            ctx, *in.geometry, [&](const GEOSGeometry& ring, const GEOSGeometry& shell) {
                return geos::ringOutsideShell(ctx, ring, shell) ? geos::HoleFate::OwnPart
                                                                : geos::HoleFate::Drop;
            });
        in.geometry = validGeneralised(ctx, *filled, tolerance);
    }
}

} // namespace mapaudit::check
