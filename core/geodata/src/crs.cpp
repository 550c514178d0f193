#include "mapaudit/geodata/crs.h"

#include "mapaudit/base/error.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ogr_srs_api.h>
#include <sstream>

namespace mapaudit {
namespace {

bool containsAny(const std::string& text, std::initializer_list<const char*> needles) {
    for (const char* n : needles)
        if (text.find(n) != std::string::npos)
            return true;
    return false;
}

std::string attr(const OGRSpatialReference& srs, const char* node) {
    const char* v = srs.GetAttrValue(node);
    return v ? v : "";
}

bool isCgcs2000Datum(const OGRSpatialReference& srs) {
    return containsAny(attr(srs, "DATUM"),
                       {"China_2000", "China 2000", "CGCS2000", "CGCS_2000", "CGCS 2000"});
}

std::optional<int> authorityEpsg(const OGRSpatialReference& srs) {
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code && std::string(auth) == "EPSG")
        return std::atoi(code);
    return std::nullopt;
}

// Best EPSG match PROJ finds for a CRS that does not state its code (e.g. an
// ESRI .prj), with its confidence.
std::pair<std::optional<int>, int> matchEpsg(const OGRSpatialReference& srs) {
    int count = 0;
    int* confidences = nullptr;
    OGRSpatialReferenceH* matches = srs.FindMatches(nullptr, &count, &confidences);
    std::pair<std::optional<int>, int> best{std::nullopt, 0};
    for (int i = 0; i < count; ++i) {
        auto* m = OGRSpatialReference::FromHandle(matches[i]);
        if (auto code = authorityEpsg(*m); code && confidences[i] >= 70) {
            best = {code, confidences[i]};
            break;
        }
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidences);
    return best;
}

int widthHintFromName(const std::string& name) {
    if (containsAny(name, {"3_Degree", "3-degree", "3 Degree", "3度", "3°"}))
        return 3;
    if (containsAny(name, {"6_Degree", "6-degree", "6 Degree", "6度", "6°"}))
        return 6;
    return 0;
}

std::optional<GaussKrugerZone> gaussKrugerFromDefinition(const OGRSpatialReference& srs) {
    if (!srs.IsProjected() || !isCgcs2000Datum(srs))
        return std::nullopt;
    const std::string projection = attr(srs, "PROJECTION");
    if (!containsAny(projection, {"Transverse_Mercator", "Gauss_Kruger", "Gauss-Kruger"}))
        return std::nullopt;
    const double scale = srs.GetNormProjParm(SRS_PP_SCALE_FACTOR, 1.0);
    const double lat0 = srs.GetNormProjParm(SRS_PP_LATITUDE_OF_ORIGIN, 0.0);
    const double fn = srs.GetNormProjParm(SRS_PP_FALSE_NORTHING, 0.0);
    if (std::fabs(scale - 1.0) > 1e-9 || std::fabs(lat0) > 1e-9 || std::fabs(fn) > 1e-6)
        return std::nullopt;
    const char* name = srs.GetName();
    return gaussKrugerFromParameters(srs.GetNormProjParm(SRS_PP_CENTRAL_MERIDIAN, 0.0),
                                     srs.GetNormProjParm(SRS_PP_FALSE_EASTING, 0.0),
                                     widthHintFromName(name ? name : ""));
}

std::string fmt(double v, int precision) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(precision);
    s << v;
    return s.str();
}

} // namespace

const char* crsKindName(CrsKind kind) {
    switch (kind) {
    case CrsKind::Geographic:
        return "geographic";
    case CrsKind::Projected:
        return "projected";
    case CrsKind::Other:
        return "other";
    case CrsKind::Unknown:
        break;
    }
    return "unknown";
}

std::string CrsInfo::label() const {
    if (kind == CrsKind::Unknown)
        return "CRS unknown";
    std::string s = epsg ? "EPSG:" + std::to_string(*epsg) + " — " + name : name;
    s += std::string(" (") + crsKindName(kind) + ")";
    return s;
}

CrsInfo identifyCrs(const OGRSpatialReference* srs) {
    CrsInfo info;
    if (!srs || srs->IsEmpty())
        return info;
    ensureGdalInitialised();
    GdalErrorCapture quiet;

    info.kind = srs->IsGeographic()  ? CrsKind::Geographic
                : srs->IsProjected() ? CrsKind::Projected
                                     : CrsKind::Other;
    info.name = srs->GetName() ? srs->GetName() : "";
    const char* wktOptions[] = {"FORMAT=WKT2_2019", nullptr};
    char* wkt = nullptr;
    if (srs->exportToWkt(&wkt, wktOptions) == OGRERR_NONE && wkt)
        info.wkt = wkt;
    CPLFree(wkt);

    if (auto code = authorityEpsg(*srs)) {
        info.epsg = code;
        info.matchConfidence = 100;
    }
    if (!info.epsg) {
        if (auto gk = gaussKrugerFromDefinition(*srs)) {
            info.epsg = gk->epsg;
            info.matchConfidence = gk->widthAmbiguous ? 70 : 95;
        }
    }
    if (!info.epsg) {
        auto [code, confidence] = matchEpsg(*srs);
        info.epsg = code;
        info.matchConfidence = confidence;
    }

    const int epsg = info.epsg.value_or(0);
    if (auto gk = gaussKrugerFromEpsg(epsg))
        info.gaussKruger = gk;
    else if (auto fromDef = gaussKrugerFromDefinition(*srs))
        info.gaussKruger = fromDef;
    // Keep the width ambiguity visible even when PROJ matched a code.
    if (info.gaussKruger && info.matchConfidence < 100)
        if (auto fromDef = gaussKrugerFromDefinition(*srs))
            info.gaussKruger->widthAmbiguous = fromDef->widthAmbiguous;

    info.isCgcs2000 =
        epsg == kCgcs2000Epsg || info.gaussKruger.has_value() || isCgcs2000Datum(*srs);
    info.isWgs84 = epsg == kWgs84Epsg;
    info.isWebMercator = epsg == kWebMercatorEpsg || epsg == 900913 || epsg == 3785;
    if (info.name.empty() && info.epsg)
        info.name = "EPSG:" + std::to_string(*info.epsg);
    return info;
}

CrsInfo identifyCrs(const std::string& userDefinition) {
    ensureGdalInitialised();
    GdalErrorCapture errors;
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(userDefinition.c_str()) != OGRERR_NONE)
        throw InputError(msg("CRS '{}' is not recognised — give it as EPSG:NNNN (e.g. EPSG:4490), "
                             "WKT or a PROJ string",
                             userDefinition));
    return identifyCrs(&srs);
}

std::vector<CrsSuggestion> suggestCrsForExtent(const Extent& e) {
    std::vector<CrsSuggestion> out;
    if (!e.valid())
        return out;
    if (e.minX >= -180.0 && e.maxX <= 180.0 && e.minY >= -90.0 && e.maxY <= 90.0) {
        out.push_back({kCgcs2000Epsg,
                       "coordinates look like longitude/latitude in degrees: probably CGCS2000 "
                       "(EPSG:4490) or WGS 84 (EPSG:4326); set the CRS explicitly"});
        return out;
    }
    // Gauss-Krüger with zone prefix: the millions digit of x is the zone.
    const double zoneLo = std::floor(e.minX / 1e6);
    const double zoneHi = std::floor(e.maxX / 1e6);
    const bool northingsInChina = e.minY >= 0.0 && e.maxY <= 6.2e6;
    if (zoneLo == zoneHi && northingsInChina) {
        const int zone = static_cast<int>(zoneLo);
        const double inZone = e.minX - zone * 1e6;
        if (inZone > 0.0 && e.maxX - zone * 1e6 < 1e6) {
            for (int width : {3, 6}) {
                const int cm = width == 3 ? zone * 3 : zone * 6 - 3;
                if (auto gk = gaussKrugerFromParameters(cm, zone * 1e6 + 500000.0, width)) {
                    out.push_back({gk->epsg, "eastings carry a zone prefix: probably " +
                                                 gk->describe() +
                                                 ", EPSG:" + std::to_string(gk->epsg)});
                }
            }
        }
    }
    if (e.minX >= 0.0 && e.maxX <= 1e6 && northingsInChina && e.minY > 1e5) {
        out.push_back({std::nullopt,
                       "eastings around 500 000 m without zone prefix: probably CGCS2000 "
                       "Gauss-Krüger (EPSG:4534–4554 for 3° zones, 4502–4512 for 6°); the zone "
                       "cannot be told from coordinates — ask the data's producer for the central "
                       "meridian"});
    }
    constexpr double kMercatorLimit = 20037508.3428;
    if (std::fabs(e.minX) <= kMercatorLimit && std::fabs(e.maxX) <= kMercatorLimit &&
        std::fabs(e.minY) <= kMercatorLimit && std::fabs(e.maxY) <= kMercatorLimit &&
        (e.maxX - e.minX > 1e6 || e.maxY - e.minY > 1e6)) {
        out.push_back({kWebMercatorEpsg, "coordinates fit Web Mercator metres (x " +
                                             fmt(e.minX, 0) + "…" + fmt(e.maxX, 0) +
                                             "): possibly EPSG:3857"});
    }
    if (out.empty())
        out.push_back({std::nullopt, "coordinate ranges match no common Chinese CRS; ask the "
                                     "data's producer which CRS it uses"});
    return out;
}

CrsTransform::CrsTransform(const std::string& from, const std::string& to)
    : ctx_(proj_context_create()) {
    proj_context_set_enable_network(ctx_.get(), 0);
    proj_log_level(ctx_.get(), PJ_LOG_NONE);
    ProjPtr raw(proj_create_crs_to_crs(ctx_.get(), from.c_str(), to.c_str(), nullptr));
    if (!raw)
        throw InputError(
            msg("cannot transform from '{}' to '{}': {} — check both CRS definitions", from, to,
                proj_context_errno_string(ctx_.get(), proj_context_errno(ctx_.get()))));
    op_.reset(proj_normalize_for_visualization(ctx_.get(), raw.get()));
    if (!op_)
        throw InputError(
            msg("cannot set GIS axis order for the transform from '{}' to '{}'", from, to));
}

CrsTransform::Point CrsTransform::apply(double x, double y, PJ_DIRECTION direction) const {
    PJ_COORD c = proj_coord(x, y, 0, 0);
    PJ_COORD r = proj_trans(op_.get(), direction, c);
    if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y))
        throw InputError(
            msg("coordinate ({}, {}) cannot be transformed — is it inside the area of its CRS?",
                fmt(x, 6), fmt(y, 6)));
    return {r.xy.x, r.xy.y};
}

CrsTransform::Point CrsTransform::forward(double x, double y) const {
    return apply(x, y, PJ_FWD);
}

CrsTransform::Point CrsTransform::inverse(double x, double y) const {
    return apply(x, y, PJ_INV);
}

Extent CrsTransform::forwardExtent(const Extent& e) const {
    Extent out;
    if (!proj_trans_bounds(ctx_.get(), op_.get(), PJ_FWD, e.minX, e.minY, e.maxX, e.maxY, &out.minX,
                           &out.minY, &out.maxX, &out.maxY, 21))
        throw InputError(msg(
            "extent ({}, {}) — ({}, {}) cannot be transformed — is it inside the area of its CRS?",
            fmt(e.minX, 3), fmt(e.minY, 3), fmt(e.maxX, 3), fmt(e.maxY, 3)));
    return out;
}

} // namespace mapaudit
