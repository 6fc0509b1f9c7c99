// The simulation: shapes, determinism, central vs Monte Carlo, edge inputs,
// no allocation in the steady state, and the 2025 calibration.
#include "model/fastmath.h"
#include "model/model.h"
#include "model/results.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace rareshock;

constexpr int kEurope = static_cast<int>(Region::Europe);
constexpr int kNorthAmerica = static_cast<int>(Region::NorthAmerica);
constexpr int kJapan = static_cast<int>(Region::Japan);
constexpr int kChina = static_cast<int>(Region::China);

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
bool same_bits(const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() == b.has_value() && (!a || same_bits(*a, *b));
}

// Every number of two results, bit for bit.
bool identical(const Results& a, const Results& b) {
    if (!(a.inputs == b.inputs) || a.bands_ready != b.bands_ready || a.summary != b.summary) return false;
    for (int r = 0; r < kRegionCount; ++r) {
        const RegionResult& x = a.regions[static_cast<std::size_t>(r)];
        const RegionResult& y = b.regions[static_cast<std::size_t>(r)];
        for (auto [p, q] : {std::pair{&x.first_halt_day, &y.first_halt_day}, std::pair{&x.recovery_day, &y.recovery_day}})
            if (!same_bits(p->p10, q->p10) || !same_bits(p->p50, q->p50) || !same_bits(p->p90, q->p90)) return false;
        for (auto [p, q] : {std::pair{&x.vehicles_lost, &y.vehicles_lost}, std::pair{&x.value_lost_usd, &y.value_lost_usd}})
            if (!same_bits(p->p10, q->p10) || !same_bits(p->p50, q->p50) || !same_bits(p->p90, q->p90)) return false;
        const RegionTimeline& s = a.timeline[static_cast<std::size_t>(r)];
        const RegionTimeline& t = b.timeline[static_cast<std::size_t>(r)];
        if (s.p10 != t.p10 || s.p50 != t.p50 || s.p90 != t.p90 || s.central != t.central) return false;
    }
    for (int c = 0; c < kComponentCount; ++c) {
        const ComponentResult& x = a.components[static_cast<std::size_t>(c)];
        const ComponentResult& y = b.components[static_cast<std::size_t>(c)];
        if (!same_bits(x.time_to_survive_days, y.time_to_survive_days) ||
            !same_bits(x.time_to_recover_days, y.time_to_recover_days) || !same_bits(x.shortage_days, y.shortage_days))
            return false;
    }
    return same_bits(a.world_vehicles_lost.p50, b.world_vehicles_lost.p50);
}

TEST(Simulation, RunFillsEveryFieldForTheHorizon) {
    Simulator sim;
    Results r;
    Inputs in;
    in.horizon_days = 200;
    in.draws = 300;
    sim.run(in, r);
    EXPECT_TRUE(r.bands_ready);
    EXPECT_EQ(r.inputs, in);
    EXPECT_FALSE(r.summary.empty());
    for (int i = 0; i < kRegionCount; ++i) {
        const RegionTimeline& tl = r.timeline[static_cast<std::size_t>(i)];
        EXPECT_EQ(tl.p10.size(), 201u);
        EXPECT_EQ(tl.p50.size(), 201u);
        EXPECT_EQ(tl.p90.size(), 201u);
        EXPECT_EQ(tl.central.size(), 201u);
        EXPECT_EQ(r.regions[static_cast<std::size_t>(i)].id, static_cast<Region>(i));
        EXPECT_DOUBLE_EQ(r.regions[static_cast<std::size_t>(i)].baseline_vehicles,
                         region_data()[static_cast<std::size_t>(i)].vehicles_per_year / 365.0 * 201.0);
    }
    for (int c = 0; c < kComponentCount; ++c) EXPECT_EQ(r.components[static_cast<std::size_t>(c)].id, static_cast<Component>(c));
}

TEST(Simulation, ChinaIsAReferenceRowWithoutLosses) {
    Simulator sim;
    Results r;
    Inputs in = find_preset("embargo")->inputs;
    in.draws = 100;
    sim.run(in, r);
    const RegionResult& china = r.regions[kChina];
    EXPECT_FALSE(china.first_halt_day.p10 || china.first_halt_day.p50 || china.first_halt_day.p90);
    EXPECT_EQ(china.vehicles_lost.p90, 0.0);
    EXPECT_GT(china.baseline_vehicles, 0.0);
    for (float v : r.timeline[kChina].p90) EXPECT_EQ(v, 0.0f);
    EXPECT_GT(r.regions[kEurope].vehicles_lost.p50, 0.0);
}

TEST(Simulation, CentralRunSetsEveryPercentileToTheCentralValue) {
    Simulator sim;
    Results r;
    sim.run_central(Inputs{}, r);
    EXPECT_FALSE(r.bands_ready);
    for (int i = 0; i < kRegionCount; ++i) {
        const RegionTimeline& tl = r.timeline[static_cast<std::size_t>(i)];
        EXPECT_EQ(tl.p10, tl.central);
        EXPECT_EQ(tl.p50, tl.central);
        EXPECT_EQ(tl.p90, tl.central);
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        EXPECT_EQ(rr.vehicles_lost.p10, rr.vehicles_lost.p90);
        EXPECT_EQ(rr.first_halt_day.p10, rr.first_halt_day.p90);
    }
    EXPECT_EQ(r.summary, summary_sentence(r));
    EXPECT_EQ(r.summary.find("P10"), std::string::npos);
}

TEST(Simulation, MonteCarloCentralTimelineEqualsRunCentral) {
    Simulator sim;
    Results mc, central;
    for (const Preset& p : presets()) {
        Inputs in = p.inputs;
        in.draws = 50;
        sim.run(in, mc);
        sim.run_central(in, central);
        for (int i = 0; i < kRegionCount; ++i)
            EXPECT_EQ(mc.timeline[static_cast<std::size_t>(i)].central, central.timeline[static_cast<std::size_t>(i)].central) << p.id;
        for (int c = 0; c < kComponentCount; ++c)  // (the first stops, and so the shortages, come from the draws)
            EXPECT_EQ(mc.components[static_cast<std::size_t>(c)].time_to_recover_days,
                      central.components[static_cast<std::size_t>(c)].time_to_recover_days);
    }
}

TEST(Simulation, SameInputsAndSeedGiveIdenticalBitsDifferentSeedsDiffer) {
    Simulator a, b;
    Results ra, rb, rc;
    Inputs in;
    in.draws = 500;
    a.run(in, ra);
    b.run(Inputs{}, rb);  // a run in between must leave no trace
    b.run(in, rb);
    EXPECT_TRUE(identical(ra, rb));
    a.run(in, rc);
    EXPECT_TRUE(identical(ra, rc));
    in.seed += 1;
    a.run(in, rc);
    EXPECT_FALSE(identical(ra, rc));
    EXPECT_NE(ra.world_vehicles_lost.p50, rc.world_vehicles_lost.p50);
}

TEST(Simulation, SlicedRunGivesTheSameBitsAsRun) {
    Simulator whole, sliced;
    for (const char* id : {"2025", "embargo", "truce"}) {
        Inputs in = find_preset(id)->inputs;
        in.draws = 301;
        Results expected, got;
        whole.run(in, expected);
        sliced.begin_run(in, got);
        EXPECT_FALSE(got.bands_ready);
        EXPECT_EQ(got.timeline[0].central, expected.timeline[0].central);  // the central draw comes first
        int slices = 1;
        while (!sliced.advance_run(7, got)) ++slices;
        EXPECT_EQ(slices, 43) << id;  // ceil(301 / 7)
        EXPECT_TRUE(identical(expected, got)) << id;
    }
}

TEST(Simulation, ANewCentralRunAbandonsASlicedRun) {
    Simulator sim;
    Results pending, shown;
    Inputs in;
    in.draws = 100;
    sim.begin_run(in, pending);
    EXPECT_FALSE(sim.advance_run(10, pending));
    Inputs other = in;
    other.approval_pct = 80;
    sim.run_central(other, shown);
    EXPECT_TRUE(sim.advance_run(10, pending));  // abandoned: nothing more to do
    EXPECT_FALSE(pending.bands_ready);
}

TEST(Simulation, OutOfRangeInputsAreClampedNeverNaN) {
    Simulator sim;
    Results r;
    Inputs in;
    in.approval_pct = std::numeric_limits<double>::quiet_NaN();
    in.inventory_days = -3;
    in.horizon_days = 100000;
    in.draws = 0;
    sim.run(in, r);
    EXPECT_EQ(r.inputs.approval_pct, Inputs{}.approval_pct);
    EXPECT_EQ(r.inputs.horizon_days, 730);
    EXPECT_EQ(r.inputs.draws, 1);
    EXPECT_EQ(r.timeline[0].p50.size(), 731u);
    for (const RegionResult& rr : r.regions) EXPECT_TRUE(rr.vehicles_lost.p50 == rr.vehicles_lost.p50);
}

TEST(Simulation, ExtremesRun) {
    Simulator sim;
    Results r;
    for (int horizon : {30, 730})
        for (int draws : {1, 5000}) {
            Inputs in = find_preset("embargo")->inputs;
            in.horizon_days = horizon;
            in.draws = draws;
            in.inventory_days = 0;
            in.transit_days = 0;
            in.licence_lag_days = 0;
            sim.run(in, r);
            for (int i = 0; i < kExportRegionCount; ++i) {
                const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
                EXPECT_LE(rr.vehicles_lost.p90, rr.baseline_vehicles);
                // No stock, nothing in transit, nothing approved: supplier lines stop on day 0 to 1, car
                // plants once the finished parts are gone (within the longest buffer).
                ASSERT_TRUE(rr.supplier_first_stop_day.p50.has_value());
                EXPECT_LE(*rr.supplier_first_stop_day.p50, 1.0);
                ASSERT_TRUE(rr.first_halt_day.p50.has_value());
                EXPECT_LE(*rr.first_halt_day.p50, default_mechanics().parts_buffer_days_max);
            }
        }
}

// The stock shape in quarters: x^(q/4) from square roots and products, exact where the
// answer is (16^(q/4) = 2^q).
TEST(Simulation, StockShapeQuartersArePowers) {
    for (int q = 1; q <= 12; ++q) EXPECT_EQ(detail::pow_quarters(16.0, q), static_cast<double>(1 << q)) << q;
    EXPECT_EQ(detail::pow_quarters(7.0, 4), 7.0);
    EXPECT_EQ(detail::pow_quarters(7.0, 2), std::sqrt(7.0));
    EXPECT_NEAR(detail::pow_quarters(7.0, 3), std::pow(7.0, 0.75), 1e-12);
    EXPECT_EQ(detail::pow_quarters(0.0, 3), 0.0);
}

// Each draw takes the fitted shape or a quarter either side: with no spread the stock
// shape no longer moves the answer, and the central estimate is the fitted shape's.
TEST(Simulation, TheStockShapeIsDrawnAroundTheFittedOne) {
    Inputs in = find_preset("2025")->inputs;
    in.draws = 400;
    Simulator sim;
    Results spread, fixed;
    sim.run(in, spread);
    Mechanics m = default_mechanics();
    ASSERT_GE(m.cover_shape_spread_quarters, 1);
    m.cover_shape_spread_quarters = 0;
    sim.set_mechanics(m);
    sim.run(in, fixed);
    auto swing = [](const Results& r) {
        for (int i = 0; i < r.driver_count; ++i)
            if (r.drivers[static_cast<std::size_t>(i)].id == Driver::StockShape)
                return std::abs(r.drivers[static_cast<std::size_t>(i)].high - r.drivers[static_cast<std::size_t>(i)].low);
        return -1.0;
    };
    EXPECT_GT(swing(spread), 0.0);
    EXPECT_LT(swing(fixed), swing(spread));
    // The central estimate takes the fitted shape either way.
    EXPECT_EQ(fixed.timeline[0].central, spread.timeline[0].central);
    EXPECT_EQ(fixed.timeline[0].lost_central, spread.timeline[0].lost_central);
}

TEST(Simulation, RepeatedRunsReuseTheirBuffers) {
    Simulator sim;
    Results r;
    Inputs in;
    in.draws = 200;
    sim.run(in, r);
    const float* before = r.timeline[0].p50.data();
    const std::size_t capacity = r.timeline[0].central.capacity();
    for (int k = 0; k < 5; ++k) {
        in.approval_pct = 10.0 * k;
        sim.run(in, r);
        sim.run_central(in, r);
    }
    EXPECT_EQ(r.timeline[0].p50.data(), before);
    EXPECT_EQ(r.timeline[0].central.capacity(), capacity);
}

// 2025 as reported, against the record the shared mechanics were fitted on
// (docs/methodology.md, "Calibration"): Ford stopped the Explorer line in
// Chicago on day 46 and Suzuki the Swift on day 52. And against what was not
// fitted: a handful of plants at a time, not a third of them; losses of tens
// of thousands of vehicles, far below the 2021 chip shortage's 7.7 million;
// South Korea (Hyundai held a year of stock) without a stop.
TEST(Calibration, The2025PresetMatchesTheRecord) {
    Simulator sim;
    Results r;
    Inputs in = find_preset("2025")->inputs;
    in.draws = 1000;
    sim.run(in, r);
    // The recorded day lies within P10-P90 of the first stop; a P90 of none (more than a
    // tenth of the draws without a stop within the horizon) lies past every day.
    auto within = [](const OptionalRange& first, double day) {
        return first.p10 && *first.p10 <= day && (!first.p90 || *first.p90 >= day);
    };
    EXPECT_TRUE(within(r.regions[kNorthAmerica].first_halt_day, 46.0));
    EXPECT_TRUE(within(r.regions[kJapan].first_halt_day, 52.0));
    // And the median stop is within three weeks of it.
    ASSERT_TRUE(r.regions[kNorthAmerica].first_halt_day.p50 && r.regions[kJapan].first_halt_day.p50);
    EXPECT_NEAR(*r.regions[kNorthAmerica].first_halt_day.p50, 46.0, 21.0);
    EXPECT_NEAR(*r.regions[kJapan].first_halt_day.p50, 52.0, 21.0);
    EXPECT_FALSE(r.regions[static_cast<int>(Region::SouthKorea)].first_halt_day.p50.has_value());
    EXPECT_LE(world_plants_peak(r).plants, 15.0);  // of 347
    for (int region = 0; region < kExportRegionCount; ++region)
        EXPECT_LT(r.regions[static_cast<std::size_t>(region)].peak_halted_share_p50, 0.1) << region;
    // The record counts output lost while plants stood (gross): tens of thousands.
    EXPECT_GE(r.world_gross_vehicles_lost.p50, 10'000.0);
    EXPECT_LE(r.world_gross_vehicles_lost.p50, 200'000.0);
    EXPECT_LT(r.world_gross_vehicles_lost.p90, 7'700'000.0);
    // Extra shifts make up part of it within the year: the net is smaller, never larger.
    EXPECT_LT(r.world_vehicles_lost.p50, r.world_gross_vehicles_lost.p50);
}

// Model 3's two tiers against the record: in 2025 supplier lines stopped
// first (CLEPA, 4 June: "several European auto supplier plants and production
// lines have been shut down") while carmakers mostly ran on finished parts and
// other suppliers (BMW, Mercedes-Benz, VW: own plants normal).
TEST(Calibration, SupplierLinesStopBeforeCarPlants) {
    Simulator sim;
    Results r;
    Inputs in = find_preset("2025")->inputs;
    in.draws = 1000;
    sim.run(in, r);
    for (int region : {kEurope, kNorthAmerica, kJapan}) {
        const RegionResult& rr = r.regions[static_cast<std::size_t>(region)];
        ASSERT_TRUE(rr.supplier_first_stop_day.p50.has_value()) << region;
        EXPECT_LT(*rr.supplier_first_stop_day.p50, 61.0) << region;  // before CLEPA's statement
        if (rr.first_halt_day.p50) {
            EXPECT_LT(*rr.supplier_first_stop_day.p50, *rr.first_halt_day.p50) << region;
        }
        // More supplier lines than car plants stop at the worst.
        EXPECT_GT(rr.peak_supplier_lines_stopped.p50, rr.peak_halted_share_p50 * region_data()[static_cast<std::size_t>(region)].plants)
            << region;
    }
    // Whole counts: a draw's supplier lines are whole, so are their percentiles.
    for (const RegionResult& rr : r.regions)
        for (double v : {rr.peak_supplier_lines_stopped.p10, rr.peak_supplier_lines_stopped.p50, rr.peak_supplier_lines_stopped.p90})
            EXPECT_EQ(v, static_cast<double>(static_cast<long long>(v)));
    EXPECT_GE(r.world_peak_supplier_lines_stopped.p50, r.regions[kEurope].peak_supplier_lines_stopped.p50);
}

// A longer finished-parts buffer, or more that other suppliers can make up,
// never stops more car plants nor loses more vehicles; the supplier lines do
// not depend on either.
TEST(Simulation, BuffersAndOtherSuppliersOnlyProtectCarPlants) {
    Simulator sim;
    Results base, more;
    Inputs in = find_preset("2025")->inputs;
    in.draws = 300;
    sim.run(in, base);
    for (int which = 0; which < 2; ++which) {
        Mechanics m = default_mechanics();
        if (which == 0) {
            m.parts_buffer_days_min += 5.0;
            m.parts_buffer_days_max += 5.0;
        } else {
            m.other_supplier_share_min += 0.2;
            m.other_supplier_share_max += 0.2;
        }
        sim.set_mechanics(m);
        sim.run(in, more);
        EXPECT_LE(more.world_vehicles_lost.p50, base.world_vehicles_lost.p50) << which;
        EXPECT_LE(world_plants_peak(more).plants, world_plants_peak(base).plants) << which;
        EXPECT_EQ(more.world_peak_supplier_lines_stopped.p50, base.world_peak_supplier_lines_stopped.p50) << which;
        for (int region = 0; region < kExportRegionCount; ++region) {
            const std::size_t ri = static_cast<std::size_t>(region);
            EXPECT_LE(more.regions[ri].vehicles_lost.p90, base.regions[ri].vehicles_lost.p90) << which << region;
            if (base.regions[ri].first_halt_day.p50 && more.regions[ri].first_halt_day.p50) {
                EXPECT_GE(*more.regions[ri].first_halt_day.p50, *base.regions[ri].first_halt_day.p50) << which << region;
            }
        }
    }
}

TEST(Calibration, PresetsRankAsExpected) {
    Simulator sim;
    Results r;
    auto world = [&](const char* id) {
        Inputs in = find_preset(id)->inputs;
        in.draws = 200;
        sim.run(in, r);
        return r.world_vehicles_lost.p50;
    };
    const double embargo = world("embargo"), reported = world("2025"), truce = world("truce"), fast = world("fast-track");
    EXPECT_GT(embargo, 10.0 * reported);
    EXPECT_GT(reported, truce);
    EXPECT_GT(reported, fast);
}

TEST(Components, TimeToSurviveAndRecoverFollowTheScenario) {
    Simulator sim;
    Results r;
    sim.run_central(find_preset("embargo")->inputs, r);
    for (const ComponentResult& c : r.components) {
        EXPECT_EQ(c.time_to_recover_days, 365.0);  // an embargo never recovers
        EXPECT_LT(c.time_to_survive_days, 365.0);
        EXPECT_EQ(c.shortage_days, c.time_to_recover_days - c.time_to_survive_days);
    }
    Inputs calm;
    calm.china_dependence_pct = {0, 0, 0, 0, 0, 0};
    sim.run_central(calm, r);
    for (const ComponentResult& c : r.components) {
        EXPECT_EQ(c.time_to_survive_days, 365.0);
        EXPECT_EQ(c.time_to_recover_days, 0.0);
        EXPECT_EQ(c.shortage_days, 0.0);
    }
    sim.run_central(Inputs{}, r);
    const ComponentResult& eps = r.components[static_cast<int>(Component::PowerSteering)];
    EXPECT_GT(eps.time_to_survive_days, Inputs{}.transit_days);
    EXPECT_GT(eps.shortage_days, 0.0);
}

// Issue 16 item 7: each class's numbers come from its own supplier lines, so
// the 2025 scenario's classes do not all last the same days (model 3.0 gave
// every class the same time to survive).
// A preset's full results over `draws` draws.
Results run_preset(const char* id, int draws) {
    Simulator sim;
    Results r;
    Inputs in = find_preset(id)->inputs;
    in.draws = draws;
    sim.run(in, r);
    return r;
}

TEST(Components, TheDefaultClassesDoNotAllShowTheSameDays) {
    const Results r = run_preset("2025", 400);
    bool differ = false;
    for (const ComponentResult& c : r.components)
        differ = differ || c.time_to_survive_days != r.components[0].time_to_survive_days;
    EXPECT_TRUE(differ);
}

// The component data as a modifiable copy.
std::array<ComponentData, kComponentCount> default_classes() {
    std::array<ComponentData, kComponentCount> classes{};
    for (int c = 0; c < kComponentCount; ++c) classes[static_cast<std::size_t>(c)] = component_data()[static_cast<std::size_t>(c)];
    return classes;
}

// Every car-plant number of two results (the car tier), bit for bit.
void expect_same_car_plants(const Results& a, const Results& b, const char* what) {
    for (int region = 0; region < kRegionCount; ++region) {
        const RegionResult& x = a.regions[static_cast<std::size_t>(region)];
        const RegionResult& y = b.regions[static_cast<std::size_t>(region)];
        for (auto pick : {&OptionalRange::p10, &OptionalRange::p50, &OptionalRange::p90}) {
            EXPECT_TRUE(same_bits(x.first_halt_day.*pick, y.first_halt_day.*pick)) << what << " region " << region;
            EXPECT_TRUE(same_bits(x.recovery_day.*pick, y.recovery_day.*pick)) << what << " region " << region;
        }
        for (auto pick : {&Range::p10, &Range::p50, &Range::p90}) {
            EXPECT_TRUE(same_bits(x.vehicles_lost.*pick, y.vehicles_lost.*pick)) << what << " region " << region;
            EXPECT_TRUE(same_bits(x.gross_vehicles_lost.*pick, y.gross_vehicles_lost.*pick)) << what << " region " << region;
        }
        const RegionTimeline& s = a.timeline[static_cast<std::size_t>(region)];
        const RegionTimeline& t = b.timeline[static_cast<std::size_t>(region)];
        EXPECT_TRUE(s.p10 == t.p10 && s.p50 == t.p50 && s.p90 == t.p90 && s.central == t.central && s.lost_central == t.lost_central)
            << what << " region " << region;
    }
    EXPECT_TRUE(same_bits(a.world_vehicles_lost.p50, b.world_vehicles_lost.p50)) << what;
}

// The mechanism of model 3.1: what ties a car-plant line's supply chains to
// the licences (the region's exposure, the licence wait, the stock and buffer
// quantiles) is shared by its classes, and what differs by part (the share
// under the regime, the share of vehicles fitted: k_c) is independent across
// parts. So with equal stock and buffer, the car plants see exactly a
// one-class supplier tier with k = 1 - prod_c (1 - k_c): two classes with
// k = 0.5 give the car plants the bits of one class with k = 0.75 (exact in
// binary), while each class keeps its own supplier lines.
TEST(Components, EqualStockAndBufferReduceToTheOneClassModel) {
    for (const char* preset : {"2025", "embargo"}) {
        Inputs in = find_preset(preset)->inputs;
        in.draws = 200;
        Simulator sim;
        Results two, one, half;
        std::array<ComponentData, kComponentCount> classes = default_classes();
        for (ComponentData& c : classes) {
            c.fitted_share_is_ev_share = false;
            c.fitted_share = 1.0;
            c.licence_exposure_share = 0.0;
        }
        classes[0].licence_exposure_share = 0.5;
        classes[1].licence_exposure_share = 0.5;
        sim.set_component_data(classes);
        sim.run(in, two);
        classes[1].licence_exposure_share = 0.0;
        sim.set_component_data(classes);
        sim.run(in, half);
        classes[0].licence_exposure_share = 0.75;
        sim.set_component_data(classes);
        sim.run(in, one);
        expect_same_car_plants(two, one, preset);
        // Each class of the two has the supplier lines of the one class of k = 0.5.
        for (std::size_t c : {std::size_t{0}, std::size_t{1}}) {
            EXPECT_TRUE(same_bits(two.components[c].first_stop_day.p50, half.components[0].first_stop_day.p50)) << preset;
            EXPECT_EQ(two.components[c].peak_lines_stopped.p50, half.components[0].peak_lines_stopped.p50) << preset;
        }
        for (std::size_t c = 2; c < classes.size(); ++c) EXPECT_FALSE(two.components[c].first_stop_day.p50.has_value()) << preset;
        // Two parts from suppliers on licensed magnets stop more car plants than one.
        EXPECT_GT(two.world_gross_vehicles_lost.p50, half.world_gross_vehicles_lost.p50) << preset;
    }
}

// A class's own magnet stock moves its own supplier lines: less stock for
// sensors stops more of them, and sooner; the other classes' supplier lines
// keep exactly the same numbers, and the car plants, short when any part they
// need is gone, never fare better.
TEST(Components, AClassWithLessStockStopsSoonerAndOnlyItsOwnLines) {
    Inputs in = find_preset("2025")->inputs;
    in.draws = 400;
    Simulator sim;
    Results base, low;
    sim.run(in, base);
    std::array<ComponentData, kComponentCount> classes = default_classes();
    const std::size_t sensors = static_cast<std::size_t>(Component::Sensors);
    classes[sensors].inventory_multiplier = 0.5;
    sim.set_component_data(classes);
    sim.run(in, low);
    const ComponentResult &b = base.components[sensors], &l = low.components[sensors];
    ASSERT_TRUE(b.first_stop_day.p50 && l.first_stop_day.p50);
    EXPECT_LT(*l.first_stop_day.p50, *b.first_stop_day.p50);
    EXPECT_GT(l.peak_lines_stopped.p50, b.peak_lines_stopped.p50);
    EXPECT_EQ(l.rank, 1);
    for (int c = 0; c < kComponentCount; ++c) {
        if (static_cast<std::size_t>(c) == sensors) continue;
        const ComponentResult &x = base.components[static_cast<std::size_t>(c)], &y = low.components[static_cast<std::size_t>(c)];
        EXPECT_TRUE(same_bits(x.first_stop_day.p50, y.first_stop_day.p50)) << c;
        EXPECT_EQ(x.peak_lines_stopped.p50, y.peak_lines_stopped.p50) << c;
    }
    EXPECT_GE(low.world_gross_vehicles_lost.p50, base.world_gross_vehicles_lost.p50);
    for (int region = 0; region < kExportRegionCount; ++region) {
        const RegionResult &x = base.regions[static_cast<std::size_t>(region)], &y = low.regions[static_cast<std::size_t>(region)];
        EXPECT_GE(y.gross_vehicles_lost.p50, x.gross_vehicles_lost.p50) << region;
        if (x.first_halt_day.p50) {
            ASSERT_TRUE(y.first_halt_day.p50) << region;
            EXPECT_LE(*y.first_halt_day.p50, *x.first_halt_day.p50) << region;
        }
    }
}

// A longer finished-parts buffer for one class never stops car plants
// earlier, nor loses more output, in any region; the supplier lines do not
// depend on it.
TEST(Components, ALongerBufferForOneClassNeverStopsCarPlantsEarlier) {
    for (const char* preset : {"2025", "embargo"}) {
        Inputs in = find_preset(preset)->inputs;
        in.draws = 200;
        Simulator sim;
        Results base, longer;
        sim.run(in, base);
        for (int c = 0; c < kComponentCount; ++c) {
            std::array<ComponentData, kComponentCount> classes = default_classes();
            classes[static_cast<std::size_t>(c)].parts_buffer_multiplier = 3.0;
            sim.set_component_data(classes);
            sim.run(in, longer);
            for (int region = 0; region < kExportRegionCount; ++region) {
                const RegionResult &b = base.regions[static_cast<std::size_t>(region)], &l = longer.regions[static_cast<std::size_t>(region)];
                for (auto pick : {&OptionalRange::p10, &OptionalRange::p50, &OptionalRange::p90}) {
                    const std::optional<double>&bd = b.first_halt_day.*pick, &ld = l.first_halt_day.*pick;
                    if (!bd) {
                        EXPECT_FALSE(ld) << preset << " class " << c << " region " << region;
                    } else if (ld) {
                        EXPECT_GE(*ld, *bd) << preset << " class " << c << " region " << region;
                    }
                }
                EXPECT_LE(l.gross_vehicles_lost.p50, b.gross_vehicles_lost.p50) << preset << " class " << c << " region " << region;
                // Its supplier lines stop as before: the buffer lies after them.
                ASSERT_EQ(l.supplier_first_stop_day.p50.has_value(), b.supplier_first_stop_day.p50.has_value());
                if (b.supplier_first_stop_day.p50) {
                    EXPECT_NEAR(*l.supplier_first_stop_day.p50, *b.supplier_first_stop_day.p50, 1e-3) << preset << " class " << c;
                }
            }
        }
    }
}

// The class whose supplier lines run out first is reported: ranks 1 to 6,
// each once, in the order of the first stops; JSON and the CLI report say it.
TEST(Components, TheFirstClassToRunOutIsReported) {
    const Results r = run_preset("2025", 400);
    std::vector<int> seen(kComponentCount + 1, 0);
    int first = -1;
    for (int c = 0; c < kComponentCount; ++c) {
        const int rank = r.components[static_cast<std::size_t>(c)].rank;
        ASSERT_GE(rank, 1);
        ASSERT_LE(rank, kComponentCount);
        ++seen[static_cast<std::size_t>(rank)];
        if (rank == 1) first = c;
    }
    for (int rank = 1; rank <= kComponentCount; ++rank) EXPECT_EQ(seen[static_cast<std::size_t>(rank)], 1) << rank;
    ASSERT_GE(first, 0);
    const ComponentResult& f = r.components[static_cast<std::size_t>(first)];
    ASSERT_TRUE(f.first_stop_day.p50);
    for (const ComponentResult& c : r.components) {
        if (c.first_stop_day.p50) {
            EXPECT_LE(*f.first_stop_day.p50, *c.first_stop_day.p50);
        }
    }
    const std::string key(component_data()[static_cast<std::size_t>(first)].key);
    EXPECT_NE(results_to_json(r).find("\"id\":\"" + key + "\",\"name\":\"" + std::string(component_data()[static_cast<std::size_t>(first)].name) +
                                      "\",\"display_name\":\"" + component_name(first, Language::English) + "\",\"rank\":1,"),
              std::string::npos);
    EXPECT_NE(results_to_text(r).find("  1. " + component_name(first, Language::English)), std::string::npos);
}

}  // namespace
