#include "mapaudit/refpack/key_points.h"

#include "mapaudit/raii/gdal_handles.h"
#include "mapaudit/refpack/reference_pack.h"

namespace mapaudit::refpack {

std::vector<KeyPoint> keyIslands(const ReferencePack& pack) {
    std::vector<KeyPoint> out;
    OGRLayer* islands = pack.dataset().GetLayerByName("key_islands");
    islands->ResetReading();
    for (OgrFeaturePtr f(islands->GetNextFeature()); f; f.reset(islands->GetNextFeature()))
        if (const OGRGeometry* g = f->GetGeometryRef();
            g && wkbFlatten(g->getGeometryType()) == wkbPoint)
            out.push_back({f->GetFieldAsString("code"), f->GetFieldAsString("name_zh"),
                           f->GetFieldAsString("name_en"), g->toPoint()->getX(),
                           g->toPoint()->getY(), f->GetFieldAsString("island_group")});
    return out;
}

std::vector<DashLine> dashLines(const ReferencePack& pack) {
    std::vector<DashLine> out;
    OGRLayer* dashes = pack.dataset().GetLayerByName("scs_dashes");
    dashes->ResetReading();
    for (OgrFeaturePtr f(dashes->GetNextFeature()); f; f.reset(dashes->GetNextFeature())) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString)
            continue;
        const OGRLineString* line = g->toLineString();
        DashLine dash{f->GetFieldAsInteger("dash"), {}};
        for (int k = 0; k < line->getNumPoints(); ++k)
            dash.vertices.emplace_back(line->getX(k), line->getY(k));
        out.push_back(std::move(dash));
    }
    return out;
}

std::vector<KeyPoint> keyPoints(const ReferencePack& pack) {
    std::vector<KeyPoint> out = keyIslands(pack);
    for (const DashLine& d : dashLines(pack)) {
        if (d.vertices.empty())
            continue;
        const std::string dash = std::to_string(d.dash);
        const auto& [startLon, startLat] = d.vertices.front();
        const auto& [endLon, endLat] = d.vertices.back();
        out.push_back({"dash" + dash + "_start", "断续线第" + dash + "段起点",
                       "dash " + dash + " start", startLon, startLat, ""});
        out.push_back({"dash" + dash + "_end", "断续线第" + dash + "段终点",
                       "dash " + dash + " end", endLon, endLat, ""});
    }
    return out;
}

} // namespace mapaudit::refpack
