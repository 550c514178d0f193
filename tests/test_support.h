// Shared helpers for the core tests: fixture paths and scratch folders.
#pragma once

#include "mapaudit/raii/gdal_handles.h"

#include <filesystem>
#include <string>
#include <vector>

namespace mapaudit::refpack {
class ReferencePack;
}

namespace mapaudit::test {

std::filesystem::path dataPath(const std::string& relative);   // tests/data/…
std::filesystem::path samplePath(const std::string& relative); // resources/samples/…
std::filesystem::path committedPackPath(); // resources/reference/mapaudit-reference-demo.gpkg
// That pack, opened once for the tests of this program (one thread).
const refpack::ReferencePack& committedPack();
// A copy of the committed pack at `target`, opened for update.
GdalDatasetPtr editableCopyOfPack(const std::filesystem::path& target);

// A fresh folder under the system temp dir, removed when the object dies.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

void writeFile(const std::filesystem::path& path, const std::string& content);

// A new, empty GeoPackage at `path` (the test fails when it cannot be made).
GdalDatasetPtr newGeoPackage(const std::filesystem::path& path);
// CGCS2000 geographic (EPSG:4490) in GIS axis order, for test layers.
const OGRSpatialReference& cgcs2000();

// The command line as a user runs it, its exit code and both streams.
struct CliResult {
    int code;
    std::string out, err;
};
CliResult runCli(std::vector<std::string> words);

// A valid unified social credit code for organization body `body` (8 digits),
// its two check characters computed.
std::string validCreditCode(const std::string& body);

// The first feature of the first layer whose `field` equals `value`, or null.
OgrFeaturePtr findFeature(GDALDataset& ds, const std::string& field, const std::string& value);

} // namespace mapaudit::test
