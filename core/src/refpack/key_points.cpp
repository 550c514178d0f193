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

std::vector<KeyPoint> keyPoints(const ReferencePack& pack) {
    std::vector<KeyPoint> out = keyIslands(pack);
    OGRLayer* dashes = pack.dataset().GetLayerByName("scs_dashes");
    dashes->ResetReading();
    for (OgrFeaturePtr f(dashes->GetNextFeature()); f; f.reset(dashes->GetNextFeature())) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString)
            continue;
        const OGRLineString* line = g->toLineString();
        const std::string dash = std::to_string(f->GetFieldAsInteger("dash"));
        const int last = line->getNumPoints() - 1;
        out.push_back({"dash" + dash + "_start", "断续线第" + dash + "段起点",
                       "dash " + dash + " start", line->getX(0), line->getY(0), ""});
        out.push_back({"dash" + dash + "_end", "断续线第" + dash + "段终点",
                       "dash " + dash + " end", line->getX(last), line->getY(last), ""});
    }
    return out;
}

} // namespace mapaudit::refpack
