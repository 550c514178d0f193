#include "layer_loader.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/geodata/dataset_open.h"

#include <QObject>
#include <array>

namespace mapaudit::ui {
namespace {

LayerStyle styleFor(int seed) {
    static const std::array<QColor, 5> fills{QColor(240, 226, 196), QColor(250, 200, 170),
                                             QColor(200, 225, 190), QColor(230, 205, 235),
                                             QColor(255, 236, 160)};
    LayerStyle s;
    s.fill = fills[static_cast<std::size_t>(seed) % fills.size()];
    s.stroke = s.fill.darker(220);
    return s;
}

} // namespace

LoadedFile loadFile(const QString& path, int styleSeed, const std::string& viewCrs,
                    Feedback* feedback) {
    LoadedFile out;
    out.path = path;
    const std::filesystem::path fsPath = path.toStdString();
    OpenedDataset opened = openDataset(fsPath);
    GDALDataset& ds = *opened.dataset;
    const int layerCount = ds.GetLayerCount();
    if (layerCount == 0) {
        out.layers.push_back(std::make_shared<RasterMapLayer>(fsPath, viewCrs));
        return out;
    }
    for (int i = 0; i < layerCount; ++i) {
        if (ds.GetLayer(i)->GetLayerDefn()->GetGeomFieldCount() == 0)
            continue; // attribute tables (e.g. pack_metadata) have nothing to draw
        std::int64_t skipped = 0;
        DrawableLayer data =
            readDrawableLayer(ds, i, viewCrs, guessLabelField(ds, i), feedback, &skipped);
        const QString name = QString::fromStdString(data.name);
        if (!data.transformed)
            out.notes << QObject::tr("%1: CRS unknown — drawn with its coordinates as they are")
                             .arg(name);
        if (skipped > 0)
            out.notes << QObject::tr("%1: %2 features could not be transformed and are not shown")
                             .arg(name)
                             .arg(skipped);
        if (!data.features.empty())
            out.layers.push_back(
                std::make_shared<VectorMapLayer>(std::move(data), styleFor(styleSeed + i)));
    }
    return out;
}

namespace {
int layerIndex(GDALDataset& ds, const QString& path, const std::string& layer) {
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        if (layer == ds.GetLayer(i)->GetName())
            return i;
    throw InputError(path.toStdString() + ": no layer '" + layer + "'");
}
} // namespace

std::shared_ptr<VectorMapLayer> reloadVectorLayer(const QString& path, const std::string& layer,
                                                  const std::string& labelField,
                                                  const std::string& viewCrs, LayerStyle style) {
    OpenedDataset opened = openDataset(path.toStdString());
    const int index = layerIndex(*opened.dataset, path, layer);
    return std::make_shared<VectorMapLayer>(
        readDrawableLayer(*opened.dataset, index, viewCrs, labelField, nullptr), style);
}

QStringList layerFieldNames(const QString& path, const std::string& layer) {
    OpenedDataset opened = openDataset(path.toStdString());
    OGRFeatureDefn* defn =
        opened.dataset->GetLayer(layerIndex(*opened.dataset, path, layer))->GetLayerDefn();
    QStringList names;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        names << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
    return names;
}

} // namespace mapaudit::ui
