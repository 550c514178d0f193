#include "mapaudit/check/manual_finding.h"

#include "mapaudit/error.h"
#include "mapaudit/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"
#include "mapaudit/refpack/reference_pack.h"

#include <algorithm>
#include <array>

namespace mapaudit::check {

std::vector<CodeInfo> findingCodes(const refpack::ReferencePack& pack) {
    std::vector<CodeInfo> out{{"china", "中国", "China"}};
    for (const char* layerName : {"regions", "island_groups", "key_islands"}) {
        OGRLayer* layer = pack.dataset().GetLayerByName(layerName);
        if (!layer)
            continue;
        layer->ResetReading();
        for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()))
            out.push_back({f->GetFieldAsString("code"), f->GetFieldAsString("name_zh"),
                           f->GetFieldAsString("name_en")});
    }
    return out;
}

const Finding& addManualFinding(CheckReport& report, const ManualFindingInput& in,
                                const std::vector<CodeInfo>& codes) {
    const RuleInfo* rule = findRule(in.rule);
    if (!rule)
        throw InputError("rule: '" + in.rule + "' is not a rule of the check engine");
    const auto code = std::find_if(codes.begin(), codes.end(),
                                   [&](const CodeInfo& c) { return in.code == c.code; });
    if (code == codes.end())
        throw InputError("code: '" + in.code + "' is not a code of the reference pack");
    if (in.note.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError("note: say what is wrong on the map");
    OGRGeometry* parsed = nullptr;
    if (in.geometryWkt.empty() ||
        OGRGeometryFactory::createFromWkt(in.geometryWkt.c_str(), nullptr, &parsed) != OGRERR_NONE)
        throw InputError("geometry: draw a point, line or area on the map");
    OgrGeometryPtr geometry(parsed);
    const auto type = wkbFlatten(geometry->getGeometryType());
    if (geometry->IsEmpty() || (type != wkbPoint && type != wkbLineString && type != wkbPolygon))
        throw InputError("geometry: draw a point, line or area on the map");
    const GdalErrorCapture quiet; // IsValid reports the crossing as a GDAL warning too
    if (type == wkbPolygon && !geometry->IsValid())
        throw InputError("geometry: the area crosses itself — draw it again");

    const auto manualCount = std::count_if(report.findings.begin(), report.findings.end(),
                                           [](const Finding& f) { return f.manual; });
    Finding f;
    f.id = "M" + std::to_string(manualCount + 1);
    f.rule = rule->id;
    f.code = code->code;
    f.severity = in.severity;
    f.messageZh = code->nameZh + "：" + rule->nameZh + "（人工标注）：" + in.note;
    f.messageEn = code->nameEn + ": " + rule->nameEn + " (marked by hand): " + in.note;
    f.basis = rule->basis;
    f.geometryWkt = in.geometryWkt;
    f.manual = true;
    f.note = in.note;
    report.findings.push_back(std::move(f));
    return report.findings.back();
}

} // namespace mapaudit::check
