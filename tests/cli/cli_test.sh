#!/usr/bin/env bash
# Runs the real rareshock binary: bad input exits 2 with a message naming the
# option and its range; good input exits 0 with parseable JSON / CSV.
#   tests/cli/cli_test.sh path/to/rareshock
set -uo pipefail
BIN=${1:?usage: cli_test.sh path/to/rareshock}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
passes=0

fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
pass() { passes=$((passes + 1)); }

# expect_usage_error "expected stderr text" args...
expect_usage_error() {
  local expected=$1; shift
  "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
  local status=$?
  if [ "$status" -ne 2 ]; then fail "rareshock $*: exit $status, expected 2"; return; fi
  if ! grep -qF -- "$expected" "$TMP/err"; then fail "rareshock $*: stderr lacks '$expected':"; cat "$TMP/err"; return; fi
  if ! grep -qF -- "Try 'rareshock --help'." "$TMP/err"; then fail "rareshock $*: no hint to --help"; return; fi
  if [ -s "$TMP/out" ]; then fail "rareshock $*: wrote to stdout on error"; return; fi
  pass
}

expect_usage_error "rareshock: --approval: '150' is out of range (expected 0 to 100 %)" --approval 150
expect_usage_error "rareshock: --approval: 'abc' is not a number (expected 0 to 100 %)" --approval abc
expect_usage_error "rareshock: --approval: 'nan' is not a number (expected 0 to 100 %)" --approval nan
expect_usage_error "rareshock: --approval: 'nan' is not a number (expected 0 to 100 %)" --approval=nan
expect_usage_error "rareshock: --bogus: unknown option" --bogus
expect_usage_error "rareshock: --format: 'xml' is not a format (expected text, json or csv)" --format xml
expect_usage_error "rareshock: --preset: 'nope' is not a known preset" --preset nope
expect_usage_error "rareshock: --approval: missing value (expected 0 to 100 %)" --approval
expect_usage_error "rareshock: --inventory: '-3' is out of range (expected 0 to 365 days)" --inventory -3
expect_usage_error "rareshock: --query: approval: 'x' is not a number (expected 0 to 100 %)" --query 'approval=x'

# expect_ok format validator args...
run_ok() {
  "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
  local status=$?
  if [ "$status" -ne 0 ]; then fail "rareshock $*: exit $status"; cat "$TMP/err"; return 1; fi
  return 0
}

if run_ok --preset 2025 --format json; then
  if python3 -c '
import json, sys
doc = json.load(sys.stdin)
missing = [k for k in ("model_version", "inputs", "summary", "regions", "timeline", "components") if k not in doc]
if missing: sys.exit("missing keys: %s" % missing)
for r in doc["regions"]:
    for k in ("id", "name", "first_halt_day", "vehicles_lost"):
        if k not in r: sys.exit("region lacks %s" % k)
' <"$TMP/out"; then pass; else fail "--preset 2025 --format json: not the documented JSON"; fi
fi

if run_ok --preset 2025 --format csv; then
  if [ "$(wc -l <"$TMP/out")" -ge 2 ] && [ "$(head -1 "$TMP/out")" = Scenario ] \
     && python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
# Sections: a title alone on its row, a header, rows of the header'"'"'s width, a blank line.
titles, i = [], 0
while i < len(rows):
    if len(rows[i]) != 1 or i + 1 >= len(rows): sys.exit("row %d: a section starts with its title alone" % i)
    titles.append(rows[i][0]); width = len(rows[i + 1]); i += 2
    while i < len(rows) and rows[i]:
        if len(rows[i]) != width: sys.exit("%s: row %d has %d cells for %d columns" % (titles[-1], i, len(rows[i]), width))
        i += 1
    i += 1
if titles != ["Scenario", "Regions", "World (export regions)", "Components", "Timeline"]: sys.exit("sections: %s" % titles)
' <"$TMP/out"; then pass; else fail "--format csv: not a CSV in sections"; head -3 "$TMP/out"; fi
fi

if run_ok --approval 25 --inventory 45; then
  if [ -s "$TMP/out" ]; then pass; else fail "text output is empty"; fi
fi

# The same scenario three ways gives the same JSON: options, a share link, and --option=value.
if run_ok --format json --approval 30 --inventory 60 --draws 100; then
  cp "$TMP/out" "$TMP/a.json"
  if run_ok --format=json --query '?v=1&approval=30&inventory=60&draws=100' \
     && python3 -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b): d.pop("model_ms", None)
sys.exit(0 if a == b else "share link and options disagree")
' "$TMP/a.json" "$TMP/out"; then pass; else fail "--query and options disagree"; fi
fi

# --output writes the file and nothing to stdout.
if run_ok --preset embargo --format json --output "$TMP/result.json"; then
  if [ ! -s "$TMP/out" ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/result.json"; then pass
  else fail "--output: file missing or stdout not empty"; fi
fi
"$BIN" --output "$TMP/no/such/dir/x.json" >/dev/null 2>"$TMP/err"
status=$?
if [ "$status" -eq 1 ]; then pass; else fail "--output to a missing directory: exit $status, expected 1"; fi

# Query warnings go to stderr; the run still succeeds.
if run_ok --query 'approval=25&colour=red' --draws 50; then
  if grep -qF "warning: --query: unknown parameter 'colour' ignored" "$TMP/err"; then pass; else fail "no warning for an unknown query key"; fi
fi

if run_ok --help && grep -qF -- "--approval PCT" "$TMP/out" && grep -qF -- "--dep-north-america" "$TMP/out"; then pass; else fail "--help"; fi
if run_ok --version && grep -q "^rareshock " "$TMP/out"; then pass; else fail "--version"; fi

# Text that cannot be written is an error, whatever the text: help, version, results (a full disk: /dev/full).
if [ -w /dev/full ]; then
  for args in "--help" "--version" "--draws 20"; do
    # shellcheck disable=SC2086
    "$BIN" $args >/dev/full 2>"$TMP/err"
    status=$?
    if [ "$status" -eq 1 ] && grep -qF "could not write" "$TMP/err"; then pass
    else fail "rareshock $args >/dev/full: exit $status, expected 1 with a message"; cat "$TMP/err"; fi
  done
fi

# A reader that closes the pipe early (head) is a write error too: exit 1 with a message,
# not death by SIGPIPE (141). The CSV of a two-year horizon is far larger than a pipe's buffer.
"$BIN" --format csv --horizon 730 --draws 20 2>"$TMP/err" | head -c 10 >/dev/null
status=${PIPESTATUS[0]}
if [ "$status" -eq 1 ] && grep -qF "rareshock: could not write the results to standard output: Broken pipe" "$TMP/err"; then pass
else fail "rareshock --format csv --horizon 730 | head -c 10: exit $status, expected 1 with a message"; cat "$TMP/err"; fi

# Units are plural where plural.
if run_ok --help && grep -qF "1 to 90 days, default 10 days" "$TMP/out" && ! grep -qE "[0-9] day(,|$)" "$TMP/out"; then pass
else fail "--help: a singular 'day' after a range or default"; grep -nE "[0-9] day(,|$)" "$TMP/out"; fi
expect_usage_error "rareshock: --expedite: '999' is out of range (expected 1 to 90 days)" --expedite 999

# The report ends with a full link that reproduces it; the link fed back to --query gives the same result.
if run_ok --approval 35 --inventory 70 --draws 60 --seed 11; then
  link=$(sed -n 's/.*Reproduce: //p' "$TMP/out")
  case "$link" in
    https://graphics.example.com/rareshock/\?v=1\&*approval=35*) pass ;;
    *) fail "reproduce line is not a full link: '$link'" ;;
  esac
  cp "$TMP/out" "$TMP/report.txt"
  if run_ok --query "$link" && diff <(grep -v "Reproduce:" "$TMP/report.txt") <(grep -v "Reproduce:" "$TMP/out") >/dev/null; then pass
  else fail "--query with the reproduce link gives another report"; fi
fi
if run_ok --draws 30 --share-base 'https://news.example.com/2025/rare-earths#rareshock'; then
  if grep -qF "Reproduce: https://news.example.com/2025/rare-earths#rareshock?v=1&" "$TMP/out"; then pass
  else fail "--share-base: $(grep Reproduce "$TMP/out")"; fi
fi
expect_usage_error "rareshock: --share-base: 'javascript:alert(1)' is not an http: or https: URL" --share-base 'javascript:alert(1)'
expect_usage_error "rareshock: --share-base: 'ftp://example.org/' is not an http: or https: URL" --share-base=ftp://example.org/

printf 'cli_test.sh: %d passed, %d failed\n' "$passes" "$failures"
[ "$failures" -eq 0 ]
