#!/usr/bin/env bash
# Model speed, native against WebAssembly. Builds the native preset (Release),
# the web-test preset (-O3, with and without SIMD) and, from the web preset,
# the model exactly as the app ships it (-O2 -flto model, -Oz LTO link,
# emmalloc) and the site; runs Google Benchmark natively, the plain timing
# program natively and under Node, and the site's own rareshock.wasm in headless
# Chromium (bench/model_chromium.mjs: the app times its Monte Carlo), then
# prints the medians per case and the verdict for the model as shipped in
# Chromium: floor 4.3 ms (model 2) / goal 2 ms per 1,000 draws. Node runs the
# module without the inlining browsers do, so its "as shipped" column is slower.
#   scripts/bench.sh [RUNS]                 timed runs per case, default 50
#   scripts/bench.sh first-frame [RUNS]     the embed's first frame on a throttled phone
#                                           (bench/first_frame.mjs), default 3 runs
# Prints numbers; never fails on a slow machine (exit non-zero only if a build or run fails).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JOBS=${JOBS:-2}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
export EM_CLOSURE_COMPILER=${EM_CLOSURE_COMPILER:-$ROOT/node_modules/.bin/google-closure-compiler}
OUT=build/bench
mkdir -p "$OUT"

build_site() {
  echo "bench.sh: building the site (web preset)"
  cmake --preset web >/dev/null
  cmake --build build/web -j"$JOBS" --target site
}

if [ "${1:-}" = first-frame ]; then
  build_site
  echo
  node bench/first_frame.mjs --runs "${2:-3}" | tee "$OUT/first_frame.txt"
  exit 0
fi
RUNS=${1:-50}

echo "bench.sh: building native (Release)"
cmake --preset native >/dev/null
cmake --build build/native -j"$JOBS" --target model_bench_plain
have_gbench=0
if cmake --build build/native -j"$JOBS" --target model_bench >/dev/null 2>&1; then have_gbench=1; fi

echo "bench.sh: building web-test (WebAssembly, -O3)"
cmake --preset web-test >/dev/null
cmake --build build/web-test -j"$JOBS" --target model_bench_plain model_bench_plain_simd
echo "bench.sh: building the model as the app ships it (web preset: model -O2 -flto, -Oz LTO link, emmalloc)"
cmake --preset web >/dev/null
cmake --build build/web -j"$JOBS" --target model_bench_app
build_site

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
node --no-experimental-fetch build/web/src/platform/web/model_bench_app.js --runs "$RUNS" | tee "$OUT/wasm_app.txt"
echo
echo "== the site's rareshock.wasm in Chromium ($RUNS runs per case)"
node bench/model_chromium.mjs --runs "$RUNS" --native "$OUT/native.txt" | tee "$OUT/chromium.txt"

# value FILE CASE FIELD
value() { sed -n "s/^case=$2 .*$3=\([0-9.]*\).*/\1/p" "$1" | head -1; }

echo
printf '%-14s %7s %11s %12s %13s %16s %17s %9s %9s\n' case draws "native ms" "WASM -O3 ms" "WASM+SIMD ms" "Node as shipped" "Chromium shipped" "Node/nat" "Chrom/nat"
for c in full_default full_1000 central query_decode; do
  draws=$(sed -n "s/^case=$c draws=\([0-9]*\).*/\1/p" "$OUT/native.txt" | head -1)
  n=$(value "$OUT/native.txt" "$c" median_ms)
  w=$(value "$OUT/wasm.txt" "$c" median_ms)
  s=$(value "$OUT/wasm_simd.txt" "$c" median_ms)
  a=$(value "$OUT/wasm_app.txt" "$c" median_ms)
  b=$(value "$OUT/chromium.txt" "$c" median_ms)
  awk -v c="$c" -v d="$draws" -v n="$n" -v w="$w" -v s="$s" -v a="$a" -v b="$b" 'BEGIN {
    printf "%-14s %7s %11.4f %12.4f %13.4f %16.4f %17s %9.2f %9s\n", c, d, n, w, s, a,
      (b == "" ? "-" : sprintf("%.4f", b)), (n > 0 ? a / n : 0), (b == "" || n <= 0 ? "-" : sprintf("%.2f", b / n)) }'
done
echo "(medians; min and run counts in $OUT/*.txt; Chromium times the Monte Carlo cases only)"
echo
grep '^floor' "$OUT/chromium.txt"
