// A check report as JSON, as a readable summary, and its findings as a
// geometry layer (GeoPackage or GeoJSON, EPSG:4490).
#pragma once

#include "mapaudit/check/check_engine.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace mapaudit::check {

nlohmann::json reportJson(const CheckReport& report);
// The map profile alone, as in reportJson's "profile".
nlohmann::json profileJson(const MapProfile& profile);
// The profile's lines at the top of reportText.
std::string profileText(const MapProfile& profile, const std::string& language);
// language "zh" or "en"
std::string reportText(const CheckReport& report, const std::string& language);
// "1:6000000 (estimated from vertex spacing), tolerance 3.0 km (border and
// dashed line 10.0 km)", or that a picture's scale is unknown; "zh" or "en".
std::string scaleText(const CheckReport& report, const std::string& language);
// Atomic; the format follows the extension (.gpkg, .geojson/.json).
void writeFindingsLayer(const CheckReport& report, const std::filesystem::path& path);

} // namespace mapaudit::check
