#include "geojson_repair.h"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

namespace mapaudit {
namespace {

constexpr std::size_t kProbeBytes = 1 << 20;
constexpr std::uintmax_t kMaxRepairBytes = 256u << 20;

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

std::optional<std::string> geoJsonWithFeatureTypes(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxRepairBytes)
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::string head(std::min<std::size_t>(kProbeBytes, size), '\0');
    if (!in.read(head.data(), static_cast<std::streamsize>(head.size())))
        return std::nullopt;
    // Shapes but not one "Feature": the features lack their type.
    if (count(head, "\"geometry\"") == 0 || count(head, "\"Feature\"") > 0 ||
        count(head, "\"features\"") == 0)
        return std::nullopt;
    in.seekg(0);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("features") ||
        !doc["features"].is_array())
        return std::nullopt;
    bool changed = false;
    for (auto& f : doc["features"])
        if (f.is_object() && f.contains("geometry") && !f.contains("type")) {
            f["type"] = "Feature";
            changed = true;
        }
    if (!changed)
        return std::nullopt;
    if (!doc.contains("type"))
        doc["type"] = "FeatureCollection";
    return doc.dump();
}

} // namespace mapaudit
