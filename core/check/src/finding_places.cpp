#include "mapaudit/check/finding_places.h"

#include "mapaudit/raii/gdal_handles.h"
#include "mapaudit/refpack/reference_pack.h"

#include <algorithm>

namespace mapaudit::check {

std::vector<CodeInfo> findingCodes(const refpack::ReferencePack& pack) {
    std::vector<CodeInfo> out{{"china", "中国", "China"},
                              {"map", "整幅地图", "The map as a whole"}};
    for (const char* layerName : {"regions", "island_groups", "key_islands"}) {
        OGRLayer* layer = pack.dataset().GetLayerByName(layerName);
        if (!layer)
            continue;
        layer->ResetReading();
        for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()))
            if (std::none_of(out.begin(), out.end(), [&](const CodeInfo& c) {
                    return c.code == f->GetFieldAsString("code");
                }))
                out.push_back({f->GetFieldAsString("code"), f->GetFieldAsString("name_zh"),
                               f->GetFieldAsString("name_en")});
    }
    return out;
}

void namePlaces(std::vector<Finding>& findings, const std::vector<CodeInfo>& codes) {
    for (Finding& f : findings) {
        const auto it = std::find_if(codes.begin(), codes.end(),
                                     [&](const CodeInfo& c) { return c.code == f.code; });
        if (it != codes.end()) {
            f.placeZh = it->nameZh;
            f.placeEn = it->nameEn;
        }
    }
}

} // namespace mapaudit::check
