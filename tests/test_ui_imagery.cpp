// Pictures of maps in the workstation: findings marked by hand on a checked
// image.
#include "application.h"
#include "check_panel.h"
#include "main_window.h"
#include "manual_finding_dialog.h"
#include "map_canvas.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>

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
    installTranslations("zh_CN");
    QTemporaryDir dir;
    MainWindow w;
    w.resize(1100, 760);
    w.show();
    w.applySettings({dir.filePath("records.sqlite"), QStringLiteral("测试员"),
                     QStringLiteral("某县自然资源局"), "zh_CN", ""});
    w.openFiles({sample("east_asia_cgcs2000.tif")});
    REQUIRE(waitUntilReady(w));
    CheckPanel& panel = *w.checkPanel();
    panel.runCheck();
    REQUIRE(waitFor([&] { return !panel.isRunning(); }, 120000));
    REQUIRE(panel.report());
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
    CHECK(lines[automatic].get<std::string>().rfind("M1 TERR-FOREIGN taiwan: ", 0) == 0);
    CHECK(lines[automatic + 1].get<std::string>().rfind("M2 DASHLINE-MISSING nanhai: ", 0) == 0);
}
