// A county's records sent to the city as one file: the unit and its
// subunits, their records, evidence and overrides, with a manifest giving the SHA-256
// of every part. Import checks everything before changing anything and is
// idempotent; a tampered or truncated bundle is rejected whole.
#pragma once

#include "mapaudit/records/records_db.h"

#include <filesystem>

namespace mapaudit::records {

struct BundleCounts {
    std::int64_t units = 0; // units created
    ImportCounts records;
    std::int64_t overrides = 0;
    std::int64_t evidence = 0; // files
};

// Writes the bundle of `unit` (and everything below it); sealed with
// `passphrase` when one is given (sealed_file.h). A bundle holding records
// marked classified is refused without one.
BundleCounts exportBundle(RecordsDb& db, const std::string& unit, const std::filesystem::path& out,
                          const std::string& passphrase = "");
// Throws InputError naming what is wrong with a damaged bundle, or when a
// sealed bundle's passphrase is missing or wrong.
BundleCounts importBundle(RecordsDb& db, const std::filesystem::path& bundle,
                          const std::string& passphrase = "");
// The same for a bundle's bytes; messages start with `origin`.
BundleCounts importBundleBytes(RecordsDb& db, std::string bytes, const std::string& origin,
                               const std::string& passphrase = "");

} // namespace mapaudit::records
