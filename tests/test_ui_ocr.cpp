// Reading the text on pictures of maps: map-like images drawn with Qt, their
// labels in the fonts and sizes inspectors meet, written as PNG (RGBA, grey,
// paletted) and as GeoTIFF in CGCS2000, straight and turned a few degrees.
// MAPAUDIT_OCR_VERBOSE=1 prints every line read, its confidence and the time.
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/imagery/map_text_ocr.h"
#include "mapaudit/raii/gdal_handles.h"

#include <QDir>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QTemporaryDir>
#include <QTransform>
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>

using mapaudit::imagery::MapText;
using mapaudit::imagery::MapTextOptions;
using mapaudit::imagery::readMapText;

namespace {

const QColor kLand(0xf3, 0xef, 0xe4);

struct Label {
    QString text;
    QString family;
    int px;
    bool bold;
    QColor colour;
    QPoint at; // baseline start
};

struct Drawn {
    QString text;
    QRect ink; // where its pixels are, in the image
};

struct Scene {
    QImage image;
    std::vector<Drawn> labels;
};

QImage baseMap(QSize size) {
    const int w = size.width(), h = size.height();
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    img.fill(kLand);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xc6, 0xe2, 0xf5)); // sea
    p.drawPolygon(
        QPolygon({{0, h * 6 / 10}, {w * 4 / 10, h * 5 / 10}, {w, h * 7 / 10}, {w, h}, {0, h}}));
    p.setBrush(QColor(0xd8, 0xec, 0xc4));
    p.drawPolygon(
        QPolygon({{w / 10, h / 10}, {w / 2, h / 20}, {w * 6 / 10, h * 4 / 10}, {w / 5, h / 2}}));
    p.setBrush(QColor(0xf7, 0xe3, 0xb5));
    p.drawPolygon(QPolygon({{w * 6 / 10, h / 8},
                            {w * 9 / 10, h / 6},
                            {w * 85 / 100, h / 2},
                            {w * 62 / 100, h * 45 / 100}}));
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0xd0, 0x40, 0x30), 3)); // road
    p.drawLine(0, h * 3 / 10, w, h * 4 / 10);
    p.setPen(QPen(QColor(0x40, 0x80, 0xd0), 2)); // river
    QPainterPath river;
    river.moveTo(w * 3 / 10, 0);
    river.cubicTo(w * 2 / 10, h / 3, w / 2, h / 2, w * 45 / 100, h);
    p.drawPath(river);
    p.setPen(QPen(QColor(0x80, 0x80, 0x80), 2, Qt::DashLine)); // boundary
    p.drawLine(w * 7 / 10, 0, w * 6 / 10, h);
    return img;
}

QRect inkOf(const QImage& layer) {
    int x0 = layer.width(), y0 = layer.height(), x1 = -1, y1 = -1;
    for (int y = 0; y < layer.height(); ++y) {
        const auto* row = reinterpret_cast<const QRgb*>(layer.constScanLine(y));
        for (int x = 0; x < layer.width(); ++x)
            if (qAlpha(row[x]) > 80) {
                x0 = std::min(x0, x);
                x1 = std::max(x1, x);
                y0 = std::min(y0, y);
                y1 = std::max(y1, y);
            }
    }
    return x1 < 0 ? QRect() : QRect(QPoint(x0, y0), QPoint(x1, y1));
}

// Turned about its centre, clockwise for positive degrees (as a crooked scan).
QImage turned(const QImage& img, double degrees, const QColor& fill) {
    QImage out(img.size(), QImage::Format_ARGB32_Premultiplied);
    out.fill(fill);
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    QTransform t;
    t.translate(img.width() / 2.0, img.height() / 2.0);
    t.rotate(degrees);
    t.translate(-img.width() / 2.0, -img.height() / 2.0);
    p.setTransform(t);
    p.drawImage(0, 0, img);
    return out;
}

// One label alone on a transparent layer of the picture's size.
QImage labelLayer(QSize size, const Label& l) {
    QImage layer(size, QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    QPainter p(&layer);
    p.setRenderHint(QPainter::TextAntialiasing);
    QFont font(l.family);
    font.setPixelSize(l.px);
    font.setBold(l.bold);
    p.setFont(font);
    p.setPen(l.colour);
    p.drawText(l.at, l.text);
    return layer;
}

Scene drawScene(QSize size, const std::vector<Label>& labels, double degrees = 0) {
    Scene scene{baseMap(size), {}};
    QPainter map(&scene.image);
    for (const Label& l : labels) {
        const QImage layer = labelLayer(size, l);
        map.drawImage(0, 0, layer);
        scene.labels.push_back(
            {l.text, inkOf(degrees == 0 ? layer : turned(layer, degrees, Qt::transparent))});
    }
    map.end();
    if (degrees != 0)
        scene.image = turned(scene.image, degrees, kLand);
    return scene;
}

const QString kSans = QStringLiteral("Noto Sans CJK SC");
const QString kSerif = QStringLiteral("Noto Serif CJK SC");
const QString kReviewGs = QStringLiteral("审图号：GS(2023)1234号");
const QString kReviewJing = QStringLiteral("京S(2021)023号");
const QColor kInk(0x20, 0x20, 0x20), kWater(0x10, 0x40, 0x90), kRed(0xa0, 0x20, 0x20);

// 1200 × 800: labels from 14 to 40 px.
std::vector<Label> labelsA(int k = 1) {
    auto L = [k](const char* text, const QString& family, int px, bool bold, QColor c, int x,
                 int y) {
        return Label{QString::fromUtf8(text), family, px * k, bold, c, QPoint(x * k, y * k)};
    };
    return {L("TAIWAN", "Noto Sans", 40, true, kInk, 480, 220),
            L("台北市", kSans, 20, true, kRed, 640, 330),
            L("钓鱼岛", kSerif, 28, false, kWater, 820, 520),
            L("Senkaku", "DejaVu Sans", 18, false, kWater, 820, 560),
            L("赤尾屿", kSans, 16, false, kWater, 1000, 600),
            L("黄岩岛", kSans, 14, false, kWater, 300, 610),
            L("审图号：GS(2023)1234号", kSans, 22, false, kInk, 60, 720),
            L("京S(2021)023号", kSerif, 18, false, kInk, 880, 720)};
}

// 1400 × 1000, other fonts and sizes.
std::vector<Label> labelsB(int k = 1) {
    auto L = [k](const char* text, const QString& family, int px, bool bold, QColor c, int x,
                 int y) {
        return Label{QString::fromUtf8(text), family, px * k, bold, c, QPoint(x * k, y * k)};
    };
    return {L("TAIWAN", "DejaVu Sans", 30, false, kInk, 150, 150),
            L("台北市", kSerif, 32, false, kInk, 700, 240),
            L("钓鱼岛", kSans, 36, true, kWater, 990, 560),
            L("Senkaku", "Noto Sans", 24, false, kWater, 990, 620),
            L("赤尾屿", kSerif, 24, false, kWater, 1150, 700),
            L("黄岩岛", kSerif, 20, false, kWater, 350, 720),
            L("审图号：GS(2023)1234号", kSerif, 26, false, kInk, 80, 900),
            L("京S(2021)023号", kSans, 30, false, kInk, 950, 900)};
}

// A GeoTIFF in EPSG:4490: pixel (0, 0)'s corner at (west, north).
struct Geo {
    double west, north, step;
    double lon(double px) const { return west + px * step; }
    double lat(double py) const { return north - py * step; }
};

void writeGeoTiff(const QImage& image, const QString& path, const Geo& geo) {
    mapaudit::ensureGdalInitialised();
    QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    GDALDriver* tiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    REQUIRE(tiff);
    mapaudit::GdalDatasetPtr ds(
        tiff->Create(path.toUtf8().constData(), rgb.width(), rgb.height(), 3, GDT_Byte, nullptr));
    REQUIRE(ds);
    double gt[6] = {geo.west, geo.step, 0, geo.north, 0, -geo.step};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(4490);
    ds->SetSpatialRef(&srs);
    int bands[3] = {1, 2, 3};
    REQUIRE(ds->RasterIO(GF_Write, 0, 0, rgb.width(), rgb.height(), rgb.bits(), rgb.width(),
                         rgb.height(), GDT_Byte, 3, bands, 3, rgb.bytesPerLine(), 1,
                         nullptr) == CE_None);
}

// PNG-8 as GIS software exports it: the picture's own colours, no dithering.
QImage adaptivePalette(const QImage& image) {
    std::map<QRgb, int> counts;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* row = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            ++counts[row[x]];
    }
    std::vector<std::pair<int, QRgb>> byCount;
    for (const auto& [colour, n] : counts)
        byCount.emplace_back(n, colour);
    std::sort(byCount.rbegin(), byCount.rend());
    QList<QRgb> table;
    for (std::size_t i = 0; i < std::min<std::size_t>(256, byCount.size()); ++i)
        table.push_back(byCount[i].second);
    return rgb.convertToFormat(QImage::Format_Indexed8, table, Qt::ThresholdDither);
}

std::string withoutSpaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ')
            out += c;
    return out;
}

// Full-width brackets and colons as their ASCII forms.
std::string normalised(std::string s) {
    s = withoutSpaces(s);
    for (auto [wide, narrow] :
         {std::pair<const char*, const char*>{"：", ":"}, {"（", "("}, {"）", ")"}})
        for (std::size_t at; (at = s.find(wide)) != std::string::npos;)
            s.replace(at, std::string(wide).size(), narrow);
    return s;
}

bool isReviewNumber(const QString& s) {
    return s == kReviewGs || s == kReviewJing;
}

bool verbose() {
    return std::getenv("MAPAUDIT_OCR_VERBOSE") != nullptr;
}

std::vector<MapText> timedRead(const QString& path, const char* what,
                               const MapTextOptions& options = {},
                               mapaudit::Feedback* feedback = nullptr) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<MapText> lines = readMapText(path.toStdString(), options, feedback);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (verbose()) {
        std::printf("-- %s: %zu lines in %.2f s\n", what, lines.size(), seconds);
        for (const MapText& l : lines)
            std::printf(
                "   %-32s %.2f  box %d,%d %dx%d%s\n", l.text.c_str(), l.confidence, l.x, l.y,
                l.width, l.height,
                l.lon
                    ? (" lon/lat " + std::to_string(*l.lon) + ", " + std::to_string(*l.lat)).c_str()
                    : "");
    }
    return lines;
}

double iou(const QRect& a, const QRect& b) {
    const QRect i = a.intersected(b);
    const double inter = i.isEmpty() ? 0.0 : double(i.width()) * i.height();
    return inter / (double(a.width()) * a.height() + double(b.width()) * b.height() - inter);
}

// Every drawn label is read (review numbers exactly), where it was drawn, and
// with `geo` at its lon/lat within `tolerancePx` pixels.
void checkReading(const std::vector<MapText>& read, const Scene& scene, const char* what,
                  const std::optional<Geo>& geo = std::nullopt, double tolerancePx = 2) {
    for (const MapText& l : read) {
        CHECK(l.confidence > 0);
        CHECK(l.confidence <= 1);
        CHECK(l.lon.has_value() == geo.has_value());
    }
    for (const Drawn& label : scene.labels) {
        INFO(what << ": " << label.text.toStdString());
        const std::string want = withoutSpaces(label.text.toStdString());
        const MapText* best = nullptr;
        double bestDistance = 1e300;
        for (const MapText& l : read) {
            const std::string got = withoutSpaces(l.text);
            const bool match = isReviewNumber(label.text)
                                   ? got == want || normalised(got) == normalised(want)
                                   : normalised(got).find(normalised(want)) != std::string::npos;
            const double d = std::hypot(l.x + l.width / 2.0 - label.ink.center().x(),
                                        l.y + l.height / 2.0 - label.ink.center().y());
            if (match && d < bestDistance) {
                best = &l;
                bestDistance = d;
            }
        }
        REQUIRE(best);
        if (isReviewNumber(label.text) && verbose())
            std::printf("   review number %s: %s\n", want.c_str(),
                        withoutSpaces(best->text) == want ? "exact"
                                                          : "equal after width normalising");
        const QRect box(best->x, best->y, best->width, best->height);
        INFO("read at " << best->x << "," << best->y << " " << best->width << "x" << best->height
                        << ", drawn at " << label.ink.x() << "," << label.ink.y() << " "
                        << label.ink.width() << "x" << label.ink.height());
        CHECK(
            (iou(box, label.ink) > 0.3 || label.ink.adjusted(-2, -2, 2, 2).contains(box.center())));
        if (geo) {
            REQUIRE(best->lon);
            const double cx = best->x + best->width / 2.0, cy = best->y + best->height / 2.0;
            CHECK(std::abs(*best->lon - geo->lon(label.ink.x() + label.ink.width() / 2.0)) <=
                  tolerancePx * geo->step);
            CHECK(std::abs(*best->lat - geo->lat(label.ink.y() + label.ink.height() / 2.0)) <=
                  tolerancePx * geo->step);
            if (verbose())
                std::printf(
                    "   %s: lon/lat %.2f, %.2f pixels from the drawn centre\n", want.c_str(),
                    (*best->lon - geo->lon(label.ink.x() + label.ink.width() / 2.0)) / geo->step,
                    (geo->lat(label.ink.y() + label.ink.height() / 2.0) - *best->lat) / geo->step);
            // and the place is the centre of the box given
            CHECK(std::abs(*best->lon - geo->lon(cx)) <= geo->step);
            CHECK(std::abs(*best->lat - geo->lat(cy)) <= geo->step);
        }
    }
}

const Geo kGeoB{118.0, 27.0, 0.005};

} // namespace

TEST_CASE("OCR reads the labels and review numbers of a map saved as PNG", "[ocr]") {
    QTemporaryDir dir;
    const Scene scene = drawScene({1200, 800}, labelsA());
    const QString png = dir.filePath("map_a.png");
    REQUIRE(scene.image.convertToFormat(QImage::Format_ARGB32).save(png));

    mapaudit::Feedback feedback;
    std::vector<double> progress;
    feedback.setListener([&](double f) { progress.push_back(f); });
    const std::vector<MapText> read = timedRead(png, "PNG, RGBA", {}, &feedback);
    checkReading(read, scene, "PNG");
    REQUIRE(!progress.empty());
    CHECK(std::is_sorted(progress.begin(), progress.end()));
    CHECK(progress.back() == 1.0);
}

TEST_CASE("OCR reads a map saved as PNG-8 with its own palette", "[ocr]") {
    QTemporaryDir dir;
    const Scene scene = drawScene({1200, 800}, labelsA());
    const QString png = dir.filePath("map_a_8bit.png");
    const QImage indexed = adaptivePalette(scene.image);
    REQUIRE(indexed.format() == QImage::Format_Indexed8);
    REQUIRE(indexed.save(png));
    checkReading(timedRead(png, "PNG-8, adaptive palette"), scene, "PNG-8");
}

TEST_CASE("OCR reads a GeoTIFF map and places its labels in CGCS2000", "[ocr]") {
    QTemporaryDir dir;
    const Scene scene = drawScene({1400, 1000}, labelsB());
    const QString tif = dir.filePath("map_b.tif");
    writeGeoTiff(scene.image, tif, kGeoB);
    checkReading(timedRead(tif, "GeoTIFF, RGB, EPSG:4490"), scene, "GeoTIFF", kGeoB);
}

TEST_CASE("OCR reads maps scanned a few degrees off", "[ocr]") {
    QTemporaryDir dir;
    SECTION("turned -4°, grey PNG") {
        const Scene scene = drawScene({1200, 800}, labelsA(), -4);
        const QString png = dir.filePath("map_a_m4.png");
        REQUIRE(scene.image.convertToFormat(QImage::Format_Grayscale8).save(png));
        checkReading(timedRead(png, "PNG, grey, turned -4°"), scene, "-4°");
    }
    SECTION("turned +3°, PNG-8 dithered to the web palette") {
        const Scene scene = drawScene({1400, 1000}, labelsB(), 3);
        const QString png = dir.filePath("map_b_p3.png");
        const QImage indexed = scene.image.convertToFormat(QImage::Format_Indexed8);
        REQUIRE(indexed.colorCount() > 0);
        REQUIRE(indexed.save(png));
        checkReading(timedRead(png, "PNG-8 dithered, turned +3°"), scene, "+3°");
    }
    SECTION("turned +3°, GeoTIFF") {
        const Scene scene = drawScene({1400, 1000}, labelsB(), 3);
        const QString tif = dir.filePath("map_b_p3.tif");
        writeGeoTiff(scene.image, tif, kGeoB);
        checkReading(timedRead(tif, "GeoTIFF, turned +3°"), scene, "+3° GeoTIFF", kGeoB);
    }
}

TEST_CASE("OCR reads a picture above the pixel limit at a reduced size", "[ocr]") {
    QTemporaryDir dir;
    const Scene scene = drawScene({2800, 2000}, labelsB(2));
    const QString tif = dir.filePath("map_b_large.tif");
    const Geo geo{kGeoB.west, kGeoB.north, kGeoB.step / 2};
    writeGeoTiff(scene.image, tif, geo);
    MapTextOptions options;
    options.maxPixels = 1400 * 1000;
    // Read at half size: boxes in the full image's pixels, places within two
    // of the pixels read.
    checkReading(timedRead(tif, "GeoTIFF 2800×2000 read at 1400×1000", options), scene, "reduced",
                 geo, 4);
}

TEST_CASE("OCR finds no text on a map without labels", "[ocr]") {
    QTemporaryDir dir;
    const QString png = dir.filePath("no_labels.png");
    REQUIRE(baseMap({1200, 800}).save(png));
    MapTextOptions everything;
    everything.minConfidence = 0;
    for (const MapText& l : timedRead(png, "no labels", everything)) {
        INFO(l.text);
        CHECK(l.confidence <= 0.6);
    }
}

TEST_CASE("OCR refuses what is not a picture and missing language data", "[ocr]") {
    QTemporaryDir dir;
    auto write = [&](const char* name, const char* text) {
        QFile f(dir.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text);
        return dir.filePath(name).toStdString();
    };
    for (const std::string& path :
         {write("notes.txt", "审图号：GS(2023)1234号\n"), write("fake.png", "not a picture"),
          write("points.geojson",
                R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                R"("properties":{},"geometry":{"type":"Point","coordinates":[120,25]}}]})")}) {
        INFO(path);
        try {
            readMapText(path);
            FAIL("no error");
        } catch (const mapaudit::InputError& e) {
            const std::string message = e.what();
            CHECK(message.find(path) != std::string::npos);
            CHECK(message.find('\n') == std::string::npos);
        }
    }

    const QString png = dir.filePath("no_labels.png");
    REQUIRE(baseMap({200, 100}).save(png));
    MapTextOptions klingon;
    klingon.languages = "chi_sim+tlh_test";
    try {
        readMapText(png.toStdString(), klingon);
        FAIL("no error");
    } catch (const mapaudit::InputError& e) {
        const std::string message = e.what();
        CHECK(message.find("tlh_test.traineddata") != std::string::npos);
        CHECK(message.find("tesseract-ocr-tlh-test") != std::string::npos);
        CHECK(message.find("TESSDATA_PREFIX") != std::string::npos);
    }
    klingon.languages = "chi_sim;../../etc";
    CHECK_THROWS_AS(readMapText(png.toStdString(), klingon), mapaudit::InputError);

    // TESSDATA_PREFIX is looked at first.
    const QString own = dir.filePath("tessdata");
    REQUIRE(QDir().mkpath(own));
    const std::filesystem::path system = mapaudit::imagery::findTessdata("chi_sim");
    REQUIRE(QFile::link(QString::fromStdString((system / "chi_sim.traineddata").string()),
                        own + "/chi_sim.traineddata"));
    const QByteArray old = qgetenv("TESSDATA_PREFIX");
    qputenv("TESSDATA_PREFIX", own.toUtf8());
    CHECK(mapaudit::imagery::findTessdata("chi_sim") == std::filesystem::path(own.toStdString()));
    if (old.isNull())
        qunsetenv("TESSDATA_PREFIX");
    else
        qputenv("TESSDATA_PREFIX", old);
}

TEST_CASE("OCR stops when cancelled", "[ocr]") {
    QTemporaryDir dir;
    const Scene scene = drawScene({1400, 1000}, labelsB());
    const QString png = dir.filePath("map_b.png");
    REQUIRE(scene.image.save(png));
    using Clock = std::chrono::steady_clock;

    mapaudit::Feedback before;
    before.cancel();
    auto t0 = Clock::now();
    CHECK_THROWS_AS(readMapText(png.toStdString(), {}, &before), mapaudit::Canceled);
    CHECK(Clock::now() - t0 < std::chrono::milliseconds(200));

    // Cancelled while Tesseract reads the words: it stops within a word or two.
    mapaudit::Feedback during;
    Clock::time_point asked;
    during.setListener([&](double f) {
        if (f > 0.2 && !during.isCanceled()) {
            asked = Clock::now();
            during.cancel();
        }
    });
    t0 = Clock::now();
    CHECK_THROWS_AS(readMapText(png.toStdString(), {}, &during), mapaudit::Canceled);
    const auto stopped = Clock::now();
    REQUIRE(during.isCanceled());
    const double latency = std::chrono::duration<double>(stopped - asked).count();
    const double total = std::chrono::duration<double>(stopped - t0).count();
    t0 = Clock::now();
    readMapText(png.toStdString());
    const double whole = std::chrono::duration<double>(Clock::now() - t0).count();
    if (verbose())
        std::printf(
            "-- cancelled at %.2f s, stopped %.3f s later; the whole reading takes %.2f s\n",
            total - latency, latency, whole);
    CHECK(latency < 0.5);
    CHECK(total < whole);
}

namespace {

// Lines through labels, as maps draw them: a boundary under a name, a road
// over a name, a river across a review number.
struct Crossing {
    QColor colour;
    double width;
    Qt::PenStyle style;
    bool overText; // drawn after the labels
};

Scene drawCrossedScene(QSize size, const std::vector<Label>& labels,
                       const std::vector<Crossing>& crossings) {
    Scene scene{baseMap(size), {}};
    QImage textLayer(size, QImage::Format_ARGB32_Premultiplied);
    textLayer.fill(Qt::transparent);
    QPainter under(&scene.image);
    under.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const Label& l = labels[i];
        const QImage layer = labelLayer(size, l);
        const QRect ink = inkOf(layer);
        scene.labels.push_back({l.text, ink});
        QPainter t(&textLayer);
        t.drawImage(0, 0, layer);
        t.end();
        const Crossing& c = crossings[i % crossings.size()];
        QPen pen(c.colour, c.width, c.style);
        // Through the label's middle, a little aslant, well beyond both ends.
        const QLineF line(ink.left() - 80, ink.center().y() + ink.height() / 5.0, ink.right() + 80,
                          ink.center().y() - ink.height() / 5.0);
        if (c.overText) {
            QPainter o(&textLayer);
            o.setRenderHint(QPainter::Antialiasing);
            o.setPen(pen);
            o.drawLine(line);
        } else {
            under.setPen(pen);
            under.drawLine(line);
        }
    }
    under.drawImage(0, 0, textLayer);
    return scene;
}

} // namespace

// How many of the scene's labels were read (review numbers exactly), near
// where they were drawn.
int labelsRead(const std::vector<MapText>& read, const Scene& scene) {
    int found = 0;
    for (const Drawn& label : scene.labels) {
        const std::string want = normalised(label.text.toStdString());
        const bool hit = std::any_of(read.begin(), read.end(), [&](const MapText& l) {
            const std::string got = normalised(l.text);
            const bool match =
                isReviewNumber(label.text) ? got == want : got.find(want) != std::string::npos;
            const QRect box(l.x, l.y, l.width, l.height);
            return match && (iou(box, label.ink) > 0.3 ||
                             label.ink.adjusted(-4, -4, 4, 4).contains(box.center()));
        });
        if (verbose())
            std::printf("   %s %s\n", hit ? "read  " : "missed", label.text.toUtf8().constData());
        found += hit ? 1 : 0;
    }
    return found;
}

TEST_CASE("OCR reads labels that map lines run through", "[ocr]") {
    // Before the lines were painted over, one label in eight was read on
    // each of these maps (钓鱼岛, as "一一钓鱼岛").
    QTemporaryDir dir;
    const std::vector<Crossing> crossings{
        {QColor(0x80, 0x80, 0x80), 2, Qt::DashLine, false},   // boundary under the name
        {QColor(0xd0, 0x40, 0x30), 3, Qt::SolidLine, true},   // road over the name
        {QColor(0x40, 0x80, 0xd0), 2, Qt::SolidLine, true},   // river over the name
        {QColor(0x20, 0x20, 0x20), 1.5, Qt::SolidLine, true}, // a black line over the name
    };
    const Scene a = drawCrossedScene({1200, 800}, labelsA(), crossings);
    const Scene b = drawCrossedScene({1400, 1000}, labelsB(), crossings);
    const QString pngA = dir.filePath("crossed_a.png"), pngB = dir.filePath("crossed_b.png");
    REQUIRE(a.image.save(pngA));
    REQUIRE(b.image.save(pngB));

    MapTextOptions withLines;
    withLines.readWithoutLines = false;
    const int before = labelsRead(timedRead(pngA, "crossed A, lines kept", withLines), a) +
                       labelsRead(timedRead(pngB, "crossed B, lines kept", withLines), b);
    const std::vector<MapText> readA = timedRead(pngA, "crossed A, lines painted over");
    const std::vector<MapText> readB = timedRead(pngB, "crossed B, lines painted over");
    const int after = labelsRead(readA, a) + labelsRead(readB, b);
    INFO("labels read of 16: " << before << " with the lines, " << after << " without");
    CHECK(after >= before + 4);
    CHECK(after >= 8);

    // A label crossed by a line is not read as strokes of it: no reading
    // starts or ends with the dashes "一一" that a line through a name gives.
    for (const std::vector<MapText>* read : {&readA, &readB})
        for (const MapText& l : *read) {
            INFO(l.text);
            CHECK(l.text.rfind("一一", 0) != 0);
        }
}
