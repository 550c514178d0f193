#include "test_support.h"

#include "cli.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/refpack/reference_pack.h"
#include "mapaudit/security/credit_code.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <sstream>

namespace mapaudit::test {
namespace fs = std::filesystem;

// Tests that call GDAL directly need its drivers, whichever test runs first.
[[maybe_unused]] const bool gdalReady = (ensureGdalInitialised(), true);

fs::path dataPath(const std::string& relative) {
    return fs::path(MAPAUDIT_TEST_DATA) / relative;
}
fs::path samplePath(const std::string& relative) {
    return fs::path(MAPAUDIT_SAMPLES) / relative;
}

const refpack::ReferencePack& committedPack() {
    static const refpack::ReferencePack pack = refpack::ReferencePack::open(committedPackPath());
    return pack;
}

fs::path committedPackPath() {
    return fs::path(MAPAUDIT_RESOURCES) / "reference/mapaudit-reference-demo.gpkg";
}

GdalDatasetPtr editableCopyOfPack(const fs::path& target) {
    fs::copy_file(committedPackPath(), target);
    return GdalDatasetPtr(GDALDataset::Open(target.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                            nullptr, nullptr, nullptr));
}

GdalDatasetPtr newGeoPackage(const fs::path& path) {
    GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    GdalDatasetPtr ds(gpkg->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    return ds;
}

const OGRSpatialReference& cgcs2000() {
    static const OGRSpatialReference srs = [] {
        OGRSpatialReference s;
        s.importFromEPSG(4490);
        s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return s;
    }();
    return srs;
}

ScratchDir::ScratchDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("mapaudit-test-" + std::to_string(rd()) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void writeFile(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

OgrFeaturePtr findFeature(GDALDataset& ds, const std::string& field, const std::string& value) {
    OGRLayer* layer = ds.GetLayer(0);
    layer->ResetReading();
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()))
        if (f->GetFieldIndex(field.c_str()) >= 0 && value == f->GetFieldAsString(field.c_str()))
            return f;
    return nullptr;
}

CliResult runCli(std::vector<std::string> words) {
    // The tests read the command line's English messages; test_messages.cpp
    // reads its Chinese ones (the default).
    if (std::find(words.begin() + (words.empty() ? 0 : 1), words.end(), "--lang") == words.end())
        words.insert(words.begin() + (words.empty() ? 0 : 1), {"--lang", "en"});
    std::vector<std::string_view> args(words.begin(), words.end());
    std::ostringstream out, err;
    const int code = cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

std::string validCreditCode(const std::string& body) {
    // GB 11714 organization code check over the body, then GB 32100's.
    static const std::array<int, 8> w{3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i)
        sum += (body[i] - '0') * w[i];
    const int c = 11 - sum % 11;
    const std::string first17 = "91360702" + body +
                                (c == 11   ? "0"
                                 : c == 10 ? "X"
                                           : std::to_string(c));
    return first17 + *security::creditCodeCheckCharacter(first17);
}

} // namespace mapaudit::test
