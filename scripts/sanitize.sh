#!/usr/bin/env bash
# Runs the test suite under sanitizers: every test with AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan/), then the threaded tests with
# ThreadSanitizer (build-tsan/). Any finding fails the run.
# Usage: scripts/sanitize.sh [asan|tsan]   (both without an argument)
# SANITIZE_JOBS sets build and test parallelism (default: nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
parts=${1:-asan tsan}
jobs=${SANITIZE_JOBS:-$(nproc)}
supp=$root/tests/sanitizers
bash scripts/install-deps.sh

export QT_QPA_PLATFORM=offscreen

# Configures and builds one tree: $1 directory, $2 sanitizer flags, then the
# targets to build (all when none).
build_tree() {
  local dir=$1 flags=$2 targets=()
  shift 2
  for t in "$@"; do targets+=(--target "$t"); done
  # -O1 keeps the tests quick; -g1 (line tables) keeps stacks readable and the
  # build short; assertions stay on.
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="$flags" -DCMAKE_SHARED_LINKER_FLAGS="$flags" \
    -DMAPAUDIT_BUILD_GUI=ON -DMAPAUDIT_BUILD_TESTS=ON
  cmake --build "$dir" --parallel "$jobs" "${targets[@]}"
}

# ctest regular expressions of tests that do not run under a sanitizer.
# The .deb is built from the tree under test; a package of instrumented
# binaries is no product, and its build (cpack, dpkg-shlibdeps) runs no code
# of ours beyond `mapaudit-cli info/refpack/summary`, which other tests cover.
asan_excluded='^packaging: deb contents$'

run_asan() {
  # What ctest runs: the two test programs and the two binaries the scripts call (no benchmarks).
  build_tree build-asan "-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
    mapaudit_core_tests mapaudit_ui_tests mapaudit-cli mapaudit
  (
    cd build-asan
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
    export LSAN_OPTIONS=suppressions=$supp/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    ctest --output-on-failure --parallel "$jobs" -E "$asan_excluded"
  )
}

run_tsan() {
  # Only the test files that hold the [threads] cases (tests/CMakeLists.txt:
  # mapaudit_thread_tests, mapaudit_ui_thread_tests): the threaded cases run no
  # other binary. A [threads] case in another file must be added there.
  local extra
  extra=$(grep -l '\[threads\]' tests/*.cpp | grep -v -e /test_check.cpp -e /test_ui.cpp \
    -e /test_ui_canvas.cpp || true)
  if [ -n "$extra" ]; then
    echo "sanitize: [threads] cases in $extra are not in mapaudit_thread_tests or" \
      "mapaudit_ui_thread_tests (tests/CMakeLists.txt)" >&2
    exit 1
  fi
  build_tree build-tsan "-fsanitize=thread -fno-omit-frame-pointer" mapaudit_thread_tests \
    mapaudit_ui_thread_tests
  (
    cd build-tsan
    export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp
    # The test cases tagged [threads]: the check engine's parallel checks and
    # cancellation, the canvas rendering in worker threads, the layer loader.
    # (ctest knows the cases by name only, so the binaries select them.)
    bin/mapaudit_thread_tests '[threads]'
    bin/mapaudit_ui_thread_tests '[threads]'
  )
}

for part in $parts; do
  start=$SECONDS
  case $part in
    asan) run_asan ;;
    tsan) run_tsan ;;
    *) echo "usage: $0 [asan|tsan]" >&2; exit 2 ;;
  esac
  echo "sanitize: $part done in $((SECONDS - start)) s"
done
