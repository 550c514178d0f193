// The roles of the map's parts: how it draws the dashes, and its labels.
#include "check_context.h"
#include "map_profile_detect.h"
#include "mapaudit/base/text_util.h"

#include <algorithm>

namespace mapaudit::check {
namespace {

bool hasText(const InputFeature& f) {
    return std::any_of(f.fields.begin(), f.fields.end(), [](const auto& field) {
        return !field.second.empty() && !parseNumber(field.second);
    });
}

} // namespace

PartRoles describeRoles(const CheckContext& ctx) {
    PartRoles roles;
    for (const RefDash& dash : ctx.dashes) {
        roles.dashesAsLines += dash.inkLines > 0;
        roles.dashesAsPolygons += dash.inkLines == 0 && dash.inkOutlines > 0;
    }
    for (const InputFeature& f : ctx.input.features)
        if (f.kind == Kind::Symbol && !f.inInset && hasText(f)) {
            ++roles.labels;
            if (std::find(roles.labelLayers.begin(), roles.labelLayers.end(), f.layer) ==
                roles.labelLayers.end())
                roles.labelLayers.push_back(f.layer);
        }
    roles.evidence = "dashes: " + std::to_string(roles.dashesAsLines) + " of " +
                     std::to_string(ctx.dashes.size()) + " drawn as lines, " +
                     std::to_string(roles.dashesAsPolygons) + " as polygons; " +
                     std::to_string(roles.labels) + " labels (points with text)";
    return roles;
}

} // namespace mapaudit::check
