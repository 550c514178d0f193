// Pictures of maps in the workstation: findings marked by hand on a checked
// image, and georeferencing by clicking.
#include "application.h"
#include "check_panel.h"
#include "georef_dialog.h"
#include "image_point_view.h"
#include "main_window.h"
#include "manual_finding_dialog.h"
#include "map_canvas.h"
#include "mapaudit/refpack/key_points.h"
#include "mapaudit/refpack/reference_pack.h"
#include "settings_dialog.h"
#include "ui_test_support.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>
#include <optional>

using namespace mapaudit::ui;
using namespace uitest;
namespace check = mapaudit::check;

namespace {

// Answers the next finding dialog: first with no note (refused, with the
// message kept), then as given.
void answerFindingDialog(const QString& rule, const QString& code, const QString& note,
                         QString* refusal) {
    QTimer::singleShot(0, [=] {
        auto* dialog = qobject_cast<ManualFindingDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        dialog->fill(rule, code, "");
        dialog->accept();
        *refusal = dialog->problem();
        dialog->fill(rule, code, note);
        dialog->accept();
    });
}

} // namespace

TEST_CASE("a finding drawn by hand on a checked image joins the report and the record") {
    QTemporaryDir dir;
    MainWindow w;
    REQUIRE(openAndCheck(w, dir.path(), sample("east_asia_cgcs2000.tif"), QSize(1100, 760)));
    CheckPanel& panel = *w.checkPanel();
    const std::size_t automatic = panel.report()->findings.size();

    // An area around Taiwan: four clicks, the last one double.
    w.canvas()->zoomToLonLat({117, 20, 125, 27});
    REQUIRE(waitUntilDrawn(w));
    w.startMarking(static_cast<int>(MapCanvas::Tool::SketchArea));
    CHECK(w.canvas()->tool() == MapCanvas::Tool::SketchArea);
    QString refusal;
    answerFindingDialog("TERR-FOREIGN", "taiwan", QStringLiteral("台湾岛着他国颜色"), &refusal);
    const std::pair<double, double> corners[] = {{119.5, 21.5}, {122.5, 21.5}, {122.5, 25.5}};
    for (auto [lon, lat] : corners)
        click(*w.canvas(), pixelOf(w, lon, lat));
    click(*w.canvas(), pixelOf(w, 119.5, 25.5));
    click(*w.canvas(), pixelOf(w, 119.5, 25.5), true);
    REQUIRE(waitFor([&] { return panel.report()->findings.size() == automatic + 1; }));
    CHECK(refusal == QStringLiteral("请写明地图上的问题。"));

    const check::Finding& m1 = panel.report()->findings.back();
    CHECK(m1.id == "M1");
    CHECK(m1.manual);
    CHECK(m1.rule == "TERR-FOREIGN");
    CHECK(m1.code == "taiwan");
    CHECK(m1.severity == check::Severity::Error);
    CHECK(m1.note == "台湾岛着他国颜色");
    CHECK(m1.geometryWkt.rfind("POLYGON ((119.5", 0) == 0);
    CHECK(panel.reviews().at("M1").state == check::ReviewState::Confirmed);
    CHECK(w.canvas()->tool() == MapCanvas::Tool::Pan);
    // The new row is selected and drawn in the highlight colour.
    const int row = panel.findingsTable()->currentRow();
    REQUIRE(row >= 0);
    CHECK(panel.findingsTable()->item(row, 3)->text().contains(QStringLiteral("台湾岛着他国颜色")));
    REQUIRE(waitUntilDrawn(w));
    const QColor c = colourAt(w, 121.8, 21.8); // inside the drawn area, at sea
    CHECK(c.red() > 200);
    CHECK(c.blue() < 170);

    // A point: the dash the picture lacks.
    w.startMarking(static_cast<int>(MapCanvas::Tool::SketchPoint));
    answerFindingDialog("DASHLINE-MISSING", "nanhai", QStringLiteral("第一段断续线缺失"), &refusal);
    click(*w.canvas(), pixelOf(w, 122.5, 23.5));
    REQUIRE(waitFor([&] { return panel.report()->findings.size() == automatic + 2; }));
    CHECK(panel.report()->findings.back().geometryWkt.rfind("POINT (122.5", 0) == 0);

    // The record lists the automatic and the manual findings alike.
    QString message;
    const auto record = w.registerProblemMap(false, &message);
    REQUIRE(record);
    const auto& lines = record->fields.at("findings");
    CHECK(lines.size() == automatic + 2);
    CHECK(lines[automatic].get<std::string>().rfind("M1 TERR-FOREIGN：台湾省：", 0) == 0);
    CHECK(lines[automatic + 1].get<std::string>().rfind("M2 DASHLINE-MISSING：", 0) == 0);
    CHECK(lines[automatic + 1].get<std::string>().find("第一段断续线缺失") != std::string::npos);
}

namespace {

// The first three band values at a lon/lat, as "r g b".
QString colourOfFile(const QString& path, double lon, double lat) {
    QProcess p;
    p.start("gdallocationinfo",
            {"-valonly", "-wgs84", path, QString::number(lon), QString::number(lat)});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).split('\n').mid(0, 3).join(' ');
}

} // namespace

TEST_CASE("georeferencing in the workstation: clicked, snapped and typed points, residuals, "
          "saved points, the warp") {
    installTranslations("zh_CN");
    QTemporaryDir dir;
    // The sample raster without its georeferencing: 0.1° pixels from 70°E, 55°N.
    const QString png = dir.filePath("scan.png");
    QProcess::execute("gdal_translate",
                      {"-q", "-of", "PNG", sample("east_asia_cgcs2000.tif"), png});
    QFile::remove(png + ".aux.xml");
    auto lonOf = [](double column) { return 70 + column * 0.1; };
    auto latOf = [](double row) { return 55 - row * 0.1; };

    MainWindow w;
    w.resize(1100, 760);
    w.show();
    w.openFiles({sample("east_asia_cgcs2000.tif")});
    REQUIRE(waitUntilReady(w));
    GeorefDialog* dialog = w.openGeoreferencing(png);
    REQUIRE(dialog);
    ImagePointView& image = *dialog->imageView();
    REQUIRE(waitFor([&] { return image.isVisible(); }));
    dialog->setPlacingOnMap(true);
    CHECK(w.canvas()->tool() == MapCanvas::Tool::Pick);

    // Four spots clicked on the picture, then on the map.
    const std::pair<double, double> spots[] = {{100, 100}, {600, 120}, {150, 480}, {620, 500}};
    for (auto [c, r] : spots) {
        click(image, image.toWidget({c, r}));
        click(*w.canvas(), pixelOf(w, lonOf(c), latOf(r)));
    }
    REQUIRE(dialog->points().size() == 4);
    for (const auto& p : dialog->points())
        CHECK(p.placed);
    REQUIRE(dialog->fit());
    CHECK(dialog->fit()->transform == mapaudit::imagery::Transform::Poly1);
    const double clickedRms = dialog->fit()->rmsPx;
    CHECK(clickedRms < 1.5); // a map click is good to a fraction of a picture pixel here

    // Huangyan Dao: a click 5 screen pixels off lands on the key point itself.
    const double hc = (117.75 - 70) / 0.1, hr = (55 - 15.15) / 0.1;
    click(image, image.toWidget({hc, hr}));
    w.canvas()->zoomToLonLat({113, 12, 121, 18});
    REQUIRE(waitUntilDrawn(w));
    click(*w.canvas(), pixelOf(w, 117.75, 15.15) + QPointF(4, 3));
    const auto& snapped = dialog->points().back();
    mapaudit::refpack::KeyPoint huangyan;
    for (const auto& k : mapaudit::refpack::keyPoints(
             mapaudit::refpack::ReferencePack::open(mapaudit::refpack::defaultPackPath())))
        if (k.code == "huangyan_dao")
            huangyan = k;
    CHECK(snapped.cp.x == huangyan.lon);
    CHECK(snapped.cp.y == huangyan.lat);
    dialog->setPlacingOnMap(false);
    CHECK(w.canvas()->tool() == MapCanvas::Tool::Pan);

    // Typed: decimal or 度分秒; a wrong text is refused and changes nothing.
    click(image, image.toWidget({300, 300}));
    const int typed = static_cast<int>(dialog->points().size()) - 1;
    CHECK_FALSE(dialog->setLonLat(typed, "一百度", "25"));
    CHECK_FALSE(dialog->points().back().placed);
    CHECK(dialog->setLonLat(typed, QStringLiteral("100°0'0\"E"), QStringLiteral("25度")));
    CHECK(dialog->points().back().cp.x == 100.0);
    CHECK(dialog->points().back().cp.y == 25.0);
    REQUIRE(dialog->fit());
    CHECK(dialog->fit()->residualsPx.size() == 6);
    CHECK(dialog->fit()->transform == mapaudit::imagery::Transform::Poly2); // six points

    // A point typed 3° off stands out among the residuals.
    dialog->setTransform(mapaudit::imagery::Transform::Poly1);
    CHECK(dialog->setLonLat(typed, "103", "25"));
    const auto& residuals = dialog->fit()->residualsPx;
    CHECK(std::max_element(residuals.begin(), residuals.end()) - residuals.begin() == typed);
    CHECK(dialog->setLonLat(typed, "100", "25"));
    CHECK(dialog->fit()->rmsPx < 1.5);

    // Saved and loaded again as .points.
    const QString points = dir.filePath("scan.png.points");
    dialog->savePoints(points);
    GeorefDialog* again = w.openGeoreferencing(png);
    REQUIRE(again);
    again->loadPoints(points);
    again->setTransform(mapaudit::imagery::Transform::Poly1);
    REQUIRE(again->points().size() == dialog->points().size());
    for (std::size_t i = 0; i < again->points().size(); ++i) {
        CHECK(again->points()[i].cp.pixel == Approx(dialog->points()[i].cp.pixel).margin(1e-6));
        CHECK(again->points()[i].cp.line == Approx(dialog->points()[i].cp.line).margin(1e-6));
        CHECK(again->points()[i].cp.x == Approx(dialog->points()[i].cp.x).margin(1e-9));
        CHECK(again->points()[i].cp.y == Approx(dialog->points()[i].cp.y).margin(1e-9));
    }
    CHECK(again->fit()->rmsPx == Approx(dialog->fit()->rmsPx).margin(1e-6));
    // …and as a GDAL VRT of the picture with the points as its GCPs.
    const QString vrt = dir.filePath("scan-gcps.vrt");
    dialog->savePoints(vrt);
    again->loadPoints(vrt);
    REQUIRE(again->points().size() == dialog->points().size());
    CHECK(again->points()[4].cp.x == Approx(dialog->points()[4].cp.x).margin(1e-9));
    CHECK(again->points()[4].cp.pixel == Approx(dialog->points()[4].cp.pixel).margin(1e-6));
    again->close();

    // The warp runs in the background and the result opens as a layer.
    const QString out = dir.filePath("scan-georef.tif");
    QString warped;
    QObject::connect(dialog, &GeorefDialog::warped, [&](const QString& p) { warped = p; });
    const std::size_t layersBefore = w.canvas()->layers().size();
    dialog->warpTo(out);
    REQUIRE(waitFor([&] { return !warped.isEmpty(); }, 60000));
    CHECK(warped == out);
    REQUIRE(waitFor([&] { return w.canvas()->layers().size() > layersBefore && !w.isLoading(); }));
    CHECK(colourOfFile(out, 105, 35) == colourOfFile(sample("east_asia_cgcs2000.tif"), 105, 35));
    CHECK(colourOfFile(out, 80, 20) == colourOfFile(sample("east_asia_cgcs2000.tif"), 80, 20));
    dialog->close();
}

TEST_CASE("online basemaps stay off until turned on with a key; an area packaged for offline use") {
    installTranslations("zh_CN");
    QTemporaryDir dir;
    CHECK_FALSE(WorkstationSettings{}.onlineBasemaps);
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    WorkstationSettings off{dir.filePath("r.sqlite"), "tester", "", "zh_CN", "", false, "abc123"};
    w.applySettings(off);
    CHECK_FALSE(w.tiandituAction("vec")->isEnabled());
    CHECK_FALSE(w.tiandituAction("img")->isEnabled());
    CHECK(w.tiandituAction("vec")->toolTip().contains(QStringLiteral("首选项")));
    w.openTianditu("vec"); // refused whatever calls it
    CHECK_FALSE(w.isLoading());
    CHECK(w.canvas()->layers().empty());

    WorkstationSettings on = off;
    on.onlineBasemaps = true;
    on.tiandituKey = "";
    CHECK(SettingsDialog(on).validate().contains(QStringLiteral("天地图密钥")));
    on.tiandituKey = "0123 abcd&x";
    CHECK(SettingsDialog(on).validate().contains(QStringLiteral("只含字母和数字")));
    on.tiandituKey = "0123abcd";
    CHECK(SettingsDialog(on).validate().isEmpty());
    w.applySettings(on);
    CHECK(w.tiandituAction("vec")->isEnabled());
    const QStringList files = w.writeTiandituDescriptions("img");
    REQUIRE(files.size() == 2);
    CHECK(files[0].endsWith("tianditu-img.xml"));
    CHECK(files[1].endsWith("tianditu-cia.xml"));
    QFile xml(files[0]);
    REQUIRE(xml.open(QIODevice::ReadOnly));
    CHECK(xml.readAll().contains("tk=0123abcd"));
    w.applySettings(off); // nothing loaded on line in this test

    // The area of the map view, packaged as MBTiles, opens under the other layers.
    w.openFiles({sample("east_asia_cgcs2000.tif")});
    REQUIRE(waitUntilReady(w));
    w.canvas()->zoomToLonLat({100, 20, 125, 45});
    REQUIRE(waitUntilDrawn(w));
    CHECK(w.basemapSources() == QStringList{sample("east_asia_cgcs2000.tif")});
    const auto area = w.viewLonLatExtent();
    REQUIRE(area);
    CHECK(area->minX <= 100.01);
    CHECK(area->maxX >= 124.99);
    const int zoom = w.suggestedBasemapZoom();
    CHECK(zoom >= 3);
    CHECK(zoom <= 7);
    const QString out = dir.filePath("east-asia-offline.mbtiles");
    QString finished = "none";
    QObject::connect(&w, &MainWindow::basemapExportFinished,
                     [&](const QString& path) { finished = path; });
    w.exportBasemapArea(sample("east_asia_cgcs2000.tif"), *area, 5, out);
    REQUIRE(waitFor([&] { return finished != "none"; }, 60000));
    CHECK(finished == out);
    REQUIRE(waitFor([&] { return !w.isLoading() && w.canvas()->layers().size() == 2; }));
    CHECK(w.canvas()->layers().front()->name().contains("east-asia-offline"));
    CHECK(colourOfFile(out, 105, 35) == colourOfFile(sample("east_asia_cgcs2000.tif"), 105, 35));
    CHECK(colourOfFile(out, 120, 40) == colourOfFile(sample("east_asia_cgcs2000.tif"), 120, 40));
    CHECK(w.checkPanel()->findChild<QComboBox*>()->count() == 1); // basemaps are not checked
}

TEST_CASE("a finding marked by hand may rest on any clause of the catalogue") {
    installTranslations("zh_CN");
    const std::vector<check::CodeInfo> codes{{"china", "中国", "China"},
                                             {"map", "整幅地图", "The map as a whole"}};
    std::optional<check::ManualFindingInput> submitted;
    ManualFindingDialog dialog(codes, "POINT (123.47 25.74)",
                               [&](const check::ManualFindingInput& in) { submitted = in; });
    // A checklist clause: the severity follows the clause.
    dialog.fill("GKNR-5.3", "map", QStringLiteral("图例压盖钓鱼岛"));
    dialog.accept();
    REQUIRE(submitted);
    CHECK(submitted->rule == "GKNR-5.3");
    CHECK(submitted->code == "map");
    CHECK(submitted->severity == check::Severity::Error);
    // A warning clause sets the severity to warning.
    dialog.fill("DTGLTL-22", "map", QStringLiteral("图上未见审图号"));
    dialog.accept();
    CHECK(submitted->rule == "DTGLTL-22");
    CHECK(submitted->severity == check::Severity::Warning);
}
