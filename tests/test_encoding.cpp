// GBK shapefiles without .cpg must read as correct UTF-8; the user can override.
#include "mapaudit/base/encoding.h"
#include "mapaudit/base/error.h"
#include "mapaudit/geodata/dataset_info.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/render/attribute_table.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <fstream>

using namespace mapaudit;
using mapaudit::test::samplePath;

TEST_CASE("text classification tells ASCII, UTF-8 and GB18030 apart") {
    CHECK(guessTextEncoding("Diaoyu Dao") == TextGuess::Ascii);
    CHECK(guessTextEncoding("钓鱼岛") == TextGuess::Utf8);
    // 钓鱼岛 in GBK
    CHECK(guessTextEncoding("\xB5\xF6\xD3\xE3\xB5\xBA") == TextGuess::Gb18030);
    // GB18030 four-byte form: lead 81–FE, 30–39, 81–FE, 30–39
    CHECK(isWellFormedGb18030("\x81\x30\x81\x30"));
    CHECK_FALSE(isWellFormedGb18030("\xB5"));     // truncated pair
    CHECK_FALSE(isWellFormedGb18030("\xFF\xFF")); // 0xFF is never a lead byte
    CHECK(guessTextEncoding("\xFF\xFE\xFD") == TextGuess::Unknown);
}

TEST_CASE("a GBK shapefile without .cpg and code page is detected and reads as UTF-8") {
    const auto shp = samplePath("key_features_gbk.shp");
    REQUIRE_FALSE(std::filesystem::exists(samplePath("key_features_gbk.cpg")));
    const EncodingDecision d = decideShapefileEncoding(shp);
    CHECK(d.encoding == "GB18030");
    CHECK(d.source == "detected");

    OpenedDataset opened = openDataset(shp);
    OgrFeaturePtr diaoyu = test::findFeature(*opened.dataset, "code", "diaoyu_dao");
    REQUIRE(diaoyu);
    CHECK(std::string(diaoyu->GetFieldAsString("name_zh")) == "钓鱼岛");
    OgrFeaturePtr zengmu = test::findFeature(*opened.dataset, "code", "zengmu_ansha");
    REQUIRE(zengmu);
    CHECK(std::string(zengmu->GetFieldAsString("name_zh")) == "曾母暗沙");
    CHECK(std::string(zengmu->GetFieldAsString("name_en")) == "Zengmu Ansha (James Shoal)");

    const DatasetInfo info = describeDataset(shp);
    CHECK(info.encoding.encoding == "GB18030");
    CHECK(info.layers.at(0).featureCount == 20);
}

TEST_CASE("the user can override the detected encoding") {
    OpenedDataset opened =
        openDataset(samplePath("key_features_gbk.shp"), OpenOptions{"ISO-8859-1"});
    CHECK(opened.encoding.source == "user");
    OgrFeaturePtr diaoyu = test::findFeature(*opened.dataset, "code", "diaoyu_dao");
    REQUIRE(diaoyu);
    CHECK(std::string(diaoyu->GetFieldAsString("name_zh")) != "钓鱼岛");
}

TEST_CASE("a .cpg file and a code page in the .dbf header are left to GDAL") {
    test::ScratchDir dir;
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj"})
        std::filesystem::copy_file(samplePath(std::string("key_features_gbk") + ext),
                                   dir / (std::string("k") + ext));
    SECTION("cpg") {
        test::writeFile(dir / "k.cpg", "936");
        const EncodingDecision d = decideShapefileEncoding(dir / "k.shp");
        CHECK(d.source == "cpg");
        OpenedDataset opened = openDataset(dir / "k.shp");
        OgrFeaturePtr f = test::findFeature(*opened.dataset, "code", "chiwei_yu");
        REQUIRE(f);
        CHECK(std::string(f->GetFieldAsString("name_zh")) == "赤尾屿");
    }
    SECTION("dbf header language driver id 0x4D (GBK)") {
        std::fstream dbf(dir / "k.dbf", std::ios::in | std::ios::out | std::ios::binary);
        dbf.seekp(29);
        dbf.put('\x4D');
        dbf.close();
        const EncodingDecision d = decideShapefileEncoding(dir / "k.shp");
        CHECK(d.source == "dbf-header");
        OpenedDataset opened = openDataset(dir / "k.shp");
        OgrFeaturePtr f = test::findFeature(*opened.dataset, "code", "huangyan_dao");
        REQUIRE(f);
        CHECK(std::string(f->GetFieldAsString("name_zh")) == "黄岩岛");
    }
}

TEST_CASE("the attribute table reads a GBK shapefile's names as Chinese, up to a row limit") {
    const auto shp = test::samplePath("key_features_gbk.shp");
    const AttributeTable all = readAttributeTable(shp, "key_features_gbk", 100000);
    CHECK(all.fields == std::vector<std::string>{"code", "name_zh", "name_en", "kind", "grp"});
    REQUIRE(all.rows.size() >= 2);
    CHECK(all.featureCount == static_cast<std::int64_t>(all.rows.size()));
    CHECK_FALSE(all.truncated());
    CHECK(all.fids[0] == 0);
    CHECK(all.rows[0][0] == "taiwan_dao");
    CHECK(all.rows[0][1] == "台湾岛");
    CHECK(all.rows[1][1] == "澎湖列岛");

    const AttributeTable first = readAttributeTable(shp, "key_features_gbk", 1);
    CHECK(first.rows.size() == 1);
    CHECK(first.featureCount == all.featureCount);
    CHECK(first.truncated());

    CHECK_THROWS_WITH(readAttributeTable(shp, "roads", 10),
                      Catch::Contains("key_features_gbk.shp: no layer 'roads'"));
}
