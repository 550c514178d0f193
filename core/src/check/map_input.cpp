#include "map_input.h"

#include "mapaudit/dataset_open.h"
#include "mapaudit/error.h"
#include "mapaudit/feedback.h"
#include "mapaudit/gdal_environment.h"
#include "mapaudit/geometry_validity.h"
#include "mapaudit/geos_ops.h"

#include <algorithm>

namespace mapaudit::check {
namespace {

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

void grow(Extent& e, const OGREnvelope& env) {
    if (!e.valid())
        e = {env.MinX, env.MinY, env.MaxX, env.MaxY};
    else
        e = {std::min(e.minX, env.MinX), std::min(e.minY, env.MinY), std::max(e.maxX, env.MaxX),
             std::max(e.maxY, env.MaxY)};
}

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

} // namespace

MapInput readMapInput(const GeosContext& ctx, const std::filesystem::path& path,
                      const std::vector<std::string>& onlyLayers, const std::string& encoding,
                      const Extent& aoi, Feedback* feedback) {
    OpenedDataset opened = openDataset(path, OpenOptions{encoding, false});
    GDALDataset& ds = *opened.dataset;
    MapInput input;
    OGRSpatialReference target;
    target.importFromEPSG(4490);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    for (const auto& name : onlyLayers)
        if (!ds.GetLayerByName(name.c_str()))
            throw InputError(path.string() + ": has no layer '" + name + "' — see `mapaudit info`");
    const int layerCount = ds.GetLayerCount();
    for (int li = 0; li < layerCount; ++li) {
        OGRLayer* layer = ds.GetLayer(li);
        const std::string layerName = layer->GetName();
        if (layer->GetLayerDefn()->GetGeomFieldCount() == 0)
            continue;
        if (!onlyLayers.empty() &&
            std::find(onlyLayers.begin(), onlyLayers.end(), layerName) == onlyLayers.end())
            continue;
        input.layers.push_back(layerName);

        // A layer without CRS is taken as lon/lat only when its ranges say so.
        CoordinateTransformationPtr ct;
        const OGRSpatialReference* srs = layer->GetSpatialRef();
        if (srs && !srs->IsEmpty()) {
            std::unique_ptr<OGRSpatialReference> source(srs->Clone());
            source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            ct.reset(OGRCreateCoordinateTransformation(source.get(), &target));
            if (!ct)
                throw InputError(path.string() + ": layer '" + layerName +
                                 "' cannot be transformed to CGCS2000 — check its CRS");
        } else {
            OGREnvelope env;
            if (layer->GetExtent(&env, TRUE) == OGRERR_NONE &&
                (env.MinX < -180.5 || env.MaxX > 180.5 || env.MinY < -90.5 || env.MaxY > 90.5))
                throw InputError(path.string() + ": layer '" + layerName +
                                 "' has no CRS and projected coordinates — give it a .prj (see "
                                 "`mapaudit info` for the likely CRS)");
        }

        GdalErrorCapture errors;
        const double expected = double(std::max<GIntBig>(1, layer->GetFeatureCount(FALSE)));
        std::int64_t n = 0;
        layer->ResetReading();
        for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
            if ((++n & 0x3F) == 0 && feedback) {
                feedback->throwIfCanceled();
                feedback->setProgress(0.3 * (li + static_cast<double>(n) / expected) / layerCount);
            }
            OGRGeometry* g = f->GetGeometryRef();
            if (!g || g->IsEmpty())
                continue;
            OgrGeometryPtr linear;
            g = linearised(g, linear);
            if (ct && g->transform(ct.get()) != OGRERR_NONE)
                throw InputError(path.string() + ": layer '" + layerName + "' feature " +
                                 std::to_string(f->GetFID()) +
                                 " cannot be transformed to CGCS2000");
            InputFeature in;
            in.layer = layerName;
            in.fid = f->GetFID();
            in.kind = kindOf(*g);
            OGRFeatureDefn* defn = f->GetDefnRef();
            for (int i = 0; i < defn->GetFieldCount(); ++i)
                if (f->IsFieldSetAndNotNull(i))
                    in.fields[defn->GetFieldDefn(i)->GetNameRef()] = f->GetFieldAsString(i);
            OGREnvelope env;
            g->getEnvelope(&env);
            bool outside = env.MaxX < aoi.minX || env.MinX > aoi.maxX || env.MaxY < aoi.minY ||
                           env.MinY > aoi.maxY;
            const bool inside = env.MinX >= aoi.minX && env.MaxX <= aoi.maxX &&
                                env.MinY >= aoi.minY && env.MaxY <= aoi.maxY;
            in.geometry = toGeos(ctx, *g);
            if (in.geometry && !outside && !inside && in.kind != Kind::Symbol) {
                GeosGeometryPtr clipped =
                    adopt(ctx, GEOSClipByRect_r(ctx.handle(), in.geometry.get(), aoi.minX, aoi.minY,
                                                aoi.maxX, aoi.maxY));
                // Only its envelope reached the area: it counts as wholly outside.
                if (clipped && !geos::isEmpty(ctx, *clipped))
                    in.geometry = std::move(clipped);
                else
                    outside = true;
            }
            in.inArea = !outside;
            if (in.geometry && geos::isEmpty(ctx, *in.geometry))
                in.geometry.reset();
            if (!in.geometry)
                continue;
            grow(input.extent, env);
            input.features.push_back(std::move(in));
        }
        if (errors.hasFailure())
            throw InputError(path.string() + ": layer '" + layerName +
                             "' could not be read completely (" + errors.firstMessage() +
                             ") — the file is damaged");
    }
    if (input.features.empty())
        throw InputError(path.string() + ": no features with geometry to check");
    return input;
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
        // A country's holes are its lakes and reservoirs: its land all the same.
        const GeosGeometryPtr filled =
            geos::withoutHoles(ctx, *in.geometry, [](const GEOSGeometry&) { return true; });
        in.geometry = validGeneralised(ctx, *filled, tolerance);
    }
}

} // namespace mapaudit::check
