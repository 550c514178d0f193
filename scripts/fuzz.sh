#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ into build-fuzz/ (clang, ASan + UBSan)
# and runs each for FUZZ_SECONDS (default 60) on a copy of its seed corpus in
# fuzz/corpus/. Exits non-zero on any finding (crash, sanitizer report, leak,
# timeout, out-of-memory, uncaught exception), printing the input that caused it.
#   FUZZ_SECONDS=300 bash scripts/fuzz.sh                 # longer runs
#   FUZZ_TARGETS="bundle angle_scale" bash scripts/fuzz.sh # some targets only
#   FUZZ_BUILD_JOBS (default 2) builds in parallel; FUZZ_BUILD_ONLY=1 just builds;
#   FUZZ_PARALLEL (default: the number of cores) targets run at once.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$root/build-fuzz
seconds=${FUZZ_SECONDS:-60}

# Target name, then the longest input worth trying (bytes): what the parser
# reads in practice, well below inputs that only test the stack.
declare -A max_len=(
  [record_lines]=8192 [sheet_rows]=8192 [bundle]=16384 [refpack_mapping]=4096
  [control_points]=4096 [angle_scale]=64 [credit_code]=64 [summary_template]=8192
  [cli_arguments]=1024
)
declare -A dict=(
  [record_lines]=json.dict [bundle]=json.dict [refpack_mapping]=json.dict
  [summary_template]=json.dict [sheet_rows]=sheet.dict [angle_scale]=angle.dict
)
all_targets=(record_lines sheet_rows bundle refpack_mapping control_points angle_scale credit_code
  summary_template cli_arguments)
read -r -a targets <<<"${FUZZ_TARGETS:-${all_targets[*]}}"

# The project's own build dependencies and clang's fuzzing runtime.
bash scripts/install-deps.sh clang libfuzzer-14-dev libclang-rt-14-dev

start=$(date +%s)
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DMAPAUDIT_BUILD_FUZZERS=ON -DMAPAUDIT_BUILD_GUI=OFF -DMAPAUDIT_BUILD_TESTS=OFF >/dev/null
nice cmake --build "$build" --target mapaudit_fuzzers --parallel "${FUZZ_BUILD_JOBS:-2}"
echo "fuzz: built in $(($(date +%s) - start)) s"
[ -z "${FUZZ_BUILD_ONLY:-}" ] || exit 0

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$root/fuzz/ubsan.supp}

# Runs one target for $seconds; its verdict goes to $run/verdict.
fuzz_target() {
  local t=$1 run=$build/fuzz-runs/$1 status=0
  rm -rf "$run"
  mkdir -p "$run/corpus" "$run/artifacts" "$run/tmp"
  cp "$root/fuzz/corpus/$t"/* "$run/corpus/"
  local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${max_len[$t]}"
    -print_final_stats=1 -artifact_prefix="$run/artifacts/")
  [ -z "${dict[$t]:-}" ] || options+=(-dict="$root/fuzz/${dict[$t]}")
  TMPDIR=$run/tmp "$build/fuzz/fuzz_$t" "${options[@]}" "$run/corpus" >"$run/log" 2>&1 ||
    status=$?
  echo "$status" >"$run/verdict"
}

# Prints what one finished target did, and returns non-zero on a finding.
report_target() {
  local t=$1 run=$build/fuzz-runs/$1 status findings
  status=$(cat "$run/verdict")
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec):' "$run/log" |
    sed "s/^/fuzz: $t /" || true
  findings=$(find "$run/artifacts" -type f)
  if [ "$status" -eq 0 ] && [ -z "$findings" ]; then
    return 0
  fi
  echo "fuzz: FINDING in $t (exit $status); log: $run/log"
  grep -E 'ERROR: |runtime error:|FUZZ FINDING|uncaught exception|terminate called' "$run/log" |
    head -5 || true
  for f in $findings; do
    echo "fuzz: input: $f"
    echo "fuzz: reproduce: $build/fuzz/fuzz_$t $f"
  done
  return 1
}

# Targets run side by side, FUZZ_PARALLEL at a time (default: one per core),
# each for the full $seconds.
parallel=${FUZZ_PARALLEL:-$(nproc)}
for t in "${targets[@]}"; do
  [ -n "${max_len[$t]:-}" ] || { echo "fuzz: no target '$t' (one of: ${all_targets[*]})"; exit 2; }
done
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  echo "fuzz: $t for ${seconds} s"
  fuzz_target "$t" &
  running=$((running + 1))
done
wait
failed=()
for t in "${targets[@]}"; do
  report_target "$t" || failed+=("$t")
done
echo "fuzz: done in $(($(date +%s) - start)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]}"
  exit 1
fi
echo "fuzz: no findings in ${targets[*]}"
