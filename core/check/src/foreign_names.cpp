#include "foreign_names.h"

#include "owner_codes.h"

#include <algorithm>
#include <array>

namespace mapaudit::check {
namespace {

// Foreign and claimant names of Chinese islands (Japanese, Philippine,
// Vietnamese); the usual English names (Paracel, Spratly) are not among them.
constexpr std::array<ForeignName, 20> kForeignNames{{
    {"senkaku", "diaoyu", "钓鱼岛及其附属岛屿"},
    {"尖閣", "diaoyu", "钓鱼岛及其附属岛屿"},
    {"尖阁", "diaoyu", "钓鱼岛及其附属岛屿"},
    {"pinnacle islands", "diaoyu", "钓鱼岛及其附属岛屿"},
    {"uotsuri", "diaoyu", "钓鱼岛"},
    {"魚釣島", "diaoyu", "钓鱼岛"},
    {"taisho-to", "chiwei_yu", "赤尾屿"},
    {"taishō", "chiwei_yu", "赤尾屿"},
    {"大正島", "chiwei_yu", "赤尾屿"},
    {"kuba-jima", "diaoyu", "黄尾屿"},
    {"久場島", "diaoyu", "黄尾屿"},
    {"panatag", "huangyan_dao", "黄岩岛"},
    {"pag-asa", "nansha", "南沙群岛中业岛"},
    {"west philippine sea", "nanhai", "南海"},
    {"kalayaan", "nansha", "南沙群岛"},
    {"truong sa", "nansha", "南沙群岛"},
    {"trường sa", "nansha", "南沙群岛"},
    {"hoang sa", "xisha", "西沙群岛"},
    {"hoàng sa", "xisha", "西沙群岛"},
    {"bajo de masinloc", "huangyan_dao", "黄岩岛"},
}};

} // namespace

const ForeignName* foreignNameIn(const std::string& value) {
    const std::string lower = normalised(value);
    const auto hit =
        std::find_if(kForeignNames.begin(), kForeignNames.end(),
                     [&](const ForeignName& n) { return lower.find(n.text) != std::string::npos; });
    return hit == kForeignNames.end() ? nullptr : &*hit;
}

} // namespace mapaudit::check
