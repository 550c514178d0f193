#!/usr/bin/env bash
# Regenerates tests/data/formats/: the same three cities in every vector
# format MapAudit must open. Outputs are committed; GDAL writes most of them,
# TopoJSON and the CSVs are written by hand (GDAL cannot write TopoJSON).
set -euo pipefail
cd "$(dirname "$0")"
out=formats
rm -rf "$out" && mkdir -p "$out"
src=$(mktemp -d)/cities.geojson
cat > "$src" <<'JSON'
{"type": "FeatureCollection", "name": "cities",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}},
 "features": [
  {"type": "Feature", "properties": {"name": "北京", "code": 110000, "pop": 21.89}, "geometry": {"type": "Point", "coordinates": [116.4074, 39.9042]}},
  {"type": "Feature", "properties": {"name": "上海", "code": 310000, "pop": 24.87}, "geometry": {"type": "Point", "coordinates": [121.4737, 31.2304]}},
  {"type": "Feature", "properties": {"name": "广州", "code": 440100, "pop": 18.68}, "geometry": {"type": "Point", "coordinates": [113.2644, 23.1291]}}
 ]}
JSON
cp "$src" "$out/cities.geojson"
ogr2ogr -f "ESRI Shapefile" "$out/cities.shp" "$src" -lco ENCODING=UTF-8
ogr2ogr -f GPKG "$out/cities.gpkg" "$src"
ogr2ogr -f KML "$out/cities.kml" "$src" -dsco NameField=name
ogr2ogr -f LIBKML "$out/cities.kmz" "$src"
ogr2ogr -f DXF "$out/cities.dxf" "$src"
ogr2ogr -f "MapInfo File" "$out/cities.tab" "$src" -lco ENCODING=CP936
ogr2ogr -f OpenFileGDB "$out/cities.gdb" "$src" -nln cities
cat > "$out/cities_wkt.csv" <<'CSV'
WKT,name,code,pop
"POINT (116.4074 39.9042)",北京,110000,21.89
"POINT (121.4737 31.2304)",上海,310000,24.87
"POINT (113.2644 23.1291)",广州,440100,18.68
CSV
cat > "$out/cities_xy.csv" <<'CSV'
name,经度,纬度,code,pop
北京,116.4074,39.9042,110000,21.89
上海,121.4737,31.2304,310000,24.87
广州,113.2644,23.1291,440100,18.68
CSV
# TopoJSON: quantised arcs are not needed for points.
cat > "$out/cities.topojson" <<'TOPO'
{"type": "Topology", "arcs": [],
 "objects": {"cities": {"type": "GeometryCollection", "geometries": [
  {"type": "Point", "coordinates": [116.4074, 39.9042], "properties": {"name": "北京", "code": 110000, "pop": 21.89}},
  {"type": "Point", "coordinates": [121.4737, 31.2304], "properties": {"name": "上海", "code": 310000, "pop": 24.87}},
  {"type": "Point", "coordinates": [113.2644, 23.1291], "properties": {"name": "广州", "code": 440100, "pop": 18.68}}
 ]}}}
TOPO
ls -la "$out"
