#include "mapaudit/check/review_carry.h"

#include <algorithm>
#include <set>

namespace mapaudit::check {
namespace {

bool samePlace(const Finding& a, const Finding& b) {
    return a.rule == b.rule && a.code == b.code;
}

std::size_t countSamePlace(const std::vector<Finding>& findings, const Finding& f) {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(),
                      [&](const Finding& g) { return !g.manual && samePlace(f, g); }));
}

// The finding of `after` that is `f` found again, not yet taken; nullptr when gone.
const Finding* foundAgain(const Finding& f, const CheckReport& before, const CheckReport& after,
                          const std::set<std::string>& taken) {
    auto sorted = [](std::vector<std::string> ids) {
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    const Finding* unique = nullptr;
    for (const Finding& g : after.findings) {
        if (g.manual || taken.contains(g.id) || !samePlace(f, g))
            continue;
        if (sorted(g.featureIds) == sorted(f.featureIds))
            return &g;
        unique = &g;
    }
    return unique && countSamePlace(before.findings, f) == 1 &&
                   countSamePlace(after.findings, f) == 1
               ? unique
               : nullptr;
}

} // namespace

CarriedInspection carryInspection(const CheckReport& before, const FindingReviews& reviews,
                                  const Checklist& checklist, CheckReport& after) {
    CarriedInspection out;
    std::set<std::string> checklistFindings, taken;
    for (const ChecklistItem& i : checklist)
        if (!i.findingId.empty())
            checklistFindings.insert(i.findingId);

    for (const Finding& f : before.findings) {
        const auto review = reviews.find(f.id);
        if (f.manual) {
            if (checklistFindings.contains(f.id))
                continue; // made again below, by its answer
            after.findings.push_back(f);
            if (review != reviews.end())
                out.reviews[f.id] = review->second;
            ++out.carried;
            continue;
        }
        if (review == reviews.end() || review->second.state == ReviewState::Open)
            continue;
        if (const Finding* again = foundAgain(f, before, after, taken)) {
            taken.insert(again->id);
            out.reviews[again->id] = review->second;
            ++out.carried;
        } else {
            out.droppedFindings.push_back(f.id);
        }
    }

    out.checklist = checklistFor(after);
    for (const ChecklistItem& i : checklist) {
        if (i.answer == ChecklistAnswer::Open)
            continue;
        const bool listed =
            std::any_of(out.checklist.begin(), out.checklist.end(),
                        [&](const ChecklistItem& n) { return n.clause == i.clause; });
        if (!listed) {
            out.droppedAnswers.push_back(i.clause);
            continue;
        }
        answerChecklist(after, out.checklist, {i.clause, i.answer, i.note, i.by, i.at});
        ++out.carried;
        for (const ChecklistItem& n : out.checklist)
            if (n.clause == i.clause && !n.findingId.empty()) {
                const auto review = reviews.find(i.findingId);
                out.reviews[n.findingId] =
                    review != reviews.end()
                        ? review->second
                        : FindingReview{ReviewState::Confirmed, i.note, i.by, i.at};
            }
    }
    return out;
}

} // namespace mapaudit::check
