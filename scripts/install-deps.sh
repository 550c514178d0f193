#!/usr/bin/env bash
# Installs the Debian 12 packages MapAudit needs to build, test and run,
# skipping those already present. Further packages a script needs (e.g. the
# fuzzers' clang runtime) can be named as arguments.
set -euo pipefail
packages=(
  build-essential cmake pkg-config dpkg-dev file
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libgl-dev
  libgdal-dev gdal-bin libproj-dev libgeos-dev libsqlite3-dev libssl-dev
  catch2 nlohmann-json3-dev libxlsxwriter-dev python3-openpyxl python3-gdal poppler-utils strace util-linux time
  fonts-noto-cjk xvfb xauth qt6-translations-l10n
  libtesseract-dev tesseract-ocr-chi-sim tesseract-ocr-eng
  "$@"
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The corpus test fetches pinned map packages with npm; any npm will do.
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
