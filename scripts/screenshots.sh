#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots from the bundled samples
# (offscreen; needs a build). Look at every picture after running it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
bin=build/bin/mapaudit
samples=resources/samples
bash scripts/sample-records.sh "$work/records.sqlite"
session=(--db "$work/records.sqlite" --unit 赣州市自然资源局 --inspector 示例核查员)
quiet() { "$@" 2> >(grep -v -e propagateSizeHints -e XDG_RUNTIME_DIR >&2); }

# The checked problem map, Taiwan's finding selected and highlighted.
quiet "$bin" --size 1600x1000 --check 1 --screenshot "$out/main-window-check-world.png" \
  "${session[@]}" "$samples/world_ne10m.gpkg"
# A real provinces map that stops at Hainan (ECharts' china.json): its profile in the Check panel.
quiet "$bin" --size 1600x1000 --check 1 --screenshot "$out/main-window-check-profile.png" \
  "${session[@]}" tests/corpus/maps/echarts4_china.geojson
# The checklist after checking the same map: what the inspector decides.
quiet "$bin" --size 1600x1000 --check 0 --open checklist \
  --screenshot "$out/main-window-check-checklist.png" "${session[@]}" \
  tests/corpus/maps/echarts4_china.geojson
# A small laptop screen: every dock a tab on the right, the finding fitted into the map.
quiet "$bin" --size 900x600 --check 1 --screenshot "$out/main-window-compact-900x600.png" \
  "${session[@]}" "$samples/world_ne10m.gpkg"
quiet "$bin" --size 1280x800 --screenshot "$out/main-window-world.png" \
  "$samples/world_ne10m.gpkg" "$samples/key_features_gbk.shp" "$samples/china_zone39_gk.shp"
quiet "$bin" --lang en --size 1280x800 --screenshot "$out/main-window-east-asia-en.png" \
  "$samples/east_asia_cgcs2000.tif" "$samples/key_features_gbk.shp"
# Georeferencing the sample raster saved as a plain picture, with six control points.
gdal_translate -q -of PNG "$samples/east_asia_cgcs2000.tif" "$work/scan.png"
rm -f "$work/scan.png.aux.xml"
printf 'id,pixel,line,x,y\nA,100,100,80,45\nB,600,120,130,43\nC,150,480,85,7\nD,620,500,132,5\nE,477.5,398.5,117.75,15.15\nF,300,300,100,25\n' \
  >"$work/scan.csv"
quiet "$bin" --size 1280x800 --georef "$work/scan.png" --gcp "$work/scan.csv" \
  --screenshot "$out/georeferencing.png" "$samples/east_asia_cgcs2000.tif"
# The attribute table (F6) of the GBK shapefile; the history of checks after a check.
quiet "$bin" --size 1280x800 --open attributes --screenshot "$out/layers-attribute-table.png" \
  "$samples/world_ne10m.gpkg" "$samples/key_features_gbk.shp"
quiet "$bin" --size 1600x1000 --check 1 --open history --screenshot "$out/check-history.png" \
  "${session[@]}" "$samples/world_ne10m.gpkg"
# The summary table of the example records, and the problem-map form prefilled from a check.
quiet "$bin" --open summary --screenshot "$out/summary-table.png" "${session[@]}"
quiet "$bin" --check 1 --open register --screenshot "$out/record-form-problem-map.png" \
  "${session[@]}" "$samples/world_ne10m.gpkg"
# Security supervision: the example register, inspectors, a seeded draw, the ledger and staff.
cli=build/bin/mapaudit-cli
"$cli" register import --db "$work/records.sqlite" "$samples/supervised-units-example.csv" >/dev/null
"$cli" register inspectors --db "$work/records.sqlite" "$samples/inspectors-example.csv" >/dev/null
"$cli" draw --db "$work/records.sqlite" --year "$(date +%Y)" --unit 赣州市自然资源局 \
  --stratify industry --seed 20260301 >/dev/null
"$cli" ledger import --db "$work/records.sqlite" "$samples/classified-ledger-example.csv" >/dev/null
"$cli" ledger staff import --db "$work/records.sqlite" "$samples/certified-staff-example.csv" \
  >/dev/null
for page in register draw ledger dashboard; do
  quiet "$bin" --open "security-$page" --screenshot "$out/security-$page.png" "${session[@]}"
done
# The PDF inspection report's first page.
quiet "$bin" --check 1 --report "$work/report.pdf" "${session[@]}" "$samples/world_ne10m.gpkg"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/report.pdf" "$out/inspection-report-pdf"
# Its second page: the findings table, each row whole, rule and place by name.
pdftoppm -r 80 -png -f 2 -l 2 -singlefile "$work/report.pdf" "$out/inspection-report-pdf-findings"
echo "screenshots written to $out"
