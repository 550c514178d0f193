#!/usr/bin/env bash
# Runs the real binaries as a user would, without a display: `mapaudit info`
# through both entry points, and exit code 2 with one line for bad input.
set -u
# The messages checked here are the English ones; tests/test_messages.cpp checks that
# Chinese is the default.
export MAPAUDIT_LANG=en
cli=$1 gui=$2 samples=$3
unset DISPLAY WAYLAND_DISPLAY
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for bin in "$cli" "$gui"; do
  out=$("$bin" info "$samples/key_features_gbk.shp" 2>&1) || fail "$bin info exited $?"
  grep -q "Features:         20" <<<"$out" || fail "$bin info: feature count missing"
  grep -q "GB18030" <<<"$out" || fail "$bin info: encoding missing"
  json=$("$bin" info --json "$samples/east_asia_cgcs2000.tif") || fail "$bin info --json exited $?"
  grep -q '"width": 700' <<<"$json" || fail "$bin info --json: raster width missing"
  err=$("$bin" info /nonexistent/map.shp 2>&1 >/dev/null); code=$?
  [ "$code" -eq 2 ] || fail "$bin on a missing file exited $code, expected 2"
  [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "$bin error is not one line: $err"
done
"$cli" --version | grep -q "^mapaudit " || fail "--version"
echo "binaries: $failures failures"
[ "$failures" -eq 0 ]
