#include "mapaudit/check/label_text.h"

#include "foreign_names.h"
#include "owner_codes.h"

namespace mapaudit::check {

std::vector<Finding> judgeLabelTexts(const std::vector<TextOnMap>& texts) {
    std::vector<Finding> out;
    for (const TextOnMap& t : texts) {
        Finding f;
        if (namesTaiwanAsState(t.text)) {
            f.rule = kNameState;
            f.code = "taiwan";
            f.severity = Severity::Error;
            f.messageZh = "注记“" + t.text + "”将台湾称为国家（见于" + t.origin + "）";
            f.messageEn = "the label '" + t.text + "' names Taiwan as a state (" + t.origin + ")";
        } else if (const ForeignName* n = foreignNameIn(t.text)) {
            f.rule = kNameForeign;
            f.code = std::string(n->code);
            f.severity = Severity::Warning;
            f.messageZh = std::string(n->zh) + "使用了外国或声索方名称“" + t.text + "”（见于" +
                          t.origin + "）";
            f.messageEn = "a Chinese island is given a foreign or claimant name ('" + t.text +
                          "', " + t.origin + ")";
        } else {
            continue;
        }
        f.featureIds = t.featureIds;
        f.geometryWkt = t.geometryWkt;
        f.confidence = t.confidence;
        f.needsConfirmation = t.confidence.has_value();
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace mapaudit::check
