// A South China Sea inset（南海诸岛附图）: the islands and dashes drawn again,
// smaller, somewhere else on the map. Found by a layer's name, or by matching
// the reference dashes to small parts inside a rectangular frame (or a named
// layer) under a scale and a shift; then checked in its own transform.
#include "map_profile_detect.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/geos_ops.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace mapaudit::check {
namespace {

// A frame's content: parts no larger than this share of the frame's size.
constexpr double kSmallPartShare = 0.25;
constexpr std::size_t kMaxCandidates = 400;
// A transformed dash is matched by a small part whose centre lies this close
// (in true degrees, scaled with the inset).
constexpr double kMatchRadiusDeg = 0.45;
constexpr int kMinDashesMatched = 6;
constexpr double kMinScale = 0.02, kMaxScale = 1.5;
// A frame is at least this share of the true inset's size, and few maps have more
// than a handful of frames.
constexpr double kMinFrameShare = 0.05;
constexpr std::size_t kMaxFrames = 32;
// Two directions this close (radians) are the same: insets are not turned.
constexpr double kDirectionTolerance = 0.08;

bool namedInset(const std::string& layer) {
    const std::string l = toLowerAscii(layer);
    return l.find("inset") != std::string::npos || layer.find("南海诸岛") != std::string::npos ||
           layer.find("附图") != std::string::npos || layer.find("南海諸島") != std::string::npos;
}

struct Box {
    double minX, minY, maxX, maxY;
    double diagonal() const { return std::hypot(maxX - minX, maxY - minY); }
    bool contains(double x, double y) const {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }
};

Box boxOf(const GeosContext& c, const GEOSGeometry& g) {
    const geos::Bounds b = geos::bounds(c, g);
    return {b.minX, b.minY, b.maxX, b.maxY};
}

// An axis-aligned rectangle, drawn as a polygon or a closed line.
bool isRectangle(const GeosContext& c, const GEOSGeometry& g) {
    if (GEOSGetNumCoordinates_r(c.handle(), &g) > 12)
        return false;
    const Box b = boxOf(c, g);
    const double w = b.maxX - b.minX, h = b.maxY - b.minY;
    if (w <= 0 || h <= 0)
        return false;
    const int type = GEOSGeomTypeId_r(c.handle(), &g);
    if (type == GEOS_POLYGON)
        return geos::area(c, g) > 0.97 * w * h;
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING)
        return GEOSisClosed_r(c.handle(), &g) == 1 &&
               std::fabs(geos::length(c, g) - 2 * (w + h)) < 0.03 * 2 * (w + h);
    return false;
}

struct Candidate {
    double x, y; // centre of a small part
};

struct Fit {
    double scale = 1, offsetX = 0, offsetY = 0;
    int matched = 0;
};

std::pair<double, double> centreOf(const GeosContext& c, const GEOSGeometry& g) {
    const Box b = boxOf(c, g);
    return {(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2};
}

int countMatches(const std::vector<std::pair<double, double>>& dashes,
                 const std::vector<Candidate>& cands, double s, double ox, double oy) {
    const double r = kMatchRadiusDeg * s;
    int n = 0;
    for (const auto& [dx, dy] : dashes) {
        const double tx = s * dx + ox, ty = s * dy + oy;
        for (const Candidate& k : cands)
            if (std::fabs(k.x - tx) <= r && std::fabs(k.y - ty) <= r) {
                ++n;
                break;
            }
    }
    return n;
}

// The scale and shift taking the reference dash centres onto the candidates:
// every pair of far-apart dashes against every pair of candidates in the same
// direction, kept when most dashes then find a candidate.
Fit fitDashes(const std::vector<std::pair<double, double>>& dashes,
              const std::vector<Candidate>& cands) {
    Fit best;
    const std::pair<int, int> pairs[] = {{1, 8}, {2, 7}, {0, 9}, {3, 9}, {1, 6}};
    for (const auto& [i, j] : pairs) {
        if (i >= int(dashes.size()) || j >= int(dashes.size()))
            continue;
        const double rx = dashes[j].first - dashes[i].first,
                     ry = dashes[j].second - dashes[i].second;
        const double rl = std::hypot(rx, ry), ra = std::atan2(ry, rx);
        for (const Candidate& a : cands)
            for (const Candidate& b : cands) {
                const double cx = b.x - a.x, cy = b.y - a.y;
                const double cl = std::hypot(cx, cy);
                if (cl <= 0 ||
                    std::fabs(std::remainder(std::atan2(cy, cx) - ra, 2 * std::numbers::pi)) >
                        kDirectionTolerance)
                    continue;
                const double s = cl / rl;
                if (s < kMinScale || s > kMaxScale)
                    continue;
                const double ox = a.x - s * dashes[i].first, oy = a.y - s * dashes[i].second;
                const int m = countMatches(dashes, cands, s, ox, oy);
                if (m > best.matched)
                    best = {s, ox, oy, m};
            }
        if (best.matched >= int(dashes.size()) - 1)
            break;
    }
    return best;
}

struct MovedBack {
    double s, ox, oy;
};

GeosGeometryPtr moveBack(const GeosContext& c, const GEOSGeometry& g, const MovedBack& t) {
    MovedBack copy = t;
    GEOSGeometry* out = GEOSGeom_transformXY_r(
        c.handle(), &g,
        [](double* x, double* y, void* data) {
            const auto* m = static_cast<const MovedBack*>(data);
            *x = (*x - m->ox) / m->s;
            *y = (*y - m->oy) / m->s;
            return 1;
        },
        &copy);
    return adopt(c, out);
}

} // namespace

std::optional<InsetRole> detectInset(const GeosContext& c, MapInput& input,
                                     const std::vector<const GEOSGeometry*>& dashGeoms,
                                     const GEOSGeometry& insetFrame) {
    std::vector<std::pair<double, double>> dashes;
    for (const GEOSGeometry* d : dashGeoms)
        dashes.push_back(centreOf(c, *d));
    const Box trueFrame = boxOf(c, insetFrame);

    // Where an inset may be: named layers, and rectangles not around the true sea.
    struct Place {
        Box box;
        std::string layer; // a named layer: all of it
    };
    std::vector<Place> places;
    std::vector<std::string> named;
    // A lone layer takes its name from the file (GeoJSON, shapefile): the
    // file's name says nothing of a part's role.
    for (const std::string& layer : input.layers)
        if (input.layers.size() > 1 && namedInset(layer)) {
            named.push_back(layer);
            Extent e{};
            bool any = false;
            for (const InputFeature& f : input.features)
                if (f.layer == layer) {
                    const Box b = boxOf(c, *f.geometry);
                    e = any ? e.united({b.minX, b.minY, b.maxX, b.maxY})
                            : Extent{b.minX, b.minY, b.maxX, b.maxY};
                    any = true;
                }
            if (any)
                places.push_back({{e.minX, e.minY, e.maxX, e.maxY}, layer});
        }
    // Every part's box once: a 10 m world map has a hundred thousand islets.
    struct PartBox {
        const InputFeature* feature;
        Box box;
        bool rectangle;
    };
    std::vector<PartBox> boxes;
    for (const InputFeature& f : input.features)
        for (const GEOSGeometry* part : geos::parts(c, *f.geometry))
            boxes.push_back({&f, boxOf(c, *part), isRectangle(c, *part)});
    const double minFrame = kMinFrameShare * trueFrame.diagonal();
    for (const PartBox& p : boxes) {
        const bool aroundTrueSea = p.box.contains((trueFrame.minX + trueFrame.maxX) / 2,
                                                  (trueFrame.minY + trueFrame.maxY) / 2);
        if (p.rectangle && !aroundTrueSea && p.box.diagonal() >= minFrame &&
            p.box.diagonal() < trueFrame.diagonal() * kMaxScale && places.size() < kMaxFrames)
            places.push_back({p.box, ""});
    }

    for (const Place& place : places) {
        std::vector<Candidate> cands;
        const double small = kSmallPartShare * place.box.diagonal();
        for (const PartBox& p : boxes) {
            if (!place.layer.empty() && p.feature->layer != place.layer)
                continue;
            const double x = (p.box.minX + p.box.maxX) / 2, y = (p.box.minY + p.box.maxY) / 2;
            if (p.box.diagonal() <= small && place.box.contains(x, y) && !p.rectangle)
                cands.push_back({x, y});
        }
        if (cands.size() < std::size_t(kMinDashesMatched) || cands.size() > kMaxCandidates)
            continue;
        const Fit fit = fitDashes(dashes, cands);
        const bool identity = std::fabs(fit.scale - 1) < 0.02 && std::fabs(fit.offsetX) < 0.1 &&
                              std::fabs(fit.offsetY) < 0.1;
        if (identity && fit.matched >= kMinDashesMatched)
            std::erase(named, place.layer); // drawn in place: the main map's rules see it
        if (fit.matched < kMinDashesMatched || identity)
            continue;

        InsetRole role;
        role.how = place.layer.empty() ? "matched" : "layer";
        role.scale = fit.scale;
        role.offsetX = fit.offsetX;
        role.offsetY = fit.offsetY;
        role.dashesMatched = fit.matched;
        role.trueFrame = InsetRole::Frame{
            (place.box.minX - fit.offsetX) / fit.scale, (place.box.minY - fit.offsetY) / fit.scale,
            (place.box.maxX - fit.offsetX) / fit.scale, (place.box.maxY - fit.offsetY) / fit.scale};
        // The inset's features, moved back to their true place.
        const MovedBack back{fit.scale, fit.offsetX, fit.offsetY};
        std::vector<InputFeature> copies;
        for (InputFeature& f : input.features) {
            if (f.inInset)
                continue;
            // The parts inside the frame (a China MultiPolygon may carry its
            // inset as parts of its own); all of a named layer.
            std::vector<GeosGeometryPtr> inside;
            std::size_t total = 0;
            for (const GEOSGeometry* part : geos::parts(c, *f.geometry)) {
                ++total;
                const auto [x, y] = centreOf(c, *part);
                if (!(place.layer.empty() ? place.box.contains(x, y) : f.layer == place.layer))
                    continue;
                // Moved back as lines and points: they show the dashes and
                // islands, not whose land is where.
                if (GeosGeometryPtr moved = moveBack(c, *part, back))
                    inside.push_back(f.kind == Kind::Area ? geos::boundary(c, *moved)
                                                          : std::move(moved));
            }
            if (inside.empty())
                continue;
            // Wholly inside: the feature is the inset's, judged only through its copy.
            f.inInset = inside.size() == total;
            if (std::find(role.layers.begin(), role.layers.end(), f.layer) == role.layers.end())
                role.layers.push_back(f.layer);
            InputFeature copy;
            copy.layer = f.layer + " [inset]";
            copy.fid = f.fid;
            copy.fields = f.fields;
            copy.inArea = true;
            copy.kind = f.kind == Kind::Symbol ? Kind::Symbol : Kind::Line;
            GeosGeometryPtr all = geos::collect(c, std::move(inside));
            copy.geometry = copy.kind == Kind::Line ? geos::linealParts(c, *all) : std::move(all);
            copies.push_back(std::move(copy));
        }
        for (InputFeature& copy : copies)
            input.features.push_back(std::move(copy));
        role.evidence =
            std::to_string(fit.matched) + " of " + std::to_string(dashes.size()) +
            " reference dashes matched inside " +
            (place.layer.empty() ? "a rectangular frame" : "layer '" + place.layer + "'") +
            " at scale " + oneDecimal(fit.scale * 100) + "% shifted by (" +
            oneDecimal(fit.offsetX) + "°, " + oneDecimal(fit.offsetY) + "°)";
        return role;
    }
    if (!named.empty()) {
        InsetRole role;
        role.how = "layer";
        role.layers = named;
        role.evidence = "layer '" + named.front() +
                        "' is named as an inset; its content did not match the reference dashes "
                        "under a scale and shift, so it is taken on its name";
        return role;
    }
    return std::nullopt;
}

} // namespace mapaudit::check
