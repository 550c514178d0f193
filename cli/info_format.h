// Renders a DatasetInfo as a human-readable table or as JSON.
#pragma once

#include "mapaudit/geodata/dataset_info.h"

#include <nlohmann/json.hpp>
#include <string>

namespace mapaudit {

nlohmann::json toJson(const DatasetInfo& info);
std::string toText(const DatasetInfo& info);

} // namespace mapaudit
