// 审图号: the forms in use, read as they are written (full-width, with spaces,
// traditional characters, OCR-like brackets), and the malformed ones named.
#include "mapaudit/check/review_number.h"

#include <catch2/catch.hpp>

using namespace mapaudit::check;

namespace {

std::vector<ReviewNumber> find(const std::string& text) {
    return findReviewNumbers(text, 2026);
}

} // namespace

TEST_CASE("well-formed review numbers are read in every form in use") {
    struct Case {
        const char* text;
        const char* canonical;
        const char* authority;
        int year;
    };
    const Case cases[] = {
        {"审图号：GS(2023)2763号", "GS(2023)2763号", "GS", 2023},
        {"审图号: GS（2019）1822号", "GS(2019)1822号", "GS", 2019},
        {"ＧＳ（２０２２）４３１２号", "GS(2022)4312号", "GS", 2022},
        {"© 2024 高德软件 GS京(2022)1061号", "GS京(2022)1061号", "GS京", 2022},
        {"京S(2021)023号", "京S(2021)023号", "京S", 2021},
        {"川S【2022】00024号", "川S(2022)00024号", "川S", 2022},
        {"鲁SG(2020)005号", "鲁SG(2020)005号", "鲁S", 2020},
        {"粤S〔2018〕1-028号", "粤S(2018)1-028号", "粤S", 2018},
        {"GS (2016) 2556 号", "GS(2016)2556号", "GS", 2016},
        {"審圖號：GS(2020)4619號", "GS(2020)4619号", "GS", 2020},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto found = find(c.text);
        REQUIRE(found.size() == 1);
        CHECK(found[0].wellFormed);
        CHECK(found[0].canonical == c.canonical);
        CHECK(found[0].authority == c.authority);
        CHECK(found[0].year == c.year);
    }
    // Its original spelling is kept for the report.
    CHECK(find("地图审图号：ＧＳ（２０２２）４３１２号 自然资源部监制")[0].text ==
          "审图号：ＧＳ（２０２２）４３１２号");
}

TEST_CASE("malformed review numbers are named with what is wrong") {
    struct Case {
        const char* text;
        const char* problem; // part of problemEn
    };
    const Case cases[] = {
        {"审图号：GS(23)2763号", "four digits"},
        {"审图号：GS(2023)号", "serial number is missing"},
        {"GS(2023)2763", "'号' is missing"},
        {"审图号：GS(1975)0001号", "not between"},
        {"审图号：GS(2031)0001号", "not between"},
        {"审图号：GS2023-2763号", "not in brackets"},
        {"审图号：待审", "no number follows"},
        {"京S(2021023号", "not closed"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto found = find(c.text);
        REQUIRE(found.size() == 1);
        CHECK_FALSE(found[0].wellFormed);
        CHECK(found[0].problemEn.find(c.problem) != std::string::npos);
        CHECK_FALSE(found[0].problemZh.empty());
    }
}

TEST_CASE("ordinary texts hold no review number") {
    for (const char* text : {"Senkaku Islands", "GSM tower", "South China Sea", "GS", "京津冀",
                             "Guangdong Sheng", "S(2021)", "GDP 2023", "XS(2021)023号"}) {
        INFO(text);
        CHECK(find(text).empty());
    }
    // Two in one text are both read.
    const auto two = find("GS(2023)2763号；京S(2021)023号");
    REQUIRE(two.size() == 2);
    CHECK(two[0].wellFormed);
    CHECK(two[1].wellFormed);
}

TEST_CASE("the review-number judgement: present, malformed, missing") {
    std::vector<ReviewNumberSeen> seen;
    // A well-formed number anywhere: nothing to report, the number seen.
    auto f = judgeReviewNumbers(
        {{"中国地图", "layer name", {}, "", std::nullopt},
         {"审图号：GS(2023)2763号", "file metadata DESCRIPTION", {}, "", std::nullopt}},
        true, 2026, seen);
    CHECK(f.empty());
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].origin == "file metadata DESCRIPTION");
    CHECK(seen[0].wellFormed);

    seen.clear();
    f = judgeReviewNumbers(
        {{"审图号：GS(23)2763", "world:3 note", {"world:3"}, "POINT (1 2)", 0.8}}, true, 2026,
        seen);
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == kReviewNoMalformed);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].featureIds == std::vector<std::string>{"world:3"});
    CHECK(f[0].confidence == 0.8);
    CHECK(f[0].needsConfirmation); // read off a picture
    CHECK(f[0].messageZh.find("四位") != std::string::npos);

    seen.clear();
    f = judgeReviewNumbers({{"中国地图", "layer name", {}, "", std::nullopt}}, true, 2026, seen);
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == kReviewNoMissing);
    CHECK(f[0].code == "map");
    // A simple local map needs none.
    CHECK(
        judgeReviewNumbers({{"景区导览图", "layer name", {}, "", std::nullopt}}, false, 2026, seen)
            .empty());
}
