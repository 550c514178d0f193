#!/usr/bin/env bash
# Makes a records database from the bundled example records (a city bureau and
# two county branches), for starting the workstation on sample data and for
# the screenshots. Usage: scripts/sample-records.sh DB  (replaced when present)
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
cli=build/bin/mapaudit-cli
rm -f "$db" "$db-wal" "$db-shm"
"$cli" org add --db "$db" 赣州市自然资源局 >/dev/null
for county in 章贡分局 南康分局; do
  "$cli" org add --db "$db" "$county" --parent 赣州市自然资源局 >/dev/null
done
"$cli" records import --db "$db" resources/samples/records-example.jsonl >/dev/null
