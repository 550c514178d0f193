#!/usr/bin/env bash
# Offline basemaps: a tile server this test starts on 127.0.0.1 (tiles GDAL
# cuts from the sample raster), an area packaged as MBTiles and as GeoPackage
# tiles, then the server stopped and the packages opened and read offline.
set -u
# The messages checked here are the English ones; tests/test_messages.cpp checks that
# Chinese is the default.
export MAPAUDIT_LANG=en
cli=$1 samples=$2
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# XYZ tiles z/x/y.png out of an MBTiles made by GDAL (rows are flipped there).
gdal_translate -q -of MBTiles -co TILE_FORMAT=PNG "$samples/east_asia_cgcs2000.tif" "$work/src.mbtiles"
gdaladdo -q "$work/src.mbtiles" 2 4 8 16 2>/dev/null
/usr/bin/python3 - "$work/src.mbtiles" "$work/tiles" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for z, x, y, data in db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles"):
    path = os.path.join(sys.argv[2], str(z), str(x))
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "%d.png" % ((1 << z) - 1 - y)), "wb") as f:
        f.write(data)
PY
maxzoom=$(ls "$work/tiles" | sort -n | tail -1)
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work/tiles" && exec /usr/bin/python3 -m http.server --bind 127.0.0.1 "$port" >/dev/null 2>&1) &
server=$!
for _ in $(seq 50); do
  /usr/bin/python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" \
    2>/dev/null && break
  sleep 0.1
done

url="http://127.0.0.1:$port/\${z}/\${x}/\${y}.png"
for ext in mbtiles gpkg; do
  "$cli" basemap export --xyz "$url" --area 100,20,125,45 --max-zoom "$maxzoom" \
    --out "$work/area.$ext" >/dev/null || fail "export $ext"
done
kill "$server"; wait "$server" 2>/dev/null; server=""

# Offline now: the packages open as images and show the sample's colours.
china=$(gdallocationinfo -valonly -geoloc "$samples/east_asia_cgcs2000.tif" 105 35 | head -3 | tr '\n' ' ')
for ext in mbtiles gpkg; do
  "$cli" info "$work/area.$ext" >/dev/null || fail "info $ext offline"
  got=$(gdallocationinfo -valonly -wgs84 "$work/area.$ext" 105 35 | head -3 | tr '\n' ' ')
  [ "$got" = "$china" ] || fail "$ext: colour at 105E 35N is '$got', expected '$china'"
  gdalinfo "$work/area.$ext" | grep -q "Overviews" || fail "$ext: no lower zoom levels"
done

"$cli" basemap export --tianditu vec --area 100,20,125,45 --max-zoom 3 --out "$work/t.mbtiles" 2>&1 |
  grep -q "Tianditu key" || fail "Tianditu without a key"
"$cli" basemap export --source "$samples/east_asia_cgcs2000.tif" --area 100,20,125,45 \
  --max-zoom 3 --out "$work/t.png" 2>&1 | grep -q "choose a .mbtiles or .gpkg" || fail "bad output name"

[ $failures -eq 0 ] && echo "basemap cli: all checks passed"
exit $failures
