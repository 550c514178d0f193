// The map canvas as an inspector uses it: the reference drawn over the map and
// switched part by part, bookmarks, zoom and pan, another CRS, identify and
// measuring on the ellipsoid.
#include "application.h"
#include "check_panel.h"
#include "main_window.h"
#include "map_canvas.h"
#include "map_layer.h"
#include "map_tools.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/refpack/reference_pack.h"
#include "reference_panel.h"
#include "ui_test_support.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QImage>
#include <QKeyEvent>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QTableWidget>
#include <QWheelEvent>
#include <atomic>
#include <catch2/catch.hpp>

using namespace mapaudit::ui;
using namespace uitest;
using mapaudit::Extent;

namespace {

bool near(const QColor& a, const QColor& b, int tolerance = 30) {
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

// The middle of the pack's first dash, in lon/lat.
QPointF firstDashMiddle() {
    auto opened = mapaudit::openDataset(mapaudit::refpack::defaultPackPath());
    OGRLayer* dashes = opened.dataset->GetLayerByName("scs_dashes");
    mapaudit::OgrFeaturePtr f(dashes->GetNextFeature());
    const OGRLineString* line = f->GetGeometryRef()->toLineString();
    return {(line->getX(0) + line->getX(1)) / 2, (line->getY(0) + line->getY(1)) / 2};
}

} // namespace

TEST_CASE("the reference is drawn over the map and each part can be switched off") {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    w.openFiles({sample("world_ne10m.gpkg")});
    REQUIRE(waitUntilReady(w));
    const QPointF dash = firstDashMiddle();
    w.canvas()->zoomToLonLat({dash.x() - 1, dash.y() - 1, dash.x() + 1, dash.y() + 1});
    REQUIRE(waitUntilDrawn(w));
    const QColor dashColour(120, 20, 110);
    CHECK(near(colourAt(w, dash.x(), dash.y()), dashColour));

    // Swiped away (the line at the left edge), and half transparent.
    const QColor full = colourAt(w, dash.x(), dash.y());
    w.referencePanel()->setAppearance(100, 0);
    REQUIRE(waitUntilDrawn(w));
    const QColor swiped = colourAt(w, dash.x(), dash.y());
    CHECK_FALSE(near(swiped, dashColour, 60));
    w.referencePanel()->setAppearance(50, 100);
    REQUIRE(waitUntilDrawn(w));
    const QColor half = colourAt(w, dash.x(), dash.y());
    CHECK(near(half,
               QColor((full.red() + swiped.red()) / 2, (full.green() + swiped.green()) / 2,
                      (full.blue() + swiped.blue()) / 2),
               30));
    w.referencePanel()->setAppearance(100, 100);

    w.referencePanel()->setShown(ReferenceItem::Dashes, false);
    REQUIRE(waitUntilDrawn(w));
    CHECK_FALSE(near(colourAt(w, dash.x(), dash.y()), dashColour, 60));

    // Aksai Chin, a disputed area, is hatched in red over India's fill on this map.
    w.canvas()->zoomToLonLat({78.5, 34.0, 80.5, 36.0});
    REQUIRE(waitUntilDrawn(w));
    auto redPixels = [&] {
        const QImage image = w.canvas()->renderedImage();
        int red = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                red += c.red() > c.green() + 60 && c.red() > c.blue() + 60;
            }
        return red;
    };
    const int withDisputed = redPixels();
    w.referencePanel()->setShown(ReferenceItem::DisputedAreas, false);
    w.referencePanel()->setShown(ReferenceItem::Territory, false);
    w.referencePanel()->setShown(ReferenceItem::LandBorder, false);
    REQUIRE(waitUntilDrawn(w));
    CHECK(withDisputed > 100);
    CHECK(redPixels() == 0);
}

TEST_CASE("bookmarks bring the map to the places drawn wrongly most often") {
    installTranslations("zh_CN");
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    w.openFiles({sample("world_ne10m.gpkg")});
    REQUIRE(waitUntilReady(w));
    QListWidget& list = *w.referencePanel()->bookmarkList();
    QStringList names;
    for (int i = 0; i < list.count(); ++i)
        names << list.item(i)->text();
    CHECK(names == QStringList{QStringLiteral("台湾"), QStringLiteral("藏南"),
                               QStringLiteral("阿克赛钦"), QStringLiteral("钓鱼岛"),
                               QStringLiteral("南海诸岛"), QStringLiteral("黄岩岛"),
                               QStringLiteral("曾母暗沙")});
    auto shows = [&](double lon, double lat, double maxWidth) {
        const Extent e = w.canvas()->viewport().extent();
        return e.minX < lon && lon < e.maxX && e.minY < lat && lat < e.maxY &&
               e.maxX - e.minX < maxWidth;
    };
    emit list.itemClicked(list.item(3)); // 钓鱼岛
    CHECK(shows(123.475, 25.746, 4));
    emit list.itemClicked(list.item(6)); // 曾母暗沙
    CHECK(shows(112.28, 3.97, 3));
    emit list.itemClicked(list.item(1)); // 藏南
    CHECK(shows(93.0, 28.0, 12));
}

TEST_CASE("zoom and pan change the extent as expected", "[threads]") {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    w.openFiles({sample("china_zone39_gk.shp")});
    REQUIRE(waitUntilDrawn(w));
    MapCanvas& canvas = *w.canvas();
    const Extent before = canvas.viewport().extent();
    const QPointF centre = canvas.viewport().centre();

    canvas.zoomBy(2.0); // zoom in: half the width, same centre
    Extent e = canvas.viewport().extent();
    CHECK(e.maxX - e.minX == Approx((before.maxX - before.minX) / 2));
    CHECK(canvas.viewport().centre().x() == Approx(centre.x()));

    // Arrow right: the view moves a quarter of its width east.
    const double width = e.maxX - e.minX;
    QKeyEvent right(QEvent::KeyPress, Qt::Key_Right, Qt::NoModifier);
    QCoreApplication::sendEvent(&canvas, &right);
    CHECK(canvas.viewport().extent().minX == Approx(e.minX + width / 4));

    // Dragging 100 px to the left moves the view 100 px worth east.
    e = canvas.viewport().extent();
    const double upp = canvas.viewport().unitsPerPixel();
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(500, 300), QPointF(500, 300),
                      Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QMouseEvent move(QEvent::MouseMove, QPointF(400, 300), QPointF(400, 300), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, QPointF(400, 300), QPointF(400, 300),
                        Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    for (QEvent* ev : std::initializer_list<QEvent*>{&press, &move, &release})
        QCoreApplication::sendEvent(&canvas, ev);
    CHECK(canvas.viewport().extent().minX == Approx(e.minX + 100 * upp));

    // The wheel zooms in about the cursor: the point under it stays put.
    const QPointF cursor(300, 200);
    const QPointF under = canvas.viewport().toMap(cursor);
    QWheelEvent wheel(cursor, canvas.mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(&canvas, &wheel);
    CHECK(canvas.viewport().unitsPerPixel() == Approx(upp / 1.25));
    CHECK(canvas.viewport().toMap(cursor).x() == Approx(under.x()));
    CHECK(canvas.viewport().toMap(cursor).y() == Approx(under.y()));

    // A zoom box fills the view with the box.
    canvas.setTool(MapCanvas::Tool::ZoomBox);
    const QPointF a = canvas.viewport().toMap({100, 100}), b = canvas.viewport().toMap({300, 240});
    QMouseEvent boxPress(QEvent::MouseButtonPress, QPointF(100, 100), QPointF(100, 100),
                         Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QMouseEvent boxRelease(QEvent::MouseButtonRelease, QPointF(300, 240), QPointF(300, 240),
                           Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&canvas, &boxPress);
    QCoreApplication::sendEvent(&canvas, &boxRelease);
    e = canvas.viewport().extent();
    CHECK(e.minX <= a.x());
    CHECK(e.maxX >= b.x());
    CHECK(e.maxX - e.minX < (b.x() - a.x()) * 1.6);

    canvas.zoomToFullExtent();
    e = canvas.viewport().extent();
    CHECK(e.minX < 115.5);
    CHECK(e.maxX > 118.5);
}

TEST_CASE("the map can be drawn in Web Mercator and Gauss-Krüger, showing the same place",
          "[threads]") {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    w.openFiles({sample("world_ne10m.gpkg")});
    REQUIRE(waitUntilReady(w));
    w.canvas()->zoomToLonLat({100, 25, 110, 35});
    REQUIRE(waitUntilDrawn(w));
    const QColor land = colourAt(w, 104.0, 30.5); // Sichuan
    const double scale = w.canvas()->scaleDenominator();

    w.setViewCrs(ViewCrs::webMercator());
    REQUIRE(waitUntilReady(w));
    CHECK(w.canvas()->crs().definition() == "EPSG:3857");
    const Extent e = w.canvas()->viewport().extent();
    CHECK(e.minX < 11131949.08);                              // 100°E in metres
    CHECK(e.maxX > 12245143.99);                              // 110°E
    CHECK(w.canvas()->layers().front()->extent().maxX > 1e7); // the layer was reprojected
    CHECK(colourAt(w, 104.0, 30.5) == land);
    // The scale at the centre is about the same as before (the view was fitted, not kept).
    CHECK(w.canvas()->scaleDenominator() == Approx(scale).epsilon(0.35));

    w.setViewCrs(ViewCrs::gaussKruger(105));
    REQUIRE(waitUntilReady(w));
    CHECK(w.canvas()->crs().definition() == "EPSG:4523"); // zone 35, CM 105°E
    CHECK(colourAt(w, 104.0, 30.5) == land);
    CHECK(w.canvas()->viewport().extent().minX > 34e6); // zone-prefixed eastings

    w.setViewCrs(ViewCrs::geographic());
    REQUIRE(waitUntilReady(w));
    CHECK(w.canvas()->viewport().extent().minX < 100.5);
}

TEST_CASE("the status bar shows the cursor's position on the map and nothing once it leaves") {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    w.openFiles({sample("world_ne10m.gpkg")});
    REQUIRE(waitUntilReady(w));
    w.canvas()->zoomToLonLat({100, 25, 110, 35});
    const QPointF at = w.canvas()->viewport().toPixel(w.canvas()->crs().fromLonLat({104, 30.5}));
    QMouseEvent move(QEvent::MouseMove, at, w.canvas()->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(w.canvas(), &move);
    CHECK(w.cursorText().contains(QStringLiteral("°")));
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(w.canvas(), &leave);
    CHECK(w.cursorText().isEmpty());
}

namespace {

// Pixels of `layer` drawn in pure red (its label colour) in `view`.
int redPixels(const VectorMapLayer& layer, const MapViewport& view) {
    QImage image(view.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    const std::atomic<bool> cancel{false};
    layer.render(painter, view, cancel);
    painter.end();
    int red = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            red += c.red() > 150 && c.green() < 100 && c.blue() < 100;
        }
    return red;
}

} // namespace

TEST_CASE("an area keeps its name on screen when the view is zoomed into it") {
    mapaudit::DrawableLayer data;
    data.name = "areas";
    mapaudit::DrawableFeature square;
    square.dimension = mapaudit::Dimension::Area;
    square.parts = {{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}};
    square.label = "AREA";
    data.features.push_back(square);
    data.extent = {0, 0, 10, 10};
    LayerStyle style;
    style.fill = Qt::white;
    style.stroke = Qt::white;
    style.labelColour = QColor(255, 0, 0);
    const VectorMapLayer layer(data, style);
    const QSize size(400, 300);
    // The whole area, then a view inside it far from its middle: named both times.
    CHECK(redPixels(layer, MapViewport::fitting({0, 0, 10, 10}, size)) > 20);
    CHECK(redPixels(layer, MapViewport(QPointF(8.5, 8.5), 0.004, size)) > 20);
    // Off the area: nothing.
    CHECK(redPixels(layer, MapViewport(QPointF(20, 20), 0.004, size)) == 0);
    // Only a sliver of it on screen: too little to name.
    CHECK(redPixels(layer, MapViewport(QPointF(10.7, 5), 0.004, size)) == 0);
}

TEST_CASE("identify shows the clicked feature's attributes, GBK text decoded") {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    w.openFiles({sample("world_ne10m.gpkg"), sample("key_features_gbk.shp")});
    REQUIRE(waitUntilReady(w));
    w.canvas()->zoomToLonLat({116.5, 14.0, 119.0, 16.3});
    REQUIRE(waitUntilDrawn(w));
    const double tolerance = 4 * w.canvas()->viewport().unitsPerPixel();
    const auto island = w.identifyAt({117.76, 15.15}, tolerance);
    REQUIRE(island);
    CHECK(island->layer == "key_features_gbk");
    bool named = false;
    for (const auto& [field, value] : island->attributes)
        named = named || (field == "name_zh" && value == "黄岩岛");
    CHECK(named);
    // Inland, the country polygon answers.
    const auto country = w.identifyAt({104.0, 30.5}, tolerance);
    REQUIRE(country);
    CHECK(country->layer == "countries");
    CHECK_FALSE(w.identifyAt({-150, -60}, tolerance));
}

TEST_CASE("distances and areas are measured on the ellipsoid by clicking") {
    installTranslations("en");
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    w.openFiles({sample("world_ne10m.gpkg")});
    REQUIRE(waitUntilReady(w));
    w.canvas()->zoomToLonLat({109.5, -1, 112.5, 2});
    REQUIRE(waitUntilDrawn(w));
    MapCanvas& canvas = *w.canvas();
    canvas.setTool(MapCanvas::Tool::MeasureDistance);
    click(canvas, pixelOf(w, 110, 0));
    click(canvas, pixelOf(w, 111, 0));
    click(canvas, pixelOf(w, 111, 0), true); // double click ends the line
    // Pixel rounding moves each end by at most half a pixel (here about 0.005°).
    CHECK(canvas.measuredLength() / 1000 == Approx(111.32).margin(1.5));
    CHECK(w.measurementText().startsWith("Distance 11"));

    canvas.setTool(MapCanvas::Tool::MeasureArea);
    for (auto [lon, lat] : {std::pair{110.0, 0.0}, {111.0, 0.0}, {111.0, 1.0}, {110.0, 1.0}})
        click(canvas, pixelOf(w, lon, lat));
    CHECK(canvas.measuredArea() / 1e6 == Approx(12308.8).epsilon(0.03));
    CHECK(canvas.measuredLength() / 1000 == Approx(4 * 111.0).epsilon(0.03));
    CHECK(w.measurementText().startsWith("Area 12"));
    installTranslations("zh_CN");
}

TEST_CASE("on a small screen the docks give way to the map") {
    MainWindow w;
    w.resize(900, 600);
    w.show();
    QCoreApplication::processEvents();
    INFO("canvas " << w.canvas()->width() << "x" << w.canvas()->height());
    CHECK(w.canvas()->width() >= 450);
    // Every dock is still there, as a tab.
    for (auto* dock : w.findChildren<QDockWidget*>()) {
        INFO(dock->objectName().toStdString());
        CHECK(w.dockWidgetArea(dock) == Qt::RightDockWidgetArea);
        CHECK_FALSE(w.tabifiedDockWidgets(dock).isEmpty());
    }
    // The check settings fold away, so the findings table keeps several rows.
    CheckPanel& panel = *w.checkPanel();
    CHECK_FALSE(panel.settingsShown());
    const int rowHeight = panel.findingsTable()->verticalHeader()->defaultSectionSize();
    INFO("findings table " << panel.findingsTable()->height() << " px, a row " << rowHeight);
    CHECK(panel.findingsTable()->height() >= 5 * rowHeight);
    panel.showSettings(true); // the toggle shows them again
    CHECK(panel.settingsShown());
    // Wide again: the layers and the reference go back to the left.
    w.resize(1400, 860);
    QCoreApplication::processEvents();
    for (auto* dock : w.findChildren<QDockWidget*>()) {
        INFO(dock->objectName().toStdString());
        const bool left =
            dock->objectName() == "LayersDock" || dock->objectName() == "ReferenceDock";
        CHECK(w.dockWidgetArea(dock) == (left ? Qt::LeftDockWidgetArea : Qt::RightDockWidgetArea));
    }
    CHECK(w.canvas()->width() >= 700);
    CHECK(panel.settingsShown());
}

TEST_CASE("each map tool is a class of its own, chosen by its id") {
    // A canvas of its own: in the window a finished sketch opens the finding dialog.
    MapCanvas canvas;
    canvas.resize(600, 400);
    canvas.show();
    canvas.zoomToExtent({110, 20, 125, 30});
    REQUIRE(canvas.viewport().isValid());
    using Tool = MapCanvas::Tool;
    const auto is = [&canvas](auto* kind) {
        return dynamic_cast<const std::remove_pointer_t<decltype(kind)>*>(&canvas.toolObject()) !=
               nullptr;
    };
    canvas.setTool(Tool::Identify);
    CHECK(is(static_cast<IdentifyTool*>(nullptr)));
    canvas.setTool(Tool::SketchPoint);
    CHECK(is(static_cast<SketchPointTool*>(nullptr)));
    canvas.setTool(Tool::Pick);
    CHECK(is(static_cast<PickTool*>(nullptr)));
    canvas.setTool(Tool::MeasureArea);
    REQUIRE(is(static_cast<PathTool*>(nullptr)));
    CHECK(canvas.toolObject().closesPath());
    canvas.setTool(Tool::Pan);
    REQUIRE(is(static_cast<PanTool*>(nullptr)));
    CHECK(canvas.cursor().shape() == Qt::ArrowCursor);

    const auto mouse = [&canvas](QEvent::Type type, QPointF at, Qt::KeyboardModifiers mods = {}) {
        QMouseEvent e(type, at, canvas.mapToGlobal(at), Qt::LeftButton,
                      type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton, mods);
        QCoreApplication::sendEvent(&canvas, &e);
    };
    // The pan tool zooms to a box dragged with Shift held.
    const double before = canvas.viewport().extent().maxX - canvas.viewport().extent().minX;
    const QPointF a = canvas.viewport().toMap({100, 100}), b = canvas.viewport().toMap({300, 240});
    mouse(QEvent::MouseButtonPress, {100, 100}, Qt::ShiftModifier);
    mouse(QEvent::MouseMove, {300, 240}, Qt::ShiftModifier);
    mouse(QEvent::MouseButtonRelease, {300, 240}, Qt::ShiftModifier);
    const Extent boxed = canvas.viewport().extent();
    CHECK(boxed.maxX - boxed.minX < before / 2);
    CHECK(boxed.minX <= a.x());
    CHECK(boxed.maxX >= b.x());

    // A line sketched by clicks ends with a double click and is handed on whole.
    canvas.setTool(Tool::SketchLine);
    QList<QPointF> sketched;
    const auto connection = QObject::connect(&canvas, &MapCanvas::sketchFinished,
                                             [&](const QList<QPointF>& p) { sketched = p; });
    mouse(QEvent::MouseButtonPress, {120, 130});
    mouse(QEvent::MouseButtonRelease, {120, 130});
    mouse(QEvent::MouseButtonPress, {260, 200});
    mouse(QEvent::MouseButtonRelease, {260, 200});
    CHECK(canvas.measurePoints().size() == 2);
    mouse(QEvent::MouseButtonDblClick, {260, 200});
    REQUIRE(sketched.size() == 2);
    CHECK(sketched[0].x() == Approx(canvas.viewport().toMap({120, 130}).x()));
    CHECK(sketched[1].y() == Approx(canvas.viewport().toMap({260, 200}).y()));
    CHECK(canvas.measurePoints().isEmpty()); // sketches do not stay on the map
    QObject::disconnect(connection);

    // Esc drops an area half drawn.
    canvas.setTool(Tool::MeasureArea);
    mouse(QEvent::MouseButtonPress, {100, 100});
    mouse(QEvent::MouseButtonPress, {200, 100});
    REQUIRE(canvas.measurePoints().size() == 2);
    QKeyEvent esc(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
    QCoreApplication::sendEvent(&canvas, &esc);
    CHECK(canvas.measurePoints().isEmpty());
}
