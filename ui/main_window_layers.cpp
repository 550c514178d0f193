// MainWindow: the layers — what is drawn and in which order, a layer's style,
// its attribute table (F6) with select-and-zoom, and identifying a feature.
#include "application.h"
#include "attribute_table_dialog.h"
#include "layer_style_dialog.h"
#include "layer_tree_model.h"
#include "main_window.h"
#include "map_canvas.h"
#include "map_layer.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "progress_job.h"
#include "row_table.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace mapaudit::ui {

void MainWindow::openAttributeTable() {
    const auto index = currentLayer();
    if (!index) {
        statusBar()->showMessage(tr("Choose a layer in the layer list first."), 5000);
        return;
    }
    const LayerEntry entry = layerModel_->layers()[*index];
    const auto* vector = dynamic_cast<const VectorMapLayer*>(entry.layer.get());
    if (!vector) {
        statusBar()->showMessage(tr("A raster has no attribute table."), 5000);
        return;
    }
    const std::string path = entry.path.toStdString(), layerName = vector->data().name;
    auto table = std::make_shared<AttributeTable>();
    runWithProgress(
        this, pool_, tr("Reading the attributes of %1…").arg(entry.layer->name()),
        std::make_shared<Feedback>(),
        [table, path, layerName](Feedback* feedback) {
            *table = readAttributeTable(path, layerName, AttributeTableDialog::kMaxRows, feedback);
        },
        tr("Canceled."),
        [this, table, layer = entry.layer](const QString& error) {
            if (!error.isEmpty()) {
                statusBar()->showMessage(error, 8000);
                return;
            }
            auto* dialog = new AttributeTableDialog(layer->name(), std::move(*table), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &AttributeTableDialog::featureChosen, this,
                    [this, layer](std::int64_t fid) { selectFeature(*layer, fid); });
            dialog->show();
        });
}

bool MainWindow::selectFeature(const MapLayer& layer, std::int64_t fid) {
    const auto* vector = dynamic_cast<const VectorMapLayer*>(&layer);
    if (!vector)
        return false;
    for (const auto& f : vector->data().features)
        if (f.fid == fid) {
            select(selectionLayer(f), true);
            return true;
        }
    statusBar()->showMessage(tr("Feature %1 has no geometry to show.").arg(fid), 5000);
    return false;
}

std::optional<std::size_t> MainWindow::currentLayer() const {
    return layerModel_->layerAt(layerTree_->currentIndex());
}

void MainWindow::updateCanvasLayers() {
    LayerList visible;
    for (const auto& entry : layerModel_->layers())
        if (entry.visible)
            visible.push_back(entry.layer);
    canvas_->setLayers(std::move(visible));
}

void MainWindow::editLayerStyle() {
    const auto index = currentLayer();
    if (!index)
        return;
    const LayerEntry entry = layerModel_->layers()[*index];
    const auto* vector = dynamic_cast<const VectorMapLayer*>(entry.layer.get());
    if (!vector) {
        statusBar()->showMessage(tr("A raster is drawn with its own colours."), 5000);
        return;
    }
    const std::string layerName = vector->data().name;
    QStringList fields;
    try {
        fields = layerFieldNames(entry.path, layerName);
    } catch (const InputError&) {
        // the file went away: colours can still change
    }
    const std::string shownField = vector->style().labels ? vector->data().labelField : "";
    LayerStyleDialog dialog(vector->style(), fields, QString::fromStdString(shownField), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::string field = dialog.labelField().toStdString();
    if (field.empty() || field == vector->data().labelField) {
        layerModel_->replaceLayer(*index, vector->restyled(dialog.style()));
    } else {
        try {
            layerModel_->replaceLayer(*index, reloadVectorLayer(entry.path, layerName, field,
                                                                canvas_->crs().definition(),
                                                                dialog.style()));
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Layer properties"), errorText(e));
            return;
        }
    }
}

std::optional<IdentifyResult> MainWindow::identifyAt(QPointF map, double tolerance) {
    const auto& layers = layerModel_->layers();
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        if (!it->visible)
            continue;
        const auto fid = it->layer->featureAt(map, tolerance);
        if (!fid)
            continue;
        const auto* vector = dynamic_cast<const VectorMapLayer*>(it->layer.get());
        IdentifyResult r;
        r.layer = it->layer->name();
        r.fid = *fid;
        r.attributes = featureAttributes(it->path.toStdString(), vector->data().name, *fid);
        for (const auto& f : vector->data().features)
            if (f.fid == *fid)
                r.feature = f;
        return r;
    }
    return std::nullopt;
}

void MainWindow::showIdentify(QPointF map, double tolerance) {
    std::optional<IdentifyResult> r;
    try {
        r = identifyAt(map, tolerance);
    } catch (const InputError& e) {
        statusBar()->showMessage(errorText(e), 8000);
        return;
    }
    if (!r) {
        statusBar()->showMessage(tr("No feature here."), 4000);
        return;
    }
    select(selectionLayer(r->feature), false);
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("%1 — feature %2").arg(r->layer).arg(r->fid));
    auto* table = new QTableWidget(static_cast<int>(r->attributes.size()), 2);
    table->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    setUpRowTable(table);
    for (int i = 0; i < table->rowCount(); ++i) {
        const auto& [field, value] = r->attributes[static_cast<std::size_t>(i)];
        table->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(field)));
        table->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(value)));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(420, 360);
    dialog->show();
}

} // namespace mapaudit::ui
