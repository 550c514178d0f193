// The Layers dock as an inspector uses it: the layer tree (order by dragging,
// boxes, symbols, the reference pack's layers), the attribute table (F6) with
// select-and-zoom, and File ▸ Open recent.
#include "attribute_table_dialog.h"
#include "layer_tree_model.h"
#include "recent_files.h"
#include "reference_panel.h"
#include "ui_test_support.h"

#include <QAction>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QTableView>
#include <memory>

using namespace mapaudit::ui;
using namespace uitest;

namespace {

QAction* layerAction(MainWindow& w, const QKeySequence& key, const QString& text = {}) {
    for (QAction* a : w.layerTree()->actions())
        if ((!key.isEmpty() && a->shortcut() == key) || (!text.isEmpty() && a->text() == text))
            return a;
    return nullptr;
}

bool openAll(MainWindow& w, const QStringList& files) {
    installTranslations("zh_CN");
    w.resize(1280, 820);
    w.show();
    w.openFiles(files);
    return waitUntilReady(w);
}

} // namespace

TEST_CASE("the layer tree: symbols, boxes, order by dragging, the reference pack's layers") {
    MainWindow w;
    REQUIRE(openAll(w, {sample("world_ne10m.gpkg"), sample("key_features_gbk.shp")}));
    LayerTreeModel& model = *w.layerModel();
    REQUIRE(model.layers().size() == 2);
    const QModelIndex maps = model.index(LayerTreeModel::MapGroup, 0);
    CHECK(maps.data().toString() == QStringLiteral("地图图层"));
    REQUIRE(model.rowCount(maps) == 2);
    // Topmost first: the points opened last are on top.
    CHECK(model.index(0, 0, maps).data().toString().contains("key_features_gbk"));
    CHECK(model.index(1, 0, maps).data().toString().contains("countries"));

    // Symbols in each layer's style: the world as an area of its fill colour, the
    // key features as a point.
    const auto* world = dynamic_cast<const VectorMapLayer*>(model.layers()[0].layer.get());
    REQUIRE(world);
    const QImage area =
        model.index(1, 0, maps).data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
    CHECK(area.pixelColor(8, 8).rgb() == world->style().fill.rgb());
    const QImage point =
        model.index(0, 0, maps).data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
    CHECK(point.pixelColor(8, 8).alpha() == 255);
    CHECK(point.pixelColor(0, 0).alpha() == 0);

    // A box hides a layer from the canvas.
    REQUIRE(model.setData(model.index(0, 0, maps), Qt::Unchecked, Qt::CheckStateRole));
    CHECK(w.canvas()->layers().size() == 1);
    REQUIRE(model.setData(model.index(0, 0, maps), Qt::Checked, Qt::CheckStateRole));
    CHECK(w.canvas()->layers().size() == 2);

    // Dragging the top layer below the other one draws it underneath.
    std::unique_ptr<QMimeData> dragged(model.mimeData({model.index(0, 0, maps)}));
    model.dropMimeData(dragged.get(), Qt::MoveAction, 2, 0, maps);
    CHECK(model.index(0, 0, maps).data().toString().contains("countries"));
    CHECK(model.index(1, 0, maps).data().toString().contains("key_features_gbk"));
    REQUIRE(w.canvas()->layers().size() == 2);
    CHECK(w.canvas()->layers()[0]->name().contains("key_features_gbk")); // bottom first
    // … and dropped on the layer now on top, it goes back there.
    dragged.reset(model.mimeData({model.index(1, 0, maps)}));
    model.dropMimeData(dragged.get(), Qt::MoveAction, -1, 0, model.index(0, 0, maps));
    CHECK(model.index(0, 0, maps).data().toString().contains("key_features_gbk"));
    CHECK(w.canvas()->layers()[1]->name().contains("key_features_gbk"));

    // The reference pack's layers are in the tree, their boxes the Reference dock's.
    const QModelIndex reference = model.index(LayerTreeModel::ReferenceGroup, 0);
    REQUIRE(model.rowCount(reference) == 5);
    const QModelIndex dashes = model.indexOfReference(ReferenceItem::Dashes);
    CHECK(dashes.data().toString() == referenceItemLabel(ReferenceItem::Dashes));
    CHECK_FALSE(dashes.data(Qt::DecorationRole).value<QIcon>().isNull());
    REQUIRE(model.setData(dashes, Qt::Unchecked, Qt::CheckStateRole));
    CHECK_FALSE(w.referencePanel()->isShown(ReferenceItem::Dashes));
    w.referencePanel()->setShown(ReferenceItem::Dashes, true);
    CHECK(model.isReferenceShown(ReferenceItem::Dashes));
    CHECK(dashes.data(Qt::CheckStateRole).toInt() == Qt::Checked);

    // Remove layer takes the chosen one out of the tree and off the map.
    w.layerTree()->setCurrentIndex(model.index(0, 0, maps));
    QAction* remove = layerAction(w, QKeySequence(QKeySequence::Delete));
    REQUIRE(remove);
    remove->trigger();
    REQUIRE(model.layers().size() == 1);
    CHECK(model.rowCount(maps) == 1);
    CHECK(w.canvas()->layers().size() == 1);
    CHECK(w.canvas()->layers()[0]->name().contains("countries"));
}

TEST_CASE(
    "the attribute table (F6) reads a GBK shapefile, filters, and frames the chosen feature") {
    MainWindow w;
    REQUIRE(openAll(w, {sample("world_ne10m.gpkg"), sample("key_features_gbk.shp")}));
    LayerTreeModel& model = *w.layerModel();
    w.layerTree()->setCurrentIndex(model.indexOfLayer(1)); // the key features
    QAction* f6 = layerAction(w, QKeySequence(Qt::Key_F6));
    REQUIRE(f6);
    f6->trigger();
    AttributeTableDialog* table = nullptr;
    REQUIRE(waitFor([&] { return (table = w.findChild<AttributeTableDialog*>()) != nullptr; }));
    CHECK(table->shownRows() == 20);
    CHECK(table->countText().contains("20"));
    table->filter()->setText(QStringLiteral("澎湖"));
    REQUIRE(table->shownRows() == 1);
    CHECK(table->countText().contains("1"));
    table->view()->setCurrentIndex(table->view()->model()->index(0, 2));
    REQUIRE(waitUntilDrawn(w));
    // Penghu (119.58 E, 23.57 N) is selected and framed closely.
    const mapaudit::Extent shown = w.canvas()->viewport().extent();
    CHECK(shown.minX < 119.58);
    CHECK(shown.maxX > 119.58);
    CHECK(shown.minY < 23.57);
    CHECK(shown.maxY > 23.57);
    CHECK(shown.maxX - shown.minX < 5);
    const QColor c = colourAt(w, 119.58, 23.57);
    CHECK(c.red() > 200); // the selection's yellow
    CHECK(c.blue() < 150);

    // A raster or no layer: said in the status bar, no dialog.
    table->close();
    QCoreApplication::processEvents();
    w.layerTree()->setCurrentIndex(model.index(LayerTreeModel::MapGroup, 0));
    f6->trigger();
    QCoreApplication::processEvents();
    CHECK_FALSE(w.findChild<AttributeTableDialog*>());
}

TEST_CASE("File ▸ Open recent lists the files opened, newest first, and opens them") {
    clearRecentFiles();
    {
        MainWindow w;
        REQUIRE(openAll(w, {sample("world_ne10m.gpkg"), sample("key_features_gbk.shp")}));
    }
    const QStringList recent = recentFiles();
    REQUIRE(recent.size() == 2);
    CHECK(recent[0] == QFileInfo(sample("key_features_gbk.shp")).absoluteFilePath());
    CHECK(recent[1] == QFileInfo(sample("world_ne10m.gpkg")).absoluteFilePath());
    MainWindow w;
    installTranslations("zh_CN");
    w.show();
    REQUIRE(waitFor([&] { return w.isOverlayLoaded(); }));
    emit w.recentMenu()->aboutToShow();
    const auto actions = w.recentMenu()->actions();
    REQUIRE(actions.size() >= 2);
    CHECK(actions[0]->text() == QStringLiteral("&1 key_features_gbk.shp"));
    CHECK(actions[1]->text() == QStringLiteral("&2 world_ne10m.gpkg"));
    actions[1]->trigger();
    REQUIRE(waitUntilDrawn(w));
    REQUIRE(w.layerModel()->layers().size() == 1);
    CHECK(w.layerModel()->layers()[0].path == sample("world_ne10m.gpkg"));
    clearRecentFiles();
}
