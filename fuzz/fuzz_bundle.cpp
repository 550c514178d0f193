// Records bundles (bundle.cpp: importBundle, the input written to a scratch
// file) into a fresh in-memory records database. The input is imported as it is (the integrity
// checks); when it is JSON with parts, it is imported again with its manifest's counts and SHA-256s
// made to match, so the parts themselves are parsed too. InputError (a damaged bundle, refused
// whole) is the documented answer.
#include "fuzz_support.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/sha256.h"
#include "mapaudit/records/bundle.h"

using namespace mapaudit;
using nlohmann::json;

namespace {

void import(const std::string& bytes) {
    records::RecordsDb db(":memory:", "fuzz");
    try {
        const std::filesystem::path file = fuzz::scratchDir() / "fuzz.bundle";
        fuzz::writeFile(file, bytes);
        (void)records::importBundle(db, file);
    } catch (const InputError&) {
    }
}

// The bundle with a manifest that matches its parts, as exportBundle writes it.
std::optional<std::string> withMatchingManifest(const std::string& bytes) {
    const json bundle = json::parse(bytes, nullptr, false);
    if (!bundle.is_object() || !bundle.contains("parts") || !bundle["parts"].is_object())
        return std::nullopt;
    json manifest = bundle.contains("manifest") && bundle["manifest"].is_object()
                        ? bundle["manifest"]
                        : json::object();
    manifest["parts"] = json::array();
    for (const char* name : {"units", "records", "overrides", "evidence"}) {
        const json part = bundle["parts"].value(name, json::array());
        manifest["parts"].push_back(
            {{"name", name}, {"count", part.size()}, {"sha256", sha256Hex(part.dump())}});
    }
    const json fixed = {{"format", "mapaudit-records-bundle"},
                        {"version", 1},
                        {"manifest", manifest},
                        {"manifest_sha256", sha256Hex(manifest.dump())},
                        {"parts", bundle["parts"]}};
    return fixed.dump();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes = fuzz::text(data, size);
    import(bytes);
    if (const auto fixed = withMatchingManifest(bytes))
        import(*fixed);
    return 0;
}
