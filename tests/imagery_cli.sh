#!/usr/bin/env bash
# Georeferencing and raster checks as a user runs them, on pictures GDAL makes
# here (never drawn by MapAudit): the sample raster with its georeferencing
# removed, the same map in the Albers conic projection of China wall maps, and
# a compliant and a problem map rasterised in colours of their own. Control
# points come from the known georeferencing; the warped results must land where
# the originals were, and the checks must find what each map gets wrong.
set -u
cli=$1 samples=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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
#    dashes, small islands missing). Each is cropped, shrunk, stripped of its georeferencing,
#    georeferenced again through the command line, then checked.
pack=$(dirname "$samples")/reference/mapaudit-reference-demo.gpkg
draw() { # name, then gdal_rasterize layers as "layer|burn colour|where"
  local name=$1; shift
  gdal_rasterize -q -init 200 220 240 -burn 200 220 240 -ot Byte -te 70 0 140 55 -tr 0.05 0.05 \
    -l key_islands "$pack" "$work/$name.tif"
  for spec in "$@"; do
    IFS='|' read -r src layer burn where <<<"$spec"
    gdal_rasterize -q -b 1 -b 2 -b 3 -burn $burn ${where:+-where "$where"} -l "$layer" "$src" \
      "$work/$name.tif"
  done
  # Crop 60 px off each side and shrink to 75 % (averaging, as a scanner does).
  gdal_translate -q -srcwin 60 60 1280 980 -outsize 960 735 -r average "$work/$name.tif" \
    "$work/$name-crop.tif"
  gdal_translate -q -of PNG "$work/$name-crop.tif" "$work/$name.png"
  rm -f "$work/$name.png.aux.xml"
  # 73°E 52°N is the crop's corner; a pixel is 0.05/0.75 degrees.
  { echo "id,pixel,line,x,y"
    for p in "0 0" "959 0" "0 734" "959 734" "480 367"; do
      set -- $p
      awk -v c="$1" -v r="$2" 'BEGIN { d = 0.05 / 0.75;
        printf "P%d-%d,%d,%d,%.6f,%.6f\n", c, r, c, r, 73 + c * d, 52 - r * d }'
    done; } >"$work/$name.csv"
  "$cli" georef "$work/$name.png" --gcp "$work/$name.csv" --out "$work/$name-geo.tif" \
    >/dev/null || fail "georef $name"
  "$cli" check "$work/$name-geo.tif" --json "$work/$name.json" >/dev/null
}
draw compliant "$pack|territory|235 225 190|" "$pack|key_islands|90 60 40|" \
  "$pack|scs_dashes|120 20 110|"
draw natural-earth "$samples/world_ne10m.gpkg|countries|240 240 210|" \
  "$samples/world_ne10m.gpkg|countries|250 190 150|id = 156"
/usr/bin/python3 - "$work/compliant.json" "$work/natural-earth.json" <<'PY' || fail "raster findings"
import json, sys
ok = json.load(open(sys.argv[1]))["findings"]
assert ok == [], "false alarms on the compliant map: %s" % [(f["rule"], f["code"]) for f in ok]
found = {(f["rule"], f["code"]) for f in json.load(open(sys.argv[2]))["findings"]}
for expected in [("TERR-FOREIGN", "taiwan"), ("DASHLINE-MISSING", "nanhai"),
                 ("ISLAND-OMITTED", "huangyan_dao"), ("ISLAND-OMITTED", "chiwei_yu")]:
    assert expected in found, "%s not found in %s" % (expected, sorted(found))
for f in json.load(open(sys.argv[2]))["findings"]:
    assert f["needs_confirmation"] and f["severity"] == "warning" and 0 < f["confidence"] <= 1, f
PY

[ $failures -eq 0 ] && echo "imagery cli: all checks passed"
exit $failures
