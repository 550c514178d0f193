#include "mapaudit/check/manual_finding.h"

#include "mapaudit/base/error.h"
#include "mapaudit/check/clause_catalogue.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace mapaudit::check {

namespace {

// Throws InputError unless `wkt` is a point, line or area that does not cross itself.
void checkDrawnGeometry(const std::string& wkt) {
    OGRGeometry* parsed = nullptr;
    if (wkt.empty() ||
        OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &parsed) != OGRERR_NONE)
        throw InputError(msg("geometry: draw a point, line or area on the map"));
    OgrGeometryPtr geometry(parsed);
    const auto type = wkbFlatten(geometry->getGeometryType());
    if (geometry->IsEmpty() || (type != wkbPoint && type != wkbLineString && type != wkbPolygon))
        throw InputError(msg("geometry: draw a point, line or area on the map"));
    const GdalErrorCapture quiet; // IsValid reports the crossing as a GDAL warning too
    if (type == wkbPolygon && !geometry->IsValid())
        throw InputError(msg("geometry: the area crosses itself — draw it again"));
}

} // namespace

const Finding& addManualFinding(CheckReport& report, const ManualFindingInput& in,
                                const std::vector<CodeInfo>& codes) {
    // A rule of the engine, or a clause of the catalogue (a checklist item among them).
    const RuleInfo* rule = findRule(in.rule);
    const Clause* clause = rule ? nullptr : clauseCatalogue().find(in.rule);
    if (!rule && !clause)
        throw InputError(msg("rule: '{}' is neither a rule of the check engine nor a clause of "
                             "the catalogue",
                             in.rule));
    if (clause)
        rule = findRule(clause->rules.empty() ? kChecklist : clause->rules.front());
    const auto code = std::find_if(codes.begin(), codes.end(),
                                   [&](const CodeInfo& c) { return in.code == c.code; });
    if (code == codes.end())
        throw InputError(msg("code: '{}' is not a code of the reference pack", in.code));
    if (in.note.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError(msg("note: say what is wrong on the map"));
    // A clause may concern the map as a whole: no place on it.
    if (!in.geometryWkt.empty() || !clause)
        checkDrawnGeometry(in.geometryWkt);

    // After the highest: a checklist answer taken back removes its finding.
    int last = 0;
    for (const Finding& f : report.findings)
        if (f.manual && f.id.size() > 1 && f.id[0] == 'M')
            last = std::max(last, std::atoi(f.id.c_str() + 1));
    Finding f;
    f.id = "M" + std::to_string(last + 1);
    f.rule = rule->id;
    f.code = code->code;
    f.placeZh = code->nameZh;
    f.placeEn = code->nameEn;
    f.severity = in.severity;
    const std::string whatZh = clause ? clause->titleZh : std::string(rule->nameZh);
    const std::string whatEn =
        clause ? (clause->titleEn.empty() ? clause->id : clause->titleEn) : rule->nameEn;
    f.messageZh = code->nameZh + "：" + whatZh + "（人工标注）：" + in.note;
    f.messageEn = code->nameEn + ": " + whatEn + " (marked by hand): " + in.note;
    if (clause)
        f.clause = clause->id;
    f.geometryWkt = in.geometryWkt;
    f.manual = true;
    f.note = in.note;
    std::vector<Finding> one{std::move(f)};
    citeClauses(one, report.fromImage ? std::nullopt : std::optional(report.profile.kind));
    report.findings.push_back(std::move(one.front()));
    return report.findings.back();
}

} // namespace mapaudit::check
