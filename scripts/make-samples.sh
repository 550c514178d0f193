#!/usr/bin/env bash
# Rebuilds resources/samples/ from resources/reference/sources/ with GDAL's
# command-line tools. The outputs are committed; run this only to change them.
set -euo pipefail
cd "$(dirname "$0")/.."
src=resources/reference/sources
out=resources/samples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# 1. World map (a problem map as published: Natural Earth's de-facto view).
#    Some of the TopoJSON's rings jump from -180° to 180° (Fiji, Chukotka):
#    on a flat map that draws a line across the world. Those rings are
#    unwrapped (SpatiaLite ST_Shift_Longitude), split again at ±180°
#    (-wrapdateline) and the parts regrouped into one feature per country.
rm -f "$out/world_ne10m.gpkg"
ogr2ogr -f GPKG "$tmp/parts.gpkg" "$src/natural-earth-10m-countries.topojson" countries \
  -nln parts -a_srs EPSG:4326 -explodecollections -nlt POLYGON
ogr2ogr -f GPKG "$tmp/unwrapped.gpkg" "$tmp/parts.gpkg" -nln parts -dialect SQLite -sql \
  "SELECT id, name, CASE WHEN ST_MaxX(geom) - ST_MinX(geom) > 350 AND name <> 'Antarctica'
          THEN ST_Shift_Longitude(geom) ELSE geom END AS geom FROM parts"
ogr2ogr -f GPKG "$tmp/wrapped.gpkg" "$tmp/unwrapped.gpkg" -nln parts \
  -s_srs EPSG:4326 -t_srs EPSG:4326 -wrapdateline -explodecollections -nlt POLYGON
ogr2ogr -f GPKG "$out/world_ne10m.gpkg" "$tmp/wrapped.gpkg" -nln countries -dialect SQLite -sql \
  "SELECT id, name, ST_Multi(ST_Collect(geom)) AS geom FROM parts GROUP BY id, name ORDER BY name" \
  -nlt MULTIPOLYGON -simplify 0.01 -makevalid

# 2. Key islands as a GBK shapefile without .cpg and without a code page in the
#    .dbf header, as Chinese shapefiles often come.
rm -f "$out"/key_features_gbk.*
ogr2ogr -f "ESRI Shapefile" "$out/key_features_gbk.shp" "$src/key-features.csv" \
  -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO \
  -a_srs EPSG:4490 -nln key_features_gbk -lco ENCODING=CP936 \
  -sql "SELECT code, name_zh, name_en, kind, \"group\" AS grp FROM \"key-features\""
rm -f "$out/key_features_gbk.cpg"
printf '\x00' | dd of="$out/key_features_gbk.dbf" bs=1 seek=29 conv=notrunc status=none

# 3. A Gauss-Krüger dataset: the part of China's outline in the 3° zone 39
#    (114.5°E–119.5°E), in CGCS2000 3° Gauss-Krüger zone 39 with zone prefix
#    (EPSG:4527). The shapefile's .prj is ESRI WKT without an EPSG code.
rm -f "$out"/china_zone39_gk.*
ogr2ogr -f "ESRI Shapefile" "$tmp/china.shp" "$src/natural-earth-10m-countries.topojson" countries \
  -where "id = '156'" -a_srs EPSG:4490 -nlt PROMOTE_TO_MULTI
ogr2ogr -f "ESRI Shapefile" "$out/china_zone39_gk.shp" "$tmp/china.shp" \
  -clipsrc 115.5 20 118.5 45 -t_srs EPSG:4527 -nln china_zone39_gk -nlt PROMOTE_TO_MULTI \
  -lco ENCODING=UTF-8 -sql "SELECT name, id FROM china"

# 4. A small GeoTIFF of East Asia in CGCS2000, RGB, with overviews.
gdal_rasterize -q -ot Byte -a_srs EPSG:4490 -te 70 0 140 55 -tr 0.1 0.1 -init 200 -init 220 -init 240 \
  -burn 240 -burn 235 -burn 215 -l countries \
  "$src/natural-earth-10m-countries.topojson" "$tmp/asia.tif"
gdal_rasterize -q -b 1 -b 2 -b 3 -burn 250 -burn 200 -burn 170 \
  -where "id = '156'" -l countries "$src/natural-earth-10m-countries.topojson" "$tmp/asia.tif"
gdal_translate -q -co COMPRESS=DEFLATE -co PHOTOMETRIC=RGB "$tmp/asia.tif" "$out/east_asia_cgcs2000.tif"
gdaladdo -q -r average "$out/east_asia_cgcs2000.tif" 2 4 8

# 5. Parcels with typical invalid polygons (bow-tie, ring self-touch, hole
#    outside its shell) next to a valid one, in CGCS2000.
cat > "$out/parcels_invalid.geojson" <<'JSON'
{"type": "FeatureCollection",
 "name": "parcels_invalid",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}},
 "features": [
  {"type": "Feature", "properties": {"parcel": "P-001", "owner": "东城村", "note": "valid"},
   "geometry": {"type": "Polygon", "coordinates": [[[116.30,39.90],[116.32,39.90],[116.32,39.92],[116.30,39.92],[116.30,39.90]]]}},
  {"type": "Feature", "properties": {"parcel": "P-002", "owner": "西城村", "note": "bow-tie: self-intersection"},
   "geometry": {"type": "Polygon", "coordinates": [[[116.34,39.90],[116.36,39.92],[116.36,39.90],[116.34,39.92],[116.34,39.90]]]}},
  {"type": "Feature", "properties": {"parcel": "P-003", "owner": "南苑村", "note": "hole outside shell"},
   "geometry": {"type": "Polygon", "coordinates": [[[116.38,39.90],[116.40,39.90],[116.40,39.92],[116.38,39.92],[116.38,39.90]],[[116.41,39.90],[116.42,39.90],[116.42,39.91],[116.41,39.90]]]}},
  {"type": "Feature", "properties": {"parcel": "P-004", "owner": "北苑村", "note": "valid"},
   "geometry": {"type": "Polygon", "coordinates": [[[116.30,39.94],[116.33,39.94],[116.33,39.96],[116.30,39.96],[116.30,39.94]]]}}
 ]}
JSON
echo "samples written to $out"
ls -la "$out"
