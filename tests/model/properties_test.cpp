// The properties of the model, checked over generated inputs (a seeded random
// sample across every range, random approval paths, full one-step sweeps and a
// regular grid over approval x inventory x lag), for the Monte Carlo
// percentiles and the central run:
//   - higher approval never makes anything worse; more inventory never makes
//     the first halt earlier (nor loses more); a longer lag never makes it later;
//   - 100% approval with zero lag, or zero China dependence: no losses;
//   - produced + lost = baseline, shares in [0, 1], no NaN/inf, P10 <= P50 <= P90;
//   - no knife-edges: one-point approval, one-day inventory and one-day lag
//     steps move world P50 losses by at most 10% + 1,000 vehicles;
//   - consistency: a region loses vehicles only on days some of its lines are stopped.
#include "model/model.h"
#include "model/query.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace rareshock;

constexpr double kNever = 1e18;  // a null first-halt day sorts after every day
constexpr double kRelTolerance = 1e-9;

double day_or_never(const std::optional<double>& d) { return d ? *d : kNever; }

// A uniform sample over every field's range, from std::mt19937's raw output
// (its distributions are not portable, its bits are).
Inputs random_inputs(std::mt19937& gen, int draws) {
    auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * (static_cast<double>(gen()) / 4294967296.0); };
    Inputs in;
    in.approval_pct = uniform(0, 100);
    in.inventory_days = uniform(0, 150);
    in.licence_lag_days = uniform(0, 180);
    in.transit_days = uniform(0, 120);
    for (ApprovalPath& path : in.approval_paths) {  // 1 to 4 increasing points
        const int points = 1 + static_cast<int>(uniform(0, 4));
        double day = uniform(0, 120), pct = uniform(0, 60);
        path = ApprovalPath{};
        for (int i = 0; i < points; ++i) {
            path.points[static_cast<std::size_t>(path.count++)] = {day, pct};
            day += 1 + uniform(0, 120);
            pct += uniform(0, 100 - pct);
        }
    }
    in.expedite_days = uniform(1, 90);
    for (int r = 0; r < kExportRegionCount; ++r) in.china_dependence_pct[static_cast<std::size_t>(r)] = uniform(0, 100);
    in.alt_supply_pct = uniform(0, 100);
    in.alt_ramp_days = uniform(1, 730);
    in.controlled_pct = uniform(0, 100);
    in.horizon_days = static_cast<int>(uniform(30, 400));
    in.draws = draws;
    in.seed = static_cast<std::uint32_t>(gen());
    return in;
}

std::string describe(const Inputs& in) {
    return "approval=" + std::to_string(in.approval_pct) + " path_europe=" + path_text(in.approval_paths[0]) +
           " inventory=" + std::to_string(in.inventory_days) +
           " lag=" + std::to_string(in.licence_lag_days) + " transit=" + std::to_string(in.transit_days) +
           " horizon=" + std::to_string(in.horizon_days) + " seed=" + std::to_string(in.seed);
}

bool finite(double v) { return v == v && v - v == 0.0; }

// Shares in [0, 1], no NaN/inf, ordered percentiles, losses within the baseline.
void expect_well_formed(const Results& r, const std::string& where) {
    for (int i = 0; i < kRegionCount; ++i) {
        SCOPED_TRACE(where + " region " + std::to_string(i));
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        for (const Range* range : {&rr.vehicles_lost, &rr.value_lost_usd}) {
            ASSERT_TRUE(finite(range->p10) && finite(range->p50) && finite(range->p90));
            EXPECT_GE(range->p10, 0.0);
            EXPECT_LE(range->p10, range->p50);
            EXPECT_LE(range->p50, range->p90);
        }
        // Produced + lost = baseline: production is what is not lost, and never negative.
        const double produced = rr.baseline_vehicles - rr.vehicles_lost.p90;
        EXPECT_GE(produced, -1e-6 * rr.baseline_vehicles);
        EXPECT_DOUBLE_EQ(produced + rr.vehicles_lost.p90, rr.baseline_vehicles);
        for (const OptionalRange* range : {&rr.first_halt_day, &rr.recovery_day}) {
            EXPECT_LE(day_or_never(range->p10), day_or_never(range->p50));
            EXPECT_LE(day_or_never(range->p50), day_or_never(range->p90));
            for (const auto& v : {range->p10, range->p50, range->p90})
                if (v) {
                    EXPECT_GE(*v, 0.0);
                    EXPECT_LE(*v, r.inputs.horizon_days);
                }
        }
        const RegionTimeline& tl = r.timeline[static_cast<std::size_t>(i)];
        ASSERT_EQ(tl.p50.size(), static_cast<std::size_t>(r.inputs.horizon_days) + 1);
        for (std::size_t t = 0; t < tl.p50.size(); ++t) {
            ASSERT_TRUE(tl.p10[t] >= 0.0f && tl.p90[t] <= 1.0f && tl.central[t] >= 0.0f && tl.central[t] <= 1.0f)
                << "day " << t;
            ASSERT_LE(tl.p10[t], tl.p50[t]) << "day " << t;
            ASSERT_LE(tl.p50[t], tl.p90[t]) << "day " << t;
        }
        EXPECT_GE(rr.peak_halted_share_p50, 0.0);
        EXPECT_LE(rr.peak_halted_share_p50, 1.0);
    }
    for (const ComponentResult& c : r.components) {
        EXPECT_TRUE(finite(c.time_to_survive_days) && finite(c.time_to_recover_days) && finite(c.shortage_days));
        EXPECT_GE(c.shortage_days, 0.0);
        EXPECT_LE(c.time_to_recover_days, r.inputs.horizon_days);
    }
    EXPECT_LE(r.world_vehicles_lost.p10, r.world_vehicles_lost.p50);
    EXPECT_LE(r.world_vehicles_lost.p50, r.world_vehicles_lost.p90);
}

// `better` has inputs that can only help: every loss percentile no larger,
// every first-halt percentile no earlier and, when `per_day`, every day's
// stopped share no higher. (More stock does not lower every day's share: a
// line that runs out later may still be stopped on a day when, running out
// earlier, it would already have restarted. Its first stop and its losses
// still never get worse.) Losses are checked gross (the output lost while
// plants stood) and, unless `net` is false, net of what extra shifts make up
// before the horizon.
void expect_no_worse(const Results& better, const Results& worse, const std::string& where, bool per_day, bool net = true) {
    for (int i = 0; i < kExportRegionCount; ++i) {
        SCOPED_TRACE(where + " region " + std::to_string(i));
        const RegionResult& b = better.regions[static_cast<std::size_t>(i)];
        const RegionResult& w = worse.regions[static_cast<std::size_t>(i)];
        for (Range RegionResult::*lost : {&RegionResult::gross_vehicles_lost, &RegionResult::vehicles_lost}) {
            if (!net && lost == &RegionResult::vehicles_lost) continue;
            const double slack = kRelTolerance * (1.0 + (w.*lost).p90);
            EXPECT_LE((b.*lost).p10, (w.*lost).p10 + slack);
            EXPECT_LE((b.*lost).p50, (w.*lost).p50 + slack);
            EXPECT_LE((b.*lost).p90, (w.*lost).p90 + slack);
        }
        EXPECT_GE(day_or_never(b.first_halt_day.p10), day_or_never(w.first_halt_day.p10));
        EXPECT_GE(day_or_never(b.first_halt_day.p50), day_or_never(w.first_halt_day.p50));
        EXPECT_GE(day_or_never(b.first_halt_day.p90), day_or_never(w.first_halt_day.p90));
        const RegionTimeline& bt = better.timeline[static_cast<std::size_t>(i)];
        const RegionTimeline& wt = worse.timeline[static_cast<std::size_t>(i)];
        for (std::size_t t = 0; per_day && t < bt.p50.size(); ++t) {
            ASSERT_LE(bt.central[t], wt.central[t] + 1e-6f) << "day " << t;
            ASSERT_LE(bt.p50[t], wt.p50[t] + 1e-6f) << "day " << t;
        }
    }
    EXPECT_LE(better.world_gross_vehicles_lost.p50, worse.world_gross_vehicles_lost.p50 * (1 + kRelTolerance) + 1e-6);
    if (net) {
        EXPECT_LE(better.world_vehicles_lost.p50, worse.world_vehicles_lost.p50 * (1 + kRelTolerance) + 1e-6);
    }
}

void expect_no_losses(const Results& r, const std::string& where) {
    for (int i = 0; i < kRegionCount; ++i) {
        SCOPED_TRACE(where + " region " + std::to_string(i));
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        EXPECT_EQ(rr.vehicles_lost.p90, 0.0);
        EXPECT_FALSE(rr.first_halt_day.p10.has_value());
        for (float v : r.timeline[static_cast<std::size_t>(i)].p90) ASSERT_EQ(v, 0.0f);
        for (float v : r.timeline[static_cast<std::size_t>(i)].central) ASSERT_EQ(v, 0.0f);
    }
    EXPECT_EQ(r.world_vehicles_lost.p90, 0.0);
}

class Both {  // the Monte Carlo run and the central run of the same inputs
public:
    void run(const Inputs& in) {
        sim_.run(in, mc);
        sim_.run_central(in, central);
    }
    Results mc, central;

private:
    Simulator sim_;
};

void check_pair(const Inputs& better_in, const Inputs& worse_in, const std::string& what, bool per_day = true, bool net = true) {
    static Both better, worse;
    better.run(better_in);
    worse.run(worse_in);
    const std::string where = what + " | " + describe(worse_in);
    expect_well_formed(better.mc, where);
    expect_no_worse(better.mc, worse.mc, where, per_day, net);
    expect_no_worse(better.central, worse.central, where + " (central)", per_day, net);
}

double up(double v, double by, double hi) { return v + by > hi ? hi : v + by; }

// Under sanitizers and in WebAssembly, every property runs on a smaller
// sample (the same code, the same generators); the native stage runs it all.
#if defined(RS_SLOW_BUILD) || defined(__EMSCRIPTEN__)
constexpr int kSamples = 60;
constexpr int kKnifeEdgeBases = 1;
constexpr bool kEveryPresetLine = false;
#else
constexpr int kSamples = 240;
constexpr int kKnifeEdgeBases = 6;
constexpr bool kEveryPresetLine = true;
#endif
constexpr int kSampleDraws = 60;

TEST(Properties, HigherApprovalNeverWorseOnASample) {
    std::mt19937 gen(1);
    for (int k = 0; k < kSamples; ++k) {
        const Inputs in = random_inputs(gen, kSampleDraws);
        Inputs more = in;
        more.approval_pct = up(in.approval_pct, 5 + k % 30, 100);
        check_pair(more, in, "approval");
        Inputs path = in;  // a faster path in one region
        ApprovalPath& p = path.approval_paths[static_cast<std::size_t>(k % kExportRegionCount)];
        for (int i = 0; i < p.count; ++i) p.points[static_cast<std::size_t>(i)].approved_pct = up(p.points[static_cast<std::size_t>(i)].approved_pct, 10, 100);
        check_pair(path, in, "path");
        Inputs quicker = in;  // faster emergency supply
        quicker.expedite_days = in.expedite_days > 2 ? in.expedite_days - 1 - k % 10 * 0.1 : in.expedite_days;
        check_pair(quicker, in, "expedite");
        if (HasFatalFailure()) return;
    }
}

TEST(Properties, MoreInventoryNeverHaltsEarlierOnASample) {
    std::mt19937 gen(2);
    for (int k = 0; k < kSamples; ++k) {
        const Inputs in = random_inputs(gen, kSampleDraws);
        Inputs more = in;
        more.inventory_days = up(in.inventory_days, 1 + k % 40, 365);
        check_pair(more, in, "inventory", false);
        if (HasFatalFailure()) return;
    }
}

TEST(Properties, LongerLagNeverHaltsLaterOnASample) {
    std::mt19937 gen(3);
    for (int k = 0; k < kSamples; ++k) {
        const Inputs in = random_inputs(gen, kSampleDraws);
        Inputs longer = in;
        longer.licence_lag_days = up(in.licence_lag_days, 1 + k % 50, 180);
        check_pair(in, longer, "lag");
        if (HasFatalFailure()) return;
    }
}

TEST(Properties, OtherHelpfulInputsNeverWorseOnASample) {
    std::mt19937 gen(4);
    for (int k = 0; k < kSamples / 2; ++k) {
        const Inputs in = random_inputs(gen, kSampleDraws);
        Inputs transit = in;  // more already shipped
        transit.transit_days = up(in.transit_days, 1 + k % 20, 120);
        // Gross only: more in transit moves every stop later, which leaves less of
        // the horizon to make up, so the net loss within the horizon can grow a little.
        check_pair(transit, in, "transit", false, false);
        Inputs alt = in;  // more alternative supply
        alt.alt_supply_pct = up(in.alt_supply_pct, 10, 100);
        check_pair(alt, in, "alt_supply");
        Inputs fewer = in;  // fewer magnets under licence
        fewer.controlled_pct = in.controlled_pct * 0.8;
        check_pair(fewer, in, "controlled");
        Inputs less_dependent = in;
        for (double& d : less_dependent.china_dependence_pct) d *= 0.9;
        check_pair(less_dependent, in, "dependence");
        if (HasFatalFailure()) return;
    }
}

TEST(Properties, RegularGridOverApprovalInventoryAndLag) {
    const double approvals[] = {0, 10, 25, 40, 60, 80, 95, 100};
    const double inventories[] = {0, 10, 30, 45, 60, 90, 150};
    const double lags[] = {0, 20, 45, 63, 90, 150};
    auto at = [&](int a, int i, int l) {
        Inputs in;
        in.approval_pct = approvals[a];
        in.inventory_days = inventories[i];
        in.licence_lag_days = lags[l];
        in.draws = 40;
        return in;
    };
    for (int a = 0; a < 8; ++a)
        for (int i = 0; i < 7; ++i)
            for (int l = 0; l < 6; ++l) {
                if (a + 1 < 8) check_pair(at(a + 1, i, l), at(a, i, l), "grid approval");
                if (i + 1 < 7) check_pair(at(a, i + 1, l), at(a, i, l), "grid inventory", false);
                if (l + 1 < 6) check_pair(at(a, i, l), at(a, i, l + 1), "grid lag");
                if (HasFatalFailure()) return;
            }
}

TEST(Properties, FullApprovalWithoutLagLosesNothing) {
    std::mt19937 gen(5);
    Both both;
    for (int k = 0; k < 60; ++k) {
        Inputs in = random_inputs(gen, 30);
        in.approval_pct = 100;
        in.licence_lag_days = 0;
        both.run(in);
        expect_no_losses(both.mc, describe(in));
        expect_no_losses(both.central, describe(in) + " (central)");
        if (HasFatalFailure()) return;
    }
}

TEST(Properties, NoChinaDependenceLosesNothing) {
    std::mt19937 gen(6);
    Both both;
    for (int k = 0; k < 60; ++k) {
        Inputs in = random_inputs(gen, 30);
        in.china_dependence_pct = {0, 0, 0, 0, 0, 0};
        both.run(in);
        expect_no_losses(both.mc, describe(in));
        expect_no_losses(both.central, describe(in) + " (central)");
        if (HasFatalFailure()) return;
    }
}

TEST(Properties, WellFormedAtTheEdgesOfEveryRange) {
    Both both;
    for (const InputField& f : input_fields()) {
        if (f.key == "draws" || f.key == "seed" || f.kind == FieldKind::Path) continue;
        for (double v : {f.min_value, f.max_value}) {
            Inputs in;
            in.draws = 50;
            set_field(in, f, v);
            both.run(in);
            expect_well_formed(both.mc, std::string(f.key) + "=" + std::to_string(v));
            expect_well_formed(both.central, std::string(f.key) + "=" + std::to_string(v) + " (central)");
        }
    }
}

// World P50 losses along one input, one step at a time: every step within
// 10% + 1,000 vehicles, and the largest step against that bound reported.
//
// One stretch is exempt from the 10% bound, by arithmetic rather than choice:
// approval steps below the reference rate (25 %). A full embargo (0 %) loses
// millions of vehicles and the reported path (25 %) tens of thousands; ten
// percent a step for 25 steps can only span a factor 1.1^25 = 11, so those
// steps must average ln(L(0) / L(25)) / 25 (about 20 % for the defaults).
// There the test asserts evenness instead: no step larger than three times that
// average, so the fall is spread over the whole stretch, not a knife-edge.
struct Step { double ratio = 0.0, from = 0.0, to = 0.0; std::string where; };

void expect_no_knife_edge(const char* what, const std::vector<Inputs>& line, Step& worst, Step& worst_low) {
    Simulator sim;
    Results r;
    std::vector<double> world;
    for (const Inputs& in : line) {
        sim.run(in, r);
        world.push_back(r.world_vehicles_lost.p50);
    }
    const bool approval = std::string(what) == "approval";
    const int reference = static_cast<int>(kReferenceApprovalPct);
    const double low_even = approval && world[0] > 0.0 && world[static_cast<std::size_t>(reference)] > 0.0
                                ? std::log(world[0] / world[static_cast<std::size_t>(reference)]) / reference
                                : 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double a = world[i - 1], b = world[i];
        const std::string where = std::string(what) + " step to " + describe(line[i]);
        if (approval && static_cast<int>(i) <= reference && low_even > 0.0) {
            const double log_step = std::fabs(std::log((b + 1.0) / (a + 1.0)));
            const double ratio = log_step / (3.0 * low_even);
            if (ratio > worst_low.ratio) worst_low = {ratio, a, b, where};
            EXPECT_LE(ratio, 1.0) << a << " -> " << b << " at " << where;
            continue;
        }
        const double jump = std::fabs(b - a);
        const double bound = 0.1 * std::max(a, b) + 1000.0;
        if (jump / bound > worst.ratio) worst = {jump / bound, a, b, where};
        EXPECT_LE(jump, bound) << a << " -> " << b << " at " << where;
    }
}

// Every one-step line through a base point: approval 0..100 by 1, inventory
// 0..365 by 1, lag 0..180 by 1.
void check_lines_through(const Inputs& base, Step& worst, Step& worst_low) {
    std::vector<Inputs> approval, inventory, lag;
    for (int a = 0; a <= 100; ++a) { Inputs in = base; in.approval_pct = a; approval.push_back(in); }
    for (int d = 0; d <= 365; ++d) { Inputs in = base; in.inventory_days = d; inventory.push_back(in); }
    for (int l = 0; l <= 180; ++l) { Inputs in = base; in.licence_lag_days = l; lag.push_back(in); }
    expect_no_knife_edge("approval", approval, worst, worst_low);
    expect_no_knife_edge("inventory", inventory, worst, worst_low);
    expect_no_knife_edge("lag", lag, worst, worst_low);
}

void report(const char* what, const Step& worst, const Step& worst_low) {
    std::printf("[ knife-edge ] %s: largest step %.0f -> %.0f vehicles, %.2f of 10%% + 1,000 (%s)\n", what, worst.from,
                worst.to, worst.ratio, worst.where.c_str());
    std::printf("[ knife-edge ] %s: below 25%% approval, largest step %.0f -> %.0f vehicles, %.2f of three times the even step (%s)\n",
                what, worst_low.from, worst_low.to, worst_low.ratio, worst_low.where.c_str());
}

TEST(KnifeEdges, OneStepsMoveWorldLossesSmoothlyThroughEveryPreset) {
    Step worst, worst_low;
    for (const Preset& p : presets()) {
        check_lines_through(p.inputs, worst, worst_low);
        if (!kEveryPresetLine) break;  // slow builds: the 2025 preset only
    }
    report("presets", worst, worst_low);
}

TEST(KnifeEdges, OneStepsMoveWorldLossesSmoothlyOnARandomSample) {
    std::mt19937 gen(7);
    Step worst, worst_low;
    for (int k = 0; k < kKnifeEdgeBases; ++k) {
        Inputs base = random_inputs(gen, 400);
        base.horizon_days = 365;
        check_lines_through(base, worst, worst_low);
        if (HasFailure()) break;
    }
    report("random sample", worst, worst_low);
}

// The chart counts whole plants (the nearest whole number to the expected
// count): a day with a plant stopped loses vehicles, and a day that shows none
// loses less than half a plant's output (its lines' expected stops round to 0).
TEST(Consistency, VehiclesAreLostOnlyOnDaysWithLinesStopped) {
    std::mt19937 gen(8);
    Simulator sim;
    Results r;
    std::vector<Inputs> cases;
    for (const Preset& p : presets()) cases.push_back(p.inputs);
    for (int k = 0; k < 60; ++k) cases.push_back(random_inputs(gen, 1));
    for (const Inputs& in : cases) {
        sim.run_central(in, r);
        for (int i = 0; i < kRegionCount; ++i) {
            const RegionTimeline& tl = r.timeline[static_cast<std::size_t>(i)];
            double total = 0.0;
            for (std::size_t t = 0; t < tl.central.size(); ++t) {
                const RegionData& rd = region_data()[static_cast<std::size_t>(i)];
                if (tl.central[t] > 0.0f) {
                    ASSERT_GT(tl.lost_central[t], 0.0f) << "region " << i << " day " << t << " | " << describe(in);
                } else {
                    ASSERT_LT(tl.lost_central[t], rd.vehicles_per_year / 365.0 * 0.5 / rd.plants + 1e-9)
                        << "region " << i << " day " << t << " | " << describe(in);
                }
                const double plants = static_cast<double>(tl.central[t]) * rd.plants;  // whole, up to float rounding
                ASSERT_NEAR(plants, static_cast<double>(static_cast<long long>(plants + 0.5)), 1e-4) << "region " << i << " day " << t;
                total += tl.lost_central[t];
            }
            // The day-by-day losses are gross: what stopped lines did not build on the day.
            const double lost = r.regions[static_cast<std::size_t>(i)].gross_vehicles_lost.p50;
            EXPECT_NEAR(total, lost, 1e-4 * (1.0 + lost)) << "region " << i << " | " << describe(in);
            EXPECT_LE(r.regions[static_cast<std::size_t>(i)].vehicles_lost.p50, lost + 1e-9) << "net never above gross";
        }
    }
}

}  // namespace
