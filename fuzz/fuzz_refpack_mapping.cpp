// The JSON mapping of `refpack import` (importer.cpp: importReferencePack):
// which source file, layer, filter, CRS and fields make each pack layer. The
// mapping is written to a scratch directory holding small GeoJSON sources
// (polygons.geojson, lines.geojson, points.geojson) that the seeds name, and
// imported into a scratch pack. InputError naming the mapping key (or the
// source and field) is the documented answer to a wrong mapping.
#include "fuzz_support.h"
#include "mapaudit/base/error.h"
#include "mapaudit/refpack/importer.h"

using namespace mapaudit;

namespace {

const char* kPolygons = R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"code": "china", "name_zh": "中国", "name_en": "China",
 "kind": "province", "note": "", "BH": "1"},
 "geometry": {"type": "Polygon", "coordinates": [[[73, 18], [135, 18], [135, 53], [73, 53], [73, 18]]]}},
{"type": "Feature", "properties": {"code": "frame", "name_zh": "南海诸岛", "name_en": "SCS",
 "kind": "inset", "note": "frame"},
 "geometry": {"type": "Polygon", "coordinates": [[[105, 3], [125, 3], [125, 25], [105, 25], [105, 3]]]}}]})";

const char* kLines = R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"segment": "cn-mn-1", "neighbour": "Mongolia",
 "neighbour_id": "MN", "dash": "1", "note": ""},
 "geometry": {"type": "LineString", "coordinates": [[87, 49], [100, 42], [119, 47]]}},
{"type": "Feature", "properties": {"segment": "cn-vn-1", "neighbour": "Viet Nam",
 "neighbour_id": "VN", "dash": "2", "note": ""},
 "geometry": {"type": "LineString", "coordinates": [[108, 21.5], [109, 18], [110, 17]]}}]})";

const char* kPoints = R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"code": "diaoyu_dao", "name_zh": "钓鱼岛", "name_en": "Diaoyu Dao",
 "kind": "island", "island_group": "diaoyu", "region": "taiwan", "representation": "point",
 "max_scale_denominator": "0", "note": ""},
 "geometry": {"type": "Point", "coordinates": [123.47, 25.74]}},
{"type": "Feature", "properties": {"code": "huangyan_dao", "name_zh": "黄岩岛", "name_en": "Huangyan Dao",
 "kind": "island", "island_group": "zhongsha", "region": "hainan", "representation": "point",
 "max_scale_denominator": "0", "note": ""},
 "geometry": {"type": "Point", "coordinates": [117.75, 15.15]}}]})";

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::quietGdal();
    fuzz::writeFile(fuzz::scratchDir() / "polygons.geojson", kPolygons);
    fuzz::writeFile(fuzz::scratchDir() / "lines.geojson", kLines);
    fuzz::writeFile(fuzz::scratchDir() / "points.geojson", kPoints);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path dir = fuzz::scratchDir();
    fuzz::writeFile(dir / "mapping.json", fuzz::text(data, size));
    std::filesystem::remove(dir / "pack.gpkg");
    try {
        (void)refpack::importReferencePack(
            {dir / "mapping.json", dir / "pack.gpkg", "2026-01-01T00:00:00Z"});
    } catch (const InputError&) {
    }
    return 0;
}
