#include "mapaudit/render/drawable_layer.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/raii/gdal_handles.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace mapaudit {
namespace {

void addLine(const OGRSimpleCurve& curve, std::vector<std::vector<XY>>& parts) {
    std::vector<XY> pts;
    pts.reserve(static_cast<std::size_t>(curve.getNumPoints()));
    for (int i = 0; i < curve.getNumPoints(); ++i)
        pts.push_back({curve.getX(i), curve.getY(i)});
    parts.push_back(std::move(pts));
}

// Flattens any geometry into the parts of one dimension (the highest found).
void collect(const OGRGeometry& g, DrawableFeature& out) {
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint:
        if (out.parts.empty())
            out.parts.emplace_back();
        out.parts.front().push_back({g.toPoint()->getX(), g.toPoint()->getY()});
        out.dimension = Dimension::Point;
        break;
    case wkbLineString:
        addLine(*g.toLineString(), out.parts);
        out.dimension = Dimension::Line;
        break;
    case wkbPolygon:
        for (const OGRLinearRing* ring : *g.toPolygon())
            addLine(*ring, out.parts);
        out.dimension = Dimension::Area;
        break;
    default:
        if (OGR_GT_IsSubClassOf(g.getGeometryType(), wkbGeometryCollection)) {
            for (const OGRGeometry* part : *g.toGeometryCollection())
                collect(*part, out);
        }
        break;
    }
}

const OGRSpatialReference& targetSrs(const std::string& def) {
    thread_local std::string cachedDef;
    thread_local OGRSpatialReference srs;
    if (cachedDef != def) {
        if (srs.SetFromUserInput(def.c_str()) != OGRERR_NONE)
            throw InputError(msg("view CRS '{}' is not recognised", def));
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        cachedDef = def;
    }
    return srs;
}

} // namespace

bool hasChineseLabels(const DrawableLayer& layer) {
    return std::any_of(layer.features.begin(), layer.features.end(),
                       [](const DrawableFeature& f) { return containsCjkIdeograph(f.label); });
}

std::string guessLabelField(GDALDataset& ds, int index) {
    OGRLayer* layer = ds.GetLayer(index);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<int> present;
    for (const char* name : {"name_zh", "name_cn", "name_chn", "name:zh", "名称", "中文名", "cname",
                             "name", "Name_1", "name_long", "admin", "name_en"}) {
        const int i = defn->GetFieldIndex(name); // case-insensitive
        if (i >= 0 && defn->GetFieldDefn(i)->GetType() == OFTString &&
            std::find(present.begin(), present.end(), i) == present.end())
            present.push_back(i);
    }
    if (present.empty())
        return {};
    // Chinese names first, wherever a map keeps them: a "name" field often
    // holds them (DataV, ECharts) while a "name_zh" may be empty.
    std::vector<bool> chinese(present.size(), false);
    layer->ResetReading();
    int sampled = 0;
    for (OgrFeaturePtr f(layer->GetNextFeature()); f && sampled < 50;
         f.reset(layer->GetNextFeature()), ++sampled)
        for (std::size_t k = 0; k < present.size(); ++k)
            if (!chinese[k] && f->IsFieldSetAndNotNull(present[k]) &&
                containsCjkIdeograph(f->GetFieldAsString(present[k])))
                chinese[k] = true;
    layer->ResetReading();
    const auto first = std::find(chinese.begin(), chinese.end(), true);
    const int chosen = present[first == chinese.end() ? 0 : first - chinese.begin()];
    return defn->GetFieldDefn(chosen)->GetNameRef();
}

DrawableLayer readDrawableLayer(GDALDataset& ds, int index, const std::string& targetCrs,
                                const std::string& labelField, Feedback* feedback,
                                std::int64_t* skipped) {
    ensureGdalInitialised();
    OGRLayer* layer = ds.GetLayer(index);
    if (!layer)
        throw InputError(msg("layer {} does not exist", std::to_string(index)));
    DrawableLayer out;
    out.name = layer->GetName();
    out.sourcePath = ds.GetDescription();
    out.sourceCrs = identifyCrs(layer->GetSpatialRef());

    CoordinateTransformationPtr ct;
    if (const OGRSpatialReference* src = layer->GetSpatialRef(); src && !src->IsEmpty()) {
        std::unique_ptr<OGRSpatialReference> source(src->Clone());
        source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        GdalErrorCapture errors;
        ct.reset(OGRCreateCoordinateTransformation(source.get(), &targetSrs(targetCrs)));
        if (!ct)
            throw InputError(msg("{}: layer '{}' cannot be transformed to {} ({})", out.sourcePath,
                                 out.name, targetCrs, errors.firstMessage()));
        out.transformed = true;
    }

    const int labelIndex =
        labelField.empty() ? -1 : layer->GetLayerDefn()->GetFieldIndex(labelField.c_str());
    if (labelIndex >= 0)
        out.labelField = labelField;
    const double expected = double(std::max<GIntBig>(1, layer->GetFeatureCount(FALSE)));
    std::int64_t failed = 0;
    GdalErrorCapture errors;
    layer->ResetReading();
    bool first = true;
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        if (feedback && (out.features.size() & 0x3F) == 0) {
            feedback->throwIfCanceled();
            feedback->setProgress(double(out.features.size()) / expected);
        }
        OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty())
            continue;
        OgrGeometryPtr linear;
        g = linearised(g, linear);
        if (ct && g->transform(ct.get()) != OGRERR_NONE) {
            ++failed;
            continue;
        }
        DrawableFeature df;
        df.fid = f->GetFID();
        collect(*g, df);
        if (df.parts.empty())
            continue;
        if (labelIndex >= 0)
            df.label = f->GetFieldAsString(labelIndex);
        OGREnvelope env;
        g->getEnvelope(&env);
        const Extent e{env.MinX, env.MinY, env.MaxX, env.MaxY};
        out.extent = first ? e : out.extent.united(e);
        first = false;
        out.features.push_back(std::move(df));
    }
    if (errors.hasFailure() && failed == 0)
        throw InputError(msg(
            "{}: layer '{}' could not be read completely ({}) — the file is damaged or truncated",
            out.sourcePath, out.name, errors.firstMessage()));
    if (skipped)
        *skipped = failed;
    if (feedback)
        feedback->setProgress(1.0);
    return out;
}

DrawableFeature drawableFromWkt(const std::string& wkt, const std::string& wktCrs,
                                const std::string& targetCrs) {
    ensureGdalInitialised();
    OGRGeometry* raw = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &raw) != OGRERR_NONE || !raw)
        throw InputError(msg("the geometry is not valid WKT"));
    OgrGeometryPtr geometry(raw);
    OgrGeometryPtr linear;
    OGRGeometry* g = linearised(geometry.get(), linear);
    if (wktCrs != targetCrs) {
        OGRSpatialReference source;
        if (source.SetFromUserInput(wktCrs.c_str()) != OGRERR_NONE)
            throw InputError(msg("CRS '{}' is not recognised", wktCrs));
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        CoordinateTransformationPtr ct(
            OGRCreateCoordinateTransformation(&source, &targetSrs(targetCrs)));
        if (!ct || g->transform(ct.get()) != OGRERR_NONE)
            throw InputError(msg("the geometry cannot be transformed to {}", targetCrs));
    }
    DrawableFeature f;
    collect(*g, f);
    return f;
}

std::vector<std::pair<std::string, std::string>>
featureAttributes(const std::filesystem::path& path, const std::string& layerName,
                  std::int64_t fid) {
    OpenedDataset opened = openDataset(path);
    OGRLayer* layer = opened.dataset->GetLayerByName(layerName.c_str());
    if (!layer)
        throw InputError(msg("{}: no layer '{}'", path.string(), layerName));
    GdalErrorCapture errors; // a missing fid is reported below, not on stderr
    OgrFeaturePtr f(layer->GetFeature(fid));
    if (!f)
        throw InputError(
            msg("{}: layer '{}' has no feature {}", path.string(), layerName, std::to_string(fid)));
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0; i < f->GetFieldCount(); ++i)
        out.emplace_back(f->GetFieldDefnRef(i)->GetNameRef(),
                         f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
    return out;
}

} // namespace mapaudit
