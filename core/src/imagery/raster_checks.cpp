#include "mapaudit/imagery/raster_checks.h"

#include "check/rule_basis.h"
#include "mapaudit/crs.h"
#include "mapaudit/dataset_open.h"
#include "mapaudit/error.h"
#include "mapaudit/feedback.h"
#include "mapaudit/gdal_environment.h"
#include "mapaudit/geodesic.h"
#include "mapaudit/refpack/reference_pack.h"
#include "mapaudit/refpack/schema.h"
#include "mapaudit/text_util.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>

namespace mapaudit::imagery {
namespace fs = std::filesystem;
using check::Finding;
using check::Severity;
namespace {

using Rgb = std::array<int, 3>;

// Colours further apart than this (sum of channel differences) are different
// inks; antialiasing and JPEG noise stay below it.
constexpr int kInkDistance = 90;
// Two area fills further apart than this are different fills.
constexpr int kFillDistance = 45;
// A dash counts as drawn when ink is found along this share of it.
constexpr double kDashInkShare = 0.4;
constexpr double kMetresPerPixelAtPrint = 0.0002; // 0.2 mm: a 127 dpi scan
constexpr double kGroupLevelScale = 4'000'000;    // as the vector island rule

int distance(const Rgb& a, const Rgb& b) {
    return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
}

// Reads RGB pixels of a georeferenced image around positions given in lon/lat.
class Sampler {
public:
    explicit Sampler(GDALDataset& ds)
        : ds_(ds), width_(ds.GetRasterXSize()), height_(ds.GetRasterYSize()) {
        if (ds.GetGeoTransform(gt_.data()) != CE_None || !ds.GetSpatialRef())
            throw InputError(std::string(ds.GetDescription()) +
                             ": the image is not georeferenced — georeference it first "
                             "(`mapaudit georef`)");
        if (GDALInvGeoTransform(gt_.data(), inverse_.data()) == 0)
            throw InputError(std::string(ds.GetDescription()) +
                             ": its georeferencing is degenerate");
        char* wkt = nullptr;
        ds.GetSpatialRef()->exportToWkt(&wkt);
        toImage_ = std::make_unique<CrsTransform>("EPSG:4490", wkt);
        CPLFree(wkt);
        const int bands = ds.GetRasterCount();
        if (bands >= 3)
            rgbBands_ = {1, 2, 3};
        else if (bands == 1)
            palette_ = ds.GetRasterBand(1)->GetColorTable();
        else
            throw InputError(std::string(ds.GetDescription()) + ": has " + std::to_string(bands) +
                             " bands; an RGB, paletted or grey image is needed");
    }
    int width() const { return width_; }
    int height() const { return height_; }

    // Pixel column and row of a lon/lat; nullopt when it cannot be placed.
    std::optional<std::array<double, 2>> pixelOf(double lon, double lat) const {
        try {
            const auto p = toImage_->forward(lon, lat);
            return std::array<double, 2>{inverse_[0] + p.x * inverse_[1] + p.y * inverse_[2],
                                         inverse_[3] + p.x * inverse_[4] + p.y * inverse_[5]};
        } catch (const InputError&) {
            return std::nullopt;
        }
    }

    // Ground metres across one pixel at the image's centre.
    double metresPerPixel() const {
        const double cx = width_ / 2.0, cy = height_ / 2.0;
        auto lonLat = [&](double px, double py) {
            const double x = gt_[0] + px * gt_[1] + py * gt_[2];
            const double y = gt_[3] + px * gt_[4] + py * gt_[5];
            const auto ll = toImage_->inverse(x, y);
            return XY{ll.x, ll.y};
        };
        return geodesicLength({lonLat(cx, cy), lonLat(cx + 1, cy)});
    }

    // The window's pixels (row-major); empty when it lies outside the image.
    struct Window {
        int x0 = 0, y0 = 0, w = 0, h = 0;
        std::vector<Rgb> pixels;
        const Rgb& at(int x, int y) const {
            return pixels[static_cast<std::size_t>((y - y0) * w + (x - x0))];
        }
    };
    Window read(int x0, int y0, int x1, int y1) const {
        Window win;
        win.x0 = std::max(0, x0);
        win.y0 = std::max(0, y0);
        win.w = std::min(width_, x1 + 1) - win.x0;
        win.h = std::min(height_, y1 + 1) - win.y0;
        if (win.w <= 0 || win.h <= 0)
            return {};
        const std::size_t n = static_cast<std::size_t>(win.w) * static_cast<std::size_t>(win.h);
        std::vector<GByte> bytes(n * 3);
        const int bandCount = palette_ || rgbBands_[0] == 0 ? 1 : 3;
        int map[3] = {rgbBands_[0] ? rgbBands_[0] : 1, rgbBands_[1], rgbBands_[2]};
        if (ds_.RasterIO(GF_Read, win.x0, win.y0, win.w, win.h, bytes.data(), win.w, win.h,
                         GDT_Byte, bandCount, map, 3, 3L * win.w, 1, nullptr) != CE_None)
            throw InputError(std::string(ds_.GetDescription()) + ": pixels could not be read");
        win.pixels.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            if (bandCount == 3) {
                win.pixels[i] = {bytes[3 * i], bytes[3 * i + 1], bytes[3 * i + 2]};
            } else if (palette_) {
                const GDALColorEntry* e = palette_->GetColorEntry(bytes[3 * i]);
                win.pixels[i] = e ? Rgb{e->c1, e->c2, e->c3} : Rgb{0, 0, 0};
            } else {
                win.pixels[i] = {bytes[3 * i], bytes[3 * i], bytes[3 * i]};
            }
        }
        return win;
    }

private:
    GDALDataset& ds_;
    int width_, height_;
    std::array<double, 6> gt_{}, inverse_{};
    std::unique_ptr<CrsTransform> toImage_;
    std::array<int, 3> rgbBands_{0, 0, 0};
    const GDALColorTable* palette_ = nullptr;
};

// The most frequent colour (colours closer than the ink distance counted as one),
// and its share.
std::pair<Rgb, double> dominant(const std::vector<Rgb>& colours) {
    std::map<Rgb, int> counts;
    for (const Rgb& c : colours)
        ++counts[{c[0] / 16 * 16, c[1] / 16 * 16, c[2] / 16 * 16}];
    Rgb best{0, 0, 0};
    int bestCount = -1;
    for (const auto& [c, n] : counts)
        if (n > bestCount) {
            best = c;
            bestCount = n;
        }
    int near = 0;
    Rgb sum{0, 0, 0};
    for (const Rgb& c : colours)
        if (distance({c[0] / 16 * 16, c[1] / 16 * 16, c[2] / 16 * 16}, best) <= 32) {
            ++near;
            for (int k = 0; k < 3; ++k)
                sum[static_cast<std::size_t>(k)] += c[static_cast<std::size_t>(k)];
        }
    if (near == 0)
        return {best, 0.0};
    return {Rgb{sum[0] / near, sum[1] / near, sum[2] / near},
            static_cast<double>(near) / static_cast<double>(colours.size())};
}

struct Ink {
    bool found = false;
    double backgroundShare = 0; // how uniform the surroundings are: the confidence
};

// Is anything drawn within `radius` pixels of (px, py), against the dominant
// colour of the ring around it?
Ink inkNear(const Sampler& s, double px, double py, double radius) {
    const double outer = radius * 2.5 + 2;
    const auto win =
        s.read(static_cast<int>(std::floor(px - outer)), static_cast<int>(std::floor(py - outer)),
               static_cast<int>(std::ceil(px + outer)), static_cast<int>(std::ceil(py + outer)));
    if (win.pixels.empty())
        return {};
    std::vector<Rgb> ring, inner;
    for (int y = win.y0; y < win.y0 + win.h; ++y)
        for (int x = win.x0; x < win.x0 + win.w; ++x) {
            const double d = std::hypot(x + 0.5 - px, y + 0.5 - py);
            if (d <= radius)
                inner.push_back(win.at(x, y));
            else if (d <= outer)
                ring.push_back(win.at(x, y));
        }
    const auto [background, share] = dominant(ring.empty() ? inner : ring);
    Ink ink;
    ink.backgroundShare = share;
    ink.found = std::any_of(inner.begin(), inner.end(),
                            [&](const Rgb& c) { return distance(c, background) > kInkDistance; });
    return ink;
}

struct RefPoint {
    std::string code, nameZh, nameEn, group, representation;
    double lon = 0, lat = 0;
};

std::vector<RefPoint> keyIslands(GDALDataset& pack) {
    std::vector<RefPoint> out;
    OGRLayer* layer = pack.GetLayerByName("key_islands");
    layer->ResetReading();
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint)
            continue;
        out.push_back({f->GetFieldAsString("code"), f->GetFieldAsString("name_zh"),
                       f->GetFieldAsString("name_en"), f->GetFieldAsString("island_group"),
                       f->GetFieldAsString("representation"), g->toPoint()->getX(),
                       g->toPoint()->getY()});
    }
    return out;
}

std::string pointWkt(double lon, double lat) {
    char text[96];
    std::snprintf(text, sizeof text, "POINT (%.6f %.6f)", lon, lat);
    return text;
}

// Colours sampled on a grid over a lon/lat box.
std::vector<Rgb> sampleBox(const Sampler& s, double w, double so, double e, double n, int steps) {
    std::vector<Rgb> out;
    for (int i = 0; i <= steps; ++i)
        for (int j = 0; j <= steps; ++j) {
            const auto p = s.pixelOf(w + (e - w) * i / steps, so + (n - so) * j / steps);
            if (!p || (*p)[0] < 0 || (*p)[1] < 0 || (*p)[0] >= s.width() || (*p)[1] >= s.height())
                continue;
            const auto win = s.read(static_cast<int>((*p)[0]), static_cast<int>((*p)[1]),
                                    static_cast<int>((*p)[0]), static_cast<int>((*p)[1]));
            if (!win.pixels.empty())
                out.push_back(win.pixels[0]);
        }
    return out;
}

} // namespace

bool isRasterOnly(const fs::path& path) {
    OpenedDataset opened = openDataset(path);
    return opened.dataset->GetLayerCount() == 0 && opened.dataset->GetRasterCount() > 0;
}

check::CheckReport checkRasterMap(const fs::path& image, const refpack::ReferencePack& pack,
                                  const RasterCheckOptions& options, Feedback* feedback) {
    ensureGdalInitialised();
    OpenedDataset opened = openDataset(image);
    const Sampler s(*opened.dataset);
    check::CheckReport report;
    report.dataset = image.string();
    report.packId = pack.id();
    report.packVersion = pack.version();
    report.packDigest = pack.digest();
    report.packVerified = pack.verified();
    report.fromImage = true;
    report.country.reason = "a picture of a map: colours and ink, not attributes";
    const double mpp = s.metresPerPixel();
    report.scaleEstimated = !options.scale;
    report.scaleDenominator =
        options.scale ? *options.scale : std::round(mpp / kMetresPerPixelAtPrint);
    report.toleranceKm = options.toleranceMm * report.scaleDenominator / 1e6;
    const double radius = std::max(2.0, report.toleranceKm * 1000 / mpp);
    auto inside = [&](const std::array<double, 2>& p) {
        return p[0] >= 0 && p[1] >= 0 && p[0] < s.width() && p[1] < s.height();
    };
    auto add = [&](Finding f) {
        f.severity = Severity::Warning;
        f.needsConfirmation = true;
        report.findings.push_back(std::move(f));
    };

    // Islands: something drawn at each key island the picture covers.
    const auto islands = keyIslands(pack.dataset());
    std::map<std::string, bool> groupInked;
    for (std::size_t i = 0; i < islands.size(); ++i) {
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setProgress(0.6 * static_cast<double>(i) /
                                  static_cast<double>(islands.size()));
        }
        const RefPoint& island = islands[i];
        const auto p = s.pixelOf(island.lon, island.lat);
        if (!p || !inside(*p))
            continue;
        const Ink ink = inkNear(s, (*p)[0], (*p)[1], radius);
        if (ink.found) {
            groupInked[island.group] = true;
            continue;
        }
        Finding f;
        f.rule = check::kIslandOmitted;
        f.code = island.code;
        f.messageZh = "图上" + island.nameZh + "位置未见任何表示（请目视核实）";
        f.messageEn = "nothing is drawn where " + island.nameEn + " lies (verify by eye)";
        f.basis = check::basis::kIslands;
        f.confidence = std::clamp(ink.backgroundShare, 0.0, 1.0);
        f.geometryWkt = pointWkt(island.lon, island.lat);
        f.featureIds = {island.group};
        add(std::move(f));
    }
    // At small scales a group is drawn as one symbol: any ink among its islands will do.
    if (report.scaleDenominator >= kGroupLevelScale)
        report.findings.erase(std::remove_if(report.findings.begin(), report.findings.end(),
                                             [&](const Finding& f) {
                                                 return f.rule == check::kIslandOmitted &&
                                                        groupInked[f.featureIds.front()] &&
                                                        f.code != "diaoyu_dao" &&
                                                        f.code != "huangwei_yu" &&
                                                        f.code != "chiwei_yu";
                                             }),
                              report.findings.end());
    for (Finding& f : report.findings)
        f.featureIds.clear();

    // The ten dashes: ink along each, where the picture covers it.
    OGRLayer* dashes = pack.dataset().GetLayerByName("scs_dashes");
    std::vector<int> missing;
    double confidence = 1;
    int covered = 0;
    dashes->ResetReading();
    for (OgrFeaturePtr f(dashes->GetNextFeature()); f; f.reset(dashes->GetNextFeature())) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString)
            continue;
        const OGRLineString* line = g->toLineString();
        int samples = 0, inked = 0;
        double share = 1;
        for (int k = 0; k + 1 < line->getNumPoints(); ++k)
            for (int t = 0; t <= 8; ++t) {
                const double lon = line->getX(k) + (line->getX(k + 1) - line->getX(k)) * t / 8;
                const double lat = line->getY(k) + (line->getY(k + 1) - line->getY(k)) * t / 8;
                const auto p = s.pixelOf(lon, lat);
                if (!p || !inside(*p))
                    continue;
                ++samples;
                const Ink ink = inkNear(s, (*p)[0], (*p)[1], radius);
                inked += ink.found;
                share = std::min(share, ink.backgroundShare);
            }
        if (samples == 0)
            continue;
        ++covered;
        if (static_cast<double>(inked) / samples < kDashInkShare) {
            missing.push_back(f->GetFieldAsInteger("dash"));
            confidence = std::min(confidence, share);
        }
    }
    if (feedback)
        feedback->setProgress(0.85);
    if (covered == refpack::kDashCount && !missing.empty()) {
        std::sort(missing.begin(), missing.end());
        std::string list;
        for (int d : missing)
            list += (list.empty() ? "" : "、") + std::to_string(d);
        Finding f;
        f.rule = check::kDashlineMissing;
        f.code = "nanhai";
        const bool all = static_cast<int>(missing.size()) == refpack::kDashCount;
        f.messageZh = all ? "图上未见南海断续线（请目视核实）"
                          : "南海断续线第 " + list + " 段处未见线划（请目视核实）";
        f.messageEn = all ? "no South China Sea dashed line is seen (verify by eye)"
                          : "nothing is drawn along dash " + list + " (verify by eye)";
        f.basis = check::basis::kDashline;
        f.measure = static_cast<double>(missing.size());
        f.measureUnit = "dashes";
        f.confidence = confidence;
        add(std::move(f));
    }

    // Taiwan filled like the mainland? The mainland's colour from its interior,
    // Taiwan's from the middle of the island.
    const auto [mainland, mainlandShare] = dominant(sampleBox(s, 100, 27, 114, 37, 24));
    const auto taiwanPixels = sampleBox(s, 120.75, 23.0, 121.2, 24.3, 12);
    if (!taiwanPixels.empty() && mainlandShare > 0.5) {
        const auto [taiwan, taiwanShare] = dominant(taiwanPixels);
        if (taiwanShare > 0.5 && distance(taiwan, mainland) > kFillDistance) {
            Finding f;
            f.rule = check::kTerrForeign;
            f.code = "taiwan";
            f.messageZh = "台湾岛的填色与大陆不同，可能被表示为他国（请目视核实）";
            f.messageEn = "Taiwan is filled in another colour than the mainland: it may be shown "
                          "as another country (verify by eye)";
            f.basis = check::basis::kTerritoryForeign;
            f.confidence = std::min(mainlandShare, taiwanShare);
            f.geometryWkt = pointWkt(120.97, 23.7);
            add(std::move(f));
        }
    }
    for (std::size_t i = 0; i < report.findings.size(); ++i)
        report.findings[i].id = "F" + std::to_string(i + 1);
    if (feedback)
        feedback->setProgress(1.0);
    return report;
}

} // namespace mapaudit::imagery
