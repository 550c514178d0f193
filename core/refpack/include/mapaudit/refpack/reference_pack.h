// Opening a reference pack read-only: schema validation and digest
// verification. Every check report names the pack's id, version and digest.
#pragma once

#include "mapaudit/base/message.h"
#include "mapaudit/raii/gdal_handles.h"
#include "mapaudit/raii/geos_handles.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace mapaudit::refpack {

enum class VerifyMode {
    Refuse,         // an altered or incomplete pack is an InputError
    MarkUnverified, // open it anyway; verified() is false and problems() says why
};

class ReferencePack {
public:
    static ReferencePack open(const std::filesystem::path& path,
                              VerifyMode mode = VerifyMode::Refuse);

    const std::string& path() const { return path_; }
    const std::string& id() const { return id_; }
    const std::string& version() const { return version_; }
    const std::string& digest() const { return digest_; } // as recorded in the pack
    bool verified() const { return problems_.empty(); }
    const std::vector<std::string>& problems() const { return problems_; } // in English
    // The same as catalogued messages, for the user's language.
    const std::vector<Message>& problemMessages() const { return problemMessages_; }
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    const std::map<std::string, std::int64_t>& counts() const { return counts_; }
    // "mapaudit-demo-cn 1.0.0, digest 1a2b3c4d…, verified"
    std::string label() const;

    // Union of the geometries of `layer`, or of its features whose key field
    // equals `key`. Throws InputError when nothing matches.
    GeosGeometryPtr geometry(const GeosContext& ctx, const std::string& layer,
                             const std::string& key = {}) const;
    GDALDataset& dataset() const { return *ds_; }

private:
    std::string path_, id_, version_, digest_;
    std::vector<std::string> problems_;
    std::vector<Message> problemMessages_;
    std::map<std::string, std::string> metadata_;
    std::map<std::string, std::int64_t> counts_;
    GdalDatasetPtr ds_; // move-only: a GDAL dataset is not shared between threads
};

// The pack shipped with MapAudit: <resources>/reference/mapaudit-reference-demo.gpkg.
std::filesystem::path defaultPackPath();

} // namespace mapaudit::refpack
