#include "mapaudit/geometry_validity.h"

#include "mapaudit/atomic_output.h"
#include "mapaudit/error.h"
#include "mapaudit/feedback.h"
#include "mapaudit/gdal_environment.h"
#include "mapaudit/geos_ops.h"

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
    char* reasonRaw = nullptr;
    GEOSGeometry* locationRaw = nullptr;
    const char result = GEOSisValidDetail_r(ctx.handle(), g.get(), 0, &reasonRaw, &locationRaw);
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

GeosGeometryPtr makeValidByParts(const GeosContext& ctx, const OGRGeometry& geometry) {
    if (wkbFlatten(geometry.getGeometryType()) != wkbMultiPolygon) {
        OgrGeometryPtr fixed = makeValid(ctx, geometry);
        return fixed ? toGeos(ctx, *fixed) : nullptr;
    }
    std::vector<GeosGeometryPtr> parts;
    for (const OGRPolygon* part : *geometry.toMultiPolygon()) {
        GeosGeometryPtr g = toGeos(ctx, *part);
        if (!g)
            continue;
        if (!checkValidity(ctx, *part)) {
            parts.push_back(std::move(g));
            continue;
        }
        // buffer(0) is fast and right for self-touching rings, the usual defect
        // of large polygons; trusted only when it keeps the area.
        const double area = geos::area(ctx, *g);
        GeosGeometryPtr quick = adopt(ctx, GEOSBuffer_r(ctx.handle(), g.get(), 0, 8));
        if (quick && geos::isValid(ctx, *quick) &&
            std::abs(geos::area(ctx, *quick) - area) <= kQuickRepairAreaTolerance * area) {
            parts.push_back(std::move(quick));
        } else if (OgrGeometryPtr fixed = makeValid(ctx, *part); fixed && !fixed->IsEmpty()) {
            parts.push_back(toGeos(ctx, *fixed));
        }
    }
    if (parts.empty())
        return nullptr;
    return geos::polygonalParts(ctx, *geos::unionAll(ctx, std::move(parts)));
}

RepairReport writeRepairedCopy(GDALDataset& source, const fs::path& target, Feedback* feedback) {
    ensureGdalInitialised();
    GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!gpkg)
        throw InputError("the GeoPackage driver is missing from this GDAL build");
    AtomicOutput output(target);
    GdalErrorCapture errors;
    RepairReport report;
    {
        GdalDatasetPtr out(gpkg->Create(output.partial().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!out)
            throw InputError(target.string() + ": cannot be created (" + errors.firstMessage() +
                             ") — choose a folder you can write to");
        GeosContext ctx;
        const int layerCount = source.GetLayerCount();
        for (int li = 0; li < layerCount; ++li) {
            OGRLayer* in = source.GetLayer(li);
            const SubFeedback sub(feedback, double(li) / layerCount, double(li + 1) / layerCount);
            OGRLayer* dst = out->CreateLayer(in->GetName(), in->GetSpatialRef(),
                                             promotedType(in->GetGeomType()), nullptr);
            if (!dst)
                throw InputError(target.string() + ": layer '" + in->GetName() +
                                 "' cannot be created (" + errors.firstMessage() + ")");
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
                    throw InputError(target.string() + ": feature " + std::to_string(f->GetFID()) +
                                     " of layer '" + in->GetName() + "' cannot be written (" +
                                     errors.firstMessage() + ")");
                ++lr.features;
                sub.setProgress(double(lr.features) / double(total));
            }
            if (out->CommitTransaction() != OGRERR_NONE)
                throw InputError(target.string() + ": cannot be written (" + errors.firstMessage() +
                                 ")");
            report.layers.push_back(lr);
        }
    } // closes the dataset before the rename
    output.commit();
    return report;
}

} // namespace mapaudit
