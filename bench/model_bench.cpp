// Google Benchmark (native): the model's hot paths. scripts/bench.sh runs it and
// prints the comparison with WebAssembly; nothing here asserts a timing.
#include "model/model.h"
#include "model/query.h"

#include <benchmark/benchmark.h>

namespace {

using namespace rareshock;

void run_full(benchmark::State& state, int draws) {
    Simulator simulator;
    Results results;
    Inputs in;
    if (draws > 0) in.draws = draws;
    for (auto _ : state) {
        simulator.run(in, results);
        benchmark::DoNotOptimize(results.regions[0].vehicles_lost.p50);
    }
    state.counters["draws"] = in.draws;
}

void BM_RunDefaultDraws(benchmark::State& state) { run_full(state, 0); }
void BM_Run1000Draws(benchmark::State& state) { run_full(state, 1000); }

void BM_RunCentral(benchmark::State& state) {
    Simulator simulator;
    Results results;
    const Inputs in;
    for (auto _ : state) {
        simulator.run_central(in, results);
        benchmark::DoNotOptimize(results.regions[0].vehicles_lost.p50);
    }
}

void BM_QueryDecode(benchmark::State& state) {
    Inputs in;
    in.approval_pct = 37.5;
    in.inventory_days = 52;
    in.licence_lag_days = 70;
    in.china_dependence_pct[1] = 85;
    std::string link = "?";
    link += encode_query(in);
    link += "&theme=dark";
    for (auto _ : state) {
        DecodedQuery d = decode_query(link);
        benchmark::DoNotOptimize(d.inputs.approval_pct);
    }
}

void BM_QueryEncode(benchmark::State& state) {
    Inputs in;
    in.approval_pct = 37.5;
    in.inventory_days = 52.123456789;
    for (auto _ : state) {
        std::string link = encode_query(in);
        benchmark::DoNotOptimize(link.data());
    }
}

}  // namespace

BENCHMARK(BM_RunDefaultDraws)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Run1000Draws)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RunCentral)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryDecode)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryEncode)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
