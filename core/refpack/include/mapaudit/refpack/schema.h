// The reference pack's schema: layer names, their key fields, and the stable
// region codes. These names are part of MapAudit's interface (check findings
// and reports carry them) — add, never rename.
#pragma once

#include <array>
#include <string_view>

namespace mapaudit::refpack {

inline constexpr int kPackEpsg = 4490; // CGCS2000 geographic

struct LayerSchema {
    std::string_view name;
    std::string_view keyField;              // canonical order for the digest
    std::array<std::string_view, 8> fields; // required fields ("" = unused slot)
};

inline constexpr std::array<LayerSchema, 8> kSpatialLayers{{
    {"territory", "code", {"code", "name_zh", "name_en"}},
    {"land_border", "segment", {"segment", "neighbour", "neighbour_id"}},
    {"regions", "code", {"code", "name_zh", "name_en", "kind"}},
    {"key_islands",
     "code",
     {"code", "name_zh", "name_en", "kind", "island_group", "region", "representation",
      "max_scale_denominator"}},
    {"key_places", "code", {"code", "name_zh", "name_en", "region", "province", "note"}},
    {"island_groups", "code", {"code", "name_zh", "name_en", "note"}},
    {"scs_dashes", "dash", {"dash", "note"}},
    {"scs_inset_frame", "code", {"code", "note"}},
}};

inline constexpr std::string_view kMetadataTable = "pack_metadata";

// Region codes (layer `regions`).
inline constexpr std::array<std::string_view, 13> kRegionCodes{
    "taiwan",   "hongkong",       "macao",          "zangnan",        "aksaichin",
    "shaksgam", "cn_in_middle_1", "cn_in_middle_2", "cn_in_middle_3", "cn_in_west_1",
    "diaoyu",   "nanhai",         "hainan"};

inline constexpr int kDashCount = 10;

} // namespace mapaudit::refpack
