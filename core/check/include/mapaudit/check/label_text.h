// Findings from free text on a map (labels read off a picture): a Chinese
// island or sea under a foreign or claimant name (NAME-FOREIGN), Taiwan named
// as a state (NAME-STATE). Text read off a picture is a candidate: each
// finding keeps the text's place and confidence, to be confirmed by eye.
#pragma once

#include "mapaudit/check/review_number.h"

#include <vector>

namespace mapaudit::check {

std::vector<Finding> judgeLabelTexts(const std::vector<TextOnMap>& texts);

} // namespace mapaudit::check
