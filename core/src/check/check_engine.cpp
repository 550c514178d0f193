#include "mapaudit/check/check_engine.h"

#include "check_context.h"
#include "mapaudit/error.h"
#include "mapaudit/feedback.h"
#include "mapaudit/gdal_environment.h"
#include "mapaudit/geometry_validity.h"
#include "mapaudit/geos_interrupt.h"
#include "mapaudit/geos_ops.h"
#include "mapaudit/imagery/raster_checks.h"
#include "mapaudit/refpack/reference_pack.h"
#include "mapaudit/text_util.h"
#include "scale.h"

#include <algorithm>

namespace mapaudit::check {
namespace {

constexpr double kKmPerDegree = 111.32;
// Everything the rules look at lies within the reference territory and the
// South China Sea inset frame; this margin keeps neighbours' edges in view.
constexpr double kAreaOfInterestMarginDeg = 3.0;
// Input polygons are generalised to this share of the tolerance before
// overlay: detail finer than that cannot change a finding.
constexpr double kGeneraliseShareOfTolerance = 0.1;

double packAccuracyKm(const refpack::ReferencePack& pack) {
    const auto it = pack.metadata().find("accuracy_km");
    try {
        return it == pack.metadata().end() ? 0.0 : std::stod(it->second);
    } catch (const std::exception&) {
        return 0.0;
    }
}

Extent areaOfInterest(const GeosContext& c, const refpack::ReferencePack& pack) {
    GeosGeometryPtr all =
        geos::unite(c, *pack.geometry(c, "territory"), *pack.geometry(c, "scs_inset_frame"));
    Extent e;
    GEOSGeom_getXMin_r(c.handle(), all.get(), &e.minX);
    GEOSGeom_getYMin_r(c.handle(), all.get(), &e.minY);
    GEOSGeom_getXMax_r(c.handle(), all.get(), &e.maxX);
    GEOSGeom_getYMax_r(c.handle(), all.get(), &e.maxY);
    const double m = kAreaOfInterestMarginDeg;
    return {e.minX - m, e.minY - m, e.maxX + m, e.maxY + m};
}

void loadReference(CheckContext& ctx) {
    const auto& c = ctx.c;
    GDALDataset& ds = ctx.pack.dataset();
    auto each = [&](const char* name, auto&& fn) {
        OGRLayer* layer = ds.GetLayerByName(name);
        layer->ResetReading();
        for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()))
            fn(*f);
        layer->ResetReading();
    };
    each("regions", [&](OGRFeature& f) {
        ctx.regions.push_back({f.GetFieldAsString("code"), f.GetFieldAsString("name_zh"),
                               f.GetFieldAsString("name_en"), f.GetFieldAsString("kind"),
                               toGeos(c, *f.GetGeometryRef())});
    });
    each("island_groups", [&](OGRFeature& f) {
        ctx.groups.push_back({f.GetFieldAsString("code"), f.GetFieldAsString("name_zh"),
                              f.GetFieldAsString("name_en"), toGeos(c, *f.GetGeometryRef())});
    });
    each("key_islands", [&](OGRFeature& f) {
        const OGRPoint* p = f.GetGeometryRef()->toPoint();
        ctx.islands.push_back({f.GetFieldAsString("code"), f.GetFieldAsString("name_zh"),
                               f.GetFieldAsString("name_en"), f.GetFieldAsString("kind"),
                               f.GetFieldAsString("island_group"), f.GetFieldAsString("region"),
                               f.GetFieldAsString("representation"),
                               f.GetFieldAsInteger64("max_scale_denominator"), p->getX(),
                               p->getY()});
    });
    ctx.territory = geos::polygonalParts(
        c, *geos::intersection(c, *ctx.pack.geometry(c, "territory"), *ctx.extentBox));
}

} // namespace

std::optional<double> parseScale(const std::string& text) {
    std::string t = text.rfind("1:", 0) == 0 ? text.substr(2) : text;
    std::erase_if(t, [](char c) { return c == ' ' || c == ','; });
    const auto v = parseNumber(t);
    return v && *v >= 100 ? v : std::nullopt;
}

const char* severityName(Severity s) {
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        break;
    }
    return "info";
}

bool CheckReport::isProblem() const {
    for (const auto& f : findings)
        if (f.severity == Severity::Error)
            return true;
    return false;
}

namespace {
CheckReport runCheck(const std::filesystem::path& path, const refpack::ReferencePack& pack,
                     const CheckOptions& options, Feedback* feedback, GeosContext& c,
                     MapInput& input);
}

CheckReport checkDataset(const std::filesystem::path& path, const refpack::ReferencePack& pack,
                         const CheckOptions& options, Feedback* feedback) {
    if (imagery::isRasterOnly(path)) // a picture of a map: the raster checks
        return imagery::checkRasterMap(path, pack, {options.scale, options.toleranceMm}, feedback);
    const GeosInterruptGuard interruptible(feedback);
    GeosContext c;
    MapInput input;
    try {
        return runCheck(path, pack, options, feedback, c, input);
    } catch (const std::runtime_error&) {
        // An interrupted GEOS operation fails; the user's cancel is the cause.
        if (feedback && feedback->isCanceled()) {
            disposeInBackground(std::move(input));
            throw Canceled();
        }
        throw;
    }
}

namespace {

CheckReport runCheck(const std::filesystem::path& path, const refpack::ReferencePack& pack,
                     const CheckOptions& options, Feedback* feedback, GeosContext& c,
                     MapInput& input) {
    ensureGdalInitialised();
    readMapInput(c, path, options.layers, options.encoding, areaOfInterest(c, pack), feedback,
                 input);
    CheckReport report;
    report.scaleEstimated = !options.scale;
    const double scale = options.scale ? *options.scale : estimateScale(c, input);
    // No finer than the reference itself: a demonstration pack is good to a few km.
    const double tolKm = std::max(options.toleranceMm * scale / 1e6, packAccuracyKm(pack));
    prepareAreas(c, input, kGeneraliseShareOfTolerance * tolKm / kKmPerDegree,
                 SubFeedback(feedback, 0.3, 0.4));

    CheckContext ctx(c, pack, input, detectCountry(input, options));
    ctx.feedback = feedback;
    ctx.scale = scale;
    ctx.tolKm = tolKm;
    ctx.tolDeg = tolKm / kKmPerDegree;
    const Extent& e = input.extent;
    ctx.extentBox = geos::box(c, e.minX - ctx.tolDeg, e.minY - ctx.tolDeg, e.maxX + ctx.tolDeg,
                              e.maxY + ctx.tolDeg);
    loadReference(ctx);

    std::vector<GeosGeometryPtr> china;
    for (const InputFeature& f : input.features) {
        if (f.kind == Kind::Line)
            ctx.lines.push_back(&f);
        if (f.kind != Kind::Area || !f.inArea)
            continue; // only areas within the area of interest were prepared
        if (isChina(f, ctx.country)) {
            ctx.chinaAreas.push_back(&f);
            china.push_back(geos::clone(c, *f.geometry));
        } else if (hasCountryValue(f, ctx.country)) {
            ctx.foreignAreas.push_back(&f);
        } // polygons without a country value (a plain land layer) are neutral
    }
    ctx.buildIndex();
    // One polygon feature is valid already (prepareAreas); only several need a union.
    if (china.size() == 1)
        ctx.chinaLand = std::move(china.front());
    else if (!china.empty())
        ctx.chinaLand = geos::polygonalParts(c, *geos::unionAll(c, std::move(china)));

    const std::pair<void (*)(CheckContext&), double> rules[] = {
        {ruleTerritoryForeign, 0.45}, {ruleTerritoryMissing, 0.6}, {ruleIslandsOmitted, 0.7},
        {ruleDashline, 0.8},          {ruleBorderDeviation, 0.95}, {ruleSensitiveLabels, 1.0}};
    for (const auto& [rule, progress] : rules) {
        if (feedback)
            feedback->throwIfCanceled();
        rule(ctx);
        if (feedback)
            feedback->setProgress(progress);
    }
    for (const Finding& r : input.repairs)
        ctx.add(r);

    report.dataset = path.string();
    report.layers = input.layers;
    report.country = ctx.country;
    report.scaleDenominator = ctx.scale;
    report.toleranceKm = ctx.tolKm;
    report.packId = pack.id();
    report.packVersion = pack.version();
    report.packDigest = pack.digest();
    report.packVerified = pack.verified();
    report.featuresRead = static_cast<std::int64_t>(input.features.size());
    report.findings = std::move(ctx.findings);
    for (std::size_t i = 0; i < report.findings.size(); ++i)
        report.findings[i].id = "F" + std::to_string(i + 1);
    return report;
}

} // namespace

} // namespace mapaudit::check
