// A plain timing program for the model, native and WebAssembly (Node): no
// Google Benchmark, so it builds with em++. Warms up, then times each case
// `runs` times and prints one parseable line per case:
//   case=<name> draws=<n> runs=<n> median_ms=<x> min_ms=<x>
// Usage: model_bench_plain [--runs N] [--warmup N]   (defaults 50, 5)
#include "model/model.h"
#include "model/query.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using namespace rareshock;
using Clock = std::chrono::steady_clock;

volatile double g_sink = 0.0;  // keeps results observable

template <typename Body>
void time_case(const char* name, int draws, int warmup, int runs, Body&& body) {
    for (int i = 0; i < warmup; ++i) body();
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        body();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    const std::size_t n = ms.size();
    const double median = n % 2 ? ms[n / 2] : 0.5 * (ms[n / 2 - 1] + ms[n / 2]);
    std::printf("case=%s draws=%d runs=%d median_ms=%.4f min_ms=%.4f\n", name, draws, runs, median, ms.front());
    std::fflush(stdout);
}

int int_arg(int argc, char** argv, const char* name, int fallback) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0) return std::max(1, std::atoi(argv[i + 1]));
    }
    return fallback;
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = int_arg(argc, argv, "--runs", 50);
    const int warmup = int_arg(argc, argv, "--warmup", 5);
#if defined(__EMSCRIPTEN__)
#if defined(__wasm_simd128__)
    std::printf("platform=wasm-simd128\n");
#else
    std::printf("platform=wasm\n");
#endif
#else
    std::printf("platform=native\n");
#endif

    Simulator simulator;
    Results results;
    const Inputs defaults;
    Inputs thousand;
    thousand.draws = 1000;

    time_case("full_default", defaults.draws, warmup, runs, [&] {
        simulator.run(defaults, results);
        g_sink = g_sink + results.regions[0].vehicles_lost.p50;
    });
    time_case("full_1000", thousand.draws, warmup, runs, [&] {
        simulator.run(thousand, results);
        g_sink = g_sink + results.regions[0].vehicles_lost.p50;
    });
    time_case("central", 1, warmup, runs * 4, [&] {
        simulator.run_central(defaults, results);
        g_sink = g_sink + results.regions[0].vehicles_lost.p50;
    });
    Inputs linked;
    linked.approval_pct = 37.5;
    linked.inventory_days = 52;
    std::string link = "?";
    link += encode_query(linked);
    link += "&theme=dark";
    time_case("query_decode", 0, warmup, runs * 4, [&] {
        const DecodedQuery d = decode_query(link);
        g_sink = g_sink + d.inputs.approval_pct;
    });
    return 0;
}
