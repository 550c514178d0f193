// What the check engine reports. Rule ids and the codes they carry (region,
// island and group codes of the reference pack) are stable interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mapaudit::check {

inline constexpr const char* kTerrForeign = "TERR-FOREIGN";
inline constexpr const char* kTerrMissing = "TERR-MISSING";
inline constexpr const char* kIslandOmitted = "ISLAND-OMITTED";
inline constexpr const char* kDashlineMissing = "DASHLINE-MISSING";
inline constexpr const char* kBorderDeviation = "BORDER-DEVIATION";
inline constexpr const char* kSensitiveLabel = "SENSITIVE-LABEL";
inline constexpr const char* kNameState = "NAME-STATE";
inline constexpr const char* kNameForeign = "NAME-FOREIGN";
// A checklist clause the inspector marked as not met (clause_catalogue.h).
inline constexpr const char* kChecklist = "CHECKLIST";
inline constexpr const char* kGeomInvalid = "GEOM-INVALID";
inline constexpr const char* kInsetExtent = "INSET-EXTENT";
inline constexpr const char* kHainanTip = "HAINAN-TIP";
inline constexpr const char* kTaiwanAdmin = "TAIWAN-ADMIN";
inline constexpr const char* kReviewNoMissing = "REVIEWNO-MISSING";
inline constexpr const char* kReviewNoMalformed = "REVIEWNO-MALFORMED";

enum class Severity { Error, Warning, Info };
const char* severityName(Severity s);

struct Finding;
// The measure with its unit in words, one style a language: "1234.5 平方千米",
// "3 段" / "1234.5 km²", "3 dashes"; "" when the finding has none.
std::string measureText(const Finding& finding, bool chinese);
// The place by its name in the language (台湾省 / Taiwan Province), or its code when unnamed.
const std::string& placeText(const Finding& finding, bool chinese);

struct Finding {
    std::string id;   // F1, F2, … in report order; M1, M2, … when marked by hand
    std::string rule; // one of the rule ids above
    std::string
        code; // region/island/group code from the pack, "china", or "map" (the map as a whole)
    std::string placeZh, placeEn; // the code in words: 台湾省, 藏南地区, 整幅地图
    Severity severity = Severity::Error;
    std::string messageZh, messageEn;
    std::string clause;                  // the catalogue clause it rests on (clause_catalogue.h)
    std::string basis;                   // that clause cited with its requirement
    std::optional<double> measure;       // in `measureUnit`
    std::string measureUnit;             // "km2", "km", "dashes"
    std::vector<std::string> featureIds; // "layer:fid"
    std::string geometryWkt;             // EPSG:4490; "" when none
    // Findings read off a picture of a map are candidates: how sure the check
    // is (0-1), and that an inspector must confirm them by eye.
    std::optional<double> confidence;
    bool needsConfirmation = false;
    // Marked by an inspector (manual_finding.h), with what they saw.
    bool manual = false;
    std::string note;
};

} // namespace mapaudit::check
