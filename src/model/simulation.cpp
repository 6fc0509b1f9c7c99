// Rare Earth Shock — the simulation: licence backlog, cumulative shortfall,
// plants out of stock, halted lines, vehicles lost, and the Monte Carlo.
//
// [SECTION] Constants and assumptions of the mechanics
// [SECTION] Uncertain parameters of one draw
// [SECTION] Supply of one draw (licence backlog, shared by all regions)
// [SECTION] Regions of one draw (halted share, vehicles lost)
// [SECTION] Percentiles (histograms for days, nearest rank for scalars)
// [SECTION] Simulator::Impl (scratch buffers)
// [SECTION] Components (time to survive / time to recover)
// [SECTION] Simulator (run, run_central)
//
// docs/methodology.md explains every equation here in plain words.
// Determinism: only +, -, *, /, comparisons and integer conversions; no libm;
// the target is compiled with -ffp-contract=off. Same inputs + seed give the
// same bits natively and in WebAssembly (tests/model/digest_main.cpp checks it).
#include "model.h"

#include "fastmath.h"
#include "rng.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace rareshock {
namespace {

using detail::pow4;

//-----------------------------------------------------------------------------
// [SECTION] Constants and assumptions of the mechanics
//-----------------------------------------------------------------------------
constexpr int kMaxHorizonDays = 730;                // Inputs::horizon_days range
constexpr int kMaxDayCount = kMaxHorizonDays + 1;   // day 0..horizon
constexpr int kMaxDraws = 5000;                     // Inputs::draws range
constexpr int kExport = kExportRegionCount;

// A plant counts as halted when it can build less than this share of its
// normal output (assumption, docs/methodology.md "Calibration").
constexpr double kHaltedBelowOutputShare = 0.5;

// Time to recover: first day from which the uncovered share of a component's
// need stays at or below this for the rest of the horizon.
constexpr double kRecoveredGapShare = 0.02;

// Halted-share histogram per (region, day): bin 0 holds exactly 0, bin 255
// exactly 1, bins 1..254 split (0, 1) evenly.
constexpr int kBins = 256;
constexpr int kInteriorBins = 254;

// "Never" for first halt and recovery days in the per-draw arrays.
constexpr float kNeverDay = 1.0e9f;

constexpr float kInfinity = std::numeric_limits<float>::infinity();

int round_to_int(double v) { return static_cast<int>(v + 0.5); }  // v >= 0

//-----------------------------------------------------------------------------
// [SECTION] Uncertain parameters of one draw
//-----------------------------------------------------------------------------
// Every draw consumes the same count of random numbers whatever the inputs,
// and each noise term is applied monotonically (multiplied, or the
// approval-preserving form below), so for one seed every draw — and hence
// every percentile — moves in the same direction as the inputs.
struct DrawParams {
    double inventory_multiplier = 1.0;  // triangular 0.75..1.25, mode 1
    double lag_multiplier = 1.0;        // uniform 55/63..83/63 (55-83 days around the 63-day default)
    double transit_multiplier = 1.0;    // uniform 0.85..1.15
    double approval_noise = 0.0;        // uniform -0.3..0.3: a -> a + noise * a * (1 - a)
    std::array<double, kExport> dependence_multiplier{1.0, 1.0, 1.0, 1.0, 1.0};  // uniform 0.95..1.05 each
    double ev_share_multiplier = 1.0;   // uniform 0.8..1.2
};

DrawParams random_draw_params(std::uint32_t seed, int draw) {
    detail::Xoshiro128 rng(seed, static_cast<std::uint32_t>(draw));
    DrawParams p;
    const double u1 = rng.uniform();
    const double u2 = rng.uniform();
    p.inventory_multiplier = 0.75 + 0.25 * (u1 + u2);
    p.lag_multiplier = (55.0 + 28.0 * rng.uniform()) / 63.0;
    p.transit_multiplier = 0.85 + 0.30 * rng.uniform();
    p.approval_noise = -0.3 + 0.6 * rng.uniform();
    for (double& m : p.dependence_multiplier) m = 0.95 + 0.10 * rng.uniform();
    p.ev_share_multiplier = 0.8 + 0.4 * rng.uniform();
    return p;
}

// a in [0, 1] -> a + noise * a * (1 - a): keeps 0 and 1, stays in [0, 1] and
// increasing in a for |noise| < 1.
double noisy_approval(double approval_share, double noise) {
    return approval_share + noise * approval_share * (1.0 - approval_share);
}

double min1(double v) { return v < 1.0 ? v : 1.0; }

//-----------------------------------------------------------------------------
// [SECTION] Supply of one draw (licence backlog, shared by all regions)
//-----------------------------------------------------------------------------
// Per unit of Chinese licence-controlled magnet need (the same for every
// region and component; they differ only by their exposure e, below):
//   - days t < transit: magnets shipped before day 0 arrive; no gap.
//   - alternatives cover alt(t) = alt_supply * min(1, t / ramp) of the need.
//   - every day's remaining need (1 - alt(t)) is a licence request. Before the
//     licence lag L nothing is approved: requests queue in the backlog B.
//   - from day L, the day's request is approved with the approval rate a(t);
//     refused and queued requests are reviewed again: each day a(t) / L of the
//     backlog is approved (a re-review takes one lag, mean wait L / a).
//   - the cumulative shortfall is the backlog B(t); plants hold stock against
//     its running maximum R(t) (stock refilled by late deliveries is stock).
struct DaySeries {
    int days = 0;                          // horizon + 1
    double final_running_max = 0.0;        // R(horizon)
    std::vector<float> running_max_pow4;   // R(t)^4
    std::vector<float> new_gap;            // share of today's need refused or not yet reviewed, g0(t)
    std::vector<double> running_max;       // R(t)
    std::vector<double> daily_gap;         // B(t) - B(t-1): today's uncovered share (< 0 while the backlog clears)
};

void supply_series(const Inputs& in, const DrawParams& p, DaySeries& s) {
    const int horizon = in.horizon_days;
    const int transit_days = round_to_int(in.transit_days * p.transit_multiplier);
    const int lag_days = round_to_int(in.licence_lag_days * p.lag_multiplier);
    const double review_days = lag_days > 1 ? lag_days : 1;
    const double approval_early = noisy_approval(in.approval_pct / 100.0, p.approval_noise);
    const double approval_late = noisy_approval(in.approval_later_pct / 100.0, p.approval_noise);
    const double alt_full_share = in.alt_supply_pct / 100.0;
    const double alt_ramp_days = in.alt_ramp_days;

    double backlog = 0.0;
    double running_max = 0.0;
    s.days = horizon + 1;
    for (int t = 0; t <= horizon; ++t) {
        const double need = 1.0 - alt_full_share * min1(t / alt_ramp_days);
        const double backlog_before = backlog;
        double new_gap = 0.0;
        if (t >= transit_days) {
            if (t >= lag_days) {
                const double approval = t < in.approval_change_day ? approval_early : approval_late;
                const double cleared = backlog * (approval / review_days);
                new_gap = need * (1.0 - approval);
                backlog = backlog - cleared + new_gap;
            } else {
                new_gap = need;
                backlog = backlog + need;
            }
        }
        if (backlog > running_max) running_max = backlog;
        s.running_max[t] = running_max;
        s.running_max_pow4[t] = static_cast<float>(pow4(running_max));
        s.new_gap[t] = static_cast<float>(new_gap);
        s.daily_gap[t] = backlog - backlog_before;
    }
    s.final_running_max = running_max;
}

//-----------------------------------------------------------------------------
// [SECTION] Regions of one draw (halted share, vehicles lost)
//-----------------------------------------------------------------------------
// For region r and component c: exposure e = china_dependence * controlled *
// licence_exposure, so the component's cumulative shortfall is e * R(t) days
// of its need. Plants' cover d is log-logistic (shape 4) with the regional
// mean; component c of a plant lasts m_c * d days. A plant is out of c when
// e * R(t) >= m_c * d, i.e. d <= k_c * R(t) with k_c = e / m_c.
// Out of c, it builds at most 1 - q_c * g of its output (q_c = fitted share *
// e, g the day's uncovered share); the worst component binds (Leontief).
struct ComponentTerms {
    double exposure = 0.0;   // e: share of the component's need that can go missing
    double fitted_x_exposure = 0.0;  // q = s * e
    double cover_scale = 0.0;        // k = e / m
};

struct RegionSetup {
    double alpha = 0.0;           // log-logistic scale, days
    double mean_cover_days = 0.0;
    std::array<ComponentTerms, kComponentCount> components{};
    // Halt levels: sorted by q descending; level j is in force when today's
    // new gap > gap_threshold[j]; halted share = F(K_j R) = R^4 / (c_j + R^4)
    // with c_j = alpha^4 / K_j^4. Unused levels have threshold +inf.
    std::array<float, kComponentCount> gap_threshold{};
    std::array<float, kComponentCount> level_constant{};
    int level_count = 0;
};

// Component indices in the order `before` gives (stable insertion sort: no allocation).
template <class Before>
std::array<int, kComponentCount> sorted_components(const RegionSetup& rs, Before before) {
    std::array<int, kComponentCount> order{};
    for (int i = 0; i < kComponentCount; ++i) {
        int j = i;
        while (j > 0 && before(rs.components[static_cast<std::size_t>(i)],
                               rs.components[static_cast<std::size_t>(order[static_cast<std::size_t>(j - 1)])])) {
            order[static_cast<std::size_t>(j)] = order[static_cast<std::size_t>(j - 1)];
            --j;
        }
        order[static_cast<std::size_t>(j)] = i;
    }
    return order;
}

RegionSetup setup_region(const Inputs& in, const DrawParams& p, int region) {
    const RegionData& rd = region_data()[static_cast<std::size_t>(region)];
    RegionSetup rs;
    const double dependence = min1(in.china_dependence_pct[static_cast<std::size_t>(region)] / 100.0 *
                                   p.dependence_multiplier[static_cast<std::size_t>(region)]);
    rs.mean_cover_days = in.inventory_days * rd.inventory_multiplier * p.inventory_multiplier;
    rs.alpha = rs.mean_cover_days / detail::kLogLogisticMeanOverScale;
    const double controlled_share = in.controlled_pct / 100.0;
    for (int c = 0; c < kComponentCount; ++c) {
        const ComponentData& cd = component_data()[static_cast<std::size_t>(c)];
        const double fitted = cd.fitted_share_is_ev_share ? min1(rd.ev_hybrid_share * p.ev_share_multiplier)
                                                          : cd.fitted_share;
        ComponentTerms& ct = rs.components[static_cast<std::size_t>(c)];
        ct.exposure = dependence * controlled_share * cd.licence_exposure_share;
        ct.fitted_x_exposure = fitted * ct.exposure;
        ct.cover_scale = ct.exposure / cd.inventory_multiplier;
    }

    // Halt levels.
    const std::array<int, kComponentCount> order =
        sorted_components(rs, [](const ComponentTerms& a, const ComponentTerms& b) {
            return a.fitted_x_exposure > b.fitted_x_exposure;
        });
    rs.gap_threshold.fill(kInfinity);
    rs.level_constant.fill(kInfinity);
    const double alpha4 = pow4(rs.alpha);
    double best_scale = 0.0;
    int levels = 0;
    for (int idx : order) {
        const ComponentTerms& ct = rs.components[static_cast<std::size_t>(idx)];
        if (!(ct.fitted_x_exposure > 0.0)) break;
        if (!(ct.cover_scale > best_scale)) continue;  // a component that runs out later adds nothing
        best_scale = ct.cover_scale;
        const double scale4 = pow4(best_scale);
        const double constant = alpha4 / scale4;
        if (!(constant < 1.0e30)) continue;  // negligible exposure: halted share stays 0
        rs.gap_threshold[static_cast<std::size_t>(levels)] =
            static_cast<float>((1.0 - kHaltedBelowOutputShare) / ct.fitted_x_exposure);
        rs.level_constant[static_cast<std::size_t>(levels)] = static_cast<float>(constant);
        ++levels;
    }
    rs.level_count = levels;
    return rs;
}

// Share of plants halted on each day: F(K R(t)) = R^4 / (c + R^4) with c the
// constant of the highest halt level in force. Branch-free passes over
// contiguous days, one per level, so compilers vectorize them.
void halted_shares(const RegionSetup& rs, const DaySeries& s, float* __restrict halted) {
    const float* __restrict r4 = s.running_max_pow4.data();
    const float* __restrict gap = s.new_gap.data();
    const int days = s.days;
    if (rs.level_count == 0) {
        for (int t = 0; t < days; ++t) halted[t] = 0.0f;
        return;
    }
    for (int t = 0; t < days; ++t) halted[t] = kInfinity;  // level constant, then the share
    for (int j = 0; j < rs.level_count; ++j) {
        const float threshold = rs.gap_threshold[static_cast<std::size_t>(j)];
        const float constant = rs.level_constant[static_cast<std::size_t>(j)];
        for (int t = 0; t < days; ++t) halted[t] = gap[t] > threshold ? constant : halted[t];
    }
    for (int t = 0; t < days; ++t) halted[t] = r4[t] / (halted[t] + r4[t] + 1.0e-30f);
}

// Days of lost output per plant on average: the integral over the cumulative
// shortfall r from 0 to R(horizon) of  sum_j F(k_j r) (M_j - M_{j-1}), with
// components sorted by k descending and M_j the running maximum of q.
double lost_output_days(const RegionSetup& rs, double final_running_max, const detail::IntegralTable& table) {
    const std::array<int, kComponentCount> order =
        sorted_components(rs, [](const ComponentTerms& a, const ComponentTerms& b) {
            return a.cover_scale > b.cover_scale;
        });
    double max_q = 0.0;
    double days = 0.0;
    for (int idx : order) {
        const ComponentTerms& ct = rs.components[static_cast<std::size_t>(idx)];
        if (!(ct.fitted_x_exposure > max_q) || !(ct.cover_scale > 0.0)) continue;
        days += (ct.fitted_x_exposure - max_q) *
                table.shortage_days(ct.cover_scale * final_running_max, rs.alpha) / ct.cover_scale;
        max_q = ct.fitted_x_exposure;
    }
    return days;
}

struct RegionOutcome {
    float first_halt_day = kNeverDay;
    float recovery_day = kNeverDay;
    double vehicles_lost = 0.0;
};

// First day with at least one plant in `plants` halted, and the first later
// day below that again.
void halt_days(const float* halted, int days, double plants, RegionOutcome& o) {
    const float one_plant = static_cast<float>(1.0 / plants);
    int t = 0;
    while (t < days && halted[t] < one_plant) ++t;
    if (t == days) return;
    o.first_halt_day = static_cast<float>(t);
    while (t < days && halted[t] >= one_plant) ++t;
    if (t < days) o.recovery_day = static_cast<float>(t);
}

// share in [0, 1] (R^4 / (c + R^4) never exceeds 1): 0 -> 0, (0, 1) -> 1..254, 1 -> 255. Branch-free.
int histogram_bin(float share) {
    return static_cast<int>(share * static_cast<float>(kInteriorBins)) + static_cast<int>(share > 0.0f);
}

//-----------------------------------------------------------------------------
// [SECTION] Percentiles (histograms for days, nearest rank for scalars)
//-----------------------------------------------------------------------------
// Nearest rank: the P-th percentile of n values is the ceil(P/100 * n)-th smallest.
int nearest_rank_index(int percent, int n) { return (percent * n + 99) / 100 - 1; }

template <class T>
T nth_value(std::vector<T>& scratch, const T* values, int n, int percent) {
    scratch.assign(values, values + n);
    const int k = nearest_rank_index(percent, n);
    std::nth_element(scratch.begin(), scratch.begin() + k, scratch.end());
    return scratch[static_cast<std::size_t>(k)];
}

// P10/P50/P90 per day from one region's histogram ([bin][day] counts of
// `draws` values): the value at rank q * draws, linear inside a bin; bin 0 is
// exactly 0 and bin 255 exactly 1. Bins are walked in order for all days at
// once; `rank` holds how many of the three percentiles each day has found.
void histogram_percentiles(const std::uint16_t* counts, int days, int draws, int* cumulative,
                           std::uint8_t* rank, RegionTimeline& tl) {
    const double targets[3] = {0.1 * draws, 0.5 * draws, 0.9 * draws};
    std::vector<float>* outs[3] = {&tl.p10, &tl.p50, &tl.p90};
    for (int t = 0; t < days; ++t) {
        cumulative[t] = 0;
        rank[t] = 0;
    }
    for (int b = 0; b < kBins; ++b) {
        const std::uint16_t* row = counts + static_cast<std::size_t>(b) * kMaxDayCount;
        for (int t = 0; t < days; ++t) {
            const int count = row[t];
            if (count == 0) continue;
            const int before = cumulative[t];
            const int after = before + count;
            cumulative[t] = after;
            int q = rank[t];
            while (q < 3 && targets[q] <= after) {
                float value;
                if (b == 0) value = 0.0f;
                else if (b == kBins - 1) value = 1.0f;
                else value = static_cast<float>(((b - 1) + (targets[q] - before) / count) / kInteriorBins);
                (*outs[q])[static_cast<std::size_t>(t)] = value;
                ++q;
            }
            rank[t] = static_cast<std::uint8_t>(q);
        }
    }
}

OptionalRange day_range(std::vector<float>& scratch, const float* values, int n) {
    OptionalRange r;
    if (n <= 0) return r;
    const float v10 = nth_value(scratch, values, n, 10);
    const float v50 = nth_value(scratch, values, n, 50);
    const float v90 = nth_value(scratch, values, n, 90);
    if (v10 < kNeverDay) r.p10 = v10;
    if (v50 < kNeverDay) r.p50 = v50;
    if (v90 < kNeverDay) r.p90 = v90;
    return r;
}

Range value_range(std::vector<double>& scratch, const double* values, int n) {
    Range r;
    r.p10 = nth_value(scratch, values, n, 10);
    r.p50 = nth_value(scratch, values, n, 50);
    r.p90 = nth_value(scratch, values, n, 90);
    return r;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Simulator::Impl (scratch buffers)
//-----------------------------------------------------------------------------
// Everything a run needs, sized for the largest inputs at construction.
struct Simulator::Impl {
    detail::IntegralTable integral_table;
    DaySeries series;
    std::vector<float> halted;  // one region-draw, by day
    // Per region: halted-share histogram (day-major), per-draw outcomes.
    std::vector<std::uint16_t> histogram;  // [region][day][bin]
    std::array<std::vector<float>, kExport> first_halt_day;
    std::array<std::vector<float>, kExport> recovery_day;
    std::array<std::vector<double>, kExport> vehicles_lost;
    std::vector<double> world_vehicles_lost;
    std::vector<double> world_value_lost;
    std::vector<float> float_scratch;
    std::vector<double> double_scratch;
    std::vector<int> cumulative_scratch;
    std::vector<std::uint8_t> rank_scratch;

    Impl() {
        series.running_max_pow4.resize(kMaxDayCount);
        series.new_gap.resize(kMaxDayCount);
        series.running_max.resize(kMaxDayCount);
        series.daily_gap.resize(kMaxDayCount);
        halted.resize(kMaxDayCount);
        histogram.resize(static_cast<std::size_t>(kExport) * kMaxDayCount * kBins);
        for (int r = 0; r < kExport; ++r) {
            first_halt_day[static_cast<std::size_t>(r)].resize(kMaxDraws);
            recovery_day[static_cast<std::size_t>(r)].resize(kMaxDraws);
            vehicles_lost[static_cast<std::size_t>(r)].resize(kMaxDraws);
        }
        world_vehicles_lost.resize(kMaxDraws);
        world_value_lost.resize(kMaxDraws);
        cumulative_scratch.resize(kMaxDayCount);
        rank_scratch.resize(kMaxDayCount);
        float_scratch.reserve(kMaxDraws);
        double_scratch.reserve(kMaxDraws);
    }

    // Counts of one (region, bin) over days: a draw's consecutive days mostly
    // fall in the same bin, so its increments walk memory sequentially.
    std::uint16_t* histogram_bin_row(int region, int bin) {
        return histogram.data() + (static_cast<std::size_t>(region) * kBins + static_cast<std::size_t>(bin)) * kMaxDayCount;
    }

    // One draw through every export region. `central` receives the timeline
    // and outcomes of the central draw; otherwise the draw goes into the
    // histograms and the per-draw arrays at index `draw`.
    void simulate_draw(const Inputs& in, const DrawParams& p, int draw, Results* central,
                       std::array<RegionOutcome, kExport>* central_outcomes);
    void components(const Inputs& in, Results& out);
};

void Simulator::Impl::simulate_draw(const Inputs& in, const DrawParams& p, int draw, Results* central,
                                    std::array<RegionOutcome, kExport>* central_outcomes) {
    supply_series(in, p, series);
    const int days = series.days;
    double world_vehicles = 0.0;
    double world_value = 0.0;
    for (int r = 0; r < kExport; ++r) {
        const RegionData& rd = region_data()[static_cast<std::size_t>(r)];
        const RegionSetup rs = setup_region(in, p, r);
        float* halted_out = central ? central->timeline[static_cast<std::size_t>(r)].central.data() : halted.data();
        halted_shares(rs, series, halted_out);

        RegionOutcome o;
        halt_days(halted_out, days, rd.plants, o);
        o.vehicles_lost = rd.vehicles_per_year / 365.0 * lost_output_days(rs, series.final_running_max, integral_table);
        world_vehicles += o.vehicles_lost;
        world_value += o.vehicles_lost * rd.vehicle_value_usd;

        if (central) {
            (*central_outcomes)[static_cast<std::size_t>(r)] = o;
            continue;
        }
        const std::size_t d = static_cast<std::size_t>(draw);
        first_halt_day[static_cast<std::size_t>(r)][d] = o.first_halt_day;
        recovery_day[static_cast<std::size_t>(r)][d] = o.recovery_day;
        vehicles_lost[static_cast<std::size_t>(r)][d] = o.vehicles_lost;
        std::uint16_t* counts = histogram_bin_row(r, 0);
        for (int t = 0; t < days; ++t)
            ++counts[static_cast<std::size_t>(histogram_bin(halted_out[t])) * kMaxDayCount + static_cast<std::size_t>(t)];
    }
    if (!central) {
        world_vehicles_lost[static_cast<std::size_t>(draw)] = world_vehicles;
        world_value_lost[static_cast<std::size_t>(draw)] = world_value;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Components (time to survive / time to recover)
//-----------------------------------------------------------------------------
// From the central draw (the series in `series` must be the central one):
// time to survive = first day a component's cumulative shortfall in the worst
// export region reaches that region's mean cover (horizon if never); time to
// recover = first day from which its uncovered share stays <= 2% of need in
// every export region (horizon if never); shortage = max(TTR - TTS, 0).
void Simulator::Impl::components(const Inputs& in, Results& out) {
    const DrawParams central_params;
    const int days = series.days;
    const int horizon = in.horizon_days;
    std::array<RegionSetup, kExport> setups;
    for (int r = 0; r < kExport; ++r) setups[static_cast<std::size_t>(r)] = setup_region(in, central_params, r);
    for (int c = 0; c < kComponentCount; ++c) {
        const std::size_t ci = static_cast<std::size_t>(c);
        int survive = horizon;
        double worst_exposure = 0.0;
        for (int r = 0; r < kExport; ++r) {
            const RegionSetup& rs = setups[static_cast<std::size_t>(r)];
            const ComponentTerms& ct = rs.components[ci];
            if (ct.exposure > worst_exposure) worst_exposure = ct.exposure;
            if (!(ct.cover_scale > 0.0)) continue;
            for (int t = 0; t < days && t < survive; ++t) {
                const double shortfall = ct.cover_scale * series.running_max[t];
                if (shortfall > 0.0 && shortfall >= rs.mean_cover_days) {
                    survive = t;
                    break;
                }
            }
        }
        int recover = 0;
        for (int t = days - 1; t >= 0; --t) {
            if (worst_exposure * series.daily_gap[t] > kRecoveredGapShare) {
                recover = t + 1;
                break;
            }
        }
        if (recover > horizon) recover = horizon;
        ComponentResult& cr = out.components[ci];
        cr.id = static_cast<Component>(c);
        cr.time_to_survive_days = survive;
        cr.time_to_recover_days = recover;
        cr.shortage_days = recover > survive ? recover - survive : 0;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Simulator (run, run_central)
//-----------------------------------------------------------------------------
namespace {

// Sizes every vector (keeping capacity), fills ids, baselines and the China row.
void prepare_results(const Inputs& in, Results& out) {
    out.inputs = in;
    const std::size_t days = static_cast<std::size_t>(in.horizon_days) + 1;
    for (int r = 0; r < kRegionCount; ++r) {
        const std::size_t ri = static_cast<std::size_t>(r);
        const RegionData& rd = region_data()[ri];
        RegionResult& rr = out.regions[ri];
        rr = RegionResult{};
        rr.id = static_cast<Region>(r);
        rr.baseline_vehicles = rd.vehicles_per_year / 365.0 * static_cast<double>(days);
        RegionTimeline& tl = out.timeline[ri];
        tl.p10.resize(days);
        tl.p50.resize(days);
        tl.p90.resize(days);
        tl.central.resize(days);
        if (r == static_cast<int>(Region::China)) {
            std::fill(tl.p10.begin(), tl.p10.end(), 0.0f);
            std::fill(tl.p50.begin(), tl.p50.end(), 0.0f);
            std::fill(tl.p90.begin(), tl.p90.end(), 0.0f);
            std::fill(tl.central.begin(), tl.central.end(), 0.0f);
        }
    }
    out.world_vehicles_lost = Range{};
    out.world_value_lost_usd = Range{};
}

float max_of(const std::vector<float>& v) {
    float m = 0.0f;
    for (float x : v) m = x > m ? x : m;
    return m;
}

}  // namespace

Simulator::Simulator() : impl_(new Impl) {}
Simulator::~Simulator() { delete impl_; }

void Simulator::run_central(const Inputs& raw_inputs, Results& out) {
    Inputs in = raw_inputs;
    clamp_inputs(in);  // out-of-range values never reach the mechanics
    prepare_results(in, out);
    std::array<RegionOutcome, kExport> outcomes{};
    impl_->simulate_draw(in, DrawParams{}, 0, &out, &outcomes);
    impl_->components(in, out);
    double world_vehicles = 0.0, world_value = 0.0;
    for (int r = 0; r < kExport; ++r) {
        const std::size_t ri = static_cast<std::size_t>(r);
        const RegionOutcome& o = outcomes[ri];
        RegionResult& rr = out.regions[ri];
        RegionTimeline& tl = out.timeline[ri];
        tl.p10 = tl.central;
        tl.p50 = tl.central;
        tl.p90 = tl.central;
        if (o.first_halt_day < kNeverDay) rr.first_halt_day = {o.first_halt_day, o.first_halt_day, o.first_halt_day};
        if (o.recovery_day < kNeverDay) rr.recovery_day = {o.recovery_day, o.recovery_day, o.recovery_day};
        rr.vehicles_lost = {o.vehicles_lost, o.vehicles_lost, o.vehicles_lost};
        const double value = o.vehicles_lost * region_data()[ri].vehicle_value_usd;
        rr.value_lost_usd = {value, value, value};
        rr.peak_halted_share_p50 = max_of(tl.p50);
        world_vehicles += o.vehicles_lost;
        world_value += value;
    }
    out.world_vehicles_lost = {world_vehicles, world_vehicles, world_vehicles};
    out.world_value_lost_usd = {world_value, world_value, world_value};
    out.bands_ready = false;
    out.summary = summary_sentence(out);
}

void Simulator::run(const Inputs& raw_inputs, Results& out) {
    Inputs in = raw_inputs;
    clamp_inputs(in);
    Impl& m = *impl_;
    prepare_results(in, out);
    const int days = in.horizon_days + 1;
    const int draws = in.draws;

    // The central draw: central timeline and the components panel.
    std::array<RegionOutcome, kExport> central{};
    m.simulate_draw(in, DrawParams{}, 0, &out, &central);
    m.components(in, out);

    // The Monte Carlo draws.
    for (int r = 0; r < kExport; ++r)
        for (int b = 0; b < kBins; ++b)
            std::memset(m.histogram_bin_row(r, b), 0, sizeof(std::uint16_t) * static_cast<std::size_t>(days));
    for (int d = 0; d < draws; ++d) m.simulate_draw(in, random_draw_params(in.seed, d), d, nullptr, nullptr);

    for (int r = 0; r < kExport; ++r) {
        const std::size_t ri = static_cast<std::size_t>(r);
        const RegionData& rd = region_data()[ri];
        RegionResult& rr = out.regions[ri];
        RegionTimeline& tl = out.timeline[ri];
        histogram_percentiles(m.histogram_bin_row(r, 0), days, draws, m.cumulative_scratch.data(),
                              m.rank_scratch.data(), tl);
        rr.first_halt_day = day_range(m.float_scratch, m.first_halt_day[ri].data(), draws);
        // Recovery: among the draws in which a line halted.
        m.float_scratch.clear();
        int halted_draws = 0;
        for (int d = 0; d < draws; ++d)
            if (m.first_halt_day[ri][static_cast<std::size_t>(d)] < kNeverDay) ++halted_draws;
        {
            // Compact the recovery days of halted draws to the front of the array.
            std::vector<float>& rec = m.recovery_day[ri];
            int w = 0;
            for (int d = 0; d < draws; ++d)
                if (m.first_halt_day[ri][static_cast<std::size_t>(d)] < kNeverDay)
                    rec[static_cast<std::size_t>(w++)] = rec[static_cast<std::size_t>(d)];
            rr.recovery_day = day_range(m.float_scratch, rec.data(), halted_draws);
        }
        rr.vehicles_lost = value_range(m.double_scratch, m.vehicles_lost[ri].data(), draws);
        rr.value_lost_usd = {rr.vehicles_lost.p10 * rd.vehicle_value_usd, rr.vehicles_lost.p50 * rd.vehicle_value_usd,
                             rr.vehicles_lost.p90 * rd.vehicle_value_usd};
        rr.peak_halted_share_p50 = max_of(tl.p50);
    }
    out.world_vehicles_lost = value_range(m.double_scratch, m.world_vehicles_lost.data(), draws);
    out.world_value_lost_usd = value_range(m.double_scratch, m.world_value_lost.data(), draws);
    out.bands_ready = true;
    out.summary = summary_sentence(out);
}

}  // namespace rareshock
