#include "mapaudit/check/rule_registry.h"

#include "check_context.h"

#include <algorithm>

namespace mapaudit::check {

const std::vector<RuleInfo>& ruleCatalogue() {
    static const std::vector<RuleInfo> rules{
        {kTerrForeign, "中国领土表示为他国", "Chinese territory shown as foreign", Severity::Error,
         "各类地图", "all kinds",
         "香港、澳门作为单独单元但未标为国家：警告；按比例尺不可见的争议边界地区：提示",
         "warning: Hong Kong or Macao as a unit of its own not typed as a country; info: a "
         "border area too small to see at the map's scale",
         ruleTerritoryForeign, 0.25},
        {kTerrMissing, "中国领土漏绘", "Chinese territory missing", Severity::Error,
         "表示中国全图的地图（中国全图及绘出大陆的世界、区域地图）；省级地图的要点",
         "maps showing China as a whole (china, and world/regional maps that draw the mainland); "
         "a province's map for its key places",
         "按比例尺不可见：提示；窄于地图概括程度两倍的条带不报告",
         "info: land too small to see at the map's scale; bands narrower than twice the map's "
         "generalisation baseline are not reported",
         ruleTerritoryMissing, 0.15},
        {kHainanTip, "主图未绘至海南岛最南端", "Main map stops short of Hainan's southern tip",
         Severity::Error, "以附图表示南海诸岛的中国全图",
         "maps of China as a whole with a South China Sea inset", "均为错误", "none below error",
         ruleHainanTip, 0.02},
        {kIslandOmitted, "重要岛屿漏绘", "Key island omitted", Severity::Error,
         "表示中国全图的地图（不论数据范围）；其他地图在其范围内（他国地图除外）；省级地图须表示本"
         "省岛屿",
         "maps showing China as a whole (whatever their extent); others where their extent "
         "reaches the island, not another country's map (a province's map: its own islands)",
         "均为错误；有比例尺限制的岛屿（钓鱼岛：1:1亿）超出限制时不要求",
         "none below error; islands with a scale limit (Diaoyu Dao: 1:1亿) are not required "
         "beyond it",
         ruleIslandsOmitted, 0.15},
        {kDashlineMissing, "南海断续线缺失", "South China Sea dashed line missing", Severity::Error,
         "表示中国全图的地图（主图或附图）；其他覆盖断续线内一半海域的地图",
         "maps showing China as a whole (in the main map or an inset); others covering half the "
         "sea inside the line",
         "均为错误", "none below error", ruleDashline, 0.15},
        {kInsetExtent, "南海诸岛附图范围不足", "South China Sea inset short of its limits",
         Severity::Error, "带南海诸岛附图的地图", "maps with a South China Sea inset",
         "均为错误；附图未绘邻国时南界只须绘至曾母暗沙",
         "none below error; an inset drawing no neighbour need only reach Zengmu Ansha in the "
         "south",
         ruleInsetExtent, 0.03},
        {kBorderDeviation, "国界线错绘", "Land border drawn wrongly", Severity::Error,
         "绘有中国陆地的地图（省级地图除外）",
         "maps that draw China's land, but not a province's map",
         "争议段超过地图概括程度三倍：错误；已定界段超过四倍：警告",
         "error in disputed sectors beyond three times the map's generalisation baseline; "
         "warning on settled borders beyond four times it",
         ruleBorderDeviation, 0.2},
        {kSensitiveLabel, "涉密敏感注记", "Sensitive label", Severity::Error, "各类地图",
         "all kinds", "均为错误", "none below error", ruleSensitiveLabels, 0.05},
        {kNameState, "台港澳称为国家", "Taiwan, Hong Kong or Macao named as a state",
         Severity::Error, "各类地图", "all kinds", "均为错误（港澳仅在标为主权国家时）",
         "none below error (a SAR only when typed as a sovereign country)", ruleNames, 0.05},
        {kNameForeign, "岛屿使用外国名称", "Chinese island under a foreign name", Severity::Warning,
         "各类地图", "all kinds", "警告：由核查人员结合上下文判断",
         "warning: the inspector judges the context", nullptr, 0},
        {kTaiwanAdmin, "台湾省行政层级错误", "Taiwan's administrative hierarchy wrong",
         Severity::Error, "各类地图（居民地点层、省级行政区面层）",
         "all kinds (place layers, layers of provinces)", "均为错误", "none below error",
         ruleTaiwanAdmin, 0.02},
        {kReviewNoMissing, "未标注审图号", "No review number", Severity::Warning,
         "除内容简单的局部地图外的各类地图", "all kinds but simple local maps",
         "警告：由核查人员核实是否属免审地图或审图号标注于图面其他位置",
         "warning: the inspector checks whether the map is exempt or shows the number elsewhere",
         ruleReviewNumber, 0.02},
        {kReviewNoMalformed, "审图号格式不正确", "Malformed review number", Severity::Warning,
         "各类地图", "all kinds", "警告：由核查人员向审核机关核实",
         "warning: the inspector checks it with the reviewing authority", nullptr, 0},
        {kChecklist, "人工核查条款不符合", "Checklist clause not met", Severity::Error,
         "条款适用的地图", "maps the clause applies to", "由核查人员判定", "the inspector decides",
         nullptr, 0},
        {kGeomInvalid, "几何无效", "Invalid geometry", Severity::Info, "各类地图", "all kinds",
         "提示：核查前已修复", "info: repaired before checking", nullptr, 0},
    };
    return rules;
}

const RuleInfo* findRule(const std::string& id) {
    const auto& rules = ruleCatalogue();
    const auto it =
        std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return id == r.id; });
    return it == rules.end() ? nullptr : &*it;
}

std::string ruleDisplayName(const std::string& id, bool chinese) {
    const RuleInfo* rule = findRule(id);
    return rule ? (chinese ? rule->nameZh : rule->nameEn) : id;
}

} // namespace mapaudit::check
