#include "mapaudit/check/rule_registry.h"

#include "check_context.h"
#include "rule_basis.h"

#include <algorithm>

namespace mapaudit::check {

const std::vector<RuleInfo>& ruleCatalogue() {
    static const std::vector<RuleInfo> rules{
        {kTerrForeign, "中国领土表示为他国", "Chinese territory shown as foreign",
         basis::kTerritoryForeign, Severity::Error, "各类地图", "all kinds",
         "香港、澳门作为单独单元但未标为国家：警告；按比例尺不可见的争议边界地区：提示",
         "warning: Hong Kong or Macao as a unit of its own not typed as a country; info: a "
         "border area too small to see at the map's scale",
         ruleTerritoryForeign, 0.25},
        {kTerrMissing, "中国领土漏绘", "Chinese territory missing", basis::kTerritoryMissing,
         Severity::Error,
         "表示中国全图的地图（中国全图及绘出大陆的世界、区域地图）；省级地图的要点",
         "maps showing China as a whole (china, and world/regional maps that draw the mainland); "
         "a province's map for its key places",
         "按比例尺不可见：提示；窄于地图概括程度两倍的条带不报告",
         "info: land too small to see at the map's scale; bands narrower than twice the map's "
         "generalisation baseline are not reported",
         ruleTerritoryMissing, 0.15},
        {kIslandOmitted, "重要岛屿漏绘", "Key island omitted", basis::kIslands, Severity::Error,
         "表示中国全图的地图（不论数据范围）；其他地图在其范围内（他国地图除外）；省级地图须表示本"
         "省岛屿",
         "maps showing China as a whole (whatever their extent); others where their extent "
         "reaches the island, not another country's map (a province's map: its own islands)",
         "均为错误；有比例尺限制的岛屿（钓鱼岛：1:1亿）超出限制时不要求",
         "none below error; islands with a scale limit (Diaoyu Dao: 1:1亿) are not required "
         "beyond it",
         ruleIslandsOmitted, 0.15},
        {kDashlineMissing, "南海断续线缺失", "South China Sea dashed line missing",
         basis::kDashline, Severity::Error,
         "表示中国全图的地图（主图或附图）；其他覆盖断续线内一半海域的地图",
         "maps showing China as a whole (in the main map or an inset); others covering half the "
         "sea inside the line",
         "均为错误", "none below error", ruleDashline, 0.15},
        {kBorderDeviation, "国界线错绘", "Land border drawn wrongly", basis::kBorder,
         Severity::Error, "绘有中国陆地的地图（省级地图除外）",
         "maps that draw China's land, but not a province's map",
         "争议段超过地图概括程度三倍：错误；已定界段超过四倍：警告",
         "error in disputed sectors beyond three times the map's generalisation baseline; "
         "warning on settled borders beyond four times it",
         ruleBorderDeviation, 0.2},
        {kSensitiveLabel, "涉密敏感注记", "Sensitive label", basis::kSensitiveLabels,
         Severity::Error, "各类地图", "all kinds", "均为错误", "none below error",
         ruleSensitiveLabels, 0.05},
        {kNameState, "台港澳称为国家", "Taiwan, Hong Kong or Macao named as a state", basis::kNames,
         Severity::Error, "各类地图", "all kinds", "均为错误（港澳仅在标为主权国家时）",
         "none below error (a SAR only when typed as a sovereign country)", ruleNames, 0.05},
        {kNameForeign, "岛屿使用外国名称", "Chinese island under a foreign name",
         basis::kForeignNames, Severity::Warning, "各类地图", "all kinds",
         "警告：由核查人员结合上下文判断", "warning: the inspector judges the context", nullptr, 0},
        {kGeomInvalid, "几何无效", "Invalid geometry", "GEOS isValid", Severity::Info, "各类地图",
         "all kinds", "提示：核查前已修复", "info: repaired before checking", nullptr, 0},
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
