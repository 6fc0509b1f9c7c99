#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz", clang) and runs each for a while.
#   scripts/fuzz.sh [SECONDS] [fuzz_query|fuzz_cli|all]     default: 60 all
# The corpus grows in build/fuzz/corpus/<target> (seeded from tests/fuzz/seeds/);
# crash inputs land in build/fuzz/artifacts/<target>/. Exits non-zero on a crash.
# Reproduce one: build/fuzz/tests/fuzz/<target> build/fuzz/artifacts/<target>/crash-…
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SECONDS_PER_TARGET=${1:-60}
WHICH=${2:-all}
case "$SECONDS_PER_TARGET" in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, got '$SECONDS_PER_TARGET'" >&2; exit 2 ;; esac
case "$WHICH" in
  all) TARGETS=(fuzz_query fuzz_cli) ;;
  fuzz_query|fuzz_cli) TARGETS=("$WHICH") ;;
  query|cli) TARGETS=("fuzz_$WHICH") ;;
  *) echo "fuzz.sh: unknown target '$WHICH' (expected fuzz_query, fuzz_cli or all)" >&2; exit 2 ;;
esac

JOBS=${JOBS:-2}
echo "fuzz.sh: building (preset fuzz)"
cmake --preset fuzz >/dev/null
cmake --build build/fuzz -j"$JOBS" --target "${TARGETS[@]}"

declare -A SEEDS=([fuzz_query]=query [fuzz_cli]=cli)
declare -A MAXLEN=([fuzz_query]=9000 [fuzz_cli]=2048)
REPORT=()
status=0
for target in "${TARGETS[@]}"; do
  kind=${SEEDS[$target]}
  corpus="build/fuzz/corpus/$target"
  artifacts="build/fuzz/artifacts/$target"
  log="build/fuzz/$target.log"
  mkdir -p "$corpus" "$artifacts"
  cp -n tests/fuzz/seeds/"$kind"/* "$corpus"/ 2>/dev/null || true
  crashes_before=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  echo "fuzz.sh: running $target for ${SECONDS_PER_TARGET}s (log: $log)"
  set +e
  "build/fuzz/tests/fuzz/$target" "$corpus" \
    -dict="tests/fuzz/$kind.dict" -max_total_time="$SECONDS_PER_TARGET" -max_len="${MAXLEN[$target]}" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
  crashes_after=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  new_crashes=$((crashes_after - crashes_before))
  corpus_size=$(find "$corpus" -type f | wc -l)
  if [ "$rc" -ne 0 ] || [ "$new_crashes" -gt 0 ]; then
    status=1
    echo "fuzz.sh: $target FAILED (exit $rc); last lines of $log:"
    grep -E 'ERROR|fuzz_(query|cli):|SUMMARY|Test unit written' "$log" | head -20 || tail -20 "$log"
  fi
  REPORT+=("$(printf '%-12s %12s %8s %8s %6s' "$target" "${execs:-?}" "$new_crashes" "$corpus_size" "$rc")")
done

echo
printf '%-12s %12s %8s %8s %6s\n' target executions crashes corpus exit
printf '%s\n' "${REPORT[@]}"
exit "$status"
