// Inputs the fuzz targets (fuzz/) found mishandled: each is refused with a
// one-line InputError naming the file, key or line, never a crash or a
// library exception.
#include "mapaudit/check/check_engine.h"
#include "mapaudit/error.h"
#include "mapaudit/records/record_import.h"
#include "mapaudit/refpack/importer.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace mapaudit;

namespace {

// The message of the InputError `f` throws; any other exception fails the test.
template <typename F> std::string inputError(F f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    FAIL("no InputError");
    return "";
}

} // namespace

TEST_CASE("refpack import: a mapping key of the wrong type names the key") {
    test::ScratchDir dir;
    test::writeFile(dir / "land.geojson",
                    R"({"type": "FeatureCollection", "features": [{"type": "Feature",
                        "properties": {"code": "china"}, "geometry": {"type": "Point",
                        "coordinates": [116, 40]}}]})");
    const std::string mapping = (dir / "mapping.json").string();
    const auto import = [&](const std::string& territory) {
        return inputError([&] {
            test::writeFile(dir / "mapping.json",
                            R"({"pack_id": "p", "version": "1", "layers": {"territory": )" +
                                territory + "}}");
            refpack::importReferencePack({dir / "mapping.json", dir / "pack.gpkg", ""});
        });
    };
    CHECK(import(R"({"source": "land.geojson", "encoding": 936})") ==
          mapping + ": layers.territory.encoding: must be a text in quotes, not 936");
    CHECK(import(R"({"source": "land.geojson", "layer": ["land"]})") ==
          mapping + ": layers.territory.layer: must be a text in quotes, not [\"land\"]");
    CHECK_THAT(import(R"({"source": "land.geojson", "fields": {"code": 1}})"),
               Catch::StartsWith(mapping + ": layers.territory.fields.code: must name a source "
                                           "field (or be \"=constant\"), not 1"));
    CHECK(import(R"({"source": "land.geojson", "crs": 4490})") ==
          mapping + ": layers.territory.crs: must be a text in quotes, not 4490");
    CHECK(import(R"({"source": "land.geojson", "where": null})") ==
          mapping + ": layers.territory.where: must be a text in quotes, not null");
}

TEST_CASE("a scale is a finite denominator: \"inf\" is not one") {
    CHECK_FALSE(check::parseScale("inf"));
    CHECK_FALSE(check::parseScale("1:INF"));
    CHECK_FALSE(check::parseScale("1:infinity"));
    CHECK_FALSE(check::parseScale("nan"));
    CHECK(check::parseScale("1:1,000,000") == 1'000'000);
}

TEST_CASE("a records sheet with a cell that is not UTF-8 is refused, not a JSON exception") {
    test::ScratchDir dir;
    // One GB18030 byte pair inside a UTF-8 sheet, as the fuzz target found it.
    test::writeFile(dir / "records.csv", "kind,unit,date,place\n"
                                         "onsite_check,\xde\xab\xa0\xe8\xb4\xa1,2021-03-02,x\n");
    const std::string message = inputError([&] {
        records::parseRecordsFile(dir / "records.csv", [](const std::string&) { return true; });
    });
    CHECK_THAT(message, Catch::StartsWith((dir / "records.csv").string() + ": ") &&
                            Catch::Contains("UTF-8"));
}
