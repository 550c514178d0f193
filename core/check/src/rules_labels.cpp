// SENSITIVE-LABEL: attribute and label text naming what public maps must not
// show, and attribute fields holding figures they must not give (a reservoir's
// capacity, a line's voltage). The terms are data: resources/check/
// sensitive-terms.txt and sensitive-fields.txt.
#include "check_context.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/resources.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/geos_ops.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>

namespace mapaudit::check {
namespace {

std::vector<std::string> loadTerms(const char* file) {
    const auto path = resourceDir() / "check" / file;
    std::ifstream in(path);
    if (!in)
        throw InputError(msg("{}: the sensitive-term list is missing — reinstall MapAudit", path));
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

bool holdsFigure(const std::string& value) {
    return value.find_first_of("0123456789") != std::string::npos;
}

// Fields named for figures public maps must not give, once per layer and field.
void sensitiveFields(CheckContext& ctx) {
    static const std::vector<std::string> terms = loadTerms("sensitive-fields.txt");
    std::set<std::pair<std::string, std::string>> reported;
    for (const InputFeature& f : ctx.input.features) {
        if (f.layer.ends_with(" [inset]"))
            continue;
        for (const auto& [field, value] : f.fields) {
            if (!holdsFigure(value) || reported.count({f.layer, field}))
                continue;
            const std::string name = toLowerAscii(field);
            const auto hit = std::find_if(terms.begin(), terms.end(), [&](const std::string& t) {
                return name.find(t) != std::string::npos;
            });
            if (hit == terms.end())
                continue;
            reported.insert({f.layer, field});
            Finding finding;
            finding.rule = kSensitiveLabel;
            finding.code = "china";
            finding.severity = Severity::Warning;
            finding.messageZh = "图层“" + f.layer + "”的字段“" + field +
                                "”给出了公开地图不得表示的精确数据（如“" + value +
                                "”），请核实是否在图面表示";
            finding.messageEn = "layer '" + f.layer + "' field '" + field +
                                "' gives figures public maps must not show (e.g. '" + value +
                                "'); check whether the map shows them";
            finding.featureIds = {f.ref()};
            ctx.add(std::move(finding));
        }
    }
}

} // namespace

void ruleSensitiveLabels(CheckContext& ctx) {
    static const std::vector<std::string> terms = loadTerms("sensitive-terms.txt");
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
            finding.featureIds = {f.ref()};
            if (GeosGeometryPtr at = geos::pointOnSurface(ctx.c, *f.geometry))
                finding.geometryWkt = toWkt(ctx.c, *at);
            ctx.add(std::move(finding));
            break; // one finding per feature
        }
    }
    sensitiveFields(ctx);
}

} // namespace mapaudit::check
