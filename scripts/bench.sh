#!/usr/bin/env bash
# Model speed, native against WebAssembly. Builds the native preset (Release)
# and the web-test preset, runs Google Benchmark natively and the plain timing
# program natively and under Node (with and without WASM SIMD), then prints:
#   case, native ms, WASM ms, WASM/native, and the verdict against the
#   one-frame budget: floor 8 ms / goal 2 ms per 1,000 draws in WASM.
#   scripts/bench.sh [RUNS]      timed runs per case, default 50
# Prints numbers; never fails on a slow machine (exit non-zero only if a build or run fails).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS=${1:-50}
JOBS=${JOBS:-2}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
OUT=build/bench
mkdir -p "$OUT"

echo "bench.sh: building native (Release)"
cmake --preset native >/dev/null
cmake --build build/native -j"$JOBS" --target model_bench_plain
have_gbench=0
if cmake --build build/native -j"$JOBS" --target model_bench >/dev/null 2>&1; then have_gbench=1; fi

echo "bench.sh: building web-test (WebAssembly, -O3)"
cmake --preset web-test >/dev/null
cmake --build build/web-test -j"$JOBS" --target model_bench_plain model_bench_plain_simd

if [ "$have_gbench" = 1 ]; then
  echo
  echo "== Google Benchmark (native)"
  build/native/bench/model_bench --benchmark_min_time=0.5 | tee "$OUT/gbench.txt"
fi

echo
echo "== plain timings ($RUNS runs per case)"
build/native/bench/model_bench_plain --runs "$RUNS" | tee "$OUT/native.txt"
node --no-experimental-fetch build/web-test/bench/model_bench_plain.js --runs "$RUNS" | tee "$OUT/wasm.txt"
node --no-experimental-fetch build/web-test/bench/model_bench_plain_simd.js --runs "$RUNS" | tee "$OUT/wasm_simd.txt"

# value FILE CASE FIELD
value() { sed -n "s/^case=$2 .*$3=\([0-9.]*\).*/\1/p" "$1" | head -1; }

echo
printf '%-14s %7s %12s %12s %14s %10s %14s\n' case draws "native ms" "WASM ms" "WASM+SIMD ms" "WASM/nat" "SIMD/noSIMD"
for c in full_default full_1000 central query_decode; do
  draws=$(sed -n "s/^case=$c draws=\([0-9]*\).*/\1/p" "$OUT/native.txt" | head -1)
  n=$(value "$OUT/native.txt" "$c" median_ms)
  w=$(value "$OUT/wasm.txt" "$c" median_ms)
  s=$(value "$OUT/wasm_simd.txt" "$c" median_ms)
  awk -v c="$c" -v d="$draws" -v n="$n" -v w="$w" -v s="$s" 'BEGIN {
    printf "%-14s %7s %12.4f %12.4f %14.4f %10.2f %14.2f\n", c, d, n, w, s, (n > 0 ? w / n : 0), (w > 0 ? s / w : 0) }'
done
echo "(medians; min and run counts in $OUT/*.txt)"

w1000=$(value "$OUT/wasm.txt" full_1000 median_ms)
s1000=$(value "$OUT/wasm_simd.txt" full_1000 median_ms)
awk -v w="$w1000" -v s="$s1000" 'BEGIN {

  verdict = (w <= 2.0) ? "PASS (goal met)" : (w <= 8.0) ? "PASS (floor met, goal missed)" : "FAIL"
  printf "\nfloor 8 ms / goal 2 ms per 1,000 draws in WASM: %s  (%.3f ms without SIMD, %.3f ms with SIMD)\n", verdict, w, s
}'
