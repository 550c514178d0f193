#!/usr/bin/env bash
# Fails when a C++ file of the project differs from what clang-format 14 makes
# of it with the repository's .clang-format; names the files. `--fix` formats
# them in place instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh clang-format-14 >/dev/null
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
else # a copy without git history
  mapfile -t files < <(find app bench cli core fuzz tests ui -name '*.cpp' -o -name '*.h' | sort)
fi
if [ "${1:-}" = "--fix" ]; then
  clang-format-14 -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  clang-format-14 --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf 'check-format: not formatted as .clang-format says: %s\n' "${bad[@]}" >&2
  echo "check-format: run 'bash scripts/check-format.sh --fix'" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
