#include "geojson_repair.h"

#include "mapaudit/base/json_text.h"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

namespace mapaudit {
namespace {

using nlohmann::json;

constexpr std::size_t kProbeBytes = 1 << 20;
constexpr std::uintmax_t kMaxRepairBytes = 256u << 20;
constexpr double kDefaultEchartsScale = 1024;

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

// The Unicode code points of a UTF-8 string (ECharts stores one per coordinate).
std::vector<long> codePoints(const std::string& s) {
    std::vector<long> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
        long cp = extra == 0 ? b : b & (0x3F >> extra);
        for (int k = 1; k <= extra && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

// One ring: pairs of characters, each (code − 64) zigzag-decoded, deltas from
// the previous vertex starting at `offset`, divided by `scale`
// (as ECharts' parseGeoJson decodes it).
json decodeRing(const std::string& text, const json& offset, double scale) {
    const std::vector<long> cps = codePoints(text);
    long px = offset.size() == 2 ? offset[0].get<long>() : 0;
    long py = offset.size() == 2 ? offset[1].get<long>() : 0;
    json ring = json::array();
    for (std::size_t i = 0; i + 1 < cps.size(); i += 2) {
        long x = cps[i] - 64, y = cps[i + 1] - 64;
        x = (x >> 1) ^ -(x & 1);
        y = (y >> 1) ^ -(y & 1);
        px += x;
        py += y;
        ring.push_back({double(px) / scale, double(py) / scale});
    }
    if (!ring.empty() && ring.front() != ring.back())
        ring.push_back(ring.front()); // GeoJSON rings are closed
    return ring;
}

bool decodeEcharts(json& doc) {
    if (!doc.value("UTF8Encoding", false))
        return false;
    const double scale = doc.contains("UTF8Scale") && doc["UTF8Scale"].is_number()
                             ? doc["UTF8Scale"].get<double>()
                             : kDefaultEchartsScale;
    for (auto& f : doc["features"]) {
        if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object())
            continue;
        json& g = f["geometry"];
        const json offsets = g.value("encodeOffsets", json::array());
        const std::string type = g.value("type", "");
        json& coords = g["coordinates"];
        auto offsetAt = [&](std::size_t poly, std::size_t ring) -> json {
            const json& o = type == "MultiPolygon" ? offsets.at(poly) : offsets;
            return ring < o.size() ? o.at(ring) : json::array();
        };
        if (type == "Polygon") {
            for (std::size_t r = 0; r < coords.size(); ++r)
                if (coords[r].is_string())
                    coords[r] = decodeRing(coords[r].get<std::string>(), offsetAt(0, r), scale);
        } else if (type == "MultiPolygon") {
            for (std::size_t p = 0; p < coords.size(); ++p)
                for (std::size_t r = 0; r < coords[p].size(); ++r)
                    if (coords[p][r].is_string())
                        coords[p][r] =
                            decodeRing(coords[p][r].get<std::string>(), offsetAt(p, r), scale);
        }
        g.erase("encodeOffsets");
    }
    doc.erase("UTF8Encoding");
    doc.erase("UTF8Scale");
    return true;
}

bool addFeatureTypes(json& doc) {
    bool changed = false;
    for (auto& f : doc["features"])
        if (f.is_object() && f.contains("geometry") && !f.contains("type")) {
            f["type"] = "Feature";
            changed = true;
        }
    return changed;
}

} // namespace

std::optional<std::string> repairedGeoJson(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxRepairBytes)
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::string head(std::min<std::size_t>(kProbeBytes, size), '\0');
    if (!in.read(head.data(), static_cast<std::streamsize>(head.size())))
        return std::nullopt;
    const bool encoded = count(head, "\"UTF8Encoding\"") > 0;
    // Shapes but not one "Feature": the features lack their type.
    const bool untyped = count(head, "\"geometry\"") > 0 && count(head, "\"Feature\"") == 0;
    if ((!encoded && !untyped) || count(head, "\"features\"") == 0)
        return std::nullopt;
    in.seekg(0);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (jsonNestingDepth(text) > kMaxJsonDepth)
        return std::nullopt; // GDAL's own reader refuses it with its reason
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("features") ||
        !doc["features"].is_array())
        return std::nullopt;
    try {
        const bool decoded = decodeEcharts(doc);
        const bool typed = addFeatureTypes(doc);
        if (!decoded && !typed)
            return std::nullopt;
    } catch (const json::exception&) {
        return std::nullopt; // not the encoding we know: GDAL says what it can
    }
    if (!doc.contains("type"))
        doc["type"] = "FeatureCollection";
    return doc.dump();
}

} // namespace mapaudit
