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

// Log-logistic (shape 4) 10th percentile over scale: (1/9)^(1/4) = 1/sqrt(3).
constexpr double kTenthPercentileOverScale = 0.57735026918962576;

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
    // Phases [phase_begin[i], phase_begin[i+1]) i = 0..2 (waiting for the lag,
    // early approval rate, later approval rate): within each, new_gap never
    // increases. Outside them (pipeline days) new_gap is 0.
    std::array<int, 4> phase_begin{};
    std::vector<float> running_max_pow4;   // R(t)^4
    std::vector<float> new_gap;            // share of today's need refused or not yet reviewed, g0(t)
    std::vector<double> running_max;       // R(t); central draw only
    std::vector<double> daily_gap;         // B(t) - B(t-1): today's uncovered share (< 0 while the backlog clears); central draw only
};

// Share of the Chinese controlled need left after alternatives, by day (the
// same for every draw): 1 - alt_supply * min(1, t / ramp).
void need_series(const Inputs& in, double* need) {
    const double alt_full_share = in.alt_supply_pct / 100.0;
    for (int t = 0; t <= in.horizon_days; ++t) need[t] = 1.0 - alt_full_share * min1(t / in.alt_ramp_days);
}

int clamp_day(int day, int lo, int hi) { return day < lo ? lo : (day > hi ? hi : day); }

// `full`: also the running maximum and daily change of the backlog by day (for
// the components panel of the central draw); the Monte Carlo draws skip them.
void supply_series(const Inputs& in, const DrawParams& p, const double* need, bool full, DaySeries& s) {
    const int horizon = in.horizon_days;
    const int days = horizon + 1;
    const int transit_days = round_to_int(in.transit_days * p.transit_multiplier);
    const int lag_days = round_to_int(in.licence_lag_days * p.lag_multiplier);
    const double review_days = lag_days > 1 ? lag_days : 1;
    int change_day = static_cast<int>(in.approval_change_day);  // first whole day with the later rate
    if (change_day < in.approval_change_day) ++change_day;

    // Phase boundaries: [transit, lag) waiting, then early and later approval.
    const int wait_begin = clamp_day(transit_days, 0, days);
    const int early_begin = clamp_day(lag_days > transit_days ? lag_days : transit_days, 0, days);
    const int late_begin = clamp_day(change_day > early_begin ? change_day : early_begin, 0, days);
    s.days = days;
    s.phase_begin = {wait_begin, early_begin, late_begin, days};

    // Today's new gap by day: 0 in the pipeline, the whole need while waiting,
    // the refused share of it once licences are decided.
    float* __restrict new_gap = s.new_gap.data();
    double* __restrict gap_added = s.daily_gap.data();  // scratch: what joins the backlog today
    for (int t = 0; t < wait_begin; ++t) gap_added[t] = 0.0;
    for (int t = wait_begin; t < early_begin; ++t) gap_added[t] = need[t];
    const double approvals[2] = {noisy_approval(in.approval_pct / 100.0, p.approval_noise),
                                 noisy_approval(in.approval_later_pct / 100.0, p.approval_noise)};
    const double refused_early = 1.0 - approvals[0];
    const double refused_late = 1.0 - approvals[1];
    for (int t = early_begin; t < late_begin; ++t) gap_added[t] = need[t] * refused_early;
    for (int t = late_begin; t < days; ++t) gap_added[t] = need[t] * refused_late;
    for (int t = 0; t < days; ++t) new_gap[t] = static_cast<float>(gap_added[t]);

    // Backlog: B(t) = B(t-1) * kept + added, kept = 1 - a / review days once
    // licences are decided (a share a / L of the backlog is re-approved daily).
    const double kept[3] = {1.0, 1.0 - approvals[0] / review_days, 1.0 - approvals[1] / review_days};
    float* __restrict r4 = s.running_max_pow4.data();
    double* __restrict running = s.running_max.data();
    double backlog = 0.0;
    double running_max = 0.0;
    auto store = [&](int t, double value, double before) {
        running_max = value > running_max ? value : running_max;
        r4[t] = static_cast<float>(pow4(running_max));
        if (full) {
            running[t] = running_max;
            gap_added[t] = value - before;  // now: the backlog's daily change
        }
    };
    for (int phase = 0; phase < 3; ++phase) {
        const double keep = kept[phase];
        const double keep2 = keep * keep, keep3 = keep2 * keep, keep4 = keep3 * keep;
        const int begin = s.phase_begin[static_cast<std::size_t>(phase)];
        const int end = s.phase_begin[static_cast<std::size_t>(phase) + 1];
        int t = begin;
        // Four days at a time from the backlog before them, so the loop-carried
        // chain is one multiply-add per four days (all terms are >= 0, so the
        // backlog stays increasing in every input).
        for (; t + 4 <= end; t += 4) {
            const double s0 = gap_added[t];
            const double s1 = s0 * keep + gap_added[t + 1];
            const double s2 = s1 * keep + gap_added[t + 2];
            const double s3 = s2 * keep + gap_added[t + 3];
            const double b0 = backlog * keep + s0;
            const double b1 = backlog * keep2 + s1;
            const double b2 = backlog * keep3 + s2;
            const double b3 = backlog * keep4 + s3;
            store(t, b0, backlog);
            store(t + 1, b1, b0);
            store(t + 2, b2, b1);
            store(t + 3, b3, b2);
            backlog = b3;
        }
        for (; t < end; ++t) {
            const double b = backlog * keep + gap_added[t];
            store(t, b, backlog);
            backlog = b;
        }
    }
    for (int t = 0; t < wait_begin; ++t) {  // pipeline days: nothing missing yet
        r4[t] = 0.0f;
        if (full) running[t] = 0.0;
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

// Days on which some halt level is in force (today's new gap above the lowest
// threshold): within each supply phase new_gap never increases, so they form
// at most three runs, merged when adjacent. All other days have no halted plant.
struct DayRun {
    int begin = 0, end = 0;
};
struct ActiveDays {
    std::array<DayRun, 3> runs{};
    int count = 0;
};

ActiveDays active_days(const RegionSetup& rs, const DaySeries& s) {
    ActiveDays a;
    if (rs.level_count == 0) return a;
    const float lowest = rs.gap_threshold[0];
    const float* gap = s.new_gap.data();
    for (int phase = 0; phase < 3; ++phase) {
        const int begin = s.phase_begin[static_cast<std::size_t>(phase)];
        const int end = s.phase_begin[static_cast<std::size_t>(phase) + 1];
        // First day of the phase with gap <= lowest (gap never increases within a phase).
        int lo = begin, hi = end;
        while (lo < hi) {
            const int mid = lo + (hi - lo) / 2;
            if (gap[mid] > lowest) lo = mid + 1;
            else hi = mid;
        }
        const int t = lo;
        if (t == begin) continue;
        if (a.count > 0 && a.runs[static_cast<std::size_t>(a.count) - 1].end == begin)
            a.runs[static_cast<std::size_t>(a.count) - 1].end = t;
        else
            a.runs[static_cast<std::size_t>(a.count++)] = {begin, t};
    }
    return a;
}

// Share of plants halted on the active days: F(K R(t)) = R^4 / (c + R^4) with
// c the constant of the highest halt level in force. Branch-free passes over
// contiguous days, one per level, so compilers vectorize them.
void halted_shares(const RegionSetup& rs, const DaySeries& s, const ActiveDays& a, float* __restrict halted) {
    const float* __restrict r4 = s.running_max_pow4.data();
    const float* __restrict gap = s.new_gap.data();
    for (int i = 0; i < a.count; ++i) {
        const int begin = a.runs[static_cast<std::size_t>(i)].begin;
        const int end = a.runs[static_cast<std::size_t>(i)].end;
        for (int t = begin; t < end; ++t) halted[t] = rs.level_constant[0];
        for (int j = 1; j < rs.level_count; ++j) {
            const float threshold = rs.gap_threshold[static_cast<std::size_t>(j)];
            const float constant = rs.level_constant[static_cast<std::size_t>(j)];
            for (int t = begin; t < end; ++t) halted[t] = gap[t] > threshold ? constant : halted[t];
        }
        for (int t = begin; t < end; ++t) halted[t] = r4[t] / (halted[t] + r4[t] + 1.0e-30f);
    }
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
// day below that again (days outside the active runs have none halted).
void halt_days(const float* halted, const ActiveDays& a, double plants, int days, RegionOutcome& o) {
    const float one_plant = static_cast<float>(1.0 / plants);
    for (int i = 0; i < a.count; ++i) {
        const int end = a.runs[static_cast<std::size_t>(i)].end;
        int t = a.runs[static_cast<std::size_t>(i)].begin;
        while (t < end && halted[t] < one_plant) ++t;
        if (t == end) continue;
        o.first_halt_day = static_cast<float>(t);
        while (t < end && halted[t] >= one_plant) ++t;
        if (t < days) o.recovery_day = static_cast<float>(t);
        return;
    }
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

// P10, P50, P90 (nearest rank) of n values: one copy, and each selection
// works only on the part above the previous one.
template <class T>
std::array<T, 3> nearest_rank_percentiles(std::vector<T>& scratch, const T* values, int n) {
    scratch.assign(values, values + n);
    const int ranks[3] = {nearest_rank_index(10, n), nearest_rank_index(50, n), nearest_rank_index(90, n)};
    std::array<T, 3> out{};
    auto first = scratch.begin();
    for (int i = 0; i < 3; ++i) {
        const auto nth = scratch.begin() + ranks[i];
        std::nth_element(first, nth, scratch.end());
        out[static_cast<std::size_t>(i)] = *nth;
        first = nth;  // later ranks are >= this one: select among the rest
    }
    return out;
}

// P10/P50/P90 per day from one region's histogram ([bin][day] counts of
// `draws` values): the value at rank q * draws, linear inside a bin; bin 0 is
// exactly 0 and bin 255 exactly 1. Bins are walked in order; only the days
// that still miss a percentile are visited (`pending`), `rank` holds how many
// of the three each day has found.
void histogram_percentiles(const std::uint16_t* counts, const int* active_change, int days, int draws,
                           int* cumulative, std::uint8_t* rank, int* pending, RegionTimeline& tl) {
    const double targets[3] = {0.1 * draws, 0.5 * draws, 0.9 * draws};
    std::vector<float>* outs[3] = {&tl.p10, &tl.p50, &tl.p90};
    int active = 0;
    int pending_count = 0;
    for (int t = 0; t < days; ++t) {
        active += active_change[t];
        cumulative[t] = draws - active;  // inactive draws: exactly 0
        int q = 0;
        while (q < 3 && targets[q] <= cumulative[t]) (*outs[q++])[static_cast<std::size_t>(t)] = 0.0f;
        rank[t] = static_cast<std::uint8_t>(q);
        if (q < 3) pending[pending_count++] = t;
    }
    for (int b = 0; b < kBins && pending_count > 0; ++b) {
        const std::uint16_t* row = counts + static_cast<std::size_t>(b) * kMaxDayCount;
        for (int i = 0; i < pending_count;) {
            const int t = pending[i];
            const int count = row[t];
            if (count == 0) {
                ++i;
                continue;
            }
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
            if (q == 3) pending[i] = pending[--pending_count];  // done: order of pending days does not matter
            else ++i;
        }
    }
}

OptionalRange day_range(std::vector<float>& scratch, const float* values, int n) {
    OptionalRange r;
    if (n <= 0) return r;
    const std::array<float, 3> v = nearest_rank_percentiles(scratch, values, n);
    if (v[0] < kNeverDay) r.p10 = v[0];
    if (v[1] < kNeverDay) r.p50 = v[1];
    if (v[2] < kNeverDay) r.p90 = v[2];
    return r;
}

Range value_range(std::vector<double>& scratch, const double* values, int n) {
    const std::array<double, 3> v = nearest_rank_percentiles(scratch, values, n);
    return Range{v[0], v[1], v[2]};
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
    std::vector<int> pending_scratch;
    std::vector<double> need;  // need_series of the current inputs
    // Per region: +1 on the first active day of a draw's run, -1 after its last.
    std::array<std::vector<int>, kExport> active_draw_change;
    // A run in progress (begin_run / advance_run).
    Inputs run_inputs;
    int next_draw = 0;
    bool running = false;

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
        need.resize(kMaxDayCount);
        for (std::vector<int>& v : active_draw_change) v.resize(kMaxDayCount + 1);
        rank_scratch.resize(kMaxDayCount);
        pending_scratch.resize(kMaxDayCount);
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
    supply_series(in, p, need.data(), central != nullptr, series);
    const int days = series.days;
    double world_vehicles = 0.0;
    double world_value = 0.0;
    for (int r = 0; r < kExport; ++r) {
        const std::size_t ri = static_cast<std::size_t>(r);
        const RegionData& rd = region_data()[ri];
        const RegionSetup rs = setup_region(in, p, r);
        const ActiveDays active = active_days(rs, series);
        float* halted_out = halted.data();
        if (central) {
            halted_out = central->timeline[ri].central.data();
            std::fill(halted_out, halted_out + days, 0.0f);
        }
        halted_shares(rs, series, active, halted_out);

        RegionOutcome o;
        halt_days(halted_out, active, rd.plants, days, o);
        o.vehicles_lost = rd.vehicles_per_year / 365.0 * lost_output_days(rs, series.final_running_max, integral_table);
        world_vehicles += o.vehicles_lost;
        world_value += o.vehicles_lost * rd.vehicle_value_usd;

        if (central) {
            (*central_outcomes)[ri] = o;
            continue;
        }
        const std::size_t d = static_cast<std::size_t>(draw);
        first_halt_day[ri][d] = o.first_halt_day;
        recovery_day[ri][d] = o.recovery_day;
        vehicles_lost[ri][d] = o.vehicles_lost;
        // Histogram: active days by bin; inactive days (exactly 0) are counted
        // as draws - active draws, kept as a difference array over days.
        std::uint16_t* counts = histogram_bin_row(r, 0);
        int* active_change = active_draw_change[ri].data();
        for (int i = 0; i < active.count; ++i) {
            const int begin = active.runs[static_cast<std::size_t>(i)].begin;
            const int end = active.runs[static_cast<std::size_t>(i)].end;
            ++active_change[begin];
            --active_change[end];
            for (int t = begin; t < end; ++t)
                ++counts[static_cast<std::size_t>(histogram_bin(halted_out[t])) * kMaxDayCount + static_cast<std::size_t>(t)];
        }
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
// export region reaches the cover of that region's least-stocked tenth of
// plants (the log-logistic 10th percentile, alpha / sqrt 3; horizon if never);
// time to recover = first day from which its uncovered share stays <= 2% of
// need in every export region (horizon if never); shortage = max(TTR - TTS, 0).
// (The mean plant is not used: with a backlog that clears, the mean plant
// often never runs out although one in ten lines stops.)
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
                if (shortfall > 0.0 && shortfall >= rs.alpha * kTenthPercentileOverScale) {
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
    impl_->running = false;  // it shares the scratch series: a run in progress is abandoned
    Inputs in = raw_inputs;
    clamp_inputs(in);  // out-of-range values never reach the mechanics
    prepare_results(in, out);
    std::array<RegionOutcome, kExport> outcomes{};
    need_series(in, impl_->need.data());
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
    begin_run(raw_inputs, out);
    while (!advance_run(kMaxDraws, out)) {
    }
}

void Simulator::begin_run(const Inputs& raw_inputs, Results& out) {
    Inputs in = raw_inputs;
    clamp_inputs(in);
    Impl& m = *impl_;
    prepare_results(in, out);
    const int days = in.horizon_days + 1;

    // The central draw: central timeline and the components panel.
    std::array<RegionOutcome, kExport> central{};
    need_series(in, m.need.data());
    m.simulate_draw(in, DrawParams{}, 0, &out, &central);
    m.components(in, out);
    out.bands_ready = false;

    // The Monte Carlo draws start from empty histograms.
    for (int r = 0; r < kExport; ++r) {
        for (int b = 0; b < kBins; ++b)
            std::memset(m.histogram_bin_row(r, b), 0, sizeof(std::uint16_t) * static_cast<std::size_t>(days));
        std::fill(m.active_draw_change[static_cast<std::size_t>(r)].begin(),
                  m.active_draw_change[static_cast<std::size_t>(r)].begin() + days + 1, 0);
    }
    m.run_inputs = in;
    m.next_draw = 0;
    m.running = true;
}

bool Simulator::advance_run(int max_draws, Results& out) {
    Impl& m = *impl_;
    if (!m.running) return true;
    const Inputs& in = m.run_inputs;
    const int days = in.horizon_days + 1;
    const int draws = in.draws;
    const int end = std::min(draws, m.next_draw + std::max(1, max_draws));
    for (int d = m.next_draw; d < end; ++d) m.simulate_draw(in, random_draw_params(in.seed, d), d, nullptr, nullptr);
    m.next_draw = end;
    if (end < draws) return false;
    m.running = false;

    for (int r = 0; r < kExport; ++r) {
        const std::size_t ri = static_cast<std::size_t>(r);
        const RegionData& rd = region_data()[ri];
        RegionResult& rr = out.regions[ri];
        RegionTimeline& tl = out.timeline[ri];
        histogram_percentiles(m.histogram_bin_row(r, 0), m.active_draw_change[ri].data(), days, draws,
                              m.cumulative_scratch.data(), m.rank_scratch.data(), m.pending_scratch.data(), tl);
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
    return true;
}

}  // namespace rareshock
