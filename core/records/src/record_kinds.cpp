#include "mapaudit/records/record_kinds.h"

#include <algorithm>

namespace mapaudit::records {
namespace {

FieldSpec text(std::string name, bool required = false) {
    return {std::move(name), FieldType::Text, required, std::nullopt, {}};
}
FieldSpec count(std::string name, std::optional<double> defaultValue = std::nullopt) {
    return {std::move(name), FieldType::Count, !defaultValue, defaultValue, {}};
}
FieldSpec amount(std::string name, double defaultValue) {
    return {std::move(name), FieldType::Amount, false, defaultValue, {}};
}
FieldSpec choice(std::string name, std::vector<std::string> choices) {
    return {std::move(name), FieldType::Choice, true, std::nullopt, std::move(choices)};
}
FieldSpec list(std::string name) {
    return {std::move(name), FieldType::List, false, std::nullopt, {}};
}

} // namespace

const FieldSpec* KindSpec::field(const std::string& n) const {
    auto it =
        std::find_if(fields.begin(), fields.end(), [&](const FieldSpec& f) { return f.name == n; });
    return it == fields.end() ? nullptr : &*it;
}

const std::vector<KindSpec>& recordKinds() {
    static const std::vector<KindSpec> kinds{
        {"onsite_check", "现场检查", {text("place", true), text("inspectors"), text("targets")}},
        {"problem_map",
         "问题地图",
         {choice("medium", {"online", "offline"}), text("title", true), text("publisher"),
          text("url_or_place"), count("sheets", 1), list("findings"), text("check_report"),
          text("status"), text("review_number"), list("checklist")}},
        {"case",
         "违法案件立案",
         {choice("domain", {"map", "security"}), text("case_number", true), text("subject"),
          text("status")}},
        {"self_inspection", "组织自查自改", {text("campaign", true), count("units")}},
        {"spot_check",
         "重点检查抽查",
         {text("checked_unit", true), text("industry"), text("result")}},
        {"clue", "问题线索", {text("description", true), text("source")}},
        {"publicity_event",
         "国家版图意识宣教活动",
         {text("title", true), text("place"), count("participants", 0)}},
        {"map_supply", "政务工作供图", {text("requesting_body", true), count("sheets")}},
        {"standard_map",
         "标准地图",
         {text("title", true), text("review_number"), count("sheets", 1)}},
        {"thematic_product", "专题地图和图集", {text("title", true), count("volumes_or_sheets")}},
        {"major_event_support", "重大活动地图服务保障", {text("event", true)}},
        {"emergency_support",
         "应急测绘保障",
         {text("event", true), count("maps", 0), amount("imagery_km2", 0), amount("data_gb", 0)}},
    };
    return kinds;
}

const KindSpec* findKind(const std::string& name) {
    const auto& kinds = recordKinds();
    auto it =
        std::find_if(kinds.begin(), kinds.end(), [&](const KindSpec& k) { return k.name == name; });
    return it == kinds.end() ? nullptr : &*it;
}

} // namespace mapaudit::records
