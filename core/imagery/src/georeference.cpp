#include "mapaudit/imagery/georeference.h"

#include "mapaudit/base/atomic_output.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/crs.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"
#include "warp_to_file.h"

#include <cmath>
#include <fstream>
#include <gdal_alg.h>
#include <gdal_utils.h>
#include <memory>
#include <sstream>

namespace mapaudit::imagery {
namespace fs = std::filesystem;
namespace {

// A GDAL transformer from control points, destroyed with its own function.
struct Transformer {
    void* handle = nullptr;
    bool tps = false;
    Transformer(const std::vector<GDAL_GCP>& gcps, Transform t) : tps(t == Transform::Tps) {
        const int n = static_cast<int>(gcps.size());
        handle = tps ? GDALCreateTPSTransformer(n, gcps.data(), FALSE)
                     : GDALCreateGCPTransformer(n, gcps.data(), static_cast<int>(t), FALSE);
    }
    ~Transformer() {
        if (handle)
            (tps ? GDALDestroyTPSTransformer : GDALDestroyGCPTransformer)(handle);
    }
    Transformer(const Transformer&) = delete;
    Transformer& operator=(const Transformer&) = delete;
    // Image position of a true position; false when the transform cannot say.
    bool toImage(double x, double y, double& pixel, double& line) const {
        double z = 0;
        int ok = 0;
        (tps ? GDALTPSTransform : GDALGCPTransform)(handle, TRUE, 1, &x, &y, &z, &ok);
        pixel = x;
        line = y;
        return ok != 0;
    }
};

// Lon/lat points whose latitude is beyond ±90°: almost always x and y swapped.
void checkPointRanges(const std::vector<ControlPoint>& points, const GeoreferenceOptions& o) {
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(o.pointsCrs.c_str()) != OGRERR_NONE || !srs.IsGeographic())
        return;
    for (const ControlPoint& p : points)
        if (p.enabled && (std::abs(p.y) > 90 || std::abs(p.x) > 360))
            throw InputError(msg("control point {}: ({}, {}) is not a longitude/latitude — x is "
                                 "the longitude and y the latitude; are they swapped?",
                                 p.id, std::to_string(p.x), std::to_string(p.y)));
}

void checkPointsInImage(const std::vector<ControlPoint>& points, GDALDataset& image,
                        const fs::path& path) {
    const int w = image.GetRasterXSize(), h = image.GetRasterYSize();
    for (const ControlPoint& p : points)
        if (p.enabled && (p.pixel < 0 || p.line < 0 || p.pixel > w || p.line > h))
            throw InputError(msg("control point {}: pixel {}, line {} is outside {} ({} × {} "
                                 "pixels) — check its pixel and line",
                                 p.id, std::to_string(p.pixel), std::to_string(p.line),
                                 path.filename(), w, h));
}

// Enabled points as GDAL control points, their x/y in the image CRS. With
// `ids` the points keep their ids, which `ids` holds for as long as the GCPs.
std::vector<GDAL_GCP> gdalPoints(const std::vector<ControlPoint>& points,
                                 const GeoreferenceOptions& o,
                                 std::vector<std::string>* ids = nullptr) {
    std::unique_ptr<CrsTransform> toImage;
    if (!o.imageCrs.empty() && o.imageCrs != o.pointsCrs)
        toImage = std::make_unique<CrsTransform>(o.pointsCrs, o.imageCrs);
    std::vector<GDAL_GCP> gcps;
    static char empty[] = "";
    if (ids) {
        ids->clear();
        ids->reserve(points.size()); // no reallocation: the GCPs point into it
    }
    for (const ControlPoint& p : points) {
        if (!p.enabled)
            continue;
        GDAL_GCP g{};
        g.pszId = empty;
        if (ids) {
            ids->push_back(p.id);
            g.pszId = ids->back().data();
        }
        g.pszInfo = empty;
        g.dfGCPPixel = p.pixel;
        g.dfGCPLine = p.line;
        g.dfGCPX = p.x;
        g.dfGCPY = p.y;
        if (toImage) {
            const auto q = toImage->forward(p.x, p.y);
            g.dfGCPX = q.x;
            g.dfGCPY = q.y;
        }
        gcps.push_back(g);
    }
    return gcps;
}

Transform resolved(Transform t, std::size_t n) {
    const Transform used = t == Transform::Auto ? chooseTransform(n) : t;
    if (n < minimumPoints(used))
        throw InputError(msg("{} needs at least {} control points, {} are enabled — add points",
                             transformName(used), minimumPoints(used), n));
    return used;
}

std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');)
        out.push_back(trim(cell));
    return out;
}

} // namespace

Transform parseTransform(const std::string& name) {
    for (Transform t :
         {Transform::Auto, Transform::Poly1, Transform::Poly2, Transform::Poly3, Transform::Tps})
        if (name == transformName(t))
            return t;
    throw InputError(msg("unknown transform '{}' — use auto, poly1, poly2, poly3 or tps", name));
}

const char* transformName(Transform t) {
    switch (t) {
    case Transform::Poly1:
        return "poly1";
    case Transform::Poly2:
        return "poly2";
    case Transform::Poly3:
        return "poly3";
    case Transform::Tps:
        return "tps";
    case Transform::Auto:
        break;
    }
    return "auto";
}

Transform chooseTransform(std::size_t n) {
    return n >= 15 ? Transform::Tps : n >= 6 ? Transform::Poly2 : Transform::Poly1;
}

std::size_t minimumPoints(Transform t) {
    switch (t) {
    case Transform::Poly2:
        return 6;
    case Transform::Poly3:
        return 10;
    default:
        return 3;
    }
}

namespace {

// A GDAL VRT's ground control points, as lon/lat on CGCS2000.
std::vector<ControlPoint> readVrtControlPoints(const fs::path& path) {
    OpenedDataset opened = openDataset(path);
    GDALDataset& ds = *opened.dataset;
    const int n = ds.GetGCPCount();
    if (n == 0)
        throw InputError(msg("{}: no control points in it", path));
    std::unique_ptr<CrsTransform> toLonLat;
    if (const OGRSpatialReference* srs = ds.GetGCPSpatialRef()) {
        OGRSpatialReference cgcs2000;
        cgcs2000.importFromEPSG(4490);
        if (!srs->IsSame(&cgcs2000)) {
            char* wkt = nullptr;
            srs->exportToWkt(&wkt);
            toLonLat = std::make_unique<CrsTransform>(wkt, "EPSG:4490");
            CPLFree(wkt);
        }
    }
    std::vector<ControlPoint> points;
    const GDAL_GCP* gcps = ds.GetGCPs();
    for (int i = 0; i < n; ++i) {
        ControlPoint p;
        p.id = gcps[i].pszId && *gcps[i].pszId ? gcps[i].pszId : std::to_string(i + 1);
        p.pixel = gcps[i].dfGCPPixel;
        p.line = gcps[i].dfGCPLine;
        p.x = gcps[i].dfGCPX;
        p.y = gcps[i].dfGCPY;
        if (toLonLat) {
            const auto ll = toLonLat->forward(p.x, p.y);
            p.x = ll.x;
            p.y = ll.y;
        }
        points.push_back(p);
    }
    return points;
}

} // namespace

std::vector<ControlPoint> readControlPoints(const fs::path& path) {
    if (lowerExtension(path) == ".vrt")
        return readVrtControlPoints(path);
    std::istringstream in(readFileBytes(path)); // "<path>: cannot be read — check the path"
    return parseControlPoints(in, lowerExtension(path) == ".points", path.string());
}

std::vector<ControlPoint> parseControlPoints(std::istream& in, bool qgis,
                                             const std::string& origin) {
    std::vector<ControlPoint> points;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#' || t.rfind("mapX", 0) == 0 || t.rfind("id,", 0) == 0)
            continue;
        const auto c = cells(t);
        auto number = [&](std::size_t i, const char* what) {
            const auto v = i < c.size() ? parseNumber(c[i]) : std::nullopt;
            if (!v)
                throw InputError(msg("{}: line {}, {}: '{}' is not a number", origin, n, what,
                                     i < c.size() ? c[i] : std::string()));
            return *v;
        };
        ControlPoint p;
        if (qgis) { // mapX,mapY,pixelX,pixelY,enable[,…]
            p.x = number(0, "mapX");
            p.y = number(1, "mapY");
            p.pixel = number(2, "pixelX");
            p.line = -number(3, "pixelY"); // QGIS counts image rows downwards as negative
            p.enabled = c.size() < 5 || c[4] != "0";
            p.id = std::to_string(points.size() + 1);
        } else { // id,pixel,line,x,y
            p.id = c.empty() ? "" : c[0];
            p.pixel = number(1, "pixel");
            p.line = number(2, "line");
            p.x = number(3, "x");
            p.y = number(4, "y");
        }
        points.push_back(p);
    }
    if (points.empty())
        throw InputError(msg("{}: no control points in it", origin));
    return points;
}

void writeControlPoints(const std::vector<ControlPoint>& points, const fs::path& path) {
    AtomicOutput output(path);
    {
        std::ofstream out(output.partial());
        out.precision(12);
        out << "mapX,mapY,pixelX,pixelY,enable\n";
        for (const ControlPoint& p : points)
            out << p.x << "," << p.y << "," << p.pixel << "," << -p.line << ","
                << (p.enabled ? 1 : 0) << "\n";
        if (!out.flush())
            throw InputError(msg("{}: could not be written — check the disk", path));
    }
    output.commit();
}

void writeControlPointsVrt(const fs::path& image, const std::vector<ControlPoint>& points,
                           const fs::path& path) {
    ensureGdalInitialised();
    OpenedDataset opened = openDataset(image);
    std::vector<std::string> ids;
    const std::vector<GDAL_GCP> gcps = gdalPoints(points, GeoreferenceOptions{}, &ids);
    if (gcps.empty())
        throw InputError(msg("{}: no enabled control point to write", path));
    OGRSpatialReference cgcs2000;
    cgcs2000.importFromEPSG(4490);
    cgcs2000.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    GdalErrorCapture errors;
    AtomicOutput output(path);
    {
        const char* args[] = {"-of", "VRT", nullptr};
        std::unique_ptr<GDALTranslateOptions, decltype(&GDALTranslateOptionsFree)> translate(
            GDALTranslateOptionsNew(const_cast<char**>(args), nullptr), GDALTranslateOptionsFree);
        GdalDatasetPtr vrt(GDALDataset::FromHandle(
            GDALTranslate(output.partial().c_str(), GDALDataset::ToHandle(opened.dataset.get()),
                          translate.get(), nullptr)));
        if (!vrt || vrt->SetGCPs(static_cast<int>(gcps.size()), gcps.data(), &cgcs2000) != CE_None)
            throw InputError(msg("{}: could not be written ({})", path, errors.firstMessage()));
    }
    output.commit();
}

namespace {

Fit fitGcps(const std::vector<GDAL_GCP>& gcps, Transform requested) {
    Fit fit;
    fit.transform = resolved(requested, gcps.size());
    fit.leaveOneOut = fit.transform == Transform::Tps;
    double sum = 0;
    for (std::size_t i = 0; i < gcps.size(); ++i) {
        std::vector<GDAL_GCP> others = gcps;
        if (fit.leaveOneOut)
            others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
        const Transformer t(fit.leaveOneOut ? others : gcps, fit.transform);
        if (!t.handle)
            throw InputError(msg("the control points do not determine a {} transform (are some "
                                 "in a line or repeated?)",
                                 transformName(fit.transform)));
        double pixel = 0, line = 0;
        if (!t.toImage(gcps[i].dfGCPX, gcps[i].dfGCPY, pixel, line))
            throw InputError(
                msg("control point {} cannot be placed by the fitted transform", i + 1));
        const double r = std::hypot(pixel - gcps[i].dfGCPPixel, line - gcps[i].dfGCPLine);
        fit.residualsPx.push_back(r);
        sum += r * r;
    }
    fit.rmsPx = gcps.empty() ? 0 : std::sqrt(sum / static_cast<double>(gcps.size()));
    return fit;
}

} // namespace

Fit fitControlPoints(const std::vector<ControlPoint>& points, const GeoreferenceOptions& o) {
    ensureGdalInitialised();
    checkPointRanges(points, o);
    return fitGcps(gdalPoints(points, o), o.transform);
}

Fit georeference(const fs::path& image, const std::vector<ControlPoint>& points,
                 const GeoreferenceOptions& o, const fs::path& out, Feedback* feedback) {
    ensureGdalInitialised();
    checkPointRanges(points, o);
    OpenedDataset opened = openDataset(image);
    if (opened.dataset->GetRasterCount() == 0)
        throw InputError(msg("{}: has no image bands to georeference", image));
    checkPointsInImage(points, *opened.dataset, image);
    const std::vector<GDAL_GCP> gcps = gdalPoints(points, o);
    const Fit fit = fitGcps(gcps, o.transform);
    OGRSpatialReference imageSrs;
    if (imageSrs.SetFromUserInput((o.imageCrs.empty() ? o.pointsCrs : o.imageCrs).c_str()) !=
        OGRERR_NONE)
        throw InputError(msg("the image CRS '{}' is not recognised",
                             o.imageCrs.empty() ? o.pointsCrs : o.imageCrs));
    imageSrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    GdalErrorCapture errors;
    // An in-memory VRT of the image carrying the control points.
    const char* vrtArgs[] = {"-of", "VRT", nullptr};
    std::unique_ptr<GDALTranslateOptions, decltype(&GDALTranslateOptionsFree)> translate(
        GDALTranslateOptionsNew(const_cast<char**>(vrtArgs), nullptr), GDALTranslateOptionsFree);
    GdalDatasetPtr vrt(GDALDataset::FromHandle(
        GDALTranslate("", GDALDataset::ToHandle(opened.dataset.get()), translate.get(), nullptr)));
    if (!vrt)
        throw InputError(msg("{}: could not be prepared ({})", image, errors.firstMessage()));
    vrt->SetGCPs(static_cast<int>(gcps.size()), gcps.data(), &imageSrs);

    WarpJob job;
    job.args = {"-of",
                "GTiff",
                "-t_srs",
                o.targetCrs,
                "-r",
                "bilinear",
                "-dstalpha",
                "-co",
                "COMPRESS=DEFLATE",
                "-co",
                "TILED=YES",
                "-co",
                "NUM_THREADS=ALL_CPUS",
                "-overwrite"};
    if (fit.transform == Transform::Tps)
        job.args.push_back("-tps");
    else
        job.args.insert(job.args.end(),
                        {"-order", std::to_string(static_cast<int>(fit.transform))});
    job.warpFailed = [](const fs::path& file, const std::string& why) {
        return msg("{}: the image could not be warped ({})", file, why);
    };
    job.overviewsFailed = [](const fs::path& file, const std::string& why) {
        return msg("{}: overviews could not be built ({})", file, why);
    };
    warpToFile(*vrt, job, out, feedback);
    return fit;
}

} // namespace mapaudit::imagery
