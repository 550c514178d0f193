// MainWindow: what is done to a layer of the layer list — its attribute table
// (F6) with select-and-zoom.
#include "attribute_table_dialog.h"
#include "layer_tree_model.h"
#include "main_window.h"
#include "map_canvas.h"
#include "map_layer.h"
#include "mapaudit/base/feedback.h"
#include "progress_job.h"

#include <QFileInfo>
#include <QStatusBar>

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

} // namespace mapaudit::ui
