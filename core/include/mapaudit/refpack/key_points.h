// Places of the reference pack a picture of a map is easily tied to when it
// is georeferenced: the key islands and both ends of each of the ten dashes.
#pragma once

#include <string>
#include <vector>

namespace mapaudit::refpack {

class ReferencePack;

struct KeyPoint {
    std::string code; // the island's code, or "dash3_start" / "dash3_end"
    std::string nameZh, nameEn;
    double lon = 0, lat = 0;
    std::string group; // an island's island group; "" for a dash end
};

// The key islands alone, in the pack's order.
std::vector<KeyPoint> keyIslands(const ReferencePack& pack);
// The key islands, then both ends of each dash.
std::vector<KeyPoint> keyPoints(const ReferencePack& pack);

} // namespace mapaudit::refpack
