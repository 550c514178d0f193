// A vector layer's attribute table as text, for the workstation's attribute
// table (F6): field names, then one row a feature with its fid, read up to a
// limit so a layer of millions of features cannot exhaust a field laptop.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mapaudit {
class Feedback;
}

namespace mapaudit {

struct AttributeTable {
    std::vector<std::string> fields;
    std::vector<std::int64_t> fids;             // one a row
    std::vector<std::vector<std::string>> rows; // row × field; "" for null
    std::int64_t featureCount = 0;              // in the layer (rows may stop short)
    bool truncated() const { return static_cast<std::int64_t>(rows.size()) < featureCount; }
};

// Text is decoded as openDataset decides (GBK shapefiles without .cpg). Throws
// InputError naming the file and layer, Canceled on cancel.
AttributeTable readAttributeTable(const std::filesystem::path& path, const std::string& layerName,
                                  std::size_t maxRows, Feedback* feedback = nullptr);

} // namespace mapaudit
