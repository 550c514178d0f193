// The map's kind, from what its polygons cover: the share of the reference
// mainland drawn, the share of the drawn land lying in China, how wide it is.
#include "map_profile_detect.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/geos_ops.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace mapaudit::check {
namespace {

// A map spanning this many degrees of longitude is a world map.
constexpr double kWorldLonSpan = 200;
// Drawn over this share of the mainland, a map shows China as a whole.
constexpr double kWholeMainland = 0.8;
// This share of the drawn land in China: a map of China (or a part of it).
constexpr double kMostlyChina = 0.8;
constexpr double kMostlyAbroad = 0.5;
// A provinces map naming this many of the 34 provinces is a map of China as a whole.
constexpr std::size_t kProvincesForWholeChina = 28;
// About this many grid points sample each share.
constexpr double kSamples = 900;
// Generalised coasts stray from the reference: land this close still counts as China's.
constexpr double kCoastReachDeg = 0.25;
// Fewer land samples than this (a map of islands): polygon parts are counted instead.
constexpr int kMinLandSamples = 30;
constexpr std::size_t kMaxPartPoints = 2000;

// Point-in-polygon tests against the map's area parts, each part prepared once.
class AreaSampler {
public:
    AreaSampler(const GeosContext& c, const MapInput& input) : c_(c) {
        tree_.reset(GEOSSTRtree_create_r(c.handle(), 10));
        tree_.get_deleter().ctx = c.handle();
        for (const InputFeature& f : input.features)
            if (f.kind == Kind::Area && f.inArea && !f.inInset)
                for (const GEOSGeometry* part : geos::parts(c, *f.geometry))
                    parts_.push_back(part);
        for (const GEOSGeometry*& p : parts_)
            GEOSSTRtree_insert_r(c.handle(), tree_.get(), p, const_cast<GEOSGeometry*>(p));
    }
    bool empty() const { return parts_.empty(); }
    // A point inside each part (at most kMaxPartPoints of them, spread evenly).
    std::vector<std::pair<double, double>> partPoints() const {
        std::vector<std::pair<double, double>> out;
        const std::size_t every = parts_.size() / kMaxPartPoints + 1;
        for (std::size_t i = 0; i < parts_.size(); i += every)
            if (GeosGeometryPtr p = geos::pointOnSurface(c_, *parts_[i])) {
                double x = 0, y = 0;
                GEOSGeomGetX_r(c_.handle(), p.get(), &x);
                GEOSGeomGetY_r(c_.handle(), p.get(), &y);
                out.emplace_back(x, y);
            }
        return out;
    }
    bool covered(double x, double y) {
        GeosGeometryPtr p = geos::point(c_, x, y);
        std::vector<const GEOSGeometry*> hits;
        GEOSSTRtree_query_r(
            c_.handle(), tree_.get(), p.get(),
            [](void* item, void* out) {
                static_cast<std::vector<const GEOSGeometry*>*>(out)->push_back(
                    static_cast<const GEOSGeometry*>(item));
            },
            &hits);
        for (const GEOSGeometry* h : hits) {
            auto& prepared = prepared_[h];
            if (!prepared)
                prepared = GeosPreparedPtr(GEOSPrepare_r(c_.handle(), h), {c_.handle()});
            if (GEOSPreparedContains_r(c_.handle(), prepared.get(), p.get()) == 1)
                return true;
        }
        return false;
    }

private:
    const GeosContext& c_;
    std::vector<const GEOSGeometry*> parts_;
    GeosStrTreePtr tree_;
    std::map<const GEOSGeometry*, GeosPreparedPtr> prepared_;
};

// Grid points over `bounds`, about kSamples of them within it.
template <typename Fn> void grid(double minX, double minY, double maxX, double maxY, Fn&& fn) {
    const double area = std::max(1e-9, (maxX - minX) * (maxY - minY));
    const double step = std::sqrt(area / kSamples);
    for (double y = minY + step / 2; y < maxY; y += step)
        for (double x = minX + step / 2; x < maxX; x += step)
            fn(x, y);
}

const GEOSGeometry* largestPart(const GeosContext& c, const GEOSGeometry& g) {
    const GEOSGeometry* best = nullptr;
    double bestArea = -1;
    for (const GEOSGeometry* p : geos::parts(c, g))
        if (const double a = geos::area(c, *p); a > bestArea) {
            best = p;
            bestArea = a;
        }
    return best;
}

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

} // namespace

void detectKind(const GeosContext& c, const MapInput& input, const GEOSGeometry& territory,
                const std::vector<const GEOSGeometry*>& chinaSeas, MapProfile& profile) {
    const Extent& e = input.extent;
    profile.lonSpan = e.maxX - e.minX;
    AreaSampler sampler(c, input);
    if (!sampler.empty()) {
        const GEOSGeometry* mainland = largestPart(c, territory);
        GeosPreparedPtr inMainland(GEOSPrepare_r(c.handle(), mainland), {c.handle()});
        const auto [x0, y0, x1, y1] = geos::bounds(c, *mainland);
        int inside = 0, drawn = 0;
        grid(x0, y0, x1, y1, [&](double x, double y) {
            GeosGeometryPtr p = geos::point(c, x, y);
            if (GEOSPreparedContains_r(c.handle(), inMainland.get(), p.get()) != 1)
                return;
            ++inside;
            drawn += sampler.covered(x, y) ? 1 : 0;
        });
        profile.mainlandShare = inside ? double(drawn) / inside : 0;

        // Where the map's land lies, sampled over its extent within reach of
        // China (its land, a little generalised, and its island seas).
        // (Prepared distance, not a buffer: buffering the territory at full
        // detail would cost more than the rest of the profile.)
        GeosPreparedPtr nearChina(GEOSPrepare_r(c.handle(), &territory), {c.handle()});
        std::vector<GeosPreparedPtr> seas;
        for (const GEOSGeometry* sea : chinaSeas)
            seas.emplace_back(GEOSPrepare_r(c.handle(), sea), GeosPreparedDeleter{c.handle()});
        auto chinese = [&](double x, double y) {
            GeosGeometryPtr p = geos::point(c, x, y);
            if (GEOSPreparedDistanceWithin_r(c.handle(), nearChina.get(), p.get(),
                                             kCoastReachDeg) == 1)
                return true;
            return std::any_of(seas.begin(), seas.end(), [&](const GeosPreparedPtr& s) {
                return GEOSPreparedContains_r(c.handle(), s.get(), p.get()) == 1;
            });
        };
        int land = 0, landInChina = 0;
        grid(std::max(e.minX, x0 - 30), std::max(e.minY, y0 - 20), std::min(e.maxX, x1 + 30),
             std::min(e.maxY, y1 + 20), [&](double x, double y) {
                 if (!sampler.covered(x, y))
                     return;
                 ++land;
                 landInChina += chinese(x, y);
             });
        // Islands slip through a grid: then each polygon part counts once.
        if (land < kMinLandSamples) {
            land = landInChina = 0;
            for (const auto& [x, y] : sampler.partPoints()) {
                ++land;
                landInChina += chinese(x, y);
            }
        }
        profile.shareInChina = land ? double(landInChina) / land : 0;
    }
    if (profile.kindGiven)
        return;

    const std::string shares = "the map's polygons cover " + percent(profile.mainlandShare) +
                               " of the reference mainland; " + percent(profile.shareInChina) +
                               " of its land lies in China";
    // (Another country's map may span the globe too: Russia's or Fiji's across 180°.)
    if (profile.lonSpan >= kWorldLonSpan && profile.owner.scheme != "foreign_subdivision") {
        profile.kind = MapKind::World;
        profile.kindEvidence =
            "the data spans " + oneDecimal(profile.lonSpan) + "° of longitude; " + shares;
    } else if (sampler.empty()) {
        profile.kind = MapKind::Local;
        profile.kindEvidence = "no polygons near China: nothing shows a territory to judge";
    } else if (profile.owner.scheme == "province" &&
               profile.owner.provinces.size() >= kProvincesForWholeChina) {
        // Named province by province, whatever is drawn of them: China as a whole.
        profile.kind = MapKind::China;
        profile.kindEvidence = "its values name " + std::to_string(profile.owner.provinces.size()) +
                               " of China's 34 provinces; " + shares;
    } else if (profile.shareInChina >= kMostlyChina) {
        profile.kind =
            profile.mainlandShare >= kWholeMainland ? MapKind::China : MapKind::ChinaRegion;
        profile.kindEvidence = shares;
    } else if (profile.mainlandShare >= kWholeMainland) {
        profile.kind = MapKind::Regional;
        profile.kindEvidence = shares + ": China with its neighbours";
    } else if (profile.shareInChina < kMostlyAbroad && profile.owner.scheme != "country") {
        profile.kind = MapKind::ForeignNational;
        profile.kindEvidence =
            shares + (profile.owner.foreignCountry.empty()
                          ? std::string(": another country's map")
                          : ": a map of country '" + profile.owner.foreignCountry + "'");
    } else {
        profile.kind = MapKind::Regional;
        profile.kindEvidence = shares;
    }
}

} // namespace mapaudit::check
