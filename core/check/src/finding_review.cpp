#include "mapaudit/check/finding_review.h"

#include "mapaudit/base/error.h"
#include "mapaudit/check/report_io.h"

#include <algorithm>

namespace mapaudit::check {
using nlohmann::json;

const char* reviewStateName(ReviewState s) {
    switch (s) {
    case ReviewState::Confirmed:
        return "confirmed";
    case ReviewState::Dismissed:
        return "dismissed";
    case ReviewState::Open:
        break;
    }
    return "open";
}

namespace {
FindingReview reviewOf(const FindingReviews& reviews, const std::string& id) {
    const auto it = reviews.find(id);
    return it == reviews.end() ? FindingReview{} : it->second;
}

// A finding as a line of the problem-map record: its id, its rule id for
// searching, then the message, which names the place (and a manual finding's
// rule) in the inspector's words — the bare code ("taiwan") would add nothing.
std::string recordLine(const Finding& f, bool chinese) {
    return f.id + " " + f.rule + (chinese ? "：" + f.messageZh : ": " + f.messageEn);
}

} // namespace

json reviewedReportJson(const CheckReport& report, const FindingReviews& reviews,
                        const Checklist& checklist) {
    json j = reportJson(report);
    j["checklist"] = checklistJson(checklist);
    for (json& f : j["findings"]) {
        const FindingReview r = reviewOf(reviews, f["id"].get<std::string>());
        f["review"] = {
            {"state", reviewStateName(r.state)}, {"reason", r.reason}, {"by", r.by}, {"at", r.at}};
    }
    return j;
}

records::Record problemMapRecord(const CheckReport& report, const FindingReviews& reviews,
                                 const ProblemMapDraft& draft, const std::string& language,
                                 const Checklist& checklist) {
    json findings = json::array();
    bool upheldError = false;
    for (const Finding& f : report.findings) {
        const FindingReview r = reviewOf(reviews, f.id);
        if (r.state == ReviewState::Dismissed)
            continue;
        upheldError = upheldError || f.severity == Severity::Error;
        findings.push_back(recordLine(f, language != "en"));
    }
    if (!upheldError)
        throw InputError(msg("no error finding is left once the dismissed ones are set aside — "
                             "the map is not a problem map"));
    const bool zh = language != "en";
    const std::string pack = report.packId + " " + report.packVersion;
    const std::string count = std::to_string(report.findings.size());
    records::Record r;
    r.kind = "problem_map";
    r.unit = draft.unit;
    r.date = draft.date;
    r.fields = {
        {"medium", draft.medium.empty() ? "offline" : draft.medium},
        {"title", draft.title},
        {"url_or_place", draft.urlOrPlace},
        {"sheets", 1},
        {"findings", findings},
        {"check_report", zh ? "MapAudit 核查 " + report.dataset + "，参考数据包 " + pack +
                                  "（摘要 " + report.packDigest + "），共 " + count + " 条结果"
                            : "MapAudit check of " + report.dataset + " against " + pack +
                                  " (digest " + report.packDigest + "), " + count + " finding(s)"},
        {"status", zh ? "已登记" : "registered"}};
    json answers = json::array();
    for (const ChecklistItem& i : checklist)
        if (i.answer != ChecklistAnswer::Open)
            answers.push_back(i.clause + " " +
                              (zh ? checklistAnswerNameZh(i.answer) : checklistAnswerId(i.answer)) +
                              (i.note.empty() ? "" : (zh ? "：" : ": ") + i.note));
    if (!answers.empty())
        r.fields["checklist"] = answers;
    const auto seen = std::find_if(report.reviewNumbers.begin(), report.reviewNumbers.end(),
                                   [](const ReviewNumberSeen& n) { return n.wellFormed; });
    if (seen != report.reviewNumbers.end())
        r.fields["review_number"] = seen->text;
    if (!draft.inspector.empty())
        r.notes = (zh ? "核查人员：" : "inspector: ") + draft.inspector;
    return r;
}

} // namespace mapaudit::check
