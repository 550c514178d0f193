#!/usr/bin/env bash
# Installs what is missing, builds, and opens the workstation on the bundled
# sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
samples=resources/samples
files=("$samples/world_ne10m.gpkg" "$samples/key_features_gbk.shp" "$samples/china_zone39_gk.shp")
# The example supervision records, in a database of their own (kept between starts).
records=build/sample-records.sqlite
[ -f "$records" ] || bash scripts/sample-records.sh "$records"
session=(--db "$records" --unit 赣州市自然资源局 --inspector "${USER:-示例核查员}")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "start: no display found; saving a screenshot instead (build/start-screenshot.png)"
  exec xvfb-run -a -s "-screen 0 1400x900x24" build/bin/mapaudit --size 1280x800 \
    --screenshot build/start-screenshot.png "${session[@]}" "${files[@]}"
fi
exec build/bin/mapaudit "${session[@]}" "${files[@]}"
