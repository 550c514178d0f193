// The workstation shell as a person sees it, on Qt's offscreen platform:
// Chinese by default, English on request, files drawn where they belong.
#include "application.h"
#include "check_panel.h"
#include "main_window.h"
#include "map_canvas.h"
#include "mapaudit/check/rule_registry.h"
#include "mapaudit/refpack/reference_pack.h"
#include "reference_panel.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QMenuBar>
#include <QMimeData>
#include <QTableWidget>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace mapaudit::ui;
using mapaudit::Extent;

using namespace uitest;

TEST_CASE("the UI is Chinese by default and English on request") {
    REQUIRE(installTranslations("zh_CN"));
    {
        MainWindow w;
        CHECK(w.menuBar()->actions().at(0)->text() == QStringLiteral("文件(&F)"));
        CHECK(w.windowTitle().contains(QStringLiteral("地图监管")));
    }
    REQUIRE(installTranslations("en"));
    QCoreApplication::processEvents();
    MainWindow w;
    CHECK(w.menuBar()->actions().at(0)->text() == "&File");
    // Switching back retranslates an open window.
    installTranslations("zh_CN");
    QCoreApplication::processEvents();
    CHECK(w.menuBar()->actions().at(0)->text() == QStringLiteral("文件(&F)"));
}

TEST_CASE("vector samples are drawn where they belong", "[threads]") {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    w.openFiles({sample("world_ne10m.gpkg"), sample("key_features_gbk.shp")});
    REQUIRE(waitUntilReady(w));
    CHECK(w.errors().isEmpty());
    REQUIRE(w.canvas()->layers().size() == 2);
    // World extent: Tibet is land (away from any label), the middle of the Pacific is sea.
    CHECK(colourAt(w, 88.0, 32.0) == QColor(240, 226, 196));
    CHECK(colourAt(w, -150.0, 0.0) == QColor(214, 232, 245));
    // Huangyan Dao: the reference's key-island symbol is drawn over the map…
    w.canvas()->zoomToLonLat({116.5, 14.0, 119.0, 16.3});
    REQUIRE(waitUntilDrawn(w));
    CHECK(colourAt(w, 117.76, 15.15) == QColor(230, 30, 30));
    // …and without the reference, the sample's own point symbol in the second layer's colour.
    for (std::size_t i = 0; i < kReferenceItemCount; ++i)
        w.referencePanel()->setShown(static_cast<ReferenceItem>(i), false);
    REQUIRE(waitUntilDrawn(w));
    CHECK(colourAt(w, 117.76, 15.15) == QColor(250, 200, 170));

    // Zooming to the islands makes the symbol larger and keeps it in place.
    w.canvas()->zoomToExtent({109, 3, 125, 27});
    REQUIRE(waitUntilDrawn(w));
    CHECK(colourAt(w, 123.475, 25.746) == QColor(250, 200, 170));
    CHECK(w.canvas()->scaleDenominator() > 1e6);
}

TEST_CASE("a GeoTIFF is drawn with its own colours") {
    MainWindow w;
    w.resize(800, 600);
    w.show();
    w.openFiles({sample("east_asia_cgcs2000.tif")});
    REQUIRE(waitUntilDrawn(w));
    CHECK(colourAt(w, 105.0, 35.0) == QColor(250, 200, 170)); // China
    CHECK(colourAt(w, 80.0, 20.0) == QColor(240, 235, 215));  // India
    CHECK(colourAt(w, 130.0, 10.0) == QColor(200, 220, 240)); // sea
}

TEST_CASE("a broken file is reported and the others still load", "[threads]") {
    QTemporaryDir dir;
    const QString empty = dir.filePath("empty.shp");
    QFile(empty).open(QIODevice::WriteOnly);
    MainWindow w;
    w.show();
    w.openFiles({empty, sample("parcels_invalid.geojson")});
    REQUIRE(waitUntilDrawn(w));
    REQUIRE(w.errors().size() == 1);
    // In the UI's language (Chinese here), from the engine's message catalogue.
    CHECK(w.errors().front().contains(QStringLiteral("文件为空（0 字节）")));
    CHECK(w.canvas()->layers().size() == 1);
}

TEST_CASE("files dropped on the window are opened", "[threads]") {
    MainWindow w;
    w.show();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(sample("china_zone39_gk.shp"))});
    // As a real drag does: enter (accepted), then drop.
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    CHECK(enter.isAccepted());
    QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    REQUIRE(waitUntilDrawn(w));
    REQUIRE(w.canvas()->layers().size() == 1);
    const Extent e = w.canvas()->layers().front()->extent();
    CHECK(e.minX == Approx(115.5).margin(1e-6)); // drawn in CGCS2000 lon/lat
    CHECK(colourAt(w, 117.0, 40.0) == QColor(240, 226, 196));
}

TEST_CASE("the status bar names the reference pack and says it is demonstration-grade") {
    installTranslations("zh_CN");
    MainWindow w;
    w.show();
    REQUIRE(waitFor([&] { return !w.referencePackBadge().isEmpty(); }));
    const QString badge = w.referencePackBadge();
    INFO(badge.toStdString());
    CHECK(badge.contains("mapaudit-demo-cn 1.2.0"));
    CHECK(badge.contains(QStringLiteral("演示级")));
    CHECK(badge.contains(QStringLiteral("已校验")));
}

TEST_CASE("a check run from the panel lists the same findings as the command line", "[threads]") {
    installTranslations("en");
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    w.openFiles({sample("world_ne10m.gpkg")});
    REQUIRE(waitUntilDrawn(w));
    CheckPanel& panel = *w.checkPanel();
    panel.runCheck();
    CHECK(panel.isRunning());
    REQUIRE(waitFor([&] { return !panel.isRunning(); }));
    INFO(panel.lastError().toStdString());
    REQUIRE(panel.report());

    const auto pack = mapaudit::refpack::ReferencePack::open(mapaudit::refpack::defaultPackPath());
    const auto direct =
        mapaudit::check::checkDataset(sample("world_ne10m.gpkg").toStdString(), pack);
    QTableWidget& table = *panel.findingsTable();
    REQUIRE(table.rowCount() == static_cast<int>(direct.findings.size()));
    int taiwan = -1;
    for (int row = 0; row < table.rowCount(); ++row) {
        const auto& f = direct.findings[static_cast<std::size_t>(row)];
        // Names first, the stable codes in columns of their own.
        CHECK(table.item(row, CheckPanel::RuleColumn)->text().toStdString() ==
              mapaudit::check::findRule(f.rule)->nameEn);
        CHECK(table.item(row, CheckPanel::PlaceColumn)->text().toStdString() == f.placeEn);
        CHECK(table.item(row, CheckPanel::MessageColumn)->text().toStdString() == f.messageEn);
        CHECK(table.item(row, CheckPanel::RuleIdColumn)->text().toStdString() == f.rule);
        CHECK(table.item(row, CheckPanel::CodeColumn)->text().toStdString() == f.code);
        if (f.rule == "TERR-FOREIGN" && f.code == "taiwan")
            taiwan = row;
    }
    // Choosing a finding brings the map to it and shows it in full under the table.
    REQUIRE(taiwan >= 0);
    table.setCurrentCell(taiwan, 0);
    CHECK(panel.detailText().contains(QStringLiteral("Taiwan Province")));
    CHECK(panel.detailText().contains(
        QString::fromStdString(direct.findings[static_cast<std::size_t>(taiwan)].basis)));
    const Extent e = w.canvas()->viewport().extent();
    CHECK(e.minX < 120.5);
    CHECK(e.maxX > 121.9);
    CHECK(e.minY < 22.0);
    CHECK(e.maxY > 25.2);
    CHECK(e.maxX - e.minX < 15);
    // The map profile the check found, shown under the verdict.
    CHECK(panel.profileText().contains(QStringLiteral("Map kind: world map")));
    CHECK(panel.profileText().contains(QStringLiteral("owner: name (country names or codes)")));
    installTranslations("zh_CN");
}

TEST_CASE("the map kind given in the panel is the kind the check uses, shown in Chinese") {
    installTranslations("zh_CN");
    MainWindow w;
    w.show();
    w.openFiles({sample("world_ne10m.gpkg")});
    REQUIRE(waitUntilDrawn(w));
    CheckPanel& panel = *w.checkPanel();
    panel.setKind(QStringLiteral("regional"));
    panel.runCheck();
    REQUIRE(waitFor([&] { return !panel.isRunning(); }));
    REQUIRE(panel.report());
    CHECK(panel.report()->profile.kind == mapaudit::check::MapKind::Regional);
    CHECK(panel.report()->profile.kindGiven);
    CHECK(panel.profileText().contains(QStringLiteral("地图类型：跨国区域（指定）")));
}

TEST_CASE("a check can be canceled from the panel", "[threads]") {
    MainWindow w;
    w.show();
    w.openFiles({sample("world_ne10m.gpkg")});
    REQUIRE(waitUntilDrawn(w));
    CheckPanel& panel = *w.checkPanel();
    panel.runCheck();
    panel.cancelCheck();
    REQUIRE(waitFor([&] { return !panel.isRunning(); }));
    CHECK_FALSE(panel.report());
    CHECK(panel.findingsTable()->rowCount() == 0);
}
