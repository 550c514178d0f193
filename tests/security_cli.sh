#!/usr/bin/env bash
# Security supervision as a user runs it: the register and inspector samples
# imported, a bad register rejected whole, a 双随机 draw reproduced from its
# seed, its public notice read back with openpyxl, and the whole workflow run
# where no network exists, traced to show that no connection is attempted.
set -u
# The messages checked here are the English ones; tests/test_messages.cpp checks that
# Chinese is the default.
export MAPAUDIT_LANG=en
cli=$1 gui=$2 samples=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
bureau=赣州市自然资源局

setup() { # db
  "$cli" org add --db "$1" "$bureau" >/dev/null &&
    "$cli" org add --db "$1" 章贡分局 --parent "$bureau" >/dev/null &&
    "$cli" org add --db "$1" 南康分局 --parent "$bureau" >/dev/null &&
    "$cli" register import --db "$1" "$samples/supervised-units-example.csv" >/dev/null &&
    "$cli" register inspectors --db "$1" "$samples/inspectors-example.csv" >/dev/null
}
setup "$work/a.db" || fail "register import of the samples"
setup "$work/b.db" || fail "register import of the samples (second database)"

# A register with a mistyped credit code and an unknown industry: rejected, rows named.
{ head -1 "$samples/supervised-units-example.csv"
  sed -n 2p "$samples/supervised-units-example.csv" | sed 's/,电力,/,航天,/'
  echo "错码单位,91350100M000100Y44,测绘资质单位,乙级,电力,,,否"; } >"$work/bad.csv"
out=$("$cli" register import --db "$work/c.db" "$work/bad.csv" 2>&1); code=$?
[ $code -eq 2 ] || fail "bad register: exit $code, expected 2"
echo "$out" | grep -q "2 problem(s), nothing imported" || fail "bad register: count: $out"
echo "$out" | grep -q "line 2, field industry" || fail "bad register: line 2 industry: $out"
echo "$out" | grep -q "line 3, field credit_code: .*check character (18) should be '3'" ||
  fail "bad register: line 3 code: $out"

# The same seed draws the same units and inspectors in two databases.
draw() { "$cli" draw --db "$1" --year 2026 --unit "$bureau" --stratify industry \
           --min-per-stratum 1 --seed 20260301 --date 2026-03-01 "${@:2}"; }
a=$(draw "$work/a.db" --notice "$work/notice.xlsx") || fail "draw a"
b=$(draw "$work/b.db") || fail "draw b"
[ "$(echo "$a" | grep '^  9')" = "$(echo "$b" | grep '^  9')" ] || fail "draws differ: $a / $b"
[ "$(echo "$a" | grep -c '^  9')" -ge 5 ] || fail "fewer than one unit per industry: $a"
echo "$a" | grep -q "(15.6%)" || fail "ratio after the draw: $a"
"$cli" draw --db "$work/c.db" --year 2026 --list 2>&1 | grep -q "below the required 10%" ||
  fail "an empty year warns"

/usr/bin/python3 - "$work/notice.xlsx" "$a" <<'PY' || fail "public notice"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
assert ws["A1"].value == "2026年度地理信息安全监管“双随机、一公开”抽查结果公示", ws["A1"].value
assert "随机数种子 20260301" in ws["A3"].value, ws["A3"].value
codes = [ws.cell(row=r, column=3).value for r in range(5, ws.max_row + 1)]
drawn = [l.split()[0] for l in sys.argv[2].splitlines() if l.startswith("  9")]
assert codes == drawn, (codes, drawn)
PY

# The notice as PDF, written by the workstation binary (Qt) without a display
# (a build without the workstation has only the XLSX notice).
if [ "$gui" != "$cli" ]; then
QT_QPA_PLATFORM=offscreen "$gui" draw --db "$work/b.db" --year 2027 --unit "$bureau" --seed 5 \
  --notice "$work/notice.pdf" >/dev/null 2>&1 || fail "draw --notice FILE.pdf"
text=$(pdftotext -raw "$work/notice.pdf" - 2>/dev/null | /usr/bin/python3 -c \
  'import sys,unicodedata; print(unicodedata.normalize("NFKC", sys.stdin.read()))')
echo "$text" | grep -q "2027年度地理信息安全监管" || fail "PDF notice title: $text"
code=$("$cli" draw --db "$work/b.db" --year 2027 --list | grep '^    9' | head -1 | awk '{print $1}')
echo "$text" | tr -d ' \n' | grep -q "$code" || fail "PDF notice lists $code"
fi
"$cli" draw --db "$work/b.db" --year 2028 --unit "$bureau" --notice "$work/n.pdf" 2>&1 |
  grep -q "needs the workstation binary" || fail "mapaudit-cli explains the PDF notice"

# The ledger: receipts imported, the dashboard at a deadline's edges, a clue entered once.
"$cli" ledger import --db "$work/a.db" "$samples/classified-ledger-example.csv" | grep -q "6 added" ||
  fail "ledger import"
dem=$("$cli" ledger list --db "$work/a.db" | grep "数字高程模型" | cut -c1-8)
[ -n "$dem" ] || fail "ledger list"
"$cli" ledger due --db "$work/a.db" --today 2025-12-30 | grep -q "due soon $dem.*0 days left" ||
  fail "ledger due on the last day"
"$cli" ledger due --db "$work/a.db" --today 2025-12-31 | grep -q "OVERDUE  $dem.*1 days late" ||
  fail "ledger overdue the day after"
"$cli" ledger due --db "$work/a.db" --today 2026-02-01 --clues --unit "$bureau" >/dev/null ||
  fail "ledger due --clues"
"$cli" ledger due --db "$work/a.db" --today 2026-02-02 --clues --unit "$bureau" >/dev/null
[ "$("$cli" records list --db "$work/a.db" --kind clue | grep -c 涉密成果台账)" -eq 1 ] ||
  fail "one clue per overdue item: $("$cli" records list --db "$work/a.db" --kind clue)"
"$cli" ledger destroy --db "$work/a.db" "$dem" --date 2026-02-03 --method 粉碎 2>&1 |
  grep -q "witnesses is needed" || fail "a destruction without witnesses is refused"
"$cli" ledger destroy --db "$work/a.db" "$dem" --date 2026-02-03 --method 粉碎 --witnesses 王某 \
  >/dev/null || fail "ledger destroy"
"$cli" ledger due --db "$work/a.db" --today 2026-02-04 | grep -q "$dem" && fail "destroyed yet due"
"$cli" ledger staff import --db "$work/a.db" "$samples/certified-staff-example.csv" >/dev/null ||
  fail "staff import"
"$cli" ledger staff due --db "$work/a.db" --today 2026-05-10 | grep -q "expired on 2026-05-09" ||
  fail "an expired certificate is named"
"$cli" db verify --db "$work/a.db" >/dev/null || fail "db verify after the ledger work"

# Encryption at rest: lock, a wrong passphrase refused, unlock, the audit log intact.
echo "县局口令 2026" >"$work/pass"
echo "not it" >"$work/wrong"
before=$("$cli" records list --db "$work/a.db" | md5sum)
"$cli" db lock --db "$work/a.db" --passphrase-file "$work/pass" >/dev/null || fail "db lock"
[ -f "$work/a.db" ] && fail "the plain database is still there after lock"
grep -q "涉密成果台账" "$work/a.db.sealed" && fail "the sealed file shows plain text"
out=$("$cli" db unlock --db "$work/a.db" --passphrase-file "$work/wrong" 2>&1); code=$?
[ $code -eq 2 ] && echo "$out" | grep -q "wrong passphrase" || fail "wrong passphrase: $code $out"
[ -f "$work/a.db" ] && fail "a wrong passphrase left a database behind"
MAPAUDIT_PASSPHRASE="县局口令 2026" "$cli" db unlock --db "$work/a.db" >/dev/null || fail "db unlock"
[ "$("$cli" records list --db "$work/a.db" | md5sum)" = "$before" ] || fail "records changed by lock/unlock"
"$cli" db verify --db "$work/a.db" >/dev/null || fail "db verify after unlock"
# The ledger's clues are classified: a bundle of them leaves only encrypted.
"$cli" bundle export --db "$work/a.db" --unit "$bureau" --out "$work/b.json" 2>&1 |
  grep -q "marked classified" || fail "classified records exported unencrypted"
[ -f "$work/b.json" ] && fail "a refused bundle was written"
"$cli" bundle export --db "$work/a.db" --unit "$bureau" --out "$work/b.sealed" --encrypt \
  --passphrase-file "$work/pass" >/dev/null || fail "encrypted bundle export"
"$cli" org add --db "$work/city.db" 市局 >/dev/null
"$cli" bundle import --db "$work/city.db" "$work/b.sealed" --passphrase-file "$work/pass" |
  grep -q "records .* added" || fail "encrypted bundle import"

clue=$("$cli" records list --db "$work/a.db" --kind clue --json | /usr/bin/python3 -c \
  'import json,sys; print(next(r["id"] for r in json.load(sys.stdin) if r["fields"].get("classified")))')
"$cli" records attach --db "$work/a.db" "$clue" "$work/pass" >/dev/null
"$cli" records evidence --db "$work/a.db" "$clue" --extract "$work/out" 2>&1 |
  grep -q "marked classified" || fail "classified evidence extracted unencrypted"
[ -e "$work/out/pass" ] && fail "classified evidence was written"

# Offline: the whole workflow in a network namespace with no network, traced.
# A network namespace of our own: as root directly, else inside a user namespace.
if unshare -n true 2>/dev/null; then isolate=(unshare -n)
elif unshare -rn true 2>/dev/null; then isolate=(unshare -rn)
else isolate=(); fail "no network namespace can be made here (unshare -n / -rn)"; fi
offline() {
  # LeakSanitizer cannot run under ptrace; in a sanitizer build the same
  # commands are leak-checked by the other tests.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "${isolate[@]}" strace -f -qq -e trace=connect -o "$work/trace" "$@" >/dev/null 2>"$work/err"
}
# The probe sees a connection when one is attempted.
offline /usr/bin/python3 -c "import socket; socket.socket().connect_ex(('192.0.2.1', 80))"
grep -qE "AF_INET" "$work/trace" || fail "the trace does not show connection attempts"
offline "$cli" check "$samples/world_ne10m.gpkg" >/dev/null; code=$?
[ $code -eq 1 ] || fail "offline check: exit $code (problem map expected): $(cat "$work/err")"
grep -E "AF_INET6?" "$work/trace" && fail "check tried to connect"
offline "$cli" records import --db "$work/a.db" "$samples/records-example.jsonl" ||
  fail "offline records import: $(cat "$work/err")"
grep -E "AF_INET6?" "$work/trace" && fail "records import tried to connect"
offline "$cli" summary --db "$work/a.db" --unit "$bureau" --xlsx "$work/s.xlsx" ||
  fail "offline summary: $(cat "$work/err")"
grep -E "AF_INET6?" "$work/trace" && fail "summary tried to connect"
offline "$cli" draw --db "$work/a.db" --year 2027 --seed 1 ||
  fail "offline draw: $(cat "$work/err")"
grep -E "AF_INET6?" "$work/trace" && fail "draw tried to connect"

[ $failures -eq 0 ] && echo "security cli: all checks passed"
exit $failures
