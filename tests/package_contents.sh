#!/usr/bin/env bash
# Builds the .deb with cpack and checks what it installs; then runs the
# packaged command line from the unpacked tree.
set -euo pipefail
build=$1
cd "$build"
rm -rf packages
cpack -G DEB --config CPackConfig.cmake > cpack.log 2>&1 || { cat cpack.log; exit 1; }
deb=$(ls packages/*.deb)
echo "package: $deb"
contents=$(dpkg-deb -c "$deb")
failures=0
for f in ./usr/bin/mapaudit ./usr/bin/mapaudit-cli ./usr/share/applications/mapaudit.desktop \
         ./usr/share/icons/hicolor/scalable/apps/mapaudit.svg \
         ./usr/share/mapaudit/resources/samples/world_ne10m.gpkg \
         ./usr/share/mapaudit/resources/samples/key_features_gbk.shp \
         ./usr/share/mapaudit/resources/reference/mapaudit-reference-demo.gpkg \
         ./usr/share/mapaudit/resources/templates/supervision-summary-2021.json \
         ./usr/share/doc/mapaudit/LICENSE; do
  grep -q " $f\$" <<<"$contents" || { echo "FAIL: $f missing from the package"; failures=$((failures + 1)); }
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgdal libgeos-c libproj libqt6widgets6 libqt6gui6 libxlsxwriter; do
  grep -q "$lib" <<<"$depends" || { echo "FAIL: Depends lacks $lib: $depends"; failures=$((failures + 1)); }
done
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
out=$("$unpacked/usr/bin/mapaudit-cli" info "$unpacked/usr/share/mapaudit/resources/samples/china_zone39_gk.shp")
grep -q "EPSG:4527" <<<"$out" || { echo "FAIL: packaged mapaudit-cli info"; failures=$((failures + 1)); }
# The packaged binary finds the packaged reference pack next to itself.
"$unpacked/usr/bin/mapaudit-cli" refpack verify | grep -q "verified" ||
  { echo "FAIL: packaged refpack verify"; failures=$((failures + 1)); }
# ... and the packaged summary form.
"$unpacked/usr/bin/mapaudit-cli" org add --db "$unpacked/r.db" 某局 >/dev/null
"$unpacked/usr/bin/mapaudit-cli" summary --db "$unpacked/r.db" --unit 某局 |
  grep -q "2021年地理信息监管与服务工作开展情况汇总表" ||
  { echo "FAIL: packaged summary template"; failures=$((failures + 1)); }
echo "package checks: $failures failures"
[ "$failures" -eq 0 ]
