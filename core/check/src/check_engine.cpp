#include "mapaudit/check/check_engine.h"

#include "check_context.h"
#include "map_profile_detect.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/check/clause_catalogue.h"
#include "mapaudit/check/finding_places.h"
#include "mapaudit/check/rule_registry.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/geodata/geos_interrupt.h"
#include "mapaudit/geodata/geos_ops.h"
#include "mapaudit/refpack/key_points.h"
#include "mapaudit/refpack/reference_pack.h"
#include "scale.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace mapaudit::check {
namespace {

// Everything the rules look at lies within the reference territory and the
// South China Sea inset frame; this margin keeps neighbours' edges in view.
constexpr double kAreaOfInterestMarginDeg = 3.0;
// Drawn over this share of the reference mainland, a map shows China as a whole.
constexpr double kWholeMainland = 0.8;

// A pack's stated accuracy `key` (km), else `fallback`.
double packAccuracyKm(const refpack::ReferencePack& pack, const std::string& key,
                      double fallback = 0.0) {
    const auto it = pack.metadata().find(key);
    try {
        return it == pack.metadata().end() ? fallback : std::stod(it->second);
    } catch (const std::exception&) {
        return fallback;
    }
}

Extent areaOfInterest(const GeosContext& c, const refpack::ReferencePack& pack) {
    GeosGeometryPtr all =
        geos::unite(c, *pack.geometry(c, "territory"), *pack.geometry(c, "scs_inset_frame"));
    const geos::Bounds e = geos::bounds(c, *all);
    const double m = kAreaOfInterestMarginDeg;
    return {e.minX - m, e.minY - m, e.maxX + m, e.maxY + m};
}

void loadReference(CheckContext& ctx) {
    const auto& c = ctx.c;
    GDALDataset& ds = ctx.pack.dataset();
    auto each = [&](const char* name, auto&& fn) {
        OGRLayer* layer = ds.GetLayerByName(name);
        if (!layer)
            throw InputError(msg("{}: the reference pack has no layer '{}' — rebuild it with "
                                 "`mapaudit refpack build`",
                                 ctx.pack.path(), name));
        layer->ResetReading();
        for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
            // An unverified pack may have been edited: nothing in it is taken on trust.
            if (!f->GetGeometryRef())
                throw InputError(msg("{}: feature {} of the reference pack's layer '{}' has no "
                                     "geometry — the pack was altered; rebuild it with "
                                     "`mapaudit refpack build`",
                                     ctx.pack.path(), f->GetFID(), name));
            fn(*f);
        }
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
    // Packs built before key places existed have none: the rules then go by area alone.
    if (ds.GetLayerByName("key_places"))
        each("key_places", [&](OGRFeature& f) {
            const OGRPoint* p = f.GetGeometryRef()->toPoint();
            ctx.places.push_back({f.GetFieldAsString("code"), f.GetFieldAsString("name_zh"),
                                  f.GetFieldAsString("name_en"), f.GetFieldAsString("region"),
                                  f.GetFieldAsString("province"), p->getX(), p->getY()});
        });
    for (const refpack::DashLine& d : refpack::dashLines(ctx.pack))
        ctx.dashes.push_back({d.dash, geos::lineString(c, d.vertices)});
    std::sort(ctx.dashes.begin(), ctx.dashes.end(),
              [](const RefDash& a, const RefDash& b) { return a.number < b.number; });
    ctx.territoryAll = ctx.pack.geometry(c, "territory");
}

// The same finding on several features (Hong Kong's 18 districts each a unit
// of their own, every county of a Taiwan map coded TWN) is one finding naming
// them all.
std::string collectionMembers(const std::string& wkt) {
    const std::string prefix = "GEOMETRYCOLLECTION (";
    return wkt.rfind(prefix, 0) == 0 ? wkt.substr(prefix.size(), wkt.size() - prefix.size() - 1)
                                     : wkt;
}

void mergeRepeated(std::vector<Finding>& findings) {
    std::vector<Finding> merged;
    for (Finding& f : findings) {
        auto same = std::find_if(merged.begin(), merged.end(), [&](const Finding& m) {
            return !f.featureIds.empty() && m.rule == f.rule && m.code == f.code &&
                   m.severity == f.severity && m.messageEn == f.messageEn && !m.featureIds.empty();
        });
        if (same == merged.end()) {
            merged.push_back(std::move(f));
            continue;
        }
        same->featureIds.insert(same->featureIds.end(), f.featureIds.begin(), f.featureIds.end());
        if (!f.geometryWkt.empty())
            same->geometryWkt = same->geometryWkt.empty()
                                    ? f.geometryWkt
                                    : "GEOMETRYCOLLECTION (" +
                                          collectionMembers(same->geometryWkt) + ", " +
                                          collectionMembers(f.geometryWkt) + ")";
    }
    findings = std::move(merged);
}

// The map profile: inset, owner, kind, then whose land each polygon is.
void profileMap(CheckContext& ctx, MapInput& input, const CheckOptions& options) {
    const auto& c = ctx.c;
    MapProfile& profile = ctx.profile;
    std::vector<const GEOSGeometry*> dashes;
    for (const RefDash& d : ctx.dashes)
        dashes.push_back(d.geometry.get());
    profile.inset = detectInset(c, input, dashes, *ctx.pack.geometry(c, "scs_inset_frame"));
    profile.owner = detectOwner(input, options);
    if (options.kind) {
        profile.kind = *options.kind;
        profile.kindGiven = true;
        profile.kindEvidence = "given with --kind";
    }
    std::vector<const GEOSGeometry*> seas;
    for (const RefRegion& r : ctx.regions)
        if (r.code == "nanhai" || r.code == "diaoyu")
            seas.push_back(r.geometry.get());
    for (const RefGroup& g : ctx.groups)
        seas.push_back(g.geometry.get());
    detectKind(c, input, *ctx.territoryAll, seas, profile);
    assignOwners(input, profile, options);
    ctx.wholeChina = profile.kind == MapKind::China || (profile.kind != MapKind::ChinaRegion &&
                                                        profile.kind != MapKind::ForeignNational &&
                                                        profile.mainlandShare >= kWholeMainland);
}

// The map's outline against the reference outline (coasts and settled land
// borders), away from disputed areas: the generalisation baseline.
void measureBaseline(CheckContext& ctx) {
    const auto& c = ctx.c;
    GeosGeometryPtr empty = geos::collect(c, {});
    GeosGeometryPtr coast = geos::linealParts(
        c, *geos::intersection(c, *geos::boundary(c, *ctx.territoryAll), *ctx.extentBox));
    std::vector<const GEOSGeometry*> avoid;
    for (const RefRegion& r : ctx.regions)
        if (r.kind == "border_area" || r.code == "nanhai" || r.code == "diaoyu")
            avoid.push_back(r.geometry.get());
    ctx.profile.generalisation =
        measureGeneralisation(c, ctx.chinaLand ? *ctx.chinaLand : *empty, *coast, avoid);
    ctx.baselineDeg = ctx.profile.generalisation.baselineKm / kKmPerDegree;
}

} // namespace

std::optional<double> parseScale(const std::string& text) {
    std::string t = text.rfind("1:", 0) == 0 ? text.substr(2) : text;
    std::erase_if(t, [](char c) { return c == ' ' || c == ','; });
    const auto v = parseNumber(t);
    return v && std::isfinite(*v) && *v >= 100 ? v : std::nullopt; // "inf" is not a scale
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
    readMapInput(
        c, path,
        ReadRequest{options.layers, options.encoding, options.assumeCrs, areaOfInterest(c, pack)},
        feedback, input);
    CheckReport report;
    report.readingNotes = input.notes;
    report.scaleEstimated = !options.scale;
    const double scale = options.scale ? *options.scale : estimateScale(c, input);
    // No finer than the reference itself: a demonstration pack is good to a few km.
    const double packKm = packAccuracyKm(pack, "accuracy_km");
    const double tolKm = std::max(options.toleranceMm * scale / 1e6, packKm);
    prepareAreas(c, input, kGeneraliseShareOfTolerance * tolKm / kKmPerDegree,
                 SubFeedback(feedback, 0.3, 0.4));

    CheckContext ctx(c, pack, input);
    ctx.feedback = feedback;
    ctx.scale = scale;
    ctx.tolKm = tolKm;
    ctx.tolDeg = tolKm / kKmPerDegree;
    ctx.lineTolKm = std::max(tolKm, packAccuracyKm(pack, "line_accuracy_km", packKm));
    ctx.lineTolDeg = ctx.lineTolKm / kKmPerDegree;
    loadReference(ctx);
    const auto profileStart = std::chrono::steady_clock::now();
    profileMap(ctx, input, options);
    auto profileTime = std::chrono::steady_clock::now() - profileStart;
    const Extent& e = input.extent;
    ctx.extentBox = geos::box(c, e.minX - ctx.tolDeg, e.minY - ctx.tolDeg, e.maxX + ctx.tolDeg,
                              e.maxY + ctx.tolDeg);
    if (ctx.wholeChina) { // what the map must show is all of China, not what it reaches
        const Extent all = areaOfInterest(c, pack);
        ctx.extentBox =
            geos::unite(c, *ctx.extentBox, *geos::box(c, all.minX, all.minY, all.maxX, all.maxY));
    }
    ctx.territory =
        geos::polygonalParts(c, *geos::intersection(c, *ctx.territoryAll, *ctx.extentBox));

    std::vector<GeosGeometryPtr> china, drawn;
    for (const InputFeature& f : input.features) {
        if (f.inInset)
            continue; // checked through its copies moved back to their true place
        if (f.kind == Kind::Line)
            ctx.lines.push_back(&f);
        if (f.kind != Kind::Area || !f.inArea)
            continue; // only areas within the area of interest were prepared
        if (f.owner == Owner::China) {
            ctx.chinaAreas.push_back(&f);
            china.push_back(geos::clone(c, *f.geometry));
        } else if (f.owner == Owner::Foreign) {
            ctx.foreignAreas.push_back(&f);
        } else { // a plain land layer: drawn, whoever's it is
            ctx.neutralAreas.push_back(&f);
            drawn.push_back(geos::clone(c, *f.geometry));
        }
    }
    ctx.buildIndex();
    // One polygon feature is valid already (prepareAreas); only several need a union.
    if (china.size() == 1)
        ctx.chinaLand = std::move(china.front());
    else if (!china.empty())
        ctx.chinaLand = geos::polygonalParts(c, *geos::unionGrouped(c, std::move(china)));
    if (ctx.chinaLand)
        drawn.push_back(geos::clone(c, *ctx.chinaLand));
    if (drawn.size() == 1)
        ctx.landDrawn = std::move(drawn.front());
    else if (!drawn.empty())
        ctx.landDrawn = geos::polygonalParts(c, *geos::unionGrouped(c, std::move(drawn)));
    const auto baselineStart = std::chrono::steady_clock::now();
    measureBaseline(ctx);
    ctx.measureDashInk();
    ctx.profile.roles = describeRoles(ctx);
    ctx.profile.drawsLand =
        std::any_of(input.features.begin(), input.features.end(),
                    [](const InputFeature& f) { return f.kind != Kind::Symbol; });
    profileTime += std::chrono::steady_clock::now() - baselineStart;
    ctx.profile.seconds = std::chrono::duration<double>(profileTime).count();

    // The rules take the progress from 0.4 to 1, each by its weight.
    double total = 0, done = 0;
    for (const RuleInfo& rule : ruleCatalogue())
        total += rule.progressWeight;
    for (const RuleInfo& rule : ruleCatalogue()) {
        if (!rule.run)
            continue;
        if (feedback)
            feedback->throwIfCanceled();
        rule.run(ctx);
        done += rule.progressWeight;
        if (feedback)
            feedback->setProgress(0.4 + 0.6 * done / total);
    }
    for (const Finding& r : input.repairs)
        ctx.add(r);

    mergeRepeated(ctx.findings);
    citeClauses(ctx.findings, ctx.profile.kind);

    report.dataset = path.string();
    report.layers = input.layers;
    report.profile = ctx.profile;
    report.country.field = ctx.profile.owner.field;
    report.country.value =
        ctx.profile.owner.chinaValues.empty() ? "" : ctx.profile.owner.chinaValues.front();
    report.country.reason = ctx.profile.owner.evidence;
    report.scaleDenominator = ctx.scale;
    report.toleranceKm = ctx.tolKm;
    report.lineToleranceKm = ctx.lineTolKm;
    report.packId = pack.id();
    report.packVersion = pack.version();
    report.packDigest = pack.digest();
    report.packVerified = pack.verified();
    report.featuresRead = static_cast<std::int64_t>(input.features.size());
    report.reviewNumbers = std::move(ctx.reviewNumbers);
    report.findings = std::move(ctx.findings);
    namePlaces(report.findings, findingCodes(pack));
    for (std::size_t i = 0; i < report.findings.size(); ++i)
        report.findings[i].id = "F" + std::to_string(i + 1);
    return report;
}

} // namespace

} // namespace mapaudit::check
