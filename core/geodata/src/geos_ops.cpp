#include "mapaudit/geodata/geos_ops.h"

#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace mapaudit::geos {
namespace {

GeosGeometryPtr check(const GeosContext& c, GEOSGeometry* g, const char* what) {
    if (!g)
        throw std::runtime_error(std::string("GEOS ") + what + " failed: " + c.lastError());
    return adopt(c, g);
}

bool checkBool(const GeosContext& c, char r, const char* what) {
    if (r == 2)
        throw std::runtime_error(std::string("GEOS ") + what + " failed: " + c.lastError());
    return r == 1;
}

GEOSGeometry* ringFrom(const GeosContext& c, std::vector<std::pair<double, double>> xy) {
    if (xy.front() != xy.back())
        xy.push_back(xy.front());
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(c.handle(), static_cast<unsigned>(xy.size()), 2);
    for (unsigned i = 0; i < xy.size(); ++i)
        GEOSCoordSeq_setXY_r(c.handle(), seq, i, xy[i].first, xy[i].second);
    return GEOSGeom_createLinearRing_r(c.handle(), seq); // takes the sequence
}

// Collects the parts of dimension `dim` from any geometry, recursively.
void collect(const GeosContext& c, const GEOSGeometry& g, int typeId,
             std::vector<GEOSGeometry*>& out) {
    const int n = GEOSGetNumGeometries_r(c.handle(), &g);
    if (n > 1 || GEOSGeomTypeId_r(c.handle(), &g) >= GEOS_MULTIPOINT) {
        for (int i = 0; i < n; ++i)
            collect(c, *GEOSGetGeometryN_r(c.handle(), &g, i), typeId, out);
        return;
    }
    if (GEOSGeomTypeId_r(c.handle(), &g) == typeId && !GEOSisEmpty_r(c.handle(), &g))
        out.push_back(GEOSGeom_clone_r(c.handle(), &g));
}

GeosGeometryPtr collection(const GeosContext& c, int collectionType,
                           std::vector<GEOSGeometry*> items) {
    return check(c,
                 GEOSGeom_createCollection_r(c.handle(), collectionType, items.data(),
                                             static_cast<unsigned>(items.size())),
                 "collection");
}

// Floating-point overlay can fail on nearly coincident edges (a
// TopologyException); snap-rounding to a fine grid is robust and moves
// coordinates by at most half the grid.
constexpr double kSnapGrid = 1e-9;

template <typename Op, typename PrecOp>
GeosGeometryPtr robustOverlay(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b,
                              Op op, PrecOp precOp, const char* what) {
    if (GEOSGeometry* r = op(c.handle(), &a, &b))
        return adopt(c, r);
    return check(c, precOp(c.handle(), &a, &b, kSnapGrid), what);
}

} // namespace

GeosGeometryPtr clone(const GeosContext& c, const GEOSGeometry& g) {
    return check(c, GEOSGeom_clone_r(c.handle(), &g), "clone");
}

GeosGeometryPtr box(const GeosContext& c, double minX, double minY, double maxX, double maxY) {
    return check(c, GEOSGeom_createRectangle_r(c.handle(), minX, minY, maxX, maxY), "rectangle");
}

GeosGeometryPtr point(const GeosContext& c, double x, double y) {
    return check(c, GEOSGeom_createPointFromXY_r(c.handle(), x, y), "point");
}

GeosGeometryPtr lineString(const GeosContext& c, const std::vector<std::pair<double, double>>& xy) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(c.handle(), static_cast<unsigned>(xy.size()), 2);
    for (unsigned i = 0; i < xy.size(); ++i)
        GEOSCoordSeq_setXY_r(c.handle(), seq, i, xy[i].first, xy[i].second);
    return check(c, GEOSGeom_createLineString_r(c.handle(), seq), "line string");
}

GeosGeometryPtr polygon(const GeosContext& c, std::vector<std::pair<double, double>> ring) {
    GEOSGeometry* shell = ringFrom(c, std::move(ring));
    return check(c, GEOSGeom_createPolygon_r(c.handle(), shell, nullptr, 0), "polygon");
}

GeosGeometryPtr unite(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b) {
    return robustOverlay(c, a, b, GEOSUnion_r, GEOSUnionPrec_r, "union");
}

GeosGeometryPtr collect(const GeosContext& c, std::vector<GeosGeometryPtr> parts) {
    std::vector<GEOSGeometry*> raw;
    for (auto& p : parts)
        raw.push_back(p.release()); // the collection takes them
    return collection(c, GEOS_GEOMETRYCOLLECTION, std::move(raw));
}

GeosGeometryPtr unaryUnion(const GeosContext& c, const GEOSGeometry& g) {
    if (GEOSGeometry* r = GEOSUnaryUnion_r(c.handle(), &g))
        return adopt(c, r);
    return check(c, GEOSUnaryUnionPrec_r(c.handle(), &g, kSnapGrid), "unary union");
}

namespace {

// Groups of parts whose envelopes touch, directly or through others (union-find
// over an STRtree): parts of different groups cannot meet.
std::vector<std::vector<std::size_t>> envelopeGroups(const GeosContext& c,
                                                     const std::vector<GeosGeometryPtr>& parts) {
    std::vector<std::size_t> parent(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i)
        parent[i] = i;
    const auto root = [&](std::size_t i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    std::unique_ptr<GEOSSTRtree, std::function<void(GEOSSTRtree*)>> tree(
        GEOSSTRtree_create_r(c.handle(), 10),
        [&c](GEOSSTRtree* t) { GEOSSTRtree_destroy_r(c.handle(), t); });
    std::vector<std::size_t> ids(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        ids[i] = i;
        GEOSSTRtree_insert_r(c.handle(), tree.get(), parts[i].get(), &ids[i]);
    }
    struct Query {
        std::size_t self;
        std::vector<std::size_t> hits;
    } q;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        q.self = i;
        q.hits.clear();
        GEOSSTRtree_query_r(
            c.handle(), tree.get(), parts[i].get(),
            [](void* item, void* data) {
                static_cast<Query*>(data)->hits.push_back(*static_cast<std::size_t*>(item));
            },
            &q);
        for (std::size_t j : q.hits)
            parent[root(j)] = root(i);
    }
    std::map<std::size_t, std::vector<std::size_t>> byRoot;
    for (std::size_t i = 0; i < parts.size(); ++i)
        byRoot[root(i)].push_back(i);
    std::vector<std::vector<std::size_t>> groups;
    for (auto& [r, members] : byRoot)
        groups.push_back(std::move(members));
    return groups;
}

bool validPolygonal(const GeosContext& c, const GEOSGeometry& g) {
    const int type = GEOSGeomTypeId_r(c.handle(), &g);
    return (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) &&
           GEOSisValid_r(c.handle(), &g) == 1;
}

} // namespace

GeosGeometryPtr unionAll(const GeosContext& c, std::vector<GeosGeometryPtr> parts) {
    return unaryUnion(c, *collect(c, std::move(parts)));
}

GeosGeometryPtr unionGrouped(const GeosContext& c, std::vector<GeosGeometryPtr> parts) {
    for (const auto& p : parts)
        if (!validPolygonal(c, *p))
            return unaryUnion(c, *collect(c, std::move(parts)));
    // Only parts whose envelopes meet need an overlay; thousands of separate
    // islands or parcels are collected as they are.
    std::vector<GEOSGeometry*> polygons;
    const auto take = [&](GeosGeometryPtr g) {
        const int n = GEOSGetNumGeometries_r(c.handle(), g.get());
        if (GEOSGeomTypeId_r(c.handle(), g.get()) == GEOS_POLYGON) {
            polygons.push_back(g.release());
            return;
        }
        for (int i = 0; i < n; ++i)
            if (GEOSGeomTypeId_r(c.handle(), GEOSGetGeometryN_r(c.handle(), g.get(), i)) ==
                GEOS_POLYGON)
                polygons.push_back(
                    GEOSGeom_clone_r(c.handle(), GEOSGetGeometryN_r(c.handle(), g.get(), i)));
    };
    try {
        for (const auto& group : envelopeGroups(c, parts)) {
            if (group.size() == 1) {
                take(std::move(parts[group.front()]));
                continue;
            }
            std::vector<GeosGeometryPtr> members;
            for (std::size_t i : group)
                members.push_back(std::move(parts[i]));
            take(unaryUnion(c, *collect(c, std::move(members))));
        }
    } catch (...) {
        for (GEOSGeometry* g : polygons)
            GEOSGeom_destroy_r(c.handle(), g);
        throw;
    }
    return collection(c, GEOS_MULTIPOLYGON, std::move(polygons));
}

GeosGeometryPtr intersection(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b) {
    return robustOverlay(c, a, b, GEOSIntersection_r, GEOSIntersectionPrec_r, "intersection");
}

GeosGeometryPtr difference(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b) {
    return robustOverlay(c, a, b, GEOSDifference_r, GEOSDifferencePrec_r, "difference");
}

GeosGeometryPtr buffer(const GeosContext& c, const GEOSGeometry& g, double distance) {
    return check(c, GEOSBuffer_r(c.handle(), &g, distance, 8), "buffer");
}

GeosGeometryPtr boundary(const GeosContext& c, const GEOSGeometry& g) {
    return check(c, GEOSBoundary_r(c.handle(), &g), "boundary");
}

GeosGeometryPtr lineMerge(const GeosContext& c, const GEOSGeometry& g) {
    return check(c, GEOSLineMerge_r(c.handle(), &g), "line merge");
}

GeosGeometryPtr polygonalParts(const GeosContext& c, const GEOSGeometry& g) {
    std::vector<GEOSGeometry*> items;
    collect(c, g, GEOS_POLYGON, items);
    return collection(c, GEOS_MULTIPOLYGON, std::move(items));
}

GeosGeometryPtr linealParts(const GeosContext& c, const GEOSGeometry& g) {
    std::vector<GEOSGeometry*> items;
    collect(c, g, GEOS_LINESTRING, items);
    return collection(c, GEOS_MULTILINESTRING, std::move(items));
}

namespace {

GeosGeometryPtr ringAsPolygon(const GeosContext& c, const GEOSGeometry& ring) {
    return check(
        c, GEOSGeom_createPolygon_r(c.handle(), GEOSGeom_clone_r(c.handle(), &ring), nullptr, 0),
        "polygon");
}

} // namespace

GeosGeometryPtr reshapeHoles(
    const GeosContext& c, const GEOSGeometry& g,
    const std::function<HoleFate(const GEOSGeometry& ring, const GEOSGeometry& shell)>& fate) {
    std::vector<GEOSGeometry*> polygons;
    const GeosGeometryPtr polygonal = polygonalParts(c, g); // must outlive the loop
    for (const GEOSGeometry* part : parts(c, *polygonal)) {
        const GEOSGeometry* shellRing = GEOSGetExteriorRing_r(c.handle(), part);
        const GeosGeometryPtr shellPolygon = ringAsPolygon(c, *shellRing);
        std::vector<GEOSGeometry*> kept;
        for (int i = 0; i < GEOSGetNumInteriorRings_r(c.handle(), part); ++i) {
            const GEOSGeometry* ring = GEOSGetInteriorRingN_r(c.handle(), part, i);
            GeosGeometryPtr asPolygon = ringAsPolygon(c, *ring);
            switch (fate(*asPolygon, *shellPolygon)) {
            case HoleFate::Keep:
                kept.push_back(GEOSGeom_clone_r(c.handle(), ring));
                break;
            case HoleFate::OwnPart:
                polygons.push_back(asPolygon.release());
                break;
            case HoleFate::Drop:
                break;
            }
        }
        polygons.push_back(
            GEOSGeom_createPolygon_r(c.handle(), GEOSGeom_clone_r(c.handle(), shellRing),
                                     kept.data(), static_cast<unsigned>(kept.size())));
    }
    return collection(c, GEOS_MULTIPOLYGON, std::move(polygons));
}

bool ringOutsideShell(const GeosContext& c, const GEOSGeometry& ring, const GEOSGeometry& shell) {
    const Bounds r = bounds(c, ring), s = bounds(c, shell);
    return r.minX < s.minX || r.maxX > s.maxX || r.minY < s.minY || r.maxY > s.maxY ||
           !intersects(c, ring, shell);
}

GeosGeometryPtr withoutHoles(const GeosContext& c, const GEOSGeometry& g,
                             const std::function<bool(const GEOSGeometry&)>& drop) {
    return reshapeHoles(c, g, [&](const GEOSGeometry& ring, const GEOSGeometry&) {
        return drop(ring) ? HoleFate::Drop : HoleFate::Keep;
    });
}

bool intersects(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b) {
    return checkBool(c, GEOSIntersects_r(c.handle(), &a, &b), "intersects");
}

bool contains(const GeosContext& c, const GEOSGeometry& a, const GEOSGeometry& b) {
    return checkBool(c, GEOSContains_r(c.handle(), &a, &b), "contains");
}

bool isValid(const GeosContext& c, const GEOSGeometry& g) {
    return checkBool(c, GEOSisValid_r(c.handle(), &g), "isValid");
}

GeosGeometryPtr pointOnSurface(const GeosContext& c, const GEOSGeometry& g) {
    return adopt(c, GEOSPointOnSurface_r(c.handle(), &g));
}

Bounds bounds(const GeosContext& c, const GEOSGeometry& g) {
    Bounds b;
    GEOSGeom_getXMin_r(c.handle(), &g, &b.minX);
    GEOSGeom_getYMin_r(c.handle(), &g, &b.minY);
    GEOSGeom_getXMax_r(c.handle(), &g, &b.maxX);
    GEOSGeom_getYMax_r(c.handle(), &g, &b.maxY);
    return b;
}

bool isEmpty(const GeosContext& c, const GEOSGeometry& g) {
    return checkBool(c, GEOSisEmpty_r(c.handle(), &g), "isEmpty");
}

double area(const GeosContext& c, const GEOSGeometry& g) {
    double a = 0;
    if (!GEOSArea_r(c.handle(), &g, &a))
        throw std::runtime_error("GEOS area failed: " + c.lastError());
    return a;
}

double length(const GeosContext& c, const GEOSGeometry& g) {
    double l = 0;
    if (!GEOSLength_r(c.handle(), &g, &l))
        throw std::runtime_error("GEOS length failed: " + c.lastError());
    return l;
}

std::vector<const GEOSGeometry*> parts(const GeosContext& c, const GEOSGeometry& g) {
    std::vector<const GEOSGeometry*> out;
    const int n = GEOSGetNumGeometries_r(c.handle(), &g);
    for (int i = 0; i < n; ++i)
        out.push_back(GEOSGetGeometryN_r(c.handle(), &g, i));
    return out;
}

std::vector<GeosGeometryPtr> holes(const GeosContext& c, const GEOSGeometry& g) {
    std::vector<GeosGeometryPtr> out;
    const GeosGeometryPtr polygonal = polygonalParts(c, g); // must outlive the loop
    for (const GEOSGeometry* part : parts(c, *polygonal))
        for (int i = 0; i < GEOSGetNumInteriorRings_r(c.handle(), part); ++i) {
            const GEOSGeometry* ring = GEOSGetInteriorRingN_r(c.handle(), part, i);
            out.push_back(check(c,
                                GEOSGeom_createPolygon_r(
                                    c.handle(), GEOSGeom_clone_r(c.handle(), ring), nullptr, 0),
                                "polygon"));
        }
    return out;
}

std::vector<std::pair<double, double>> samplesAlong(const GeosContext& c, const GEOSGeometry& line,
                                                    double step) {
    std::vector<std::pair<double, double>> out;
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(c.handle(), &line);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(c.handle(), seq, &n);
    double px = 0, py = 0, carried = 0; // distance walked since the last sample
    for (unsigned i = 0; i < n; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(c.handle(), seq, i, &x, &y);
        if (i == 0) {
            out.emplace_back(x, y);
        } else {
            const double segment = std::hypot(x - px, y - py);
            double at = step - carried;
            while (at <= segment) {
                const double t = at / segment;
                out.emplace_back(px + t * (x - px), py + t * (y - py));
                at += step;
            }
            carried = segment - (at - step);
        }
        px = x;
        py = y;
    }
    return out;
}

std::string toWkt(const GeosContext& c, const GEOSGeometry& g) {
    GeosWktWriterPtr w(GEOSWKTWriter_create_r(c.handle()), {c.handle()});
    GEOSWKTWriter_setRoundingPrecision_r(c.handle(), w.get(), 7);
    GEOSWKTWriter_setTrim_r(c.handle(), w.get(), 1);
    GeosCharPtr text(GEOSWKTWriter_write_r(c.handle(), w.get(), &g), GeosBufferFreer{c.handle()});
    return text ? text.get() : "";
}

} // namespace mapaudit::geos
