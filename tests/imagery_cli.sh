#!/usr/bin/env bash
# Georeferencing and raster checks as a user runs them, on pictures GDAL makes
# here (never drawn by MapAudit): the sample raster with its georeferencing
# removed, the same map in the Albers conic projection of China wall maps, and
# a compliant and a problem map rasterised in colours of their own. Control
# points come from the known georeferencing; the warped results must land where
# the originals were, and the checks must find what each map gets wrong.
set -u
# The messages checked here are the English ones; tests/test_messages.cpp checks that
# Chinese is the default.
export MAPAUDIT_LANG=en
cli=$1 samples=$2
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
aea="+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +ellps=GRS80 +units=m +no_defs"
colour() { gdallocationinfo -valonly -geoloc "$1" "$2" "$3" | head -3 | tr '\n' ' '; }
china="250 200 170 " # the sample's fill for China (sea and foreign land differ)

# 1. A plain image: 0.1° pixels from 70°E, 55°N; five points, affine.
gdal_translate -q -of PNG "$samples/east_asia_cgcs2000.tif" "$work/plain.png"
rm -f "$work/plain.png.aux.xml"
gdalinfo "$work/plain.png" | grep -q "Origin" && fail "the test image still has georeferencing"
printf 'id,pixel,line,x,y\nA,0,0,70,55\nB,700,0,140,55\nC,0,550,70,0\nD,700,550,140,0\nE,350,275,105,27.5\n' \
  >"$work/plain.csv"
out=$("$cli" georef "$work/plain.png" --gcp "$work/plain.csv" --out "$work/plain.tif") ||
  fail "georef plain: $out"
echo "$out" | grep -q "transform poly1" || fail "5 points: poly1 expected: $out"
echo "$out" | grep -q "RMS 0.00 px" || fail "exact points, RMS 0: $out"
gdalinfo "$work/plain.tif" | grep -q "Origin = (70.0000000" || fail "origin of the result"
gdalinfo "$work/plain.tif" | grep -q "Overviews" || fail "no overviews"
[ "$(colour "$work/plain.tif" 105 35)" = "$china" ] || fail "China not at 105E 35N"

# 2. The conic map: points typed in lon/lat, fitted in the map's own projection.
gdalwarp -q -overwrite -t_srs "$aea" -ts 800 600 "$samples/east_asia_cgcs2000.tif" "$work/conic.tif"
gdal_translate -q -of PNG "$work/conic.tif" "$work/conic.png"
rm -f "$work/conic.png.aux.xml"
read -r ox oy px py < <(gdalinfo "$work/conic.tif" | sed -n \
  -e 's/^Origin = (\([^,]*\),\([^)]*\)).*/\1 \2/p' -e 's/^Pixel Size = (\([^,]*\),\([^)]*\)).*/\1 \2/p' |
  tr '\n' ' ')
{ echo "id,pixel,line,x,y"
  n=0
  for p in "100 100" "700 100" "100 500" "700 500" "400 300" "250 420"; do
    set -- $p; n=$((n + 1))
    ll=$(awk -v ox="$ox" -v oy="$oy" -v px="$px" -v py="$py" -v c="$1" -v r="$2" \
           'BEGIN { printf "%.6f %.6f\n", ox + c * px, oy + r * py }' |
         gdaltransform -s_srs "$aea" -t_srs EPSG:4490 -output_xy)
    echo "P$n,$1,$2,$(echo "$ll" | tr ' ' ',')"
  done; } >"$work/conic.csv"
lonlat=$("$cli" georef "$work/conic.png" --gcp "$work/conic.csv" --transform poly1 --fit-only)
rms=$(echo "$lonlat" | sed -n 's/^RMS \([0-9.]*\) px/\1/p')
awk -v r="$rms" 'BEGIN { exit !(r > 10) }' || fail "an affine fit in lon/lat should not fit a conic map: $rms"
conic=$("$cli" georef "$work/conic.png" --gcp "$work/conic.csv" --transform poly1 \
         --image-crs "$aea" --out "$work/conic-geo.tif") || fail "georef conic: $conic"
echo "$conic" | grep -qE "RMS 0.0[0-9] px" || fail "in its own projection the fit is exact: $conic"
[ "$(colour "$work/conic-geo.tif" 105 35)" = "$china" ] || fail "conic: China not at 105E 35N"
[ "$(colour "$work/conic-geo.tif" 80 20)" = "$(colour "$samples/east_asia_cgcs2000.tif" 80 20)" ] ||
  fail "conic: India's colour not at 80E 20N"

# 3. A thin plate spline on 16 points is chosen by itself and reports leave-one-out residuals.
{ echo "id,pixel,line,x,y"
  for c in 50 250 450 650; do for r in 50 200 350 500; do
    awk -v c="$c" -v r="$r" 'BEGIN { printf "%d-%d,%d,%d,%.4f,%.4f\n", c, r, c, r, 70 + c * 0.1, 55 - r * 0.1 }'
  done; done; } >"$work/grid.csv"
tps=$("$cli" georef "$work/plain.png" --gcp "$work/grid.csv" --out "$work/tps.tif") || fail "tps: $tps"
echo "$tps" | grep -q "transform tps (residuals: each point predicted from the others)" ||
  fail "16 points: tps expected: $tps"
[ "$(colour "$work/tps.tif" 105 35)" = "$china" ] || fail "tps: China not at 105E 35N"

# 4. Bad input: too few points, an unreadable line.
head -3 "$work/plain.csv" >"$work/two.csv"
"$cli" georef "$work/plain.png" --gcp "$work/two.csv" --out "$work/x.tif" 2>&1 |
  grep -q "needs at least 3 control points, 2 are enabled" || fail "two points accepted"
[ -e "$work/x.tif" ] && fail "a refused georef wrote a file"
printf 'id,pixel,line,x,y\nA,0,zero,70,55\n' >"$work/bad.csv"
"$cli" georef "$work/plain.png" --gcp "$work/bad.csv" --fit-only 2>&1 |
  grep -q "line 2, line: 'zero' is not a number" || fail "bad number not named"

# 5. Raster checks on maps GDAL draws here, in colour schemes of their own: the compliant
#    map from the reference pack and the Natural Earth map (Taiwan a country of its own, no
#    dashes, small islands missing, South Tibet India's), once as coloured areas and once as
#    one land colour with boundary lines. Each is cropped, shrunk, turned by a few degrees,
#    stripped of its georeferencing, georeferenced again through the command line, then checked.
pack=$(dirname "$samples")/reference/mapaudit-reference-demo.gpkg
ne=$samples/world_ne10m.gpkg
ogr2ogr -q -nlt MULTILINESTRING "$work/ne-lines.gpkg" "$ne" countries -nln boundaries
ogr2ogr -q -nlt MULTILINESTRING "$work/pack-lines.gpkg" "$pack" territory -nln outline
# Island symbols a few pixels across, as printed maps draw them.
ogr2ogr -q "$work/pack-lines.gpkg" -update "$pack" -nln islands -dialect SQLite \
  -sql "SELECT ST_Buffer(geom, 0.08) AS geom, code FROM key_islands"
draw() { # name, angle in degrees, background "r g b", then layers as "file|layer|burn colour|where"
  local name=$1 angle=$2 background=$3; shift 3
  gdal_rasterize -q -init $background -burn $background -ot Byte -te 70 0 140 55 -tr 0.05 0.05 \
    -l key_islands "$pack" "$work/$name.tif"
  for spec in "$@"; do
    IFS='|' read -r src layer burn where <<<"$spec"
    gdal_rasterize -q -b 1 -b 2 -b 3 -burn $burn ${where:+-where "$where"} -l "$layer" "$src" \
      "$work/$name.tif"
  done
  # Crop 60 px off each side and shrink to 75 % (averaging, as a scanner does): the crop's
  # pixel (c, r) shows 73°E + c·d, 52°N − r·d with d = 0.05/0.75 degrees.
  gdal_translate -q -srcwin 60 60 1280 980 -outsize 960 735 -r average "$work/$name.tif" \
    "$work/$name-crop.tif"
  # Turn it: give the crop the geotransform of a rotation in pixel units and let gdalwarp
  # draw it upright; white where the turned page does not reach.
  local cs sn
  read -r cs sn < <(awk -v a="$angle" 'BEGIN { t = a * atan2(0, -1) / 180; printf "%.12f %.12f\n", cos(t), sin(t) }')
  gdal_translate -q -of VRT -a_srs EPSG:3857 "$work/$name-crop.tif" "$work/$name-crop.vrt"
  sed -i "s|<GeoTransform>.*</GeoTransform>|<GeoTransform>0, $cs, $sn, 0, $sn, -$cs</GeoTransform>|" \
    "$work/$name-crop.vrt"
  gdalwarp -q -overwrite -tr 1 1 -r bilinear -wo INIT_DEST=255 "$work/$name-crop.vrt" \
    "$work/$name-turned.tif"
  gdal_translate -q -of PNG "$work/$name-turned.tif" "$work/$name.png"
  rm -f "$work/$name.png.aux.xml"
  local x0 y0
  read -r x0 y0 < <(gdalinfo "$work/$name-turned.tif" |
    sed -n 's/^Origin = (\([^,]*\),\([^)]*\)).*/\1 \2/p')
  # Known control points: where each crop pixel went in the turned picture.
  { echo "id,pixel,line,x,y"
    for p in "100 100" "860 100" "100 635" "860 635" "480 367"; do
      set -- $p
      awk -v c="$1" -v r="$2" -v cs="$cs" -v sn="$sn" -v x0="$x0" -v y0="$y0" 'BEGIN {
        d = 0.05 / 0.75; x = c * cs + r * sn; y = c * sn - r * cs
        printf "P%d-%d,%.4f,%.4f,%.6f,%.6f\n", c, r, x - x0, y0 - y, 73 + c * d, 52 - r * d }'
    done; } >"$work/$name.csv"
  "$cli" georef "$work/$name.png" --gcp "$work/$name.csv" --out "$work/$name-geo.tif" \
    >/dev/null || fail "georef $name"
  "$cli" check "$work/$name-geo.tif" --json "$work/$name.json" >/dev/null
}
draw compliant 0 "200 220 240" "$pack|territory|235 225 190|" "$pack|key_islands|90 60 40|" \
  "$pack|scs_dashes|120 20 110|"
# The compliant map with Taiwan in a colour of its own (as a map highlighting it would).
draw taiwan-highlighted 4 "200 220 240" "$pack|territory|235 225 190|" \
  "$pack|regions|120 190 120|code = 'taiwan'" "$pack|key_islands|90 60 40|" \
  "$pack|scs_dashes|120 20 110|"
draw natural-earth 0 "200 220 240" "$ne|countries|240 240 210|" "$ne|countries|250 190 150|id = 156"
draw compliant-lines -7 "170 200 230" "$ne|countries|245 240 230|" "$pack|territory|245 240 230|" \
  "$work/pack-lines.gpkg|outline|150 30 40|" "$work/pack-lines.gpkg|islands|60 60 60|" "$pack|scs_dashes|150 30 40|"
draw natural-earth-lines 9 "170 200 230" "$ne|countries|245 240 230|" \
  "$work/ne-lines.gpkg|boundaries|150 30 40|"
/usr/bin/python3 - "$work" <<'PY' || fail "raster findings"
import json, sys
def findings(name):
    return json.load(open("%s/%s.json" % (sys.argv[1], name)))["findings"]
def codes(name):
    return {(f["rule"], f["code"]) for f in findings(name)}
# The pictures carry no text: no review number read off them (a warning to
# confirm), and nothing else on the compliant ones.
for name in ["compliant", "compliant-lines", "natural-earth"]:
    assert ("REVIEWNO-MISSING", "map") in codes(name), name
for name in ["compliant", "compliant-lines"]:
    assert codes(name) == {("REVIEWNO-MISSING", "map")}, \
        "false alarms on %s: %s" % (name, sorted(codes(name)))
expected = {
    "natural-earth": [("TERR-FOREIGN", "taiwan"), ("TERR-FOREIGN", "zangnan"),
                      ("DASHLINE-MISSING", "nanhai"), ("ISLAND-OMITTED", "huangyan_dao"),
                      ("ISLAND-OMITTED", "chiwei_yu")],
    "natural-earth-lines": [("TERR-FOREIGN", "zangnan"), ("DASHLINE-MISSING", "nanhai"),
                            ("ISLAND-OMITTED", "huangyan_dao")],
}
# Taiwan in the foreign countries' colour: said so, and with a high confidence.
taiwan = [f for f in findings("natural-earth") if f["code"] == "taiwan"][0]
assert "与他国相同" in taiwan["message_zh"] and taiwan["confidence"] > 0.8, taiwan
# A colour of its own is still a candidate, less sure: it may be a highlight.
own = [f for f in findings("taiwan-highlighted") if f["code"] == "taiwan"]
assert len(own) == 1 and "与他国相同" not in own[0]["message_zh"], own
assert own[0]["confidence"] <= 0.6, own[0]["confidence"]
for name, wanted in expected.items():
    for e in wanted:
        assert e in codes(name), "%s: %s not found in %s" % (name, e, sorted(codes(name)))
    # Natural Earth draws Aksai Chin as China's: no claim-line finding there.
    assert ("TERR-FOREIGN", "aksaichin") not in codes(name), name
    for f in findings(name):
        assert f["needs_confirmation"] and f["severity"] == "warning" and 0 < f["confidence"] <= 1, f
    zangnan = [f for f in findings(name) if f["code"] == "zangnan"][0]
    assert zangnan["geometry"]["type"] in ("LineString", "MultiLineString"), zangnan["geometry"]
    assert 300 < zangnan["measure"] < 1500 and zangnan["measure_unit"] == "km", zangnan
PY

[ $failures -eq 0 ] && echo "imagery cli: all checks passed"
exit $failures
