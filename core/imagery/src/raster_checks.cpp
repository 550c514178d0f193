#include "mapaudit/imagery/raster_checks.h"

#include "boundary_line_check.h"
#include "image_sampler.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/check/clause_catalogue.h"
#include "mapaudit/check/finding_places.h"
#include "mapaudit/check/label_text.h"
#include "mapaudit/check/review_number.h"
#include "mapaudit/geodata/crs.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/geodata/geodesic.h"
#include "mapaudit/imagery/map_text_ocr.h"
#include "mapaudit/refpack/key_points.h"
#include "mapaudit/refpack/reference_pack.h"
#include "mapaudit/refpack/schema.h"

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

// Two area fills further apart than this are different fills.
constexpr int kFillDistance = 45;
// A dash counts as drawn when ink is found along this share of it.
constexpr double kDashInkShare = 0.4;
constexpr double kMetresPerPixelAtPrint = 0.0002; // 0.2 mm: a 127 dpi scan

// Interiors of the neighbours a map around Taiwan is likely to show.
struct NeighbourBox {
    double west, south, east, north;
};
constexpr NeighbourBox kNeighbours[] = {
    {138.0, 36.0, 139.5, 37.0}, // Japan, Honshu
    {121.0, 15.8, 121.6, 17.2}, // the Philippines, Luzon
    {127.2, 35.8, 128.5, 37.2}, // Korea
    {104.8, 15.8, 105.8, 17.0}, // Laos
    {77.0, 20.0, 80.0, 24.0},   // India
    {100.0, 45.0, 106.0, 47.0}, // Mongolia
};
constexpr double kOwnColourFactor = 0.6;
// How sure "no review number on the picture" is: the text may not have been read.
constexpr double kUnreadTextConfidence = 0.5;

std::string pointWkt(double lon, double lat) {
    char text[96];
    std::snprintf(text, sizeof text, "POINT (%.6f %.6f)", lon, lat);
    return text;
}

// The box of a text read off the picture, in lon/lat: its corners moved from
// its centre by the picture's local scale (the inverse of pixelOf's Jacobian).
std::string boxWkt(const ImageSampler& s, const MapText& t) {
    constexpr double d = 1e-3;
    const auto c = s.pixelOf(*t.lon, *t.lat), e = s.pixelOf(*t.lon + d, *t.lat),
               n = s.pixelOf(*t.lon, *t.lat + d);
    if (!c || !e || !n)
        return pointWkt(*t.lon, *t.lat);
    const double a = ((*e)[0] - (*c)[0]) / d, b = ((*n)[0] - (*c)[0]) / d,
                 cc = ((*e)[1] - (*c)[1]) / d, dd = ((*n)[1] - (*c)[1]) / d;
    const double det = a * dd - b * cc;
    if (std::fabs(det) < 1e-12)
        return pointWkt(*t.lon, *t.lat);
    std::string wkt = "POLYGON ((";
    const double hw = t.width / 2.0, hh = t.height / 2.0;
    const double corners[5][2] = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}, {-hw, -hh}};
    for (int i = 0; i < 5; ++i) {
        const double dx = corners[i][0], dy = corners[i][1];
        char point[80];
        std::snprintf(point, sizeof point, "%s%.6f %.6f", i ? ", " : "",
                      *t.lon + (dd * dx - b * dy) / det, *t.lat + (-cc * dx + a * dy) / det);
        wkt += point;
    }
    return wkt + "))";
}

// The text on the picture (OCR): the review number, names of Chinese islands
// in a foreign form, Taiwan named as a state. Every finding is a candidate
// with the reading's confidence, boxed where the text stands; the numbers
// seen go to the report.
std::vector<Finding> checkPictureText(const fs::path& image, const ImageSampler* s,
                                      check::CheckReport& report, Feedback* feedback) {
    std::vector<check::TextOnMap> texts;
    for (const MapText& t : readMapText(image, {}, feedback)) {
        check::TextOnMap on;
        on.text = t.text;
        on.origin = "picture (" + std::to_string(t.x) + ", " + std::to_string(t.y) + ")";
        if (s && t.lon && t.lat)
            on.geometryWkt = boxWkt(*s, t);
        on.confidence = t.confidence;
        texts.push_back(std::move(on));
    }
    std::vector<Finding> out =
        check::judgeReviewNumbers(texts, true, check::currentYear(), report.reviewNumbers);
    // None read: the reading may have missed it; as sure as a guess.
    for (Finding& f : out)
        if (!f.confidence)
            f.confidence = kUnreadTextConfidence;
    for (Finding& f : check::judgeLabelTexts(texts))
        out.push_back(std::move(f));
    return out;
}

} // namespace

bool isRasterOnly(const fs::path& path) {
    // A vector-only driver answers without opening: opening a large GeoJSON
    // parses all of it, which the check does later on a reader it can cancel.
    ensureGdalInitialised();
    precheckInput(path);
    {
        GdalErrorCapture quiet;
        if (GDALDriverH driver = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_RASTER,
                                                      nullptr, nullptr);
            driver && !GDALGetMetadataItem(driver, GDAL_DCAP_RASTER, nullptr))
            return false;
    }
    OpenedDataset opened = openDataset(path);
    return opened.dataset->GetLayerCount() == 0 && opened.dataset->GetRasterCount() > 0;
}

namespace {

// What is seen on a picture is a warning to confirm by eye.
void addCandidate(check::CheckReport& report, Finding f) {
    f.severity = Severity::Warning;
    f.needsConfirmation = true;
    report.findings.push_back(std::move(f));
}

// The findings' ids, clauses and places, as for a map.
void finish(check::CheckReport& report, const refpack::ReferencePack& pack) {
    check::citeClauses(report.findings);
    check::namePlaces(report.findings, check::findingCodes(pack));
    for (std::size_t i = 0; i < report.findings.size(); ++i)
        report.findings[i].id = "F" + std::to_string(i + 1);
}

// A picture without georeferencing (a screenshot, a scan not yet placed):
// where its islands and dashes should be is unknown, but its text is read.
check::CheckReport checkPlainPicture(const fs::path& image, const refpack::ReferencePack& pack,
                                     check::CheckReport report, Feedback* feedback) {
    report.readingNotes.push_back(
        {"图片未配准：只读取了图上的文字（审图号、地名）；岛屿、断续线和台湾填色的核查需先配准"
         "（mapaudit georef）",
         "the picture is not georeferenced: only its text was read (review number, names); "
         "georeference it (`mapaudit georef`) to check the islands, the dashed line and Taiwan's "
         "fill"});
    for (Finding& f : checkPictureText(image, nullptr, report, feedback))
        addCandidate(report, std::move(f));
    finish(report, pack);
    if (feedback)
        feedback->setProgress(1.0);
    return report;
}

} // namespace

check::CheckReport checkRasterMap(const fs::path& image, const refpack::ReferencePack& pack,
                                  const RasterCheckOptions& options, Feedback* feedback) {
    ensureGdalInitialised();
    OpenedDataset opened = openDataset(image);
    check::CheckReport report;
    report.dataset = image.string();
    report.packId = pack.id();
    report.packVersion = pack.version();
    report.packDigest = pack.digest();
    report.packVerified = pack.verified();
    report.fromImage = true;
    report.country.reason = "a picture of a map: colours and ink, not attributes";
    if (!isGeoreferenced(*opened.dataset)) {
        report.scaleEstimated = !options.scale;
        report.scaleDenominator = options.scale.value_or(0);
        return checkPlainPicture(image, pack, std::move(report), feedback);
    }
    const ImageSampler s(*opened.dataset);
    const double mpp = s.metresPerPixel();
    report.scaleEstimated = !options.scale;
    report.scaleDenominator =
        options.scale ? *options.scale : std::round(mpp / kMetresPerPixelAtPrint);
    report.toleranceKm = options.toleranceMm * report.scaleDenominator / 1e6;
    const double radius = std::max(2.0, report.toleranceKm * 1000 / mpp);
    auto add = [&](Finding f) { addCandidate(report, std::move(f)); };

    // Islands: something drawn at each key island the picture covers.
    const auto islands = refpack::keyIslands(pack);
    std::map<std::string, bool> groupInked;
    for (std::size_t i = 0; i < islands.size(); ++i) {
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setProgress(0.6 * static_cast<double>(i) /
                                  static_cast<double>(islands.size()));
        }
        const refpack::KeyPoint& island = islands[i];
        const auto p = s.pixelOf(island.lon, island.lat);
        if (!p || !s.inside(*p))
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
        f.confidence = std::clamp(ink.backgroundShare, 0.0, 1.0);
        f.geometryWkt = pointWkt(island.lon, island.lat);
        f.featureIds = {island.group};
        add(std::move(f));
    }
    // At small scales a group is drawn as one symbol: any ink among its islands will do.
    if (report.scaleDenominator >= check::kGroupLevelScale)
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
    std::vector<int> missing;
    double confidence = 1;
    int covered = 0;
    for (const refpack::DashLine& dash : refpack::dashLines(pack)) {
        const auto& v = dash.vertices;
        int samples = 0, inked = 0;
        double share = 1;
        for (std::size_t k = 0; k + 1 < v.size(); ++k)
            for (int t = 0; t <= 8; ++t) {
                const double lon = v[k].first + (v[k + 1].first - v[k].first) * t / 8;
                const double lat = v[k].second + (v[k + 1].second - v[k].second) * t / 8;
                const auto p = s.pixelOf(lon, lat);
                if (!p || !s.inside(*p))
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
            missing.push_back(dash.dash);
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
        f.measure = static_cast<double>(missing.size());
        f.measureUnit = "dashes";
        f.confidence = confidence;
        add(std::move(f));
    }

    // Taiwan filled like the mainland? The mainland's colour from its interior,
    // Taiwan's from the middle of the island, and the neighbours' from theirs: a
    // Taiwan filled like a foreign country is the strong sign.
    const auto [mainland, mainlandShare] = dominantColour(sampleBox(s, 100, 27, 114, 37, 24));
    const auto taiwanPixels = sampleBox(s, 120.75, 23.0, 121.2, 24.3, 12);
    if (!taiwanPixels.empty() && mainlandShare > 0.5) {
        const auto [taiwan, taiwanShare] = dominantColour(taiwanPixels);
        if (taiwanShare > 0.5 && colourDistance(taiwan, mainland) > kFillDistance) {
            bool likeNeighbour = false;
            for (const NeighbourBox& n : kNeighbours) {
                const auto pixels = sampleBox(s, n.west, n.south, n.east, n.north, 8);
                if (pixels.empty())
                    continue;
                const auto [fill, share] = dominantColour(pixels);
                likeNeighbour = likeNeighbour ||
                                (share > 0.5 && colourDistance(fill, mainland) > kFillDistance &&
                                 colourDistance(fill, taiwan) <= kFillDistance);
            }
            Finding f;
            f.rule = check::kTerrForeign;
            f.code = "taiwan";
            f.messageZh =
                likeNeighbour
                    ? "台湾岛的填色与大陆不同，而与他国相同，可能被表示为他国（请目视核实）"
                    : "台湾岛的填色与大陆不同，可能被表示为他国（请目视核实）";
            f.messageEn =
                likeNeighbour
                    ? "Taiwan is filled like a foreign country, not like the mainland: it "
                      "may be shown as another country (verify by eye)"
                    : "Taiwan is filled in another colour than the mainland: it may be "
                      "shown as another country (verify by eye)";
            // A colour of its own may be a highlight; a foreign country's colour is not.
            f.confidence =
                std::min(mainlandShare, taiwanShare) * (likeNeighbour ? 1.0 : kOwnColourFactor);
            f.geometryWkt = pointWkt(120.97, 23.7);
            add(std::move(f));
        }
    }
    if (feedback)
        feedback->setProgress(0.9);
    checkClaimLines(s, pack, radius, report.findings);
    if (feedback)
        feedback->setProgress(0.92);
    // The text on the picture, read within the rest of the progress; a cancel
    // reaches the reading through the progress it reports.
    Feedback reading;
    if (feedback)
        reading.setListener([&](double f) {
            feedback->setProgress(0.92 + 0.08 * f);
            if (feedback->isCanceled())
                reading.cancel();
        });
    for (Finding& f : checkPictureText(image, &s, report, &reading))
        add(std::move(f));
    finish(report, pack);
    if (feedback)
        feedback->setProgress(1.0);
    return report;
}

} // namespace mapaudit::imagery
