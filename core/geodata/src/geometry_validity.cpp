#include "mapaudit/geodata/geometry_validity.h"

#include "mapaudit/base/atomic_output.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/geodata/geos_ops.h"

#include <cmath>
#include <vector>

namespace mapaudit {
namespace fs = std::filesystem;
namespace {

OGRwkbGeometryType promotedType(OGRwkbGeometryType t) {
    switch (wkbFlatten(t)) {
    case wkbPolygon:
    case wkbMultiPolygon:
        return OGR_GT_SetModifier(wkbMultiPolygon, OGR_GT_HasZ(t), FALSE);
    case wkbLineString:
    case wkbMultiLineString:
        return OGR_GT_SetModifier(wkbMultiLineString, OGR_GT_HasZ(t), FALSE);
    default:
        return t;
    }
}

} // namespace

OGRGeometry* linearised(OGRGeometry* g, OgrGeometryPtr& holder) {
    if (!g || !g->hasCurveGeometry())
        return g;
    holder.reset(g->getLinearGeometry());
    return holder.get();
}

const OGRGeometry& linearised(const OGRGeometry& g, OgrGeometryPtr& holder) {
    if (!g.hasCurveGeometry())
        return g;
    holder.reset(g.getLinearGeometry());
    return *holder;
}

GeosGeometryPtr toGeos(const GeosContext& ctx, const OGRGeometry& geometry) {
    OgrGeometryPtr holder;
    const OGRGeometry& g = linearised(geometry, holder);
    std::vector<unsigned char> wkb(g.WkbSize());
    if (g.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso) != OGRERR_NONE)
        return GeosGeometryPtr(nullptr, GeosGeometryDeleter{ctx.handle()});
    GeosWkbReaderPtr reader(GEOSWKBReader_create_r(ctx.handle()),
                            GeosWkbReaderDeleter{ctx.handle()});
    return adopt(ctx, GEOSWKBReader_read_r(ctx.handle(), reader.get(), wkb.data(), wkb.size()));
}

OgrGeometryPtr toOgr(const GeosContext& ctx, const GEOSGeometry& geometry) {
    GeosWkbWriterPtr writer(GEOSWKBWriter_create_r(ctx.handle()),
                            GeosWkbWriterDeleter{ctx.handle()});
    GEOSWKBWriter_setOutputDimension_r(ctx.handle(), writer.get(),
                                       GEOSHasZ_r(ctx.handle(), &geometry) == 1 ? 3 : 2);
    std::size_t size = 0;
    GeosBytePtr wkb(GEOSWKBWriter_write_r(ctx.handle(), writer.get(), &geometry, &size),
                    GeosBufferFreer{ctx.handle()});
    OGRGeometry* out = nullptr;
    if (!wkb || OGRGeometryFactory::createFromWkb(wkb.get(), nullptr, &out, size) != OGRERR_NONE)
        return nullptr;
    return OgrGeometryPtr(out);
}

std::optional<InvalidGeometry> checkValidity(const GeosContext& ctx, const OGRGeometry& geometry) {
    if (geometry.IsEmpty())
        return std::nullopt;
    GeosGeometryPtr g = toGeos(ctx, geometry);
    if (!g)
        return InvalidGeometry{-1, "unreadable geometry: " + ctx.lastError(), std::nullopt};
    return checkValidity(ctx, *g);
}

std::optional<InvalidGeometry> checkValidity(const GeosContext& ctx, const GEOSGeometry& g) {
    char* reasonRaw = nullptr;
    GEOSGeometry* locationRaw = nullptr;
    const char result = GEOSisValidDetail_r(ctx.handle(), &g, 0, &reasonRaw, &locationRaw);
    GeosCharPtr reason(reasonRaw, GeosBufferFreer{ctx.handle()});
    GeosGeometryPtr location = adopt(ctx, locationRaw);
    if (result == 1)
        return std::nullopt;
    InvalidGeometry out;
    out.reason = result == 0 && reason ? reason.get() : "validity check failed: " + ctx.lastError();
    double x = 0, y = 0;
    if (location && GEOSGeomGetX_r(ctx.handle(), location.get(), &x) == 1 &&
        GEOSGeomGetY_r(ctx.handle(), location.get(), &y) == 1)
        out.location = std::make_pair(x, y);
    return out;
}

OgrGeometryPtr repairGeometry(const GeosContext& ctx, const OGRGeometry& geometry) {
    if (!checkValidity(ctx, geometry))
        return OgrGeometryPtr(geometry.clone());
    return makeValid(ctx, geometry);
}

OgrGeometryPtr makeValid(const GeosContext& ctx, const OGRGeometry& geometry) {
    GeosGeometryPtr g = toGeos(ctx, geometry);
    if (!g)
        return nullptr;
    GeosMakeValidParamsPtr params(GEOSMakeValidParams_create_r(ctx.handle()),
                                  GeosMakeValidParamsDeleter{ctx.handle()});
    GEOSMakeValidParams_setMethod_r(ctx.handle(), params.get(), GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(ctx.handle(), params.get(), 0);
    GeosGeometryPtr fixed =
        adopt(ctx, GEOSMakeValidWithParams_r(ctx.handle(), g.get(), params.get()));
    if (!fixed)
        return nullptr;
    OgrGeometryPtr out = toOgr(ctx, *fixed);
    if (out)
        out->assignSpatialReference(geometry.getSpatialReference());
    return out;
}

constexpr double kQuickRepairAreaTolerance = 0.005;
// Simplification moves a large part's outline by at most the tolerance, so
// its area changes by far less than this share; more means the lobes of an
// invalid ring were dropped.
constexpr double kGeneralisedAreaTolerance = 0.02;
// Parts narrower than this many tolerances keep every vertex: islets would
// collapse, and they cost nothing to keep.
constexpr double kGeneraliseMinSpan = 50;

namespace {

bool keepsArea(const GeosContext& ctx, const GEOSGeometry& g, double area, double share) {
    return geos::isValid(ctx, g) && std::abs(geos::area(ctx, g) - area) <= share * area;
}

// A polygon whose "holes" lie outside its outline is a list of rings each
// filled (ECharts' older maps store a province's islands and its main body so;
// charting libraries draw every ring as land): those rings become parts of
// their own, not holes to drop.
GeosGeometryPtr ringsOutsideAsParts(const GeosContext& ctx, const GEOSGeometry& part) {
    if (GEOSGetNumInteriorRings_r(ctx.handle(), &part) == 0)
        return nullptr;
    bool outside = false;
    GeosGeometryPtr reshaped =
        geos::reshapeHoles(ctx, part, [&](const GEOSGeometry& ring, const GEOSGeometry& shell) {
            if (!geos::ringOutsideShell(ctx, ring, shell))
                return geos::HoleFate::Keep;
            outside = true;
            return geos::HoleFate::OwnPart;
        });
    return outside ? std::move(reshaped) : nullptr;
}

// One polygon, valid on return (possibly empty).
GeosGeometryPtr validPart(const GeosContext& ctx, const GEOSGeometry& part, double tolerance) {
    if (GeosGeometryPtr split = ringsOutsideAsParts(ctx, part)) {
        std::vector<GeosGeometryPtr> pieces;
        for (const GEOSGeometry* piece : geos::parts(ctx, *split))
            if (GeosGeometryPtr valid = validPart(ctx, *piece, tolerance))
                pieces.push_back(std::move(valid));
        return geos::polygonalParts(ctx,
                                    *geos::unaryUnion(ctx, *geos::collect(ctx, std::move(pieces))));
    }
    const double area = geos::area(ctx, part);
    if (tolerance > 0) {
        const geos::Bounds b = geos::bounds(ctx, part);
        if (std::max(b.maxX - b.minX, b.maxY - b.minY) > kGeneraliseMinSpan * tolerance) {
            // Douglas-Peucker; GEOS cleans the simplified rings with buffer(0).
            GeosGeometryPtr simple = adopt(ctx, GEOSSimplify_r(ctx.handle(), &part, tolerance));
            if (simple && keepsArea(ctx, *simple, area, kGeneralisedAreaTolerance))
                return simple;
        }
    }
    if (geos::isValid(ctx, part))
        return geos::clone(ctx, part);
    // buffer(0) is fast and right for self-touching rings, the usual defect
    // of large polygons; trusted only when it keeps the area.
    GeosGeometryPtr quick = adopt(ctx, GEOSBuffer_r(ctx.handle(), &part, 0, 8));
    if (quick && keepsArea(ctx, *quick, area, kQuickRepairAreaTolerance))
        return quick;
    OgrGeometryPtr ogr = toOgr(ctx, part);
    OgrGeometryPtr fixed = ogr ? makeValid(ctx, *ogr) : nullptr;
    return fixed && !fixed->IsEmpty() ? toGeos(ctx, *fixed) : nullptr;
}

} // namespace

GeosGeometryPtr validGeneralised(const GeosContext& ctx, const GEOSGeometry& polygonal,
                                 double tolerance) {
    std::vector<GeosGeometryPtr> parts;
    const GeosGeometryPtr polygons = geos::polygonalParts(ctx, polygonal);
    for (const GEOSGeometry* part : geos::parts(ctx, *polygons)) {
        GeosGeometryPtr valid = validPart(ctx, *part, tolerance);
        if (valid && !geos::isEmpty(ctx, *valid))
            parts.push_back(std::move(valid));
    }
    GeosGeometryPtr all = geos::polygonalParts(ctx, *geos::collect(ctx, std::move(parts)));
    // Repaired or simplified parts may now overlap; only then is a union needed.
    if (geos::isValid(ctx, *all))
        return all;
    return geos::polygonalParts(ctx, *geos::unaryUnion(ctx, *all));
}

GeosGeometryPtr makeValidByParts(const GeosContext& ctx, const OGRGeometry& geometry) {
    GeosGeometryPtr g = toGeos(ctx, geometry);
    if (!g)
        return nullptr;
    if (wkbFlatten(geometry.getGeometryType()) != wkbMultiPolygon &&
        wkbFlatten(geometry.getGeometryType()) != wkbPolygon) {
        OgrGeometryPtr fixed = makeValid(ctx, geometry);
        return fixed ? toGeos(ctx, *fixed) : nullptr;
    }
    GeosGeometryPtr out = validGeneralised(ctx, *g, 0);
    return out && !geos::isEmpty(ctx, *out) ? std::move(out) : nullptr;
}

RepairReport writeRepairedCopy(GDALDataset& source, const fs::path& target, Feedback* feedback) {
    ensureGdalInitialised();
    GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!gpkg)
        throw InputError(msg("the GeoPackage driver is missing from this GDAL build"));
    AtomicOutput output(target);
    GdalErrorCapture errors;
    RepairReport report;
    {
        GdalDatasetPtr out(gpkg->Create(output.partial().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!out)
            throw InputError(outputFailure(target, errors.firstMessage()));
        GeosContext ctx;
        const int layerCount = source.GetLayerCount();
        for (int li = 0; li < layerCount; ++li) {
            OGRLayer* in = source.GetLayer(li);
            const SubFeedback sub(feedback, double(li) / layerCount, double(li + 1) / layerCount);
            OGRLayer* dst = out->CreateLayer(in->GetName(), in->GetSpatialRef(),
                                             promotedType(in->GetGeomType()), nullptr);
            if (!dst)
                throw InputError(msg("{}: layer '{}' cannot be created ({})", target.string(),
                                     in->GetName(), errors.firstMessage()));
            OGRFeatureDefn* inDefn = in->GetLayerDefn();
            for (int fi = 0; fi < inDefn->GetFieldCount(); ++fi)
                dst->CreateField(inDefn->GetFieldDefn(fi));

            RepairReport::Layer lr{in->GetName(), 0, 0, 0};
            const GIntBig total = std::max<GIntBig>(1, in->GetFeatureCount(TRUE));
            const OGRwkbGeometryType targetType = dst->GetGeomType();
            out->StartTransaction();
            in->ResetReading();
            for (OgrFeaturePtr f(in->GetNextFeature()); f; f.reset(in->GetNextFeature())) {
                sub.throwIfCanceled();
                OgrFeaturePtr copy(OGRFeature::CreateFeature(dst->GetLayerDefn()));
                copy->SetFrom(f.get(), TRUE);
                copy->SetFID(f->GetFID());
                if (const OGRGeometry* g = f->GetGeometryRef(); g && !g->IsEmpty()) {
                    OgrGeometryPtr fixed;
                    if (checkValidity(ctx, *g)) {
                        fixed = repairGeometry(ctx, *g);
                        ++lr.repaired;
                    } else {
                        fixed.reset(g->clone());
                    }
                    if (!fixed || fixed->IsEmpty()) {
                        ++lr.dropped;
                        copy->SetGeometryDirectly(nullptr);
                    } else {
                        if (targetType != wkbUnknown)
                            fixed.reset(OGRGeometryFactory::forceTo(fixed.release(), targetType));
                        copy->SetGeometryDirectly(fixed.release());
                    }
                }
                if (dst->CreateFeature(copy.get()) != OGRERR_NONE)
                    throw InputError(outputFailure(
                        target, "feature " + std::to_string(f->GetFID()) + " of layer '" +
                                    in->GetName() + "': " + errors.firstMessage()));
                ++lr.features;
                sub.setProgress(double(lr.features) / double(total));
            }
            if (out->CommitTransaction() != OGRERR_NONE)
                throw InputError(outputFailure(target, errors.firstMessage()));
            report.layers.push_back(lr);
        }
    } // closes the dataset before the rename
    output.commit();
    return report;
}

} // namespace mapaudit
