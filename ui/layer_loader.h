// Loads a file into map layers (all vector layers, or the raster) off the UI
// thread, through core.
#pragma once

#include "map_layer.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <string>
#include <vector>

namespace mapaudit {
class Feedback;
}

namespace mapaudit::ui {

struct LoadedFile {
    QString path;
    std::vector<std::shared_ptr<const MapLayer>> layers; // bottom first
    QStringList notes; // e.g. "CRS unknown — drawn untransformed"
};

// Throws InputError (one line for the user) or Canceled. `styleSeed` varies
// the fill colour between files. Layers are drawn in `viewCrs`.
LoadedFile loadFile(const QString& path, int styleSeed, const std::string& viewCrs,
                    Feedback* feedback);

// One vector layer of a file again, labelled from `labelField` ("" = none).
std::shared_ptr<VectorMapLayer> reloadVectorLayer(const QString& path, const std::string& layer,
                                                  const std::string& labelField,
                                                  const std::string& viewCrs, LayerStyle style);

// The attribute fields of a layer, for choosing the label field.
QStringList layerFieldNames(const QString& path, const std::string& layer);

} // namespace mapaudit::ui
