// Findings an inspector marks by hand (a point, line or area drawn on the map
// or picture): the same Finding, the same rule ids and codes as the engine's,
// so they share the findings table, the report and the problem-map record.
#pragma once

#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/finding_places.h"
#include "mapaudit/check/rule_registry.h"

#include <string>
#include <vector>

namespace mapaudit::check {

struct ManualFindingInput {
    std::string rule; // a rule id, or a clause id of the catalogue (a checklist item)
    std::string code;
    Severity severity = Severity::Error;
    std::string geometryWkt; // EPSG:4490 lon/lat: a point, line or polygon; may be
                             // empty for a clause about the map as a whole
    std::string note;        // what the inspector saw; required
};

// Checks the input against the rule catalogue and `codes` and adds the finding
// to `report` with the next id M1, M2, …; returns it. Throws InputError naming
// the field that is wrong.
const Finding& addManualFinding(CheckReport& report, const ManualFindingInput& input,
                                const std::vector<CodeInfo>& codes);

} // namespace mapaudit::check
