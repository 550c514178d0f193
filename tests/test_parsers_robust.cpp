// Inputs the fuzz targets (fuzz/) found mishandled: each is refused with a
// one-line InputError naming the file, key or line, never a crash or a
// library exception.
#include "mapaudit/base/error.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/check/check_engine.h"
#include "mapaudit/records/record_import.h"
#include "mapaudit/refpack/importer.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace mapaudit;
namespace fs = std::filesystem;

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

namespace {

// The refusal of a records sheet whose unit cell is `unit`, checked to name the sheet.
std::string sheetRefusal(const std::string& unit) {
    test::ScratchDir dir;
    const fs::path sheet = dir / "records.csv";
    test::writeFile(sheet, "kind,unit,date,place\nonsite_check," + unit + ",2021-03-02,x\n");
    const std::string message = inputError(
        [&] { records::parseRecordsFile(sheet, [](const std::string&) { return true; }); });
    CHECK_THAT(message, Catch::StartsWith(sheet.string() + ": "));
    return message;
}

} // namespace

TEST_CASE("a records sheet with a cell that is not UTF-8 is refused, not a JSON exception") {
    // One GB18030 byte pair inside a UTF-8 sheet, as the fuzz target found it.
    CHECK_THAT(sheetRefusal("\xde\xab\xa0\xe8\xb4\xa1"), Catch::Contains("UTF-8"));
}

TEST_CASE("a sheet or record line with an encoded surrogate is refused as not UTF-8") {
    // ED A0 80 is U+D800 written as UTF-8: GDAL's CPLIsUTF8 passes it, JSON refuses to write it.
    CHECK_THAT(sheetRefusal("a\xed\xa0\x80"), Catch::Contains("not UTF-8"));

    std::istringstream lines("{\"kind\":\"onsite_check\",\"unit\":\"a\xed\xa0\x80\"}\n");
    const auto parsed =
        records::parseRecordsJsonLines(lines, [](const std::string&) { return true; });
    CHECK(parsed.records.empty());
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].line == 1);
    CHECK(parsed.problems[0].code == "encoding");
}

TEST_CASE("well-formed UTF-8 is told from overlong forms, surrogates and truncated characters") {
    CHECK(isWellFormedUtf8(""));
    CHECK(isWellFormedUtf8("ascii"));
    CHECK(isWellFormedUtf8("\xe5\x8f\xb0\xe6\xb9\xbe")); // 台湾
    CHECK(isWellFormedUtf8("\xf0\x9f\x97\xba"));         // U+1F5FA
    CHECK(isWellFormedUtf8("\xf4\x8f\xbf\xbf"));         // U+10FFFF
    CHECK_FALSE(isWellFormedUtf8("\xed\xa0\x80"));       // surrogate U+D800
    CHECK_FALSE(isWellFormedUtf8("\xc0\xaf"));           // overlong '/'
    CHECK_FALSE(isWellFormedUtf8("\xe0\x80\xaf"));       // overlong '/'
    CHECK_FALSE(isWellFormedUtf8("\xf4\x90\x80\x80"));   // past U+10FFFF
    CHECK_FALSE(isWellFormedUtf8("\xe5\x8f"));           // cut short
    CHECK_FALSE(isWellFormedUtf8("\xb0\xe6"));           // GBK bytes
    CHECK(decodeUtf8("a\xed\xa0\x80"
                     "b") == U"ab");
}
