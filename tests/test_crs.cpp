// CRS identification (EPSG, Gauss-Krüger zones, ESRI .prj), suggestions for
// unknown CRS, and PROJ transforms checked against an independent
// Krüger-series implementation of the Gauss-Krüger projection.
#include "mapaudit/base/error.h"
#include "mapaudit/geodata/crs.h"
#include "mapaudit/geodata/dataset_info.h"
#include "mapaudit/geodata/gauss_kruger.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace mapaudit;

namespace {

// Gauss-Krüger (transverse Mercator, k0 = 1) on the CGCS2000 ellipsoid by
// Krüger's n-series to 4th order (Karney 2011, eq. 35): sub-millimetre within
// a 3° zone. Returns easting (with false easting) and northing.
std::pair<double, double> krugerForward(double lonDeg, double latDeg, double cmDeg, double fe) {
    const double a = 6378137.0, f = 1.0 / 298.257222101;
    const double n = f / (2 - f), n2 = n * n, n3 = n2 * n, n4 = n3 * n;
    const double e = std::sqrt(f * (2 - f));
    const double A = a / (1 + n) * (1 + n2 / 4 + n4 / 64);
    const double alpha[4] = {n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180,
                             13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440,
                             61 * n3 / 240 - 103 * n4 / 140, 49561 * n4 / 161280};
    const double deg = M_PI / 180;
    const double phi = latDeg * deg, lambda = (lonDeg - cmDeg) * deg;
    const double t = std::sinh(std::atanh(std::sin(phi)) - e * std::atanh(e * std::sin(phi)));
    const double xiP = std::atan2(t, std::cos(lambda));
    const double etaP = std::atanh(std::sin(lambda) / std::sqrt(1 + t * t));
    double xi = xiP, eta = etaP;
    for (int j = 1; j <= 4; ++j) {
        xi += alpha[j - 1] * std::sin(2 * j * xiP) * std::cosh(2 * j * etaP);
        eta += alpha[j - 1] * std::cos(2 * j * xiP) * std::sinh(2 * j * etaP);
    }
    return {fe + A * eta, A * xi};
}

} // namespace

TEST_CASE("Gauss-Krüger zone arithmetic matches the EPSG registry") {
    auto z = gaussKrugerFromEpsg(4527);
    REQUIRE(z);
    CHECK(z->width == 3);
    CHECK(z->zone == 39);
    CHECK(z->centralMeridian == 117);
    CHECK(z->zonePrefix);
    CHECK(z->falseEasting() == 39500000.0);

    CHECK(gaussKrugerFromEpsg(4491)->zone == 13);
    CHECK(gaussKrugerFromEpsg(4491)->width == 6);
    CHECK(gaussKrugerFromEpsg(4501)->centralMeridian == 135);
    CHECK(gaussKrugerFromEpsg(4502)->centralMeridian == 75);
    CHECK_FALSE(gaussKrugerFromEpsg(4502)->zonePrefix);
    CHECK(gaussKrugerFromEpsg(4549)->centralMeridian == 120);
    CHECK(gaussKrugerFromEpsg(4554)->centralMeridian == 135);
    CHECK_FALSE(gaussKrugerFromEpsg(4490));
    CHECK_FALSE(gaussKrugerFromEpsg(4555));

    // Every code in 4491..4554 round-trips through its parameters.
    for (int epsg = 4491; epsg <= 4554; ++epsg) {
        auto zone = gaussKrugerFromEpsg(epsg);
        REQUIRE(zone);
        auto back =
            gaussKrugerFromParameters(zone->centralMeridian, zone->falseEasting(), zone->width);
        REQUIRE(back);
        CHECK(back->epsg == epsg);
    }
    CHECK(gaussKrugerZoneForLongitude(116.4, 3) == 39);
    CHECK(gaussKrugerZoneForLongitude(116.4, 6) == 20);
    CHECK(gaussKrugerZoneFor(116.4, 6, true)->epsg == 4498);
}

TEST_CASE("a meridian shared by 3° and 6° zones without prefix is flagged ambiguous") {
    auto z = gaussKrugerFromParameters(117, 500000, 0);
    REQUIRE(z);
    CHECK(z->widthAmbiguous);
    CHECK(z->epsg == 4548); // 3° assumed
    auto six = gaussKrugerFromParameters(117, 500000, 6);
    REQUIRE(six);
    CHECK(six->epsg == 4509); // CGCS2000 / Gauss-Kruger CM 117E
    CHECK_FALSE(gaussKrugerFromParameters(120, 500000, 0)->widthAmbiguous); // 3° only
    CHECK_FALSE(gaussKrugerFromParameters(117.5, 500000, 0));
    CHECK_FALSE(gaussKrugerFromParameters(117, 38500000, 0)); // zone 38 has CM 114
}

TEST_CASE("CRS identification of EPSG codes and of an ESRI .prj without code") {
    const CrsInfo cgcs = identifyCrs(std::string("EPSG:4490"));
    CHECK(cgcs.kind == CrsKind::Geographic);
    CHECK(cgcs.epsg == 4490);
    CHECK(cgcs.isCgcs2000);

    const CrsInfo merc = identifyCrs(std::string("EPSG:3857"));
    CHECK(merc.isWebMercator);
    CHECK(merc.kind == CrsKind::Projected);

    const CrsInfo wgs = identifyCrs(std::string("EPSG:4326"));
    CHECK(wgs.isWgs84);
    CHECK_FALSE(wgs.isCgcs2000);

    const CrsInfo gkNoPrefix = identifyCrs(std::string("EPSG:4549"));
    REQUIRE(gkNoPrefix.gaussKruger);
    CHECK(gkNoPrefix.gaussKruger->centralMeridian == 120);
    CHECK_FALSE(gkNoPrefix.gaussKruger->zonePrefix);

    // The sample's .prj is ESRI WKT ("Gauss_Kruger", no AUTHORITY).
    const DatasetInfo info = describeDataset(test::samplePath("china_zone39_gk.shp"));
    const CrsInfo& crs = info.layers.at(0).crs;
    CHECK(crs.kind == CrsKind::Projected);
    CHECK(crs.epsg == 4527);
    CHECK(crs.isCgcs2000);
    REQUIRE(crs.gaussKruger);
    CHECK(crs.gaussKruger->zone == 39);
    CHECK(crs.gaussKruger->zonePrefix);
    REQUIRE(info.layers.at(0).extentCgcs2000);
    CHECK(info.layers.at(0).extentCgcs2000->minX > 114.5);
    CHECK(info.layers.at(0).extentCgcs2000->maxX < 119.5);

    CHECK_THROWS_AS(identifyCrs(std::string("EPSG:999999")), InputError);
}

TEST_CASE("a Gauss-Krüger point transforms to the right CGCS2000 lon/lat") {
    const CrsTransform toGeographic("EPSG:4527", "EPSG:4490");
    for (auto [lon, lat] :
         {std::pair{117.5, 36.0}, {115.62, 39.98}, {118.4, 23.5}, {117.0, 45.0}}) {
        const auto [easting, northing] = krugerForward(lon, lat, 117.0, 39500000.0);
        const auto p = toGeographic.forward(easting, northing);
        CHECK(p.x == Approx(lon).margin(1e-6));
        CHECK(p.y == Approx(lat).margin(1e-6));
        const auto back = toGeographic.inverse(lon, lat);
        CHECK(back.x == Approx(easting).margin(1e-3));
        CHECK(back.y == Approx(northing).margin(1e-3));
    }
    // On the central meridian the easting is exactly the false easting.
    const CrsTransform toGk("EPSG:4490", "EPSG:4548");
    CHECK(toGk.forward(117.0, 30.0).x == Approx(500000.0).margin(1e-6));
}

TEST_CASE("transforms use GIS axis order: x is longitude") {
    const CrsTransform t("EPSG:4326", "EPSG:3857");
    const auto p = t.forward(180.0, 0.0);
    CHECK(p.x == Approx(20037508.342789244).margin(1e-3));
    CHECK(p.y == Approx(0.0).margin(1e-6));
    CHECK_THROWS_AS(CrsTransform("EPSG:4326", "not a crs"), InputError);
}

TEST_CASE("unknown CRS gets suggestions from coordinate ranges, never an assumption") {
    auto lonlat = suggestCrsForExtent({100, 20, 120, 40});
    REQUIRE(lonlat.size() == 1);
    CHECK(lonlat[0].epsg == 4490);

    auto prefixed = suggestCrsForExtent({39400000, 2500000, 39600000, 4900000});
    REQUIRE_FALSE(prefixed.empty());
    CHECK(prefixed[0].epsg == 4527);

    auto plain = suggestCrsForExtent({400000, 3000000, 600000, 3500000});
    REQUIRE_FALSE(plain.empty());
    CHECK_FALSE(plain[0].epsg.has_value());
    CHECK(plain[0].text.find("zone cannot be told") != std::string::npos);

    auto mercator = suggestCrsForExtent({8000000, 2000000, 15000000, 7000000});
    REQUIRE_FALSE(mercator.empty());
    CHECK(mercator.back().epsg == 3857);
}

TEST_CASE("a projected dataset without .prj reports CRS unknown with a zone suggestion") {
    test::ScratchDir dir;
    for (const char* ext : {".shp", ".shx", ".dbf"})
        std::filesystem::copy_file(test::samplePath(std::string("china_zone39_gk") + ext),
                                   dir / (std::string("noprj") + ext));
    const DatasetInfo info = describeDataset(dir / "noprj.shp");
    const LayerInfo& l = info.layers.at(0);
    CHECK(l.crs.kind == CrsKind::Unknown);
    CHECK(l.crs.label() == "CRS unknown");
    REQUIRE_FALSE(l.crsSuggestions.empty());
    CHECK(l.crsSuggestions[0].epsg == 4527);
    CHECK_FALSE(l.extentCgcs2000);
}
