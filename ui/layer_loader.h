// Loads a file into map layers (all vector layers, or the raster) off the UI
// thread, through core.
#pragma once

#include "map_layer.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace mapaudit {
class Feedback;
}

namespace mapaudit::ui {

inline constexpr const char* kViewCrs = "EPSG:4490";

struct LoadedFile {
    QString path;
    std::vector<std::shared_ptr<const MapLayer>> layers; // bottom first
    QStringList notes; // e.g. "CRS unknown — drawn untransformed"
};

// Throws InputError (one line for the user) or Canceled. `styleSeed` varies
// the fill colour between files.
LoadedFile loadFile(const QString& path, int styleSeed, Feedback* feedback);

} // namespace mapaudit::ui
