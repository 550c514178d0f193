// Coordinate and scale formatting, and the ellipsoid arithmetic behind it.
#include "mapaudit/geodata/coordinate_format.h"

#include <catch2/catch.hpp>

using namespace mapaudit;

TEST_CASE("degrees-minutes-seconds formatting rounds without 60 seconds") {
    CHECK(formatDms(116.391, false) == "116°23'27.60\"E");
    CHECK(formatDms(39.9075, true) == "39°54'27.00\"N");
    CHECK(formatDms(-33.5, true, 0) == "33°30'00\"S");
    CHECK(formatDms(29.999999999, true) == "30°00'00.00\"N");
    CHECK(formatDms(3.9670, true, 1) == "3°58'01.2\"N");
}

TEST_CASE("lon/lat and scale texts") {
    CHECK(formatLonLat(123.475, 25.746, 3) == "123.475°E, 25.746°N");
    CHECK(formatScale(1234567.8) == "1:1 230 000");
    CHECK(formatScale(50000) == "1:50 000");
    CHECK(formatScale(250) == "1:250");
    CHECK(formatScale(0) == "1:?");
}

TEST_CASE("metres per degree on the CGCS2000 ellipsoid") {
    // Known values for GRS80-class ellipsoids.
    CHECK(metresPerDegreeLongitude(0) == Approx(111319.49).margin(0.01));
    CHECK(metresPerDegreeLatitude(0) == Approx(110574.27).margin(0.01));
    CHECK(metresPerDegreeLongitude(60) == Approx(55799.98).margin(0.05));
    CHECK(metresPerDegreeLatitude(45) == Approx(111132.95).margin(0.05));
}

TEST_CASE("angles are read as inspectors type them") {
    auto angle = [](const char* text) { return mapaudit::parseAngle(text); };
    CHECK(*angle("116.391") == Approx(116.391));
    CHECK(*angle("-12.5") == Approx(-12.5));
    CHECK(*angle("116°23'27.6\"E") == Approx(116 + 23 / 60.0 + 27.6 / 3600));
    CHECK(*angle("116 23 27.6") == Approx(116 + 23 / 60.0 + 27.6 / 3600));
    CHECK(*angle("116度23分27.6秒") == Approx(116 + 23 / 60.0 + 27.6 / 3600));
    CHECK(*angle("39°54.4'N") == Approx(39 + 54.4 / 60));
    CHECK(*angle("8°30'S") == Approx(-8.5));
    CHECK(*angle("W 75.5") == Approx(-75.5));
    CHECK_FALSE(angle(""));
    CHECK_FALSE(angle("116°60'"));  // sixty minutes
    CHECK_FALSE(angle("116.5 23")); // a decimal degree with minutes
    CHECK_FALSE(angle("116x"));
    CHECK_FALSE(angle("1 2 3 4"));
    CHECK_FALSE(angle("12°N 5°E"));
    CHECK_FALSE(angle("约116度"));
}
