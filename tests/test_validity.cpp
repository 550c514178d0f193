// Invalid polygons are counted with reason and location, and repaired.
#include "cli.h"
#include "mapaudit/geodata/dataset_info.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/geometry_validity.h"
#include "mapaudit/geodata/geos_ops.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

using namespace mapaudit;

namespace {

OgrGeometryPtr fromWkt(const char* wkt) {
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(wkt, nullptr, &g) == OGRERR_NONE);
    return OgrGeometryPtr(g);
}

} // namespace

TEST_CASE("invalid geometries are found with the GEOS reason and location") {
    GeosContext ctx;
    CHECK_FALSE(checkValidity(ctx, *fromWkt("POLYGON((0 0,1 0,1 1,0 1,0 0))")));

    auto bowtie = checkValidity(ctx, *fromWkt("POLYGON((0 0,2 2,2 0,0 2,0 0))"));
    REQUIRE(bowtie);
    CHECK(bowtie->reason == "Self-intersection");
    REQUIRE(bowtie->location);
    CHECK(bowtie->location->first == Approx(1.0));
    CHECK(bowtie->location->second == Approx(1.0));

    auto hole = checkValidity(ctx, *fromWkt("POLYGON((0 0,4 0,4 4,0 4,0 0),(5 5,6 5,6 6,5 5))"));
    REQUIRE(hole);
    CHECK(hole->reason == "Hole lies outside shell");

    // Too few points for a ring: GEOS refuses it; reported, never a crash.
    auto degenerate = checkValidity(ctx, *fromWkt("POLYGON((0 0,1 1,0 0))"));
    REQUIRE(degenerate);
}

TEST_CASE("MakeValid keeps polygons polygonal and preserves area") {
    GeosContext ctx;
    OgrGeometryPtr fixed = repairGeometry(ctx, *fromWkt("POLYGON((0 0,2 2,2 0,0 2,0 0))"));
    REQUIRE(fixed);
    CHECK(wkbFlatten(fixed->getGeometryType()) == wkbMultiPolygon);
    CHECK_FALSE(checkValidity(ctx, *fixed));
    CHECK(fixed->toMultiPolygon()->get_Area() == Approx(2.0));

    OgrGeometryPtr valid = repairGeometry(ctx, *fromWkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"));
    CHECK(valid->toPolygon()->get_Area() == Approx(1.0));
}

TEST_CASE("validGeneralised: large parts simplified, islets kept, invalid parts repaired") {
    GeosContext ctx;
    // A 10-unit "coast" of 20 000 vertices with 0.001 of jitter, an islet of
    // 0.05, a bow-tie and two overlapping squares.
    std::string coast = "POLYGON((";
    constexpr int kVertices = 20000;
    for (int i = 0; i <= kVertices; ++i) {
        const double a = 2 * 3.14159265358979 * (i % kVertices) / kVertices;
        const double r = 10 + ((i % 2) ? 0.001 : -0.001);
        coast += (i ? "," : "") + std::to_string(r * std::cos(a)) + " " +
                 std::to_string(r * std::sin(a));
    }
    coast += "))";
    GeosGeometryPtr input = toGeos(
        ctx, *fromWkt(("GEOMETRYCOLLECTION(" + coast +
                       ",POLYGON((30 0,30.05 0,30.05 0.05,30.02 0.06,30 0.05,30 0)),"
                       "POLYGON((40 0,42 2,42 0,40 2,40 0)),"
                       "MULTIPOLYGON(((50 0,52 0,52 2,50 2,50 0)),((51 1,53 1,53 3,51 3,51 1))))")
                          .c_str()));
    REQUIRE(input);
    GeosGeometryPtr out = validGeneralised(ctx, *input, 0.01);
    REQUIRE(out);
    CHECK(GEOSisValid_r(ctx.handle(), out.get()) == 1);
    CHECK(GEOSGeomTypeId_r(ctx.handle(), out.get()) == GEOS_MULTIPOLYGON);
    // coast, islet, two bow-tie triangles, the squares' union
    REQUIRE(GEOSGetNumGeometries_r(ctx.handle(), out.get()) == 5);
    double area = 0;
    GEOSArea_r(ctx.handle(), out.get(), &area);
    const double circle = 3.14159265358979 * 100;
    CHECK(area == Approx(circle + 0.05 * 0.05 + 0.05 * 0.01 / 2 + 2 + 7).epsilon(0.01));
    for (int i = 0; i < 5; ++i) {
        const GEOSGeometry* part = GEOSGetGeometryN_r(ctx.handle(), out.get(), i);
        double minX = 0;
        GEOSGeom_getXMin_r(ctx.handle(), part, &minX);
        const int vertices = GEOSGetNumCoordinates_r(ctx.handle(), part);
        if (minX < -9) {
            CHECK(vertices < kVertices / 10); // the jitter is below the tolerance
        } else if (minX == Approx(30)) {
            CHECK(vertices == 6); // every vertex of the islet kept
        }
    }
    // Without a tolerance nothing is simplified.
    GeosGeometryPtr exact = validGeneralised(ctx, *input, 0);
    CHECK(GEOSGetNumCoordinates_r(ctx.handle(), GEOSGetGeometryN_r(ctx.handle(), exact.get(), 0)) >
          kVertices);
}

TEST_CASE("rings stored as the holes of a small islet are land of their own, not dropped") {
    // As older ECharts maps store a province: an islet first, then its main
    // body and another island as further rings of the same polygon; one real
    // lake inside the main body.
    GeosContext ctx;
    GeosGeometryPtr input =
        toGeos(ctx, *fromWkt("POLYGON((20 0,20.5 0,20.5 0.5,20 0.5,20 0),"
                             "(0 0,10 0,10 10,0 10,0 0),(12 0,14 0,14 2,12 2,12 0))"));
    REQUIRE(input);
    GeosGeometryPtr repaired = validGeneralised(ctx, *input, 0);
    REQUIRE(repaired);
    CHECK(GEOSisValid_r(ctx.handle(), repaired.get()) == 1);
    CHECK(GEOSGetNumGeometries_r(ctx.handle(), repaired.get()) == 3);
    CHECK(geos::area(ctx, *repaired) == Approx(0.25 + 100 + 4));

    // A hole inside the outline stays a hole.
    GeosGeometryPtr lake =
        toGeos(ctx, *fromWkt("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 4,2 4,2 2))"));
    CHECK(geos::area(ctx, *validGeneralised(ctx, *lake, 0)) == Approx(96));
    const GeosGeometryPtr filled =
        geos::reshapeHoles(ctx, *lake, [&](const GEOSGeometry& ring, const GEOSGeometry& shell) {
            return geos::ringOutsideShell(ctx, ring, shell) ? geos::HoleFate::OwnPart
                                                            : geos::HoleFate::Drop;
        });
    CHECK(geos::area(ctx, *filled) == Approx(100));
}

TEST_CASE("the invalid-parcels sample: 2 of 4 invalid, repaired into a GeoPackage") {
    const auto sample = test::samplePath("parcels_invalid.geojson");
    const DatasetInfo info = describeDataset(sample);
    const auto& v = info.layers.at(0).validity;
    REQUIRE(v);
    CHECK(v->checked == 4);
    CHECK(v->invalid == 2);
    REQUIRE(v->examples.size() == 2);
    CHECK(v->examples[0].fid == 1);
    CHECK(v->examples[0].reason == "Self-intersection");
    CHECK(v->examples[0].location->first == Approx(116.35));
    CHECK(v->examples[1].reason == "Hole lies outside shell");

    test::ScratchDir dir;
    const auto out = dir / "repaired.gpkg";
    std::vector<std::string> words{"validate", sample.string(), "--repair", out.string()};
    std::vector<std::string_view> args(words.begin(), words.end());
    std::ostringstream o, e;
    REQUIRE(cli::run(args, o, e) == cli::kExitOk);
    CHECK(o.str().find("2 repaired") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out.string() + ".partial"));

    const DatasetInfo repaired = describeDataset(out);
    REQUIRE(repaired.layers.size() == 1);
    CHECK(repaired.layers[0].featureCount == 4);
    CHECK(repaired.layers[0].validity->invalid == 0);
    CHECK(repaired.layers[0].crs.epsg == 4490);
    OpenedDataset opened = openDataset(out);
    OgrFeaturePtr p2 = test::findFeature(*opened.dataset, "parcel", "P-002");
    REQUIRE(p2);
    CHECK(std::string(p2->GetFieldAsString("owner")) == "西城村");
    CHECK(p2->GetGeometryRef()->toMultiPolygon()->get_Area() == Approx(0.0002).epsilon(1e-6));
}

TEST_CASE("validate without --repair exits 1 when invalid geometry is found") {
    std::vector<std::string> words{"validate",
                                   test::samplePath("parcels_invalid.geojson").string()};
    std::vector<std::string_view> args(words.begin(), words.end());
    std::ostringstream o, e;
    CHECK(cli::run(args, o, e) == cli::kExitProblems);
    CHECK(o.str().find("fid 1: Self-intersection at 116.350000, 39.910000") != std::string::npos);
}
