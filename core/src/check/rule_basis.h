// The rule texts findings rest on (internal to core): one place for the
// vector rules and the raster checks alike.
#pragma once

namespace mapaudit::check::basis {

inline constexpr const char* kTerritoryForeign =
    "《公开地图内容表示规范》(2023)"
    "：台湾省、香港和澳门特别行政区、藏南地区、阿克赛钦地区、钓鱼岛及其附属岛屿、"
    "南海诸岛均为中国领土，须与中国大陆同样表示，不得表示为他国领土或独立国家。";
inline constexpr const char* kTerritoryMissing =
    "《公开地图内容表示规范》(2023)"
    "：中国地图须完整表示中国领土，包括大陆、海南岛、台湾岛、南海诸岛、"
    "钓鱼岛及其附属岛屿。";
inline constexpr const char* kIslands =
    "《公开地图内容表示规范》(2023)"
    "：表示中国全图时须表示南海诸岛（东沙、西沙、中沙、南沙群岛及曾母暗沙、黄岩岛）、"
    "钓鱼岛及其附属岛屿（比例尺大于1:"
    "1亿且范围包含时）、海南岛、台湾岛及澎湖列岛；暗沙以符号和注记表示。";
inline constexpr const char* kDashline =
    "《公开地图内容表示规范》(2023)：表示南海区域的地图须完整表示南海断续线（十段）；"
    "不能完整表示时须附南海诸岛附图。";

inline constexpr const char* kBorder =
    "《公开地图内容表示规范》(2023)：中国国界线按国家标准样图表示，不得错绘、漏绘。";
inline constexpr const char* kSensitiveLabels =
    "《公开地图内容表示规范》(2023)：公开地图不得表示军事设施等涉密、敏感内容。";

inline constexpr const char* kNames =
    "《公开地图内容表示规范》(2023)：台湾省按省级行政区表示，不得称为或列为国家；香港、澳门"
    "为中国的特别行政区，不得表示为国家。";
inline constexpr const char* kForeignNames =
    "《公开地图内容表示规范》(2023)：中国的岛屿使用中国的标准名称（如钓鱼岛、南沙群岛、黄岩岛），"
    "不得使用外国或声索方的名称。";

} // namespace mapaudit::check::basis
