// A pack's content before it is written, the validation every pack gets
// (built or imported), and writing it with digests and metadata.
#pragma once

#include "mapaudit/refpack/builder.h"
#include "pack_writer.h"
#include "sources.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mapaudit::refpack {

struct PackContent {
    std::map<std::string, std::vector<Row>> layers; // by pack layer name
};

struct PackIdentity {
    std::string id, version, grade, title, builder, builtAt;
    nlohmann::json sources; // provenance: files, what, licence or checksum
    nlohmann::json extra;   // recorded as metadata entries (e.g. tolerances)
};

// Throws InputError (prefixed with `origin`) when a layer is missing, the
// territory is empty or invalid, the dashes are not exactly 1..10, a stable
// region code is missing, or a key island has neither region nor group.
void validateContent(const GeosContext& ctx, const PackContent& content, const std::string& origin);

// The key_places layer's rows (built and imported packs alike).
std::vector<Row> keyPlaceRows(const GeosContext& ctx, const std::vector<KeyPlace>& places);

// Writes all layers, computes the digests and the metadata; atomic.
BuildReport writePack(const GeosContext& ctx, PackContent& content, const PackIdentity& identity,
                      const std::filesystem::path& output);

} // namespace mapaudit::refpack
