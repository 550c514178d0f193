#include "mapaudit/check/rule_registry.h"

#include "check_context.h"
#include "rule_basis.h"

#include <algorithm>

namespace mapaudit::check {

const std::vector<RuleInfo>& ruleCatalogue() {
    static const std::vector<RuleInfo> rules{
        {kTerrForeign, "中国领土表示为他国", "Chinese territory shown as foreign",
         basis::kTerritoryForeign, Severity::Error, "all kinds",
         "warning: Hong Kong or Macao as a unit of its own not typed as a country; info: a "
         "neighbour's sliver too small to see at the map's scale",
         ruleTerritoryForeign, 0.25},
        {kTerrMissing, "中国领土漏绘", "Chinese territory missing", basis::kTerritoryMissing,
         Severity::Error,
         "maps showing China as a whole (china, and world/regional maps that "
         "draw the mainland)",
         "info: land too small to see at the map's scale; bands narrower than twice the map's "
         "generalisation baseline are not reported",
         ruleTerritoryMissing, 0.15},
        {kIslandOmitted, "重要岛屿漏绘", "Key island omitted", basis::kIslands, Severity::Error,
         "maps showing China as a whole (whatever their extent); others where their extent "
         "reaches the island (a province's map: its own islands)",
         "none below error; islands with a scale limit (Diaoyu Dao: 1:1亿) are not required "
         "beyond it",
         ruleIslandsOmitted, 0.15},
        {kDashlineMissing, "南海断续线缺失", "South China Sea dashed line missing",
         basis::kDashline, Severity::Error,
         "maps showing China as a whole (in the main map or an inset); others covering half the "
         "sea inside the line",
         "none below error", ruleDashline, 0.15},
        {kBorderDeviation, "国界线错绘", "Land border drawn wrongly", basis::kBorder,
         Severity::Error, "maps that draw China's land, but not a province's map",
         "error in disputed sectors beyond three times the map's generalisation baseline; "
         "warning on settled borders beyond four times it",
         ruleBorderDeviation, 0.2},
        {kSensitiveLabel, "涉密敏感注记", "Sensitive label", basis::kSensitiveLabels,
         Severity::Error, "all kinds", "none below error", ruleSensitiveLabels, 0.05},
        {kNameState, "台港澳称为国家", "Taiwan, Hong Kong or Macao named as a state", basis::kNames,
         Severity::Error, "all kinds",
         "none below error (a SAR only when typed as a sovereign country)", ruleNames, 0.05},
        {kNameForeign, "岛屿使用外国名称", "Chinese island under a foreign name",
         basis::kForeignNames, Severity::Warning, "all kinds",
         "warning: the inspector judges the context", nullptr, 0},
        {kGeomInvalid, "几何无效", "Invalid geometry", "GEOS isValid", Severity::Info, "all kinds",
         "info: repaired before checking", nullptr, 0},
    };
    return rules;
}

const RuleInfo* findRule(const std::string& id) {
    const auto& rules = ruleCatalogue();
    const auto it =
        std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return id == r.id; });
    return it == rules.end() ? nullptr : &*it;
}

} // namespace mapaudit::check
