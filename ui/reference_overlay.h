// The reference pack drawn over the map: China's territory outline, the land
// border with a boundary symbol, the disputed border areas, the key islands
// and the ten dashes, each a layer of its own; and the bookmarks that jump to
// the places inspectors look at first.
#pragma once

#include "map_layer.h"

#include <QString>
#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace mapaudit::ui {

enum class ReferenceItem { Territory, LandBorder, DisputedAreas, KeyIslands, Dashes };
inline constexpr std::size_t kReferenceItemCount = 5;
QString referenceItemLabel(ReferenceItem item);

struct Bookmark {
    QString labelZh, labelEn;
    Extent lonLat; // CGCS2000 longitude/latitude
};

struct ReferenceOverlay {
    std::array<std::shared_ptr<const MapLayer>, kReferenceItemCount> layers;
    std::vector<Bookmark> bookmarks; // 台湾, 藏南, 阿克赛钦, 钓鱼岛, 南海诸岛, 黄岩岛, 曾母暗沙
};

// Reads the pack's layers in `viewCrs`. Throws InputError when the pack cannot
// be read. Safe on a worker thread (opens its own dataset).
ReferenceOverlay loadReferenceOverlay(const std::filesystem::path& pack,
                                      const std::string& viewCrs);

} // namespace mapaudit::ui
