#!/usr/bin/env bash
# Georeferencing as a user runs it, on pictures GDAL made from the sample
# raster (not drawn by MapAudit): a plain image with its georeferencing
# removed, and the same map in the Albers conic projection of China wall maps.
# Control points come from the known georeferencing; the warped results must
# land where the originals were.
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

[ $failures -eq 0 ] && echo "imagery cli: all checks passed"
exit $failures
