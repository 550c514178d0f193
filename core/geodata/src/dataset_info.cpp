#include "mapaudit/geodata/dataset_info.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"

#include <algorithm>

namespace mapaudit {
namespace fs = std::filesystem;
namespace {

void addWarningOnce(std::vector<Message>& warnings, const Message& w) {
    const std::string text = w.text(Language::English);
    if (std::none_of(warnings.begin(), warnings.end(),
                     [&](const Message& m) { return m.text(Language::English) == text; }))
        warnings.push_back(w);
}

std::optional<Extent> toCgcs2000(const CrsInfo& crs, const Extent& e,
                                 std::vector<Message>& warnings) {
    if (crs.kind == CrsKind::Unknown || crs.wkt.empty())
        return std::nullopt;
    try {
        return CrsTransform(crs.wkt, "EPSG:4490").forwardExtent(e);
    } catch (const InputError& err) {
        addWarningOnce(warnings, msg("extent not converted to CGCS2000: {}", err.asMessage()));
        return std::nullopt;
    }
}

std::vector<FieldInfo> describeFields(OGRFeatureDefn& defn) {
    std::vector<FieldInfo> fields;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const OGRFieldDefn* f = defn.GetFieldDefn(i);
        FieldInfo fi{f->GetNameRef(), OGRFieldDefn::GetFieldTypeName(f->GetType()), f->GetWidth(),
                     f->GetPrecision()};
        if (f->GetSubType() != OFSTNone)
            fi.type += std::string("(") + OGRFieldDefn::GetFieldSubTypeName(f->GetSubType()) + ")";
        fields.push_back(std::move(fi));
    }
    return fields;
}

void expand(std::optional<Extent>& extent, const OGREnvelope& env) {
    const Extent e{env.MinX, env.MinY, env.MaxX, env.MaxY};
    extent = extent ? extent->united(e) : e;
}

LayerInfo describeLayer(OGRLayer& layer, const std::string& path, const DescribeOptions& options,
                        const SubFeedback& feedback, std::vector<Message>& warnings) {
    LayerInfo info;
    info.name = layer.GetName();
    info.declaredGeometryType = OGRGeometryTypeToName(layer.GetGeomType());
    info.fields = describeFields(*layer.GetLayerDefn());
    info.crs = identifyCrs(layer.GetSpatialRef());

    std::optional<GeosContext> geos;
    if (options.checkValidity)
        geos.emplace();
    ValiditySummary validity;
    const GIntBig expected = std::max<GIntBig>(1, layer.GetFeatureCount(FALSE));

    GdalErrorCapture errors;
    layer.ResetReading();
    for (OgrFeaturePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
        ++info.featureCount;
        if ((info.featureCount & 0xFF) == 0) {
            feedback.throwIfCanceled();
            feedback.setProgress(double(info.featureCount) / double(expected));
        }
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            ++info.emptyGeometries;
            continue;
        }
        ++info.geometryTypes[OGRGeometryTypeToName(g->getGeometryType())];
        OGREnvelope env;
        g->getEnvelope(&env);
        expand(info.extent, env);
        if (geos) {
            ++validity.checked;
            if (auto bad = checkValidity(*geos, *g)) {
                ++validity.invalid;
                if (validity.examples.size() < options.maxInvalidListed) {
                    bad->fid = f->GetFID();
                    validity.examples.push_back(std::move(*bad));
                }
            }
        }
    }
    if (errors.hasFailure()) {
        const auto parts = shapefilePartsMismatch(path);
        throw InputError(
            msg("{}: layer '{}' could not be read completely (stopped after {} features: {}) — the "
                "file is damaged or truncated; copy it again from the source",
                path, info.name, std::to_string(info.featureCount),
                parts ? *parts : verbatim(errors.firstMessage())));
    }
    for (const auto& m : errors.messages())
        addWarningOnce(warnings, msg("layer '{}': {}", info.name, m.text));

    if (geos)
        info.validity = std::move(validity);
    if (info.extent) {
        if (info.crs.kind == CrsKind::Unknown)
            info.crsSuggestions = suggestCrsForExtent(*info.extent);
        else
            info.extentCgcs2000 = toCgcs2000(info.crs, *info.extent, warnings);
    }
    feedback.setProgress(1.0);
    return info;
}

std::optional<double> bandNoData(GDALRasterBand& band) {
    int has = 0;
    const double v = band.GetNoDataValue(&has);
    if (has)
        return v;
    return std::nullopt;
}

RasterInfo describeRaster(GDALDataset& ds, std::vector<Message>& warnings) {
    RasterInfo info;
    info.width = ds.GetRasterXSize();
    info.height = ds.GetRasterYSize();
    for (int i = 1; i <= ds.GetRasterCount(); ++i) {
        GDALRasterBand* band = ds.GetRasterBand(i);
        BandInfo b;
        b.index = i;
        b.dataType = GDALGetDataTypeName(band->GetRasterDataType());
        b.colorInterpretation = GDALGetColorInterpretationName(band->GetColorInterpretation());
        b.noData = bandNoData(*band);
        b.hasColorTable = band->GetColorTable() != nullptr;
        for (int o = 0; o < band->GetOverviewCount(); ++o)
            if (GDALRasterBand* ov = band->GetOverview(o))
                b.overviews.emplace_back(ov->GetXSize(), ov->GetYSize());
        info.bands.push_back(std::move(b));
    }
    std::array<double, 6> gt{};
    const bool hasGeoTransform =
        ds.GetGeoTransform(gt.data()) == CE_None &&
        !(gt[0] == 0 && gt[1] == 1 && gt[2] == 0 && gt[3] == 0 && gt[4] == 0 && gt[5] == 1);
    info.gcpCount = ds.GetGCPCount();
    info.georeferenced = hasGeoTransform || info.gcpCount > 0;
    const OGRSpatialReference* srs = ds.GetSpatialRef();
    if (!srs && info.gcpCount > 0)
        srs = ds.GetGCPSpatialRef();
    info.crs = identifyCrs(srs);
    if (hasGeoTransform) {
        info.geoTransform = gt;
        Extent e{gt[0], gt[3], gt[0], gt[3]};
        for (auto [px, py] :
             {std::pair{0, 0}, {info.width, 0}, {0, info.height}, {info.width, info.height}}) {
            const double x = gt[0] + px * gt[1] + py * gt[2];
            const double y = gt[3] + px * gt[4] + py * gt[5];
            e = Extent{std::min(e.minX, x), std::min(e.minY, y), std::max(e.maxX, x),
                       std::max(e.maxY, y)};
        }
        info.extent = e;
        if (info.crs.kind == CrsKind::Unknown)
            info.crsSuggestions = suggestCrsForExtent(e);
        else
            info.extentCgcs2000 = toCgcs2000(info.crs, e, warnings);
    }
    if (!info.georeferenced)
        warnings.push_back(msg("the image is not georeferenced: it can be viewed now and "
                               "georeferenced with control points later"));
    return info;
}

} // namespace

DatasetInfo describeDataset(const fs::path& path, const DescribeOptions& options,
                            Feedback* feedback) {
    OpenedDataset opened = openDataset(path, OpenOptions{options.encoding, false});
    GDALDataset& ds = *opened.dataset;

    DatasetInfo info;
    info.path = path.string();
    info.encoding = opened.encoding;
    info.warnings = opened.warnings;
    if (GDALDriver* driver = ds.GetDriver()) {
        info.driver = driver->GetDescription();
        if (const char* longName = driver->GetMetadataItem(GDAL_DMD_LONGNAME))
            info.driverLongName = longName;
    }
    const int layerCount = ds.GetLayerCount();
    for (int i = 0; i < layerCount; ++i) {
        const SubFeedback sub(feedback, double(i) / layerCount, double(i + 1) / layerCount);
        info.layers.push_back(
            describeLayer(*ds.GetLayer(i), info.path, options, sub, info.warnings));
    }
    if (ds.GetRasterCount() > 0)
        info.raster = describeRaster(ds, info.warnings);
    if (info.encoding.uncertain)
        info.warnings.push_back(info.encoding.reason);
    if (feedback)
        feedback->setProgress(1.0);
    return info;
}

} // namespace mapaudit
