// SENSITIVE-LABEL: attribute and label text naming what public maps must not
// show. The terms are data: resources/check/sensitive-terms.txt.
#include "check_context.h"
#include "mapaudit/error.h"
#include "mapaudit/geos_ops.h"
#include "mapaudit/resources.h"
#include "mapaudit/text_util.h"
#include "rule_basis.h"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace mapaudit::check {
namespace {

std::vector<std::string> loadTerms() {
    const auto path = resourceDir() / "check" / "sensitive-terms.txt";
    std::ifstream in(path);
    if (!in)
        throw InputError(path.string() +
                         ": the sensitive-term list is missing — reinstall MapAudit");
    std::vector<std::string> terms;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty() && line[0] != '#')
            terms.push_back(toLowerAscii(line));
    }
    return terms;
}

} // namespace

void ruleSensitiveLabels(CheckContext& ctx) {
    static const std::vector<std::string> terms = loadTerms();
    for (const InputFeature& f : ctx.input.features) {
        for (const auto& [field, value] : f.fields) {
            const std::string text = toLowerAscii(value);
            const auto hit = std::find_if(terms.begin(), terms.end(), [&](const std::string& t) {
                return text.find(t) != std::string::npos;
            });
            if (hit == terms.end())
                continue;
            Finding finding;
            finding.rule = kSensitiveLabel;
            finding.code = "china";
            finding.severity = Severity::Error;
            finding.messageZh = "注记“" + value + "”涉及不得公开表示的内容（" + *hit + "）";
            finding.messageEn =
                "label '" + value + "' names content public maps must not show ('" + *hit + "')";
            finding.basis = basis::kSensitiveLabels;
            finding.featureIds = {f.ref()};
            if (GeosGeometryPtr at = geos::pointOnSurface(ctx.c, *f.geometry))
                finding.geometryWkt = toWkt(ctx.c, *at);
            ctx.add(std::move(finding));
            break; // one finding per feature
        }
    }
}

} // namespace mapaudit::check
