// model_digest: one line per scenario with a 64-bit FNV-1a hash over the bit
// patterns of every number in Results and over its JSON. scripts/test.sh runs
// it natively and as WebAssembly under Node and diffs the two outputs: equal
// lines prove the model gives bit-identical results on both platforms.
#include "model/model.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

using namespace rareshock;

struct Fnv1a {
    std::uint64_t h = 0xcbf29ce484222325ull;
    void bytes(const void* p, std::size_t n) {
        const unsigned char* b = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) {
            h ^= b[i];
            h *= 0x100000001b3ull;
        }
    }
    void real(double v) {
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        bytes(&bits, sizeof bits);
    }
    void real(float v) {
        std::uint32_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        bytes(&bits, sizeof bits);
    }
    void optional(const std::optional<double>& v) {
        const unsigned char present = v ? 1 : 0;
        bytes(&present, 1);
        if (v) real(*v);
    }
    void range(const Range& r) { real(r.p10), real(r.p50), real(r.p90); }
    void range(const OptionalRange& r) { optional(r.p10), optional(r.p50), optional(r.p90); }
    void floats(const std::vector<float>& v) {
        for (float x : v) real(x);
    }
};

std::uint64_t digest(const Results& r) {
    Fnv1a f;
    for (const RegionResult& rr : r.regions) {
        f.range(rr.first_halt_day);
        f.range(rr.vehicles_lost);
        f.range(rr.value_lost_usd);
        f.range(rr.recovery_day);
        f.real(rr.baseline_vehicles);
        f.real(rr.peak_halted_share_p50);
    }
    for (const RegionTimeline& tl : r.timeline) {
        f.floats(tl.p10);
        f.floats(tl.p50);
        f.floats(tl.p90);
        f.floats(tl.central);
        f.floats(tl.lost_central);
    }
    for (const ComponentResult& cr : r.components) {
        f.real(cr.time_to_survive_days);
        f.real(cr.time_to_recover_days);
        f.real(cr.shortage_days);
        f.real(static_cast<double>(cr.rank));
        f.range(cr.peak_lines_stopped);
    }
    f.range(r.world_vehicles_lost);
    f.range(r.world_value_lost_usd);
    const std::string json = results_to_json(r);
    f.bytes(json.data(), json.size());
    return f.h;
}

}  // namespace

int main() {
    std::vector<std::pair<std::string, Inputs>> cases;
    for (const Preset& p : presets()) {
        Inputs in = p.inputs;
        in.draws = 1000;
        cases.emplace_back("preset-" + std::string(p.id), in);
    }
    Inputs in;
    in.draws = 1000;
    {
        Inputs c = in;
        c.inventory_days = 0;
        cases.emplace_back("no-inventory", c);
    }
    {
        Inputs c = in;
        c.approval_pct = 100, c.licence_lag_days = 0;
        cases.emplace_back("full-approval-no-lag", c);
    }
    {
        Inputs c = in;
        c.china_dependence_pct = {0, 0, 0, 0, 0, 0};
        cases.emplace_back("no-china-dependence", c);
    }
    {
        Inputs c = in;
        c.horizon_days = 730, c.draws = 5000, c.inventory_days = 120, c.seed = 1;
        cases.emplace_back("long-horizon-5000-draws", c);
    }
    {
        Inputs c = in;
        c.horizon_days = 30, c.draws = 1, c.transit_days = 0, c.licence_lag_days = 180, c.seed = 4294967295u;
        cases.emplace_back("short-one-draw", c);
    }
    {
        Inputs c = in;
        c.approval_pct = 37.3, c.inventory_days = 12.7, c.alt_supply_pct = 55, c.alt_ramp_days = 40,
        c.controlled_pct = 100, c.expedite_days = 3.3;
        c.approval_paths[1] = make_path({{10, 5}, {150, 33.3}, {151, 90}});
        cases.emplace_back("odd-values", c);
    }
    Simulator sim;
    Results results;
    for (const auto& [name, inputs] : cases) {
        sim.run(inputs, results);
        std::printf("%-26s %016llx\n", name.c_str(), static_cast<unsigned long long>(digest(results)));
        sim.run_central(inputs, results);
        std::printf("%-26s %016llx\n", (name + "/central").c_str(), static_cast<unsigned long long>(digest(results)));
    }
    return 0;
}
