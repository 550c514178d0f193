#include "mapaudit/check/manual_finding.h"

#include "mapaudit/error.h"
#include "mapaudit/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"
#include "mapaudit/refpack/reference_pack.h"
#include "rule_basis.h"

#include <algorithm>
#include <array>

namespace mapaudit::check {

const std::vector<RuleInfo>& ruleCatalogue() {
    static const std::vector<RuleInfo> rules{
        {kTerrForeign, "中国领土表示为他国", "Chinese territory shown as foreign",
         basis::kTerritoryForeign, Severity::Error},
        {kTerrMissing, "中国领土漏绘", "Chinese territory missing", basis::kTerritoryMissing,
         Severity::Error},
        {kIslandOmitted, "重要岛屿漏绘", "Key island omitted", basis::kIslands, Severity::Error},
        {kDashlineMissing, "南海断续线缺失", "South China Sea dashed line missing",
         basis::kDashline, Severity::Error},
        {kBorderDeviation, "国界线错绘", "Land border drawn wrongly", basis::kBorder,
         Severity::Error},
        {kSensitiveLabel, "涉密敏感注记", "Sensitive label", basis::kSensitiveLabels,
         Severity::Error},
        {kGeomInvalid, "几何无效", "Invalid geometry", "GEOS isValid", Severity::Info},
    };
    return rules;
}

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
    const auto& rules = ruleCatalogue();
    const auto rule = std::find_if(rules.begin(), rules.end(),
                                   [&](const RuleInfo& r) { return in.rule == r.id; });
    if (rule == rules.end())
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
