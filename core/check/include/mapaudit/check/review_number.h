// 审图号: the map-review number a reviewed public map carries (《地图管理条例》
// 第十七条; 《地图审核管理规定》). National numbers read GS(2023)1234号, those of
// internet maps GS京(2022)1061号, provincial ones 京S(2021)023号 or 川S【2022】00024号.
// Found in any text: attributes, metadata, labels, text read off a picture.
#pragma once

#include "mapaudit/check/check_engine.h"

#include <optional>
#include <string>
#include <vector>

namespace mapaudit::check {

struct ReviewNumber {
    std::string text;      // as it stands in the source, trimmed
    std::string canonical; // half-width, brackets as (), no spaces: GS(2023)1234号
    bool wellFormed = false;
    std::string authority;            // "GS", "GS京" or the province's abbreviation + "S"
    int year = 0;                     // 0 when it could not be read
    std::string problemZh, problemEn; // why it is not well formed
};

// Full-width letters, digits and punctuation to half-width, every kind of
// bracket to (), white space (also U+3000) removed: what the forms are matched on.
std::string normaliseReviewText(const std::string& text);

// Every review number in `text`, well formed or not. A "审图号" label, or a
// GS/province prefix followed by a bracketed figure, that does not make a
// well-formed number is returned with its problem. `currentYear` bounds the year.
std::vector<ReviewNumber> findReviewNumbers(const std::string& text, int currentYear);

// A text on the map and where it stands.
struct TextOnMap {
    std::string text;
    std::string origin;                  // for the report: "layer:fid field", "file name", …
    std::vector<std::string> featureIds; // the feature carrying it, if any
    std::string geometryWkt;             // EPSG:4490, "" when it has no place
    std::optional<double> confidence;    // text read off a picture
};

// The review-number findings for a map's texts: REVIEWNO-MALFORMED for each
// malformed number when no well-formed one is seen, REVIEWNO-MISSING when
// none is seen at all and `required` (every kind of map but simple local
// ones). Every number seen is added to `seen`.
std::vector<Finding> judgeReviewNumbers(const std::vector<TextOnMap>& texts, bool required,
                                        int currentYear, std::vector<ReviewNumberSeen>& seen);
// The year of today's date (UTC).
int currentYear();

} // namespace mapaudit::check
