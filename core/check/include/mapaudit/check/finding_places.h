// The places findings name by code, in words: 台湾省 for "taiwan", 整幅地图
// for "map". Codes stay the interface; the names are what an inspector reads.
#pragma once

#include "mapaudit/check/finding.h"

#include <string>
#include <vector>

namespace mapaudit::refpack {
class ReferencePack;
}

namespace mapaudit::check {

struct CodeInfo {
    std::string code, nameZh, nameEn;
};
// The codes findings carry: "china", "map" (the map as a whole), then the
// pack's regions, island groups and key islands, each with its names.
std::vector<CodeInfo> findingCodes(const refpack::ReferencePack& pack);

// Fills each finding's placeZh/placeEn from `codes`; a code not among them
// keeps empty names (readers show the code).
void namePlaces(std::vector<Finding>& findings, const std::vector<CodeInfo>& codes);

} // namespace mapaudit::check
