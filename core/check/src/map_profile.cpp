#include "mapaudit/check/map_profile.h"

#include <algorithm>
#include <array>

namespace mapaudit::check {
namespace {

struct KindName {
    MapKind kind;
    const char* id;
    const char* nameZh;
};

constexpr std::array<KindName, 6> kKinds{{
    {MapKind::World, "world", "世界地图"},
    {MapKind::China, "china", "中国全图"},
    {MapKind::ChinaRegion, "china_region", "中国区域地图（省、市、县）"},
    {MapKind::ForeignNational, "foreign_national", "他国国家地图"},
    {MapKind::Regional, "regional", "跨国区域地图"},
    {MapKind::Local, "local", "局部或专题地图"},
}};

const KindName& entry(MapKind k) {
    return *std::find_if(kKinds.begin(), kKinds.end(),
                         [&](const KindName& n) { return n.kind == k; });
}

} // namespace

const std::vector<MapKind>& allMapKinds() {
    static const std::vector<MapKind> kinds = [] {
        std::vector<MapKind> v;
        for (const KindName& n : kKinds)
            v.push_back(n.kind);
        return v;
    }();
    return kinds;
}

const char* mapKindId(MapKind k) {
    return entry(k).id;
}

const char* mapKindNameZh(MapKind k) {
    return entry(k).nameZh;
}

std::optional<MapKind> parseMapKind(const std::string& id) {
    for (const KindName& n : kKinds)
        if (id == n.id)
            return n.kind;
    return std::nullopt;
}

} // namespace mapaudit::check
