#include "feature_reader.h"

#include "background_threads.h"
#include "layer_crs.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/geodata/geos_ops.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace mapaudit::check {

struct FeatureReader::State {
    GeosContext geos; // the reader's; declared first so it outlives the queue
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<RawFeature> queue;
    std::vector<std::string> layers;
    std::vector<ReadingNote> notes;
    std::vector<SourceText> texts;
    bool finished = false;
    bool abandoned = false;
    std::shared_ptr<std::atomic<bool>> done = std::make_shared<std::atomic<bool>>(false);
    std::exception_ptr error;
};

namespace {

// Features read ahead of the checker: enough to keep both busy, few enough
// not to hold a second copy of a large dataset.
constexpr std::size_t kQueueLimit = 64;
constexpr auto kCancelPoll = std::chrono::milliseconds(5);

using State = FeatureReader::State;

Kind kindOf(const OGRGeometry& g) {
    switch (OGR_GT_GetCollection(wkbFlatten(g.getGeometryType()))) {
    case wkbMultiPolygon:
        return Kind::Area;
    case wkbMultiLineString:
        return Kind::Line;
    default:
        break;
    }
    // Collections: the highest dimension present decides.
    return g.getDimension() == 2 ? Kind::Area : g.getDimension() == 1 ? Kind::Line : Kind::Symbol;
}

// False when the reader was abandoned meanwhile.
bool push(State& s, RawFeature f) {
    std::unique_lock lock(s.mutex);
    s.changed.wait(lock, [&] { return s.abandoned || s.queue.size() < kQueueLimit; });
    if (s.abandoned)
        return false;
    s.queue.push_back(std::move(f));
    s.changed.notify_all();
    return true;
}

bool abandoned(State& s) {
    const std::lock_guard lock(s.mutex);
    return s.abandoned;
}

// GEOS geometry, envelope and clipping of one feature's OGR geometry.
void convert(const GeosContext& c, const OGRGeometry& g, const Extent& aoi, RawFeature& raw) {
    raw.geometry = toGeos(c, g);
    if (!raw.geometry) {
        raw.unreadable = c.lastError();
        return;
    }
    OGREnvelope env;
    g.getEnvelope(&env);
    raw.envelope = {env.MinX, env.MinY, env.MaxX, env.MaxY};
    const bool outside =
        env.MaxX < aoi.minX || env.MinX > aoi.maxX || env.MaxY < aoi.minY || env.MinY > aoi.maxY;
    const bool inside = env.MinX >= aoi.minX && env.MaxX <= aoi.maxX && env.MinY >= aoi.minY &&
                        env.MaxY <= aoi.maxY;
    raw.inArea = !outside;
    if (outside || inside || raw.kind == Kind::Symbol)
        return;
    GeosGeometryPtr clipped = adopt(c, GEOSClipByRect_r(c.handle(), raw.geometry.get(), aoi.minX,
                                                        aoi.minY, aoi.maxX, aoi.maxY));
    // Only its envelope reached the area: it counts as wholly outside.
    if (clipped && !geos::isEmpty(c, *clipped))
        raw.geometry = std::move(clipped);
    else
        raw.inArea = false;
}

// Metadata items "KEY=value" of the default domain, as texts from `origin`.
void addMetadata(std::vector<SourceText>& texts, GDALMajorObject& object,
                 const std::string& origin) {
    CSLConstList items = object.GetMetadata();
    for (CSLConstList item = items; item && *item; ++item) {
        const std::string entry = *item;
        const auto eq = entry.find('=');
        if (eq == std::string::npos || eq + 1 == entry.size())
            continue;
        texts.push_back({origin + " " + entry.substr(0, eq), entry.substr(eq + 1)});
    }
}

void readAll(State& s, const std::filesystem::path& path, const ReadRequest& request) {
    const std::vector<std::string>& only = request.layers;
    const Extent& aoi = request.areaOfInterest;
    OpenedDataset opened = openDataset(path, OpenOptions{request.encoding, false});
    GDALDataset& ds = *opened.dataset;
    for (const Message& w : opened.warnings) {
        const std::lock_guard lock(s.mutex);
        s.notes.push_back({w.text(Language::Chinese), w.text(Language::English)});
    }
    for (const auto& name : only)
        if (!ds.GetLayerByName(name.c_str()))
            throw InputError(msg("{}: has no layer '{}' — see `mapaudit info`", path, name));
    std::vector<OGRLayer*> layers;
    // Drivers read a layer's definition (and its CRS) lazily: what they say
    // then counts as said while opening.
    {
        GdalErrorCapture layerErrors;
        for (int i = 0; i < ds.GetLayerCount(); ++i) {
            OGRLayer* layer = ds.GetLayer(i);
            if (layer->GetLayerDefn()->GetGeomFieldCount() > 0 &&
                (only.empty() ||
                 std::find(only.begin(), only.end(), layer->GetName()) != only.end()))
                layers.push_back(layer);
        }
        for (std::string& line : layerErrors.lines())
            opened.gdalMessages.push_back(std::move(line));
    }
    {
        std::vector<SourceText> texts{{"file name", path.filename().string()}};
        addMetadata(texts, ds, "file metadata");
        for (OGRLayer* layer : layers) {
            texts.push_back({"layer name", layer->GetName()});
            addMetadata(texts, *layer, std::string("layer '") + layer->GetName() + "' metadata");
        }
        const std::lock_guard lock(s.mutex);
        s.texts = std::move(texts);
    }
    for (std::size_t li = 0; li < layers.size(); ++li) {
        OGRLayer& layer = *layers[li];
        const std::string layerName = layer.GetName();
        {
            const std::lock_guard lock(s.mutex);
            s.layers.push_back(layerName);
        }
        LayerCrs crs = decideLayerCrs(layer, path, request.assumeCrs, opened.gdalMessages);
        if (crs.note) {
            const std::lock_guard lock(s.mutex);
            s.notes.push_back(*crs.note);
        }
        const CoordinateTransformationPtr ct = std::move(crs.toCgcs2000);
        GdalErrorCapture errors;
        const double expected = double(std::max<GIntBig>(1, layer.GetFeatureCount(FALSE)));
        std::int64_t n = 0;
        layer.ResetReading();
        for (OgrFeaturePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
            OGRGeometry* g = f->GetGeometryRef();
            if (!g || g->IsEmpty())
                continue;
            OgrGeometryPtr linear;
            g = linearised(g, linear);
            g->closeRings(); // rings left open by their writer are meant closed
            if (ct && g->transform(ct.get()) != OGRERR_NONE)
                throw InputError(msg("{}: layer '{}' feature {} cannot be transformed to CGCS2000",
                                     path, layerName, f->GetFID()));
            RawFeature raw;
            raw.layer = layerName;
            raw.fid = f->GetFID();
            raw.kind = kindOf(*g);
            OGRFeatureDefn* defn = f->GetDefnRef();
            for (int i = 0; i < defn->GetFieldCount(); ++i)
                if (f->IsFieldSetAndNotNull(i))
                    raw.fields[defn->GetFieldDefn(i)->GetNameRef()] = f->GetFieldAsString(i);
            convert(s.geos, *g, aoi, raw);
            raw.progress = (static_cast<double>(li) + std::min(1.0, double(++n) / expected)) /
                           static_cast<double>(layers.size());
            if (!push(s, std::move(raw)))
                return;
        }
        if (errors.hasFailure()) {
            const auto parts = shapefilePartsMismatch(path);
            throw InputError(msg("{}: layer '{}' could not be read completely ({}) — the file is "
                                 "damaged",
                                 path, layerName,
                                 parts ? *parts : verbatim(errors.firstMessage())));
        }
        if (abandoned(s))
            return;
    }
}

} // namespace

FeatureReader::FeatureReader(std::filesystem::path path, ReadRequest request)
    : state_(std::make_shared<State>()) {
    std::thread([s = state_, path = std::move(path), request = std::move(request)] {
        try {
            readAll(*s, path, request);
        } catch (...) {
            const std::lock_guard lock(s->mutex);
            s->error = std::current_exception();
        }
        const std::lock_guard lock(s->mutex);
        s->finished = true;
        s->done->store(true);
        s->changed.notify_all();
    }).swap(thread_);
}

FeatureReader::~FeatureReader() {
    bool finished = false;
    {
        const std::lock_guard lock(state_->mutex);
        state_->abandoned = true;
        state_->changed.notify_all();
        finished = state_->finished;
    }
    if (finished)
        thread_.join(); // past its last GDAL call
    else
        handOver(std::move(thread_), state_->done);
}

std::optional<RawFeature> FeatureReader::next(const GeosContext& ctx, const Feedback* feedback) {
    std::unique_lock lock(state_->mutex);
    for (;;) {
        if (feedback)
            feedback->throwIfCanceled();
        if (!state_->queue.empty()) {
            RawFeature f = std::move(state_->queue.front());
            state_->queue.pop_front();
            state_->changed.notify_all();
            // GEOS geometries are not tied to the context that made them; the
            // deleter is, and the reader's context may go first.
            f.geometry = adopt(ctx, f.geometry.release());
            return f;
        }
        if (state_->finished) {
            if (state_->error)
                std::rethrow_exception(state_->error);
            return std::nullopt;
        }
        state_->changed.wait_for(lock, kCancelPoll);
    }
}

std::vector<std::string> FeatureReader::layers() const {
    const std::lock_guard lock(state_->mutex);
    return state_->layers;
}

std::vector<ReadingNote> FeatureReader::notes() const {
    const std::lock_guard lock(state_->mutex);
    return state_->notes;
}

std::vector<SourceText> FeatureReader::texts() const {
    const std::lock_guard lock(state_->mutex);
    return state_->texts;
}

} // namespace mapaudit::check
