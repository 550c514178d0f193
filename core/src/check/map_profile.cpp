#include "mapaudit/check/map_profile.h"

namespace mapaudit::check {

const std::vector<MapKind>& allMapKinds() {
    static const std::vector<MapKind> kinds{MapKind::World,       MapKind::China,
                                            MapKind::ChinaRegion, MapKind::ForeignNational,
                                            MapKind::Regional,    MapKind::Local};
    return kinds;
}

const char* mapKindId(MapKind k) {
    switch (k) {
    case MapKind::World:
        return "world";
    case MapKind::China:
        return "china";
    case MapKind::ChinaRegion:
        return "china_region";
    case MapKind::ForeignNational:
        return "foreign_national";
    case MapKind::Regional:
        return "regional";
    case MapKind::Local:
        break;
    }
    return "local";
}

const char* mapKindNameZh(MapKind k) {
    switch (k) {
    case MapKind::World:
        return "世界地图";
    case MapKind::China:
        return "中国全图";
    case MapKind::ChinaRegion:
        return "中国区域地图（省、市、县）";
    case MapKind::ForeignNational:
        return "他国国家地图";
    case MapKind::Regional:
        return "跨国区域地图";
    case MapKind::Local:
        break;
    }
    return "局部或专题地图";
}

std::optional<MapKind> parseMapKind(const std::string& id) {
    for (MapKind k : allMapKinds())
        if (id == mapKindId(k))
            return k;
    return std::nullopt;
}

} // namespace mapaudit::check
