// REVIEWNO-MISSING / REVIEWNO-MALFORMED: the review number (审图号) a public map
// carries, looked for in every text the map has: attributes, labels, layer and
// file names, metadata.
#include "check_context.h"
#include "mapaudit/check/review_number.h"
#include "mapaudit/geodata/geos_ops.h"

namespace mapaudit::check {

void ruleReviewNumber(CheckContext& ctx) {
    std::vector<TextOnMap> texts;
    for (const SourceText& t : ctx.input.texts)
        texts.push_back({t.text, t.origin, {}, "", std::nullopt});
    for (const InputFeature& f : ctx.input.features) {
        if (f.layer.ends_with(" [inset]"))
            continue; // a copy of a feature read already
        for (const auto& [field, value] : f.fields) {
            if (findReviewNumbers(value, currentYear()).empty())
                continue;
            std::string at;
            if (GeosGeometryPtr p = geos::pointOnSurface(ctx.c, *f.geometry))
                at = toWkt(ctx.c, *p);
            texts.push_back({value, f.ref() + " " + field, {f.ref()}, at, std::nullopt});
        }
    }
    // Simple local maps (scenic-area, street and metro maps) need no review.
    const bool required = ctx.profile.kind != MapKind::Local;
    for (Finding& f : judgeReviewNumbers(texts, required, currentYear(), ctx.reviewNumbers))
        ctx.add(std::move(f));
}

} // namespace mapaudit::check
