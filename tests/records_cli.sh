#!/usr/bin/env bash
# The records commands as a user runs them: the example file imported, the
# summary exported to XLSX, CSV, PDF and JSON and read back with readers this
# project did not write (openpyxl, poppler), and a kill during a large import.
set -u
# The messages checked here are the English ones; tests/test_messages.cpp checks that
# Chinese is the default.
export MAPAUDIT_LANG=en
cli=$1 gui=$2 samples=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
db=$work/records.db

"$cli" org add --db "$db" 赣州市自然资源局 >/dev/null || fail "org add"
for county in 章贡分局 南康分局; do
  "$cli" org add --db "$db" "$county" --parent 赣州市自然资源局 >/dev/null || fail "org add $county"
done
"$cli" records import --db "$db" "$samples/records-example.jsonl" | grep -q "15 added" ||
  fail "example import"
"$cli" records import --db "$db" "$samples/records-example.jsonl" | grep -q "15 unchanged" ||
  fail "re-import is not idempotent"
"$cli" records import --db "$db" "$samples/records-example.csv" | grep -q "2 added" ||
  fail "example CSV import"
"$cli" summary --db "$db" --unit 赣州市自然资源局 --include-subunits --date 2021-11-20 \
  --xlsx "$work/s.xlsx" --csv "$work/s.csv" --json >"$work/s.json" || fail "summary"
if [ "$gui" != "$cli" ]; then
  "$gui" summary --db "$db" --unit 赣州市自然资源局 --include-subunits --date 2021-11-20 \
    --pdf "$work/s.pdf" >/dev/null 2>&1 || fail "summary --pdf"
  pdffonts "$work/s.pdf" | grep -q "CJK.*yes" || fail "the PDF does not embed a Chinese font"
  pdftotext -layout "$work/s.pdf" "$work/s.txt" || fail "pdftotext"
else # built without the GUI: the command line says where PDF export lives
  "$cli" summary --db "$db" --unit 赣州市自然资源局 --pdf "$work/s.pdf" 2>&1 |
    grep -q "needs the workstation binary" || fail "--pdf without Qt gives no clear message"
fi

/usr/bin/python3 - "$work" <<'PY' || fail "summary files disagree (see above)"
import csv, json, sys
import openpyxl
work = sys.argv[1]
table = json.load(open(f"{work}/s.json"))
ws = openpyxl.load_workbook(f"{work}/s.xlsx").active
merged = {str(r) for r in ws.merged_cells.ranges}
problems = []
def expect(what, got, want):
    if got != want:
        problems.append(f"{what}: {got!r} != {want!r}")
expect("title", ws["A1"].value, "2021年地理信息监管与服务工作开展情况汇总表")
expect("unit line", ws["A2"].value, "填报单位:赣州市自然资源局")
expect("date line", ws["C2"].value, "填报时间:2021年11月20日")
expect("header", [ws["A3"].value, ws["C3"].value, ws["D3"].value], ["工作内容", "数量", "备注"])
for r in ["A1:D1", "A2:B2", "C2:D2", "A3:B3", "A4:A7", "A8:A11", "A13:A14", "A15:A16",
          "A17:B17", "A18:B18", "A19:A22", "A23:D23"]:
    if r not in merged:
        problems.append(f"cells {r} not merged")
expect("footnote", ws["A23"].value, "注:上述指标统计时间段为2021年1月1日—11月15日。")
expected = {"onsite_checks": 1, "offline_problem_maps": 212, "online_problem_maps": 2,
            "map_cases": 1, "self_inspections": 6, "spot_checks": 1, "clues": 1,
            "security_cases": 0, "publicity_events": 1, "map_supply_times": 1,
            "map_supply_sheets": 25, "standard_maps_new": 10, "standard_maps_total": 18,
            "thematic_products": 1, "major_event_support": 1, "emergency_times": 1,
            "emergency_maps": 40, "emergency_imagery_km2": 126.5, "emergency_data_gb": 35.2}
rows = list(csv.reader(open(f"{work}/s.csv", encoding="utf-8-sig")))
expect("csv title", rows[0][0], table["title"])
for i, row in enumerate(table["rows"]):
    expect(f"json {row['key']}", row["value"], expected[row["key"]])
    expect(f"xlsx row {i + 4}", ws.cell(row=i + 4, column=3).value, row["value"])
    expect(f"csv row {i + 5}", float(rows[i + 4][2]), row["value"])
    label = ws.cell(row=i + 4, column=2).value or ws.cell(row=i + 4, column=1).value
    expect(f"xlsx label {i + 4}", label, row["item"] or row["group"])
import os, re, unicodedata
if os.path.exists(f"{work}/s.txt"):
    # NFKC: the font's ToUnicode gives some ideographs as Kangxi radicals.
    text = unicodedata.normalize("NFKC", open(f"{work}/s.txt", encoding="utf-8").read())
    if table["title"] not in text.replace(" ", ""):
        problems.append("PDF: title missing")
    body = text[text.index("备注") + 2:text.index("注:")]
    figures = [float(x) for x in re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", body)]
    expect("PDF figures", figures, [float(r["value"]) for r in table["rows"]])
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY

"$cli" db verify --db "$db" >/dev/null || fail "verify of an untouched database"

# Killed in the middle of a large import: the database is as before it.
big=$work/big.jsonl
/usr/bin/python3 -c '
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(200000):
        f.write(json.dumps({"kind": "clue", "unit": "南康分局", "date": "2021-05-01",
                            "description": "线索 %d" % i}, ensure_ascii=False) + "\n")' "$big"
before=$("$cli" records list --db "$db" | tail -1)
"$cli" records import --db "$db" "$big" >/dev/null 2>&1 &
pid=$!
caught=0
while kill -0 "$pid" 2>/dev/null; do  # wait until the transaction is writing (WAL growing)
  size=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
  if [ "$size" -gt 4000000 ]; then
    kill -9 "$pid" 2>/dev/null && caught=1
    break
  fi
  sleep 0.02
done
wait "$pid" 2>/dev/null
[ "$caught" -eq 1 ] || fail "the import finished before it could be killed; make the file larger"
after=$("$cli" records list --db "$db" | tail -1)
[ "$before" = "$after" ] || fail "killed import left records behind: $before → $after"
"$cli" db verify --db "$db" >/dev/null || fail "verify after the killed import"

[ "$failures" -eq 0 ] && echo "records cli: all checks passed"
exit $((failures > 0))
