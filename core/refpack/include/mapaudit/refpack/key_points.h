// Places of the reference pack a picture of a map is easily tied to or checked
// against: the key islands and the ten dashes (both ends of each when georeferencing).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mapaudit::refpack {

class ReferencePack;

struct KeyPoint {
    std::string code; // the island's code, or "dash3_start" / "dash3_end"
    std::string nameZh, nameEn;
    double lon = 0, lat = 0;
    std::string group; // an island's island group; "" for a dash end
};

struct DashLine {
    int dash = 0;                                    // 1-10
    std::vector<std::pair<double, double>> vertices; // lon/lat
};
// The ten dashes of the South China Sea dashed line, in the pack's order.
std::vector<DashLine> dashLines(const ReferencePack& pack);

// The key islands alone, in the pack's order.
std::vector<KeyPoint> keyIslands(const ReferencePack& pack);
// The key islands, then both ends of each dash.
std::vector<KeyPoint> keyPoints(const ReferencePack& pack);

} // namespace mapaudit::refpack
