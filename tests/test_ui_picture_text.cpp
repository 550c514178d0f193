// The text on a picture of a map reaches the problem-map check: a review
// number read off it (well formed, malformed, or none), a Chinese island under
// its Japanese name and Taiwan named as a state, each a candidate with its
// confidence, boxed where it stands. Pictures drawn with Qt, georeferenced
// with GDAL in CGCS2000.
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/inspection/check_map.h"
#include "mapaudit/raii/gdal_handles.h"
#include "mapaudit/refpack/reference_pack.h"
#include "ui_test_support.h"

#include <QFont>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <cpl_string.h>
#include <ogr_spatialref.h>

namespace check = mapaudit::check;

namespace {

// 1600 × 1000 pixels over 100–132°E, 10–30°N: 0.02° a pixel.
constexpr double kWest = 100, kNorth = 30, kDegPerPixel = 0.02;

QPoint pixelOf(double lon, double lat) {
    return {static_cast<int>((lon - kWest) / kDegPerPixel),
            static_cast<int>((kNorth - lat) / kDegPerPixel)};
}

// A plain sea-and-land picture with `labels` (text, lon, lat of the baseline start).
std::string drawPicture(const QString& path,
                        const std::vector<std::tuple<QString, double, double>>& labels) {
    QImage img(1600, 1000, QImage::Format_RGB888);
    img.fill(QColor(0xc6, 0xe2, 0xf5));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xf3, 0xef, 0xe4)); // land to the north-west
    p.drawPolygon(QPolygon({pixelOf(100, 30), pixelOf(121, 30), pixelOf(121, 25), pixelOf(110, 20),
                            pixelOf(100, 20)}));
    p.setPen(QColor(0x20, 0x20, 0x20));
    p.setFont(QFont("Noto Sans CJK SC", 22));
    for (const auto& [text, lon, lat] : labels)
        p.drawText(pixelOf(lon, lat), text);
    p.end();
    mapaudit::ensureGdalInitialised();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    mapaudit::GdalDatasetPtr ds(
        driver->Create(path.toUtf8().constData(), img.width(), img.height(), 3, GDT_Byte, nullptr));
    double gt[6] = {kWest, kDegPerPixel, 0, kNorth, 0, -kDegPerPixel};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(4490);
    ds->SetSpatialRef(&srs);
    for (int b = 0; b < 3; ++b) {
        std::vector<GByte> band(static_cast<std::size_t>(img.width() * img.height()));
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                band[static_cast<std::size_t>(y * img.width() + x)] =
                    static_cast<GByte>(img.constScanLine(y)[x * 3 + b]);
        REQUIRE(ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, img.width(), img.height(),
                                                   band.data(), img.width(), img.height(), GDT_Byte,
                                                   0, 0, nullptr) == CE_None);
    }
    return path.toStdString();
}

const check::Finding* find(const check::CheckReport& r, const std::string& rule) {
    for (const check::Finding& f : r.findings)
        if (f.rule == rule)
            return &f;
    return nullptr;
}

} // namespace

TEST_CASE("the text on a picture: review number, foreign names and Taiwan as a state", "[ocr]") {
    QTemporaryDir dir;
    const auto pack = mapaudit::refpack::ReferencePack::open(
        uitest::sample("../reference/mapaudit-reference-demo.gpkg").toStdString());

    // A well-formed number, Diaoyu Dao labelled "Senkaku Islands", a label 中華民國.
    const check::CheckReport labelled = mapaudit::inspection::checkMap(
        drawPicture(dir.filePath("labelled.tif"),
                    {{QStringLiteral("审图号：GS(2023)2763号"), 101, 11},
                     {QStringLiteral("Senkaku Islands"), 122.6, 26.3},
                     {QStringLiteral("中華民國"), 119.5, 22.5}}),
        pack);
    CHECK(labelled.fromImage);
    REQUIRE_FALSE(labelled.reviewNumbers.empty());
    CHECK(labelled.reviewNumbers.front().wellFormed);
    CHECK(labelled.reviewNumbers.front().text.find("2763") != std::string::npos);
    CHECK(find(labelled, check::kReviewNoMissing) == nullptr);
    CHECK(find(labelled, check::kReviewNoMalformed) == nullptr);
    const check::Finding* senkaku = find(labelled, check::kNameForeign);
    REQUIRE(senkaku);
    CHECK(senkaku->code == "diaoyu");
    CHECK(senkaku->severity == check::Severity::Warning);
    CHECK(senkaku->needsConfirmation);
    REQUIRE(senkaku->confidence);
    CHECK(*senkaku->confidence > 0.3);
    CHECK(senkaku->clause == "ZFSJ-2");
    // Boxed where it stands: a polygon around the label's place.
    REQUIRE(senkaku->geometryWkt.rfind("POLYGON", 0) == 0);
    OGRGeometry* parsed = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(senkaku->geometryWkt.c_str(), nullptr, &parsed) ==
            OGRERR_NONE);
    mapaudit::OgrGeometryPtr box(parsed);
    OGREnvelope e;
    box->getEnvelope(&e);
    CHECK(e.MinX < 123.5);
    CHECK(e.MaxX > 123.5);
    CHECK(e.MinY < 26.45);
    CHECK(e.MaxY > 26.3);
    CHECK(e.MaxX - e.MinX < 6);
    const check::Finding* state = find(labelled, check::kNameState);
    REQUIRE(state);
    CHECK(state->code == "taiwan");
    CHECK(state->needsConfirmation);

    // A malformed number alone on a pale sea (a single global threshold loses
    // it); then none at all.
    const check::CheckReport malformed = mapaudit::inspection::checkMap(
        drawPicture(dir.filePath("malformed.tif"),
                    {{QStringLiteral("审图号：GS(23)2763"), 101, 11}}),
        pack);
    const check::Finding* bad = find(malformed, check::kReviewNoMalformed);
    REQUIRE(bad);
    CHECK(bad->needsConfirmation);
    CHECK(bad->clause == "DTGLTL-52");
    CHECK(find(malformed, check::kReviewNoMissing) == nullptr);
    const check::CheckReport none =
        mapaudit::inspection::checkMap(drawPicture(dir.filePath("none.tif"), {}), pack);
    const check::Finding* missing = find(none, check::kReviewNoMissing);
    REQUIRE(missing);
    CHECK(missing->severity == check::Severity::Warning);
    CHECK(missing->confidence == 0.5);
    CHECK(none.reviewNumbers.empty());
}

TEST_CASE("a real figure's printed review number is read off a picture that is not georeferenced",
          "[ocr]") {
    // tests/corpus/pictures: a map figure of a public research repository
    // (CC BY 4.0), cropped. Its caption says "Base map GS(2019)1822." — the
    // number without 号, as figure captions often print it.
    const auto pack = mapaudit::refpack::ReferencePack::open(
        uitest::sample("../reference/mapaudit-reference-demo.gpkg").toStdString());
    const std::string picture =
        std::string(MAPAUDIT_CORPUS) + "/pictures/bird-newrecord_figm1_ssp585_2030.png";
    const check::CheckReport r = mapaudit::inspection::checkMap(picture, pack);
    CHECK(r.fromImage);
    CHECK(r.scaleDenominator == 0);
    REQUIRE(r.readingNotes.size() == 1);
    CHECK(r.readingNotes[0].en.find("not georeferenced") != std::string::npos);
    REQUIRE(r.reviewNumbers.size() == 1);
    CHECK(r.reviewNumbers[0].text == "GS(2019)1822");
    CHECK_FALSE(r.reviewNumbers[0].wellFormed);
    // Only the text is judged: the one finding is the malformed number.
    REQUIRE(r.findings.size() == 1);
    const check::Finding& f = r.findings[0];
    CHECK(f.rule == check::kReviewNoMalformed);
    CHECK(f.severity == check::Severity::Warning);
    CHECK(f.needsConfirmation);
    CHECK(f.geometryWkt.empty());
    CHECK(f.messageEn.find("'号' is missing") != std::string::npos);
}
