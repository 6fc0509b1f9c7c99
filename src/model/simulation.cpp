// Rare Earth Shock — the simulation: licence queues, plants' own stock,
// stopped lines, emergency supply, vehicles lost, and the Monte Carlo.
//
// [SECTION] Constants
// [SECTION] Uncertain parameters of one draw
// [SECTION] Run setup (approval queues per region, shared by every draw)
// [SECTION] One draw (the daily state of every export region)
// [SECTION] Percentiles (histograms for the timeline, nearest rank for scalars)
// [SECTION] Simulator::Impl (scratch buffers)
// [SECTION] Components (per class: supplier stops, time to survive / recover)
// [SECTION] Simulator (run, begin_run / advance_run, run_central)
//
// docs/methodology.md explains every equation here in plain words.
// Determinism: only +, -, *, /, sqrt, comparisons and integer conversions
// (fastmath.h replaces libm); the target is compiled with -ffp-contract=off.
// Same inputs + seed give the same bits natively and in WebAssembly
// (tests/model/digest_main.cpp checks it).
#include "model.h"

#include "fastmath.h"
#include "rng.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>
#include <tuple>
#include <vector>

namespace rareshock {
namespace {

using detail::exp_det;
using detail::log_det;
using detail::pow_quarters;

//-----------------------------------------------------------------------------
// [SECTION] Constants
//-----------------------------------------------------------------------------
constexpr int kMaxHorizonDays = 730;                // Inputs::horizon_days range
constexpr int kMaxDayCount = kMaxHorizonDays + 1;   // day 0..horizon
constexpr int kMaxDraws = 5000;                     // Inputs::draws range
constexpr int kExport = kExportRegionCount;

// The central estimate advances one day a step; Monte Carlo draws two (their
// timelines are interpolated back to days). Halving the steps halves the cost
// of a run; the first-stop days stay continuous (interpolated inside a step).
constexpr int kDrawStepDays = 7;
constexpr int kMaxSteps = kMaxHorizonDays / kDrawStepDays + 2;

// The approval queues are tabulated from this many days before day 0, so a
// draw can look back by its shipping time.
constexpr int kQueueLookBack = 64;
constexpr int kQueueDays = kQueueLookBack + kMaxDayCount;

// A region has recovered once fewer than half a plant has a line stopped.
constexpr double kStoppedPlantsShown = 0.5;

// ln 2: a region's first stop is the day by which one plant more likely than
// not has stopped a line (a Poisson count of stops with mean >= ln 2).
constexpr double kFirstStopExpected = 0.69314718055994531;

// Time to recover: the first day from which at most this share of a
// part's supply (all regions, weighted by output) still waits for a licence.
constexpr double kRecoveredWaitingShare = 0.05;

// Timeline histograms: one bin per whole number of car plants stopped, 0 to
// 255 (the largest region has 137 plants; more would share the last bin).
constexpr int kBins = 256;

constexpr float kNeverDay = 1.0e9f;

// A draw's per-step figures that every region reads alike, side by side (see
// simulate_draw_of), and the rows of its per-step scratch: those, one row of
// world counts, and two per group of component classes.
enum DrawStepField : std::size_t { kCoverAt, kKeepEarly, kKeepLate, kNotRescuedEarly, kNotRescuedLate, kNotMadeUp, kDrawStepFields };
constexpr std::size_t kStepScratchRows = kDrawStepFields + 1;

// Declared inline so that the web build inlines them (it inlines only what is
// declared inline: src/platform/web/CMakeLists.txt).
inline int round_to_int(double v) { return static_cast<int>(v + 0.5); }  // v >= 0
inline double min1(double v) { return v < 1.0 ? v : 1.0; }
inline double clamp01(double v) { return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v); }

//-----------------------------------------------------------------------------
// [SECTION] Uncertain parameters of one draw
//-----------------------------------------------------------------------------
// Every draw consumes the same count of random numbers whatever the inputs,
// and each one enters monotonically, so for one seed every draw — and hence
// every percentile — moves in the same direction as the inputs.
struct DrawParams {
    double inventory_multiplier = 1.0;  // triangular over Mechanics::stock_factor, mode 1
    double transit_multiplier = 1.0;    // uniform over Mechanics::transit_factor
    int shipping_days = -1;             // uniform whole days in the mechanics' range; -1: its middle
    double expedite_multiplier = 1.0;   // uniform over Mechanics::expedite_factor
    double exposure_multiplier = 1.0;   // uniform over Mechanics::loose_magnets_factor, on the share not embedded in parts
    std::array<double, kExport> dependence_multiplier{1.0, 1.0, 1.0, 1.0, 1.0};  // uniform over Mechanics::dependence_factor, each
    double parts_buffer_days = -1.0;     // uniform in the mechanics' range; -1: its middle
    double other_supplier_share = -1.0;  // uniform in the mechanics' range; -1: its middle
    double spare_capacity_share = -1.0;  // uniform in the mechanics' range; -1: its middle
    int cover_shape_quarters = -1;       // uniform over the fitted shape's quarters +- the spread (>= 1); -1: the fitted
};

DrawParams random_draw_params(std::uint32_t seed, int draw, const Mechanics& mech) {
    detail::Xoshiro128 rng(seed, static_cast<std::uint32_t>(draw));
    DrawParams p;
    const double u1 = rng.uniform();
    const double u2 = rng.uniform();
    p.inventory_multiplier = mech.stock_factor.low + 0.5 * mech.stock_factor.width * (u1 + u2);
    auto factor = [&rng](const DrawnFactor& f) { return f.low + f.width * rng.uniform(); };
    p.transit_multiplier = factor(mech.transit_factor);
    const int span = mech.shipping_days_max - mech.shipping_days_min;
    p.shipping_days = mech.shipping_days_min + static_cast<int>(rng.uniform() * (span + 1));
    p.expedite_multiplier = factor(mech.expedite_factor);
    p.exposure_multiplier = factor(mech.loose_magnets_factor);
    for (double& m : p.dependence_multiplier) m = factor(mech.dependence_factor);
    auto in_range = [&rng](double lo, double hi) { return lo + (hi - lo) * rng.uniform(); };
    p.parts_buffer_days = in_range(mech.parts_buffer_days_min, mech.parts_buffer_days_max);
    p.other_supplier_share = in_range(mech.other_supplier_share_min, mech.other_supplier_share_max);
    p.spare_capacity_share = in_range(mech.spare_capacity_share_min, mech.spare_capacity_share_max);
    // Drawn last, so that adding it left every other draw's numbers as they were.
    const int spread = mech.cover_shape_spread_quarters;
    p.cover_shape_quarters = std::max(mech.cover_shape_quarters_low(), mech.cover_shape_quarters - spread + static_cast<int>(rng.uniform() * (2 * spread + 1)));
    return p;
}

// The value of each drawn assumption (Driver order), for the drivers list.
std::array<double, kDriverCount> driver_values(const DrawParams& p) {
    double dependence = 0.0;
    for (double m : p.dependence_multiplier) dependence += m;
    return {p.inventory_multiplier, p.transit_multiplier, static_cast<double>(p.shipping_days), p.expedite_multiplier,
            p.exposure_multiplier, dependence / kExport, p.parts_buffer_days, p.other_supplier_share, p.spare_capacity_share,
            0.25 * p.cover_shape_quarters};
}

// The draw's stock shape in quarters (the central draw: the fitted one).
inline int cover_shape_quarters(const DrawParams& p, const Mechanics& mech) {
    return p.cover_shape_quarters >= 1 ? p.cover_shape_quarters : mech.cover_shape_quarters;
}

int shipping_days(const DrawParams& p, const Mechanics& mech) {
    return p.shipping_days >= 0 ? p.shipping_days : (mech.shipping_days_min + mech.shipping_days_max) / 2;
}
// A drawn value, or (the central draw, -1) the middle of its range.
inline double drawn_or_middle(double drawn, double lo, double hi) { return drawn >= 0.0 ? drawn : 0.5 * (lo + hi); }

//-----------------------------------------------------------------------------
// [SECTION] Run setup
//-----------------------------------------------------------------------------
// The reader's approval rate a scales the pace of every path (proportional
// hazards): share licensed by day t = (1 - refusal) * (1 - exp(-k H(t))),
// with H the path's cumulative hazard and k = ln(1 - a) / ln(1 - 0.25), so at
// 25 % the paths are as reported, at 0 nothing is licensed, at 100 % every
// request is licensed as soon as the shortest review allows.
struct ApprovalScale {
    double k = 1.0;         // hazard multiplier
    bool all = false;       // a = 100 %: k is infinite
    double refusal = 0.0;   // share refused for good
};

ApprovalScale approval_scale(double approval_pct, const Mechanics& mech) {
    ApprovalScale s;
    const double a = approval_pct / 100.0, ref = kReferenceApprovalPct / 100.0;
    if (a >= 1.0) s.all = true;
    else s.k = approval_pace(approval_pct);
    s.refusal = mech.refusal_share * (1.0 - (a < 1.0 ? a : 1.0)) / (1.0 - ref);
    return s;
}

// Cumulative hazard of a path at day `day` (may be fractional or negative).
// Points become (day, -ln(1 - share)); the path starts at (kFirstLicenceDay, 0)
// or, when its first point is earlier, at (0, 0); past the last point the
// last segment's slope continues.
constexpr double kMaxHazard = 27.6;  // -ln(1e-12): "everything"

double hazard_of_share(double pct) {
    const double waiting = 1.0 - pct / 100.0;
    return waiting > 1.0e-12 ? -log_det(waiting) : kMaxHazard;
}

struct PathHazard {
    int count = 0;
    std::array<double, kMaxPathPoints + 1> day{}, hazard{};
    double final_slope = 0.0;

    explicit PathHazard(const ApprovalPath& path) {
        const double first_day = path.count > 0 ? path.points[0].day : kFirstLicenceDay;
        day[0] = first_day > kFirstLicenceDay ? kFirstLicenceDay : 0.0;
        hazard[0] = 0.0;
        count = 1;
        for (int i = 0; i < path.count; ++i) {
            const PathPoint& p = path.points[static_cast<std::size_t>(i)];
            const double h = hazard_of_share(p.approved_pct);
            if (p.day <= day[static_cast<std::size_t>(count - 1)]) {  // a point at day 0: a step at the start
                hazard[static_cast<std::size_t>(count - 1)] = h;
                continue;
            }
            day[static_cast<std::size_t>(count)] = p.day;
            hazard[static_cast<std::size_t>(count)] = h;
            ++count;
        }
        if (count >= 2) {
            const std::size_t a = static_cast<std::size_t>(count - 2), b = static_cast<std::size_t>(count - 1);
            final_slope = (hazard[b] - hazard[a]) / (day[b] - day[a]);
        }
    }

    double at(double t) const {
        if (t < day[0]) return 0.0;
        for (int i = 1; i < count; ++i) {
            const std::size_t b = static_cast<std::size_t>(i), a = b - 1;
            if (t <= day[b]) return hazard[a] + (hazard[b] - hazard[a]) * (t - day[a]) / (day[b] - day[a]);
        }
        const std::size_t last = static_cast<std::size_t>(count - 1);
        const double h = hazard[last] + final_slope * (t - day[last]);
        return h < kMaxHazard ? h : kMaxHazard;
    }
};

// What every draw of a run shares.
struct RunSetup {
    ApprovalScale scale;
    // Share of a region's supply chains still waiting for a licence on day t,
    // stored at [t + kQueueLookBack] for t = -kQueueLookBack..horizon.
    std::array<std::vector<double>, kExport> waiting;
    std::vector<double> not_alternative;  // 1 - alternative supply share, by day
    double reference_expedite_days = 10.0;
};

void setup_run(const Inputs& in, const Mechanics& mech, RunSetup& rs) {
    rs.scale = approval_scale(in.approval_pct, mech);
    const double shift = kReferenceLagDays - in.licence_lag_days;  // a shorter review: every date earlier
    const ApprovalCurve curve(in.approval_pct);
    for (int r = 0; r < kExport; ++r) {
        const PathHazard path(in.approval_paths[static_cast<std::size_t>(r)]);
        double* w = rs.waiting[static_cast<std::size_t>(r)].data();
        for (int i = 0; i < kQueueLookBack + in.horizon_days + 1; ++i) {
            const double t = static_cast<double>(i - kQueueLookBack) + shift;
            const double h = path.at(t);
            const double licensed = rs.scale.all ? (h > 0.0 ? 1.0 : 0.0) : 1.0 - exp_det(-curve.hazard(h));
            w[i] = 1.0 - (1.0 - rs.scale.refusal) * licensed;
        }
    }
    const double alt = in.alt_supply_pct / 100.0;
    for (int t = 0; t <= in.horizon_days; ++t) rs.not_alternative[static_cast<std::size_t>(t)] = 1.0 - alt * min1(t / in.alt_ramp_days);
    rs.reference_expedite_days = in.expedite_days;
}

//-----------------------------------------------------------------------------
// [SECTION] One draw
//-----------------------------------------------------------------------------
// Per export region r, the model follows the share h of its lines that have
// stopped (see docs/methodology.md, "How the model works"):
//   - a line's own stock lasts transit + d days, d log-logistic around the
//     region's inventory (shape beta); its share run out by day t is u(t);
//   - its licence comes at a time drawn from the region's approval path, and
//     magnets arrive `shipping` days later: q(t) is the share still waiting;
//   - a line stops when its stock runs out while it waits: new stops on a
//     step are du * q * (1 - alternatives) * (not rescued in time);
//   - a stopped line restarts when its licensed magnets arrive (q falls) or
//     when emergency supply arrives (probability e per day):
//         h(t) = h(t - 1) * (1 - e) * q(t) / q(t - 1) + new stops of day t;
//     the central estimate takes one day a step, exactly so; the Monte Carlo
//     draws take a week a step, with the new stops of a step half a step old
//     at its end and the step's lost output taken at its middle;
//   - from the escalation day, a line that will run out within
//     `warning_days` asks for expedited supply too, so some stops are avoided;
//   - exposure x = China dependence * controlled share * (1 - embedded share):
//     the stopped share of all lines is x * h; a plant has a line stopped
//     with probability 1 - (1 - x h)^lines; vehicles lost per day are
//     vehicles_per_day * x * h (a stopped line builds nothing).
struct DrawOutcome {
    std::array<float, kExport> supplier_first_stop_day{};
    std::array<double, kExport> supplier_peak{};  // most supplier lines stopped on one step, whole
    double world_supplier_peak = 0.0;             // the same, all regions on the same step
    std::array<float, kExport> first_stop_day{};
    std::array<float, kExport> recovery_day{};
    std::array<double, kExport> vehicles_lost{};  // net of make-up
    std::array<double, kExport> gross_vehicles_lost{};
    double world_vehicles = 0.0;  // net
    double world_gross = 0.0;
    double world_value = 0.0;
    // Per component class, all export regions: the earliest region's first
    // supplier-line stop, and the most of its supplier lines stopped on one step.
    std::array<float, kComponentCount> class_first_stop_day{};
    std::array<double, kComponentCount> class_peak{};
};

// The step grid of a run (day t_j = min(j * step, horizon)) and, per shipping
// time and region, what a draw reads at each step, with q the share still
// waiting for licensed magnets and m_j = t_j - floor(length_j / 2) the middle
// of the step (side by side: a step reads them together):
//   free        = q(t_j) * (1 - alternatives(t_j))
//   free_middle = q(m_j) * (1 - alternatives(m_j))
//   ratio       = q(t_j) / q(t_(j-1))      (restarts over the whole step)
//   late        = q(t_j) / q(m_j)           (over its second half)
//   early       = q(m_j) / q(t_(j-1))       (over its first half)
struct QueueStep {
    double free = 0.0, free_middle = 0.0, ratio = 1.0, late = 1.0, early = 1.0;
};

struct StepTables {
    int step_days = 1;
    int steps = 0;
    std::vector<int> day;  // t_j
    std::vector<int> length;  // days the step stands for: t_j - t_(j-1), 1 for step 0
    std::vector<int> early_days, late_days;  // its halves: length - floor(length / 2), floor(length / 2)
    int shipping_min = 0;
    // [shipping - shipping_min][region] -> per step
    std::vector<std::array<std::vector<QueueStep>, kExport>> queue;
};

void build_step_tables(const Inputs& in, const RunSetup& rs, int step_days, int shipping_min, int shipping_max,
                       StepTables& st) {
    const int horizon = in.horizon_days;
    st.step_days = step_days;
    st.steps = (horizon + step_days - 1) / step_days + 1;
    st.day.resize(static_cast<std::size_t>(st.steps));
    st.length.resize(static_cast<std::size_t>(st.steps));
    st.early_days.resize(static_cast<std::size_t>(st.steps));
    st.late_days.resize(static_cast<std::size_t>(st.steps));
    for (int j = 0; j < st.steps; ++j) {
        const std::size_t jj = static_cast<std::size_t>(j);
        st.day[jj] = j * step_days < horizon ? j * step_days : horizon;
        st.length[jj] = j == 0 ? 1 : st.day[jj] - st.day[jj - 1];
        st.late_days[jj] = st.length[jj] / 2;
        st.early_days[jj] = st.length[jj] - st.late_days[jj];
    }
    st.shipping_min = shipping_min;
    const std::size_t variants = static_cast<std::size_t>(shipping_max - shipping_min + 1);
    if (st.queue.size() < variants) st.queue.resize(variants);
    for (std::size_t v = 0; v < variants; ++v) {
        const int shipping = shipping_min + static_cast<int>(v);
        for (int r = 0; r < kExport; ++r) {
            const std::size_t ri = static_cast<std::size_t>(r);
            const double* waiting = rs.waiting[ri].data() + kQueueLookBack - shipping;  // waiting[t] = q(t - shipping)
            std::vector<QueueStep>& queue = st.queue[v][ri];
            queue.resize(static_cast<std::size_t>(st.steps));
            auto quotient = [](double a, double b) { return b > 0.0 ? a / b : 0.0; };
            for (int j = 0; j < st.steps; ++j) {
                const std::size_t jj = static_cast<std::size_t>(j);
                const int t = st.day[jj];
                const int length = st.length[jj];
                QueueStep& q = queue[jj];
                q.free = waiting[t] * rs.not_alternative[static_cast<std::size_t>(t)];
                q.free_middle = waiting[t - length / 2] * rs.not_alternative[static_cast<std::size_t>(t - length / 2)];
                q.ratio = j == 0 ? 1.0 : quotient(waiting[t], waiting[t - length]);
                q.late = quotient(waiting[t], waiting[t - length / 2]);
                q.early = j == 0 ? 1.0 : quotient(waiting[t - length / 2], waiting[t - length]);
            }
        }
    }
}

// The component classes as the simulation reads them, worked out once per set
// of component data (see docs/methodology.md, "Suppliers and car plants").
// Each car-plant line draws on one supplier line per class. What ties a
// car-plant line's supply chains to the licences is not drawn per class: one
// licence regime, one exporter per supplier group, one stock policy. So the
// classes' shortages are nested (comonotone): the region's exposure x, the
// licence wait q(t), and the quantiles of the stock and of the buffer are
// shared by a car-plant line's classes. Classes with the same relative stock
// and buffer then share every state of the draw and differ only by k, the
// share of their supplier lines that depend on licensed magnets: the share
// of the class's magnets under the regime (speakers: many are ferrite) times
// the share of vehicles fitted with it (traction motors: EV/hybrids). These
// two are facts of each part's technology, not of the supply chain, and are
// taken as independent across classes: a car-plant line needs none of a
// group's parts from a supplier on licensed magnets with probability
// prod_c (1 - k_c). Such classes form a group: the draw follows each group
// once (one group with the default data).
struct ClassLayout {
    int groups = 0;
    std::array<int, kComponentCount> group_of{};
    std::array<double, kComponentCount> group_cover{}, group_buffer{};  // per group: relative stock, buffer
    // k[r][c]: share of class c's supplier lines in region r that depend on
    // licensed magnets, relative to the region's exposure.
    std::array<std::array<double, kComponentCount>, kExportRegionCount> k{};
    // Per region and group: the sum of its classes' k (supplier lines), and
    // prod_c (1 - k_c), the share of car-plant lines that need none of its
    // parts from a supplier on licensed magnets.
    std::array<std::array<double, kComponentCount>, kExportRegionCount> k_sum{}, k_none{};
    // Per region and group: its classes, largest k first (the order in which
    // their first lines stop), and how many.
    std::array<std::array<std::array<int, kComponentCount>, kComponentCount>, kExportRegionCount> order{};
    std::array<std::array<int, kComponentCount>, kExportRegionCount> order_count{};
    // k[r][c] = scale[c] * (uses_ev_share[c] ? ev_hybrid_share of r : 1): the
    // classes' world counts of stopped lines come from two sums per group.
    std::array<double, kComponentCount> scale{};
    std::array<bool, kComponentCount> uses_ev_share{};
};

ClassLayout class_layout(std::span<const ComponentData, kComponentCount> classes) {
    ClassLayout l;
    for (int c = 0; c < kComponentCount; ++c) {
        const std::size_t ci = static_cast<std::size_t>(c);
        const ComponentData& cd = classes[ci];
        int g = 0;
        while (g < l.groups && !(l.group_cover[static_cast<std::size_t>(g)] == cd.inventory_multiplier &&
                                 l.group_buffer[static_cast<std::size_t>(g)] == cd.parts_buffer_multiplier))
            ++g;
        if (g == l.groups) {
            l.group_cover[static_cast<std::size_t>(g)] = cd.inventory_multiplier;
            l.group_buffer[static_cast<std::size_t>(g)] = cd.parts_buffer_multiplier;
            ++l.groups;
        }
        l.group_of[ci] = g;
        l.uses_ev_share[ci] = cd.fitted_share_is_ev_share;
        l.scale[ci] = clamp01(cd.licence_exposure_share) * (cd.fitted_share_is_ev_share ? 1.0 : clamp01(cd.fitted_share));
    }
    for (int r = 0; r < kExport; ++r) {
        const std::size_t ri = static_cast<std::size_t>(r);
        const double ev = clamp01(region_data()[ri].ev_hybrid_share);
        for (int c = 0; c < kComponentCount; ++c) {
            const std::size_t ci = static_cast<std::size_t>(c);
            const double kc = l.scale[ci] * (l.uses_ev_share[ci] ? ev : 1.0);
            l.k[ri][ci] = kc;
            const std::size_t g = static_cast<std::size_t>(l.group_of[ci]);
            l.k_sum[ri][g] += kc;
            l.k_none[ri][g] = (l.order_count[ri][g] == 0 ? 1.0 : l.k_none[ri][g]) * (1.0 - kc);
            // Insert c into its group's order, largest k first (ties: Component order).
            std::array<int, kComponentCount>& order = l.order[ri][g];
            int n = l.order_count[ri][g]++;
            while (n > 0 && l.k[ri][static_cast<std::size_t>(order[static_cast<std::size_t>(n - 1)])] < kc) {
                order[static_cast<std::size_t>(n)] = order[static_cast<std::size_t>(n - 1)];
                --n;
            }
            order[static_cast<std::size_t>(n)] = c;
        }
    }
    return l;
}

// Per export region r, the model follows, for each group of component
// classes g (see ClassLayout), the share h_g of their supplier lines that have
// stopped (see docs/methodology.md, "How the model works"):
//   - a supplier line's own magnet stock lasts transit + d days, d
//     log-logistic around the region's inventory times the group's relative
//     stock (shape beta), at the quantile the car-plant line's classes share;
//     the share run out by day t is u_g(t);
//   - its licence comes at a time drawn from the region's approval path, and
//     magnets arrive `shipping` days later: q(t) is the share still waiting;
//   - a line stops when its stock runs out while it waits: new stops on a
//     step are du_g * q * (1 - alternatives) * (not rescued in time);
//   - a stopped line restarts when its licensed magnets arrive (q falls) or
//     when emergency supply arrives (probability e per day):
//         h(t) = h(t - 1) * (1 - e) * q(t) / q(t - 1) + new stops of day t;
//     the central estimate takes one day a step, exactly so; the Monte Carlo
//     draws take a week a step, with the new stops of a step half a step old
//     at its end and the step's lost output taken at its middle;
//   - from the escalation day, a line that will run out within
//     `warning_days` asks for expedited supply too, so some stops are avoided;
//   - a stopped supplier line's car plants run out of its parts after the
//     group's finished-parts buffer (two-stage Erlang): gone_g is the share of
//     its lines stopped with their parts gone;
//   - exposure x = China dependence * controlled share * (1 - embedded share);
//     class c's stopped supplier lines are x * k_c * h_g (one supplier line
//     per car-plant line and class);
//   - a car-plant line is short of parts when one of the parts it needs from
//     a supplier on licensed magnets is gone and no other supplier covers
//     (share `uncovered`); the groups' shortages are nested (see ClassLayout),
//     so with one group s = x * uncovered * (1 - prod_c (1 - k_c)) * gone;
//     a plant has a line stopped with probability 1 - (1 - s)^lines; vehicles
//     lost per day are vehicles_per_day * s (a stopped line builds nothing).
//     With equal stock and buffer this is the one-class model with exposure
//     x * (1 - prod_c (1 - k_c)).
// Calls record(region, step, day, plants_share, vehicles_lost_in_step) for
// every step from the first on which a line can run out. kGroups is the
// layout's group count when it is known at compile time (1: the default data,
// whose states the compiler keeps in registers), else 0.
template <int kGroups, class Record>
void simulate_draw_of(const Inputs& in, const Mechanics& mech, const ClassLayout& cl, const RunSetup& rs, const StepTables& st,
                      const DrawParams& p, const double* cover_pow, std::vector<double>& step_scratch, Record&& record,
                      DrawOutcome& out) {
    constexpr int kC = kComponentCount;
    const int horizon = in.horizon_days;
    const int transit = round_to_int(in.transit_days * p.transit_multiplier);
    const std::size_t variant = static_cast<std::size_t>(shipping_days(p, mech) - st.shipping_min);
    const int lines = mech.lines_per_plant;
    const int groups = kGroups > 0 ? kGroups : cl.groups;
    const int shape_quarters = cover_shape_quarters(p, mech);  // cover_pow is d^(shape_quarters / 4)
    // Emergency supply: daily probability e, mean `expedite` days at the
    // reference rate, faster when more is approved, never under an embargo.
    const double expedite = in.expedite_days * p.expedite_multiplier;
    const double k = rs.scale.k;
    const double rescue = rs.scale.all ? 1.0 : (expedite <= 1.0 ? (k > 0.0 ? 1.0 : 0.0) : k / (k + expedite - 1.0));
    const double keep = 1.0 - rescue;
    // Per step: (1 - e)^dt, and the share of lines running out on it that
    // were not rescued by asking early (from the escalation day on).
    const double escalation_day = mech.escalation_day + (in.licence_lag_days - kReferenceLagDays);
    const double warning = mech.warning_days;
    // (1 - e)^n for every whole n a step or the warning window needs.
    const int max_power = std::max(st.step_days, static_cast<int>(warning) + 1);
    step_scratch.resize(static_cast<std::size_t>(max_power) + 1 + (kStepScratchRows + 2 * static_cast<std::size_t>(groups)) * static_cast<std::size_t>(st.steps));
    double* keep_power = step_scratch.data();
    keep_power[0] = 1.0;
    for (int i = 1; i <= max_power; ++i) keep_power[i] = keep_power[i - 1] * keep;
    // Per step, what every region reads alike (worked out once a draw, not
    // once a region), side by side as a step reads them: draw_step[j *
    // kDrawStepFields + field], fields:
    //   - kNotRescuedEarly, kNotRescuedLate: the share of the lines running out
    //     in its first half (early) and in its second half (late) that were not
    //     rescued by asking early: the mean over the days of that half (a line
    //     running out on day d had d - escalation_day days of warning, at most
    //     `warning`), so that moving the escalation day by one day moves a
    //     week's step by a seventh;
    //   - kCoverAt: cover_pow of its day less the transit time;
    //   - kKeepEarly, kKeepLate: (1 - e) over its first and over its second half;
    //   - kNotMadeUp: the share of its lost output not made up (see made_up_share).
    double* draw_step = keep_power + max_power + 1;
    double* world_supplier = draw_step + kDrawStepFields * static_cast<std::size_t>(st.steps);  // supplier lines stopped per step, all regions
    // Per group and step, all regions: the supplier lines that depend on
    // licensed magnets and have stopped, per unit of k (world_group) and per
    // unit of k over the EV/hybrid share (world_group_ev): a class's world
    // count is its scale times one of them.
    double* world_group = world_supplier + st.steps;
    double* world_group_ev = world_group + groups * st.steps;
    std::fill(world_supplier, world_supplier + (1 + 2 * groups) * st.steps, 0.0);
    auto not_rescued_on = [&](int day) {
        if (!(day > escalation_day)) return 1.0;
        double y = day - escalation_day;
        if (y > warning) y = warning;
        const int whole = static_cast<int>(y);
        return keep_power[whole] * (1.0 - (y - whole) * rescue);
    };
    const double not_rescued_after_warning = not_rescued_on(static_cast<int>(escalation_day + warning) + 1);
    auto mean_not_rescued = [&](int first_day, int last_day) {  // days first..last, first <= last
        if (!(last_day > escalation_day)) return 1.0;                            // before the escalation day
        if (first_day - escalation_day >= warning) return not_rescued_after_warning;  // the full warning
        double sum = 0.0;
        for (int d = first_day; d <= last_day; ++d) sum += not_rescued_on(d);
        return sum / (last_day - first_day + 1);
    };
    // Nothing runs out before the first step past the transit time: the
    // per-step tables start there.
    int first_step = 0;
    while (first_step < st.steps && st.day[static_cast<std::size_t>(first_step)] <= transit) ++first_step;
    for (int j = first_step; j < st.steps; ++j) {
        const int t = st.day[static_cast<std::size_t>(j)];
        const int length = st.length[static_cast<std::size_t>(j)];
        if (length == 1) {
            draw_step[j * kDrawStepFields + kNotRescuedEarly] = draw_step[j * kDrawStepFields + kNotRescuedLate] = not_rescued_on(t);
        } else {
            const int middle = t - length / 2;  // the early half is (t - length, middle], the late (middle, t]
            draw_step[j * kDrawStepFields + kNotRescuedEarly] = mean_not_rescued(t - length + 1, middle);
            draw_step[j * kDrawStepFields + kNotRescuedLate] = mean_not_rescued(middle + 1, t);
        }
    }
    const double controlled = in.controlled_pct / 100.0;
    // The finished-parts buffer of each group: a stopped supplier line's parts
    // run out at the car plants in two stages of mean B/2 days each (drain rho
    // a day per stage); over n days a line moves 0 stages with probability
    // (1-rho)^n, exactly 1 with n rho (1-rho)^(n-1), else both (its parts are
    // gone). B is the drawn buffer times the group's relative buffer.
    constexpr std::size_t kDrainDays = 8;  // n = 0..7 days (a step is at most kDrawStepDays)
    struct Drain {
        double stay = 1.0, moved = 0.0, one = 0.0, both = 0.0;  // moved = 1 - stay
    };
    std::array<std::array<Drain, kDrainDays>, kC> drains{};
    const double buffer_days = drawn_or_middle(p.parts_buffer_days, mech.parts_buffer_days_min, mech.parts_buffer_days_max);
    for (int g = 0; g < groups; ++g) {
        const std::size_t gi = static_cast<std::size_t>(g);
        const double buffer = buffer_days * cl.group_buffer[gi];
        const double rho = min1(2.0 / (buffer > 1.0 ? buffer : 1.0));
        double stay = 1.0, one = 0.0;
        drains[gi][0] = {1.0, 0.0, 0.0, 0.0};
        for (std::size_t n = 1; n < kDrainDays; ++n) {
            one = one * (1.0 - rho) + stay * rho;
            stay = stay * (1.0 - rho);
            const double rest = 1.0 - stay - one;
            drains[gi][n] = {stay, 1.0 - stay, one, rest > 0.0 ? rest : 0.0};
        }
    }
    // Of the car-plant lines whose supplier line has stopped and whose parts
    // are gone, this share cannot be covered by another supplier.
    const double uncovered = 1.0 - drawn_or_middle(p.other_supplier_share, mech.other_supplier_share_min, mech.other_supplier_share_max);
    // Make-up: what a day's stopped car-plant lines did not build is made up
    // (a share `spare` of it) over `make_up_days` once they run again, on
    // average `restart` days later (emergency supply; never under an embargo),
    // as far as the horizon allows.
    const double spare = drawn_or_middle(p.spare_capacity_share, mech.spare_capacity_share_min, mech.spare_capacity_share_max);
    const double restart = rescue > 0.0 ? 1.0 / rescue : 1.0e9;
    auto made_up_share = [&](double day) { return spare * clamp01((horizon - day - restart) / mech.make_up_days); };
    for (int j = first_step; j < st.steps; ++j) {
        const std::size_t jj = static_cast<std::size_t>(j);
        const int t = st.day[jj];
        const int length = st.length[jj];
        double* row = draw_step + jj * kDrawStepFields;
        row[kCoverAt] = cover_pow[t - transit];
        row[kKeepEarly] = keep_power[st.early_days[jj]];
        row[kKeepLate] = keep_power[st.late_days[jj]];
        row[kNotMadeUp] = 1.0 - made_up_share(t - 0.5 * (length - 1));  // at the step's middle day
    }

    out.world_vehicles = 0.0;
    out.world_gross = 0.0;
    out.world_value = 0.0;
    out.class_first_stop_day.fill(kNeverDay);
    for (int r = 0; r < kExport; ++r) {
        const std::size_t ri = static_cast<std::size_t>(r);
        const RegionData& rd = region_data()[ri];
        const double cover = in.inventory_days * rd.inventory_multiplier * p.inventory_multiplier;
        const double dependence = min1(in.china_dependence_pct[ri] / 100.0 * p.dependence_multiplier[ri]);
        const double exposure = dependence * controlled * min1((1.0 - rd.embedded_share) * p.exposure_multiplier);
        const double plants = rd.plants;
        const double vehicles_per_day = rd.vehicles_per_year / 365.0;
        const QueueStep* queue = st.queue[variant][ri].data();

        // One supplier line per car-plant line and class; of class c's, x k_c
        // depend on licensed magnets.
        const double lines_x = plants * lines * exposure;
        const double car_x = exposure * uncovered;  // car-plant lines short per unit of k * gone
        const double ev_share = clamp01(rd.ev_hybrid_share);
        // Copies, not references: the step's stores through double pointers
        // would make the compiler read them again on every step.
        const std::array<double, kC> k_sum = cl.k_sum[ri];
        const std::array<double, kC> k_none = cl.k_none[ri];
        // The share of car-plant lines short of a part when each group's
        // supplier lines are out of parts in the shares v[g]: the union of the
        // groups' shortages, nested (a line out of a part with more stock or
        // buffer is out of the others too): with the groups in falling order
        // of v, sum_i (v_(i) - v_(i+1)) (1 - prod_(l <= i) k_none_(l)).
        // One group: v k, k = 1 - prod_c (1 - k_c).
        auto car_union = [&](const double* v) {
            if (kGroups == 1 || groups == 1) return v[0] * (1.0 - k_none[0]);
            std::array<int, kC> by{};
            for (int g = 0; g < groups; ++g) {
                int i = g;
                for (; i > 0 && v[by[static_cast<std::size_t>(i - 1)]] < v[g]; --i) by[static_cast<std::size_t>(i)] = by[static_cast<std::size_t>(i - 1)];
                by[static_cast<std::size_t>(i)] = g;
            }
            double none = 1.0, sum = 0.0;
            for (int i = 0; i < groups; ++i) {
                const int g = by[static_cast<std::size_t>(i)];
                none *= k_none[static_cast<std::size_t>(g)];
                const double next = i + 1 < groups ? v[by[static_cast<std::size_t>(i + 1)]] : 0.0;
                sum += (v[g] - next) * (1.0 - none);
            }
            return sum;
        };
        // Per group: the scale of its stock's distribution, and its stopped
        // supplier lines by the state of their car plants' parts: a1 (first
        // stage left), a2 (second stage left), gone. stopped = a1 + a2 + gone.
        // `started` and `emptied` count every stop and every run-out of parts
        // (before restarts), for the expected first stops.
        std::array<double, kC> scale_pow{}, u_prev{}, a1{}, a2{}, gone{}, started{}, started_before{}, emptied{};
        // Per group: its next class (in `order`) to see a first stop, and the
        // stops (share of its lines, `started`) at which that class's expected
        // count of stopped lines, lines_x k started, reaches ln 2.
        std::array<int, kC> next_class{};
        std::array<double, kC> next_threshold{};
        auto set_threshold = [&](std::size_t g) {
            const int next = next_class[g];
            const double per_started = next < cl.order_count[ri][g] ? lines_x * cl.k[ri][static_cast<std::size_t>(cl.order[ri][g][static_cast<std::size_t>(next)])] : 0.0;
            next_threshold[g] = per_started > 0.0 ? kFirstStopExpected / per_started : std::numeric_limits<double>::infinity();
        };
        for (int g = 0; g < groups; ++g) {
            scale_pow[static_cast<std::size_t>(g)] = pow_quarters(cover * cl.group_cover[static_cast<std::size_t>(g)], shape_quarters);
            set_threshold(static_cast<std::size_t>(g));
        }
        const double car_lines_x = plants * lines * car_x;
        double expected_supplier_before = 0.0, expected_car_before = 0.0, lost = 0.0, net = 0.0, supplier_peak = 0.0;
        float supplier_first_stop_day = kNeverDay, first_stop_day = kNeverDay;
        int last_stopped_step = -1;  // the last step with half a plant or more stopped
        // Moves group g's buffer states over n days, every line surviving (not
        // restarted) with probability `survive`; returns the lines whose parts
        // ran out in that time (before restarts).
        auto drain = [&](std::size_t g, int n, double survive) {
            const Drain& dr = drains[g][static_cast<std::size_t>(n)];
            const double into_gone = a2[g] * dr.moved + a1[g] * dr.both;
            gone[g] = survive * (gone[g] + into_gone);
            a2[g] = survive * (a2[g] * dr.stay + a1[g] * dr.one);
            a1[g] = survive * a1[g] * dr.stay;
            return survive * into_gone;
        };
        int t_prev = first_step > 0 ? st.day[static_cast<std::size_t>(first_step - 1)] : 0;  // the step before's day
        for (int j = first_step; j < st.steps; t_prev = st.day[static_cast<std::size_t>(j)], ++j) {
            const std::size_t jj = static_cast<std::size_t>(j);
            const int t = st.day[jj];
            const int length = st.length[jj];
            const bool single_day = length == 1;
            // The shares of one step, shared by every group.
            const QueueStep& q = queue[j];
            const double* row = draw_step + jj * kDrawStepFields;
            const double free_late = q.free * row[kNotRescuedLate];
            const double free_early = single_day ? 0.0 : q.free_middle * row[kNotRescuedEarly];
            const double survive_one = keep * q.ratio;
            const int n_early = st.early_days[jj], n_late = st.late_days[jj];
            const double survive_early = row[kKeepEarly] * q.early;
            const double survive_late = row[kKeepLate] * q.late;
            double supplier_stopped = 0.0;  // per unit of lines_x: sum over groups of k_sum * stopped
            double expected_supplier = 0.0;
            std::array<double, kC> gone_days_of{};  // per group: the step's share of lines out of parts times its days
            for (int g = 0; g < groups; ++g) {
                const std::size_t gi = static_cast<std::size_t>(g);
                const double u = row[kCoverAt] / (scale_pow[gi] + row[kCoverAt]);
                const double run_out = u - u_prev[gi];  // lines whose own stock ran out during the step
                u_prev[gi] = u;
                started_before[gi] = started[gi];
                double gone_days;  // the step's share of lines out of parts times its days
                if (single_day) {
                    const double new_stops = run_out * free_late;
                    emptied[gi] += drain(gi, 1, survive_one);
                    a1[gi] += new_stops;
                    started[gi] += new_stops;
                    gone_days = gone[gi];
                } else {
                    // Half the lines run out by the middle of the step (those still
                    // waiting there stop), half by its end; the step's days take the
                    // share at its middle.
                    const double early_stops = 0.5 * run_out * free_early;
                    const double late_stops = 0.5 * run_out * free_late;
                    emptied[gi] += drain(gi, n_early, survive_early);
                    a1[gi] += early_stops;
                    gone_days = gone[gi] * length;
                    emptied[gi] += drain(gi, n_late, survive_late);
                    a1[gi] += late_stops;
                    started[gi] += early_stops + late_stops;
                }
                const double stopped = a1[gi] + a2[gi] + gone[gi];
                supplier_stopped += k_sum[gi] * stopped;
                expected_supplier += k_sum[gi] * started[gi];
                world_group[g * st.steps + j] += lines_x * stopped;
                world_group_ev[g * st.steps + j] += lines_x * ev_share * stopped;
                gone_days_of[gi] = gone_days;
            }
            // The car-plant lines short of a part (per unit of exposure x uncovered).
            const double car_short = car_union(gone.data());
            const double car_days = car_union(gone_days_of.data());
            const double line_share = car_x * car_short;  // car-plant lines stopped
            double plants_share;  // 1 - (1 - x)^lines, written so that it is > 0 whenever x is
            if (lines == 2) {
                plants_share = line_share * (2.0 - line_share);  // line_share is in [0, 1]
            } else {
                double power = 1.0, sum = 0.0;
                for (int i = 0; i < lines; ++i) {
                    sum += power;
                    power *= 1.0 - line_share;
                }
                plants_share = clamp01(line_share * sum);
            }
            auto first_day = [&](double before, double after) {  // the day the expected count passes ln 2
                const double frac = (kFirstStopExpected - before) / (after - before);
                return static_cast<float>(t_prev + frac * (t - t_prev));
            };
            // Expected counts of supplier lines that have stopped (all classes,
            // and each class) and of car-plant lines that have run out of a part.
            if (supplier_first_stop_day == kNeverDay) {
                expected_supplier *= lines_x;
                if (expected_supplier >= kFirstStopExpected) supplier_first_stop_day = first_day(expected_supplier_before, expected_supplier);
                expected_supplier_before = expected_supplier;
            }
            for (int g = 0; g < groups; ++g) {
                const std::size_t gi = static_cast<std::size_t>(g);
                while (started[gi] >= next_threshold[gi]) {  // (never once every class has its first stop: infinity)
                    const int c = cl.order[ri][gi][static_cast<std::size_t>(next_class[gi])];
                    const double before = started_before[gi], frac = (next_threshold[gi] - before) / (started[gi] - before);
                    const float day = static_cast<float>(t_prev + frac * (t - t_prev));
                    float& first = out.class_first_stop_day[static_cast<std::size_t>(c)];
                    first = day < first ? day : first;
                    ++next_class[gi];
                    set_threshold(gi);
                }
            }
            if (first_stop_day == kNeverDay) {
                const double expected_car = car_lines_x * car_union(emptied.data());
                if (expected_car >= kFirstStopExpected) first_stop_day = first_day(expected_car_before, expected_car);
                expected_car_before = expected_car;
            }
            // Whole supplier lines: a draw's count on a step is the nearest whole number.
            const double supplier_count = static_cast<double>(round_to_int(lines_x * supplier_stopped));
            supplier_peak = supplier_count > supplier_peak ? supplier_count : supplier_peak;
            world_supplier[j] += supplier_count;
            if (plants_share * plants >= kStoppedPlantsShown) last_stopped_step = j;
            // A day loses what its stopped car-plant lines would have built.
            const double lost_step = vehicles_per_day * car_x * car_days;
            lost += lost_step;
            net += lost_step * row[kNotMadeUp];
            record(r, j, t, plants_share, lost_step);
        }
        out.supplier_first_stop_day[ri] = supplier_first_stop_day;
        out.supplier_peak[ri] = supplier_peak;
        out.first_stop_day[ri] = first_stop_day;
        out.recovery_day[ri] = kNeverDay;
        const float last_stopped_day = last_stopped_step >= 0 ? static_cast<float>(st.day[static_cast<std::size_t>(last_stopped_step)]) : -1.0f;
        if (first_stop_day < kNeverDay && last_stopped_day < static_cast<float>(horizon)) {
            const float after = last_stopped_day + 1.0f;
            out.recovery_day[ri] = after > first_stop_day ? after : first_stop_day;
        }
        out.vehicles_lost[ri] = net;
        out.gross_vehicles_lost[ri] = lost;
        out.world_vehicles += net;
        out.world_gross += lost;
        out.world_value += net * rd.vehicle_value_usd;
    }
    out.world_supplier_peak = 0.0;
    for (int j = 0; j < st.steps; ++j) out.world_supplier_peak = world_supplier[j] > out.world_supplier_peak ? world_supplier[j] : out.world_supplier_peak;
    // Each class's most lines stopped on one step, all export regions: the
    // nearest whole number of its scale times its group's sum (rounding is
    // monotone, so the largest count is that of the largest sum).
    for (int g = 0; g < groups; ++g) {
        double most = 0.0, most_ev = 0.0;
        for (int j = 0; j < st.steps; ++j) {
            most = world_group[g * st.steps + j] > most ? world_group[g * st.steps + j] : most;
            most_ev = world_group_ev[g * st.steps + j] > most_ev ? world_group_ev[g * st.steps + j] : most_ev;
        }
        for (int c = 0; c < kC; ++c) {
            const std::size_t ci = static_cast<std::size_t>(c);
            if (cl.group_of[ci] != g) continue;
            out.class_peak[ci] = static_cast<double>(round_to_int(cl.scale[ci] * (cl.uses_ev_share[ci] ? most_ev : most)));
        }
    }
}

template <class Record>
void simulate_draw(const Inputs& in, const Mechanics& mech, const ClassLayout& cl, const RunSetup& rs, const StepTables& st,
                   const DrawParams& p, const double* cover_pow, std::vector<double>& step_scratch, Record&& record,
                   DrawOutcome& out) {
    if (cl.groups == 1) simulate_draw_of<1>(in, mech, cl, rs, st, p, cover_pow, step_scratch, record, out);
    else simulate_draw_of<0>(in, mech, cl, rs, st, p, cover_pow, step_scratch, record, out);
}

//-----------------------------------------------------------------------------
// [SECTION] Percentiles
//-----------------------------------------------------------------------------
// A draw's count of car plants with a line stopped: the nearest whole number
// to its expected count (plants x share), so every count a reader sees is whole.
inline int whole_plants(double share, double plants) { return round_to_int(clamp01(share) * plants); }

// Nearest rank: the P-th percentile of n values is the ceil(P/100 * n)-th smallest.
inline int nearest_rank_index(int percent, int n) { return (percent * n + 99) / 100 - 1; }

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
        first = nth;
    }
    return out;
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

float max_of(const std::vector<float>& v) {
    float m = 0.0f;
    for (float x : v) m = x > m ? x : m;
    return m;
}

}  // namespace

// The pace of emergency supply relative to the reference rate: proportional
// hazards, k = ln(1 - a) / ln(1 - 0.25), bent at both ends so that the slider
// moves the result evenly: below the reference rate the pace falls faster towards an
// embargo (a 1 % rate is nearly one), above it it rises faster towards every
// licence at once (99 % is nearly that). The bends vanish, with their slope,
// at the reference rate.
namespace {
constexpr double kLowBend = 2.0, kHighBend = 3.6;
}  // namespace

double approval_pace(double approval_pct) {
    const double a = approval_pct / 100.0, ref = kReferenceApprovalPct / 100.0;
    if (!(a > 0.0)) return 0.0;
    if (a >= 1.0) return std::numeric_limits<double>::infinity();
    double log_pace = log_det(log_det(1.0 - a) / log_det(1.0 - ref));
    if (a < ref) {
        const double x = (ref - a) / ref;
        log_pace -= kLowBend * x * x;
    } else {
        const double x = (a - ref) / (1.0 - ref);
        log_pace += kHighBend * x * x;
    }
    return exp_det(log_pace);
}

// The reader's rate on a path: the anchor is the hazard of the reference
// share, H* = -ln(1 - 0.25), the day a path as reported reaches a quarter
// (4 June 2025 for every path but India's). With k0 = ln(1 - a) / ln(0.75)
// (proportional hazards) and r = H / H*:
//   - up to the anchor, the hazard is scaled so that the share there is exactly
//     the reader's rate, along a curve whose start is m times steeper:
//         H_a = -ln(1 - a) * m r / (1 + (m - 1) r),
//     m = 1 up to the reference rate, e^(3.6 x^2) above it (the high bend), so
//     a regime that approves nearly everything approves it as soon as it is
//     reviewed (continuous with 100 %);
//   - past the anchor the hazard grows at the pace k0, bent below the
//     reference rate, k0 e^(-2 x^2) (the low bend), so that later approvals
//     fade towards an embargo (continuous with 0 %):
//         H_a = -ln(1 - a) + k (H - H*).
// Monotone in a and in H, continuous, the identity at the reference rate.
ApprovalCurve::ApprovalCurve(double approval_pct) {
    const double a = approval_pct / 100.0, ref = kReferenceApprovalPct / 100.0;
    if (!(a > 0.0)) return;  // none: every hazard 0
    if (a >= 1.0) {
        all = true;
        return;
    }
    anchor_ = -log_det(1.0 - ref);
    at_anchor_ = -log_det(1.0 - a);
    pace_ = at_anchor_ / anchor_;  // k0
    if (a < ref) {
        const double x = (ref - a) / ref;
        pace_ *= exp_det(-kLowBend * x * x);
    } else if (a > ref) {
        const double x = (a - ref) / (1.0 - ref);
        steepness_ = exp_det(kHighBend * x * x);
    }
}

double ApprovalCurve::hazard(double reported_hazard) const {
    if (!(reported_hazard > 0.0)) return 0.0;
    if (all) return kMaxHazard;
    double h;
    if (reported_hazard >= anchor_) {
        h = at_anchor_ + pace_ * (reported_hazard - anchor_);
    } else {
        const double r = reported_hazard / anchor_;  // (0, 1)
        h = at_anchor_ * (steepness_ * r / (1.0 + (steepness_ - 1.0) * r));
    }
    return h < kMaxHazard ? h : kMaxHazard;
}

double approved_hazard(double approval_pct, double reported_hazard) {
    return ApprovalCurve(approval_pct).hazard(reported_hazard);
}

double licensed_share_on_day(const Inputs& in, int region, double day) {
    if (region < 0 || region >= kExportRegionCount) return 0.0;
    const ApprovalScale scale = approval_scale(in.approval_pct, default_mechanics());
    const double h = PathHazard(in.approval_paths[static_cast<std::size_t>(region)]).at(day + kReferenceLagDays - in.licence_lag_days);
    const double licensed = scale.all ? (h > 0.0 ? 1.0 : 0.0) : 1.0 - exp_det(-approved_hazard(in.approval_pct, h));
    return (1.0 - scale.refusal) * licensed;
}

//-----------------------------------------------------------------------------
// [SECTION] Simulator::Impl
//-----------------------------------------------------------------------------
struct Simulator::Impl {
    Mechanics mech = default_mechanics();
    std::array<ComponentData, kComponentCount> class_data{};
    ClassLayout classes;
    // d^beta for whole days d = 0..730, one table per shape a draw can take (quarters
    // shape_lo, shape_lo + 1, ...): cover_pow_for(params).
    std::vector<double> cover_pow;
    int shape_lo = 1, shape_hi = 1;
    RunSetup setup;
    StepTables central_steps, draw_steps;
    std::vector<double> step_scratch;
    // Timeline histograms of the draws: [region][bin][step] counts, and per
    // region a difference array over steps of the draws with a share > 0.
    std::vector<std::uint16_t> histogram;
    std::array<std::vector<int>, kExport> active_change;
    std::array<std::vector<float>, kExport> first_stop_day;
    std::array<std::vector<float>, kExport> supplier_first_stop_day;
    std::array<std::vector<double>, kExport> supplier_peak;
    std::vector<double> world_supplier_peak;
    std::array<std::vector<float>, kComponentCount> class_first_stop_day;  // [class][draw]
    std::array<std::vector<double>, kComponentCount> class_peak;           // [class][draw]
    std::array<std::vector<double>, kDriverCount> driver_value;  // [driver][draw]
    std::vector<int> draw_order;                                  // scratch: draws sorted by one driver
    std::array<std::vector<float>, kExport> recovery_day;
    std::array<std::vector<double>, kExport> vehicles_lost;
    std::array<std::vector<double>, kExport> gross_vehicles_lost;
    std::vector<double> world_vehicles_lost;
    std::vector<double> world_gross_vehicles_lost;
    std::vector<double> world_value_lost;
    std::vector<float> float_scratch;
    std::vector<double> double_scratch;
    std::array<double, 3> step_percentile_scratch{};
    std::vector<float> step_values;  // [q][step] percentiles of one region
    // A run in progress (begin_run / advance_run).
    Inputs run_inputs;
    int next_draw = 0;
    bool running = false;

    Impl() {
        std::copy(component_data().begin(), component_data().end(), class_data.begin());
        classes = class_layout(class_data);
        cover_pow.reserve(kMaxDayCount * (2 * Mechanics::kMaxShapeSpreadQuarters + 1));
        set_shape();
        for (std::vector<double>& w : setup.waiting) w.resize(kQueueDays);
        setup.not_alternative.resize(kMaxDayCount);
        histogram.resize(static_cast<std::size_t>(kExport) * kBins * kMaxSteps);
        for (int r = 0; r < kExport; ++r) {
            const std::size_t ri = static_cast<std::size_t>(r);
            active_change[ri].resize(kMaxSteps + 1);
            first_stop_day[ri].resize(kMaxDraws);
            supplier_first_stop_day[ri].resize(kMaxDraws);
            supplier_peak[ri].resize(kMaxDraws);
            recovery_day[ri].resize(kMaxDraws);
            vehicles_lost[ri].resize(kMaxDraws);
            gross_vehicles_lost[ri].resize(kMaxDraws);
        }
        world_vehicles_lost.resize(kMaxDraws);
        world_gross_vehicles_lost.resize(kMaxDraws);
        world_value_lost.resize(kMaxDraws);
        world_supplier_peak.resize(kMaxDraws);
        for (std::vector<float>& v : class_first_stop_day) v.resize(kMaxDraws);
        for (std::vector<double>& v : class_peak) v.resize(kMaxDraws);
        for (std::vector<double>& v : driver_value) v.resize(kMaxDraws);
        draw_order.reserve(kMaxDraws);
        step_values.resize(3 * static_cast<std::size_t>(kMaxSteps));
        float_scratch.reserve(kMaxDraws);
        double_scratch.reserve(kMaxDraws);
        reserve_step_tables();
    }

    // The step tables at their largest (the longest horizon, every shipping
    // time), so that runs never allocate: the heap stays flat.
    void reserve_step_tables() {
        const std::size_t variants = static_cast<std::size_t>(mech.shipping_days_max - mech.shipping_days_min + 1);
        for (auto [tables, count, steps] : {std::tuple{&central_steps, std::size_t{1}, static_cast<std::size_t>(kMaxDayCount)},
                                            std::tuple{&draw_steps, variants, static_cast<std::size_t>(kMaxSteps)}}) {
            tables->day.reserve(steps);
            tables->length.reserve(steps);
            if (tables->queue.size() < count) tables->queue.resize(count);
            for (auto& regions : tables->queue)
                for (std::vector<QueueStep>& v : regions) v.reserve(steps);
        }
        step_scratch.reserve((kStepScratchRows + 2 * static_cast<std::size_t>(kComponentCount)) * static_cast<std::size_t>(kMaxDayCount) + 128);
    }

    void set_shape() {
        shape_lo = mech.cover_shape_quarters_low();
        shape_hi = mech.cover_shape_quarters_high();
        cover_pow.resize(static_cast<std::size_t>(shape_hi - shape_lo + 1) * kMaxDayCount);
        for (int h = shape_lo; h <= shape_hi; ++h)
            for (int d = 0; d < kMaxDayCount; ++d)
                cover_pow[static_cast<std::size_t>(h - shape_lo) * kMaxDayCount + static_cast<std::size_t>(d)] = pow_quarters(d, h);
    }
    const double* cover_pow_for(const DrawParams& p) const {
        return cover_pow.data() + static_cast<std::size_t>(cover_shape_quarters(p, mech) - shape_lo) * kMaxDayCount;
    }

    std::uint16_t* histogram_row(int region, int bin) {
        return histogram.data() + (static_cast<std::size_t>(region) * kBins + static_cast<std::size_t>(bin)) * kMaxSteps;
    }

    static int step_count(int horizon) { return (horizon + kDrawStepDays - 1) / kDrawStepDays + 1; }

    // The central draw, one day a step, into the results' central timelines.
    DrawOutcome central(const Inputs& in, Results& out) {
        DrawOutcome o;
        const int shipping = shipping_days(DrawParams{}, mech);
        build_step_tables(in, setup, 1, shipping, shipping, central_steps);
        // One draw per scenario: the general layout's code only (the draws' loop has a copy
        // for one group as well, for speed), which keeps the WebAssembly smaller.
        simulate_draw_of<0>(in, mech, classes, setup, central_steps, DrawParams{}, cover_pow_for(DrawParams{}), step_scratch,
                      [&](int r, int, int t, double share, double lost) {
                          RegionTimeline& tl = out.timeline[static_cast<std::size_t>(r)];
                          const double plants = region_data()[static_cast<std::size_t>(r)].plants;
                          tl.central[static_cast<std::size_t>(t)] = static_cast<float>(whole_plants(share, plants) / plants);
                          tl.lost_central[static_cast<std::size_t>(t)] = static_cast<float>(lost);
                      },
                      o);
        return o;
    }

    void monte_carlo_draw(const Inputs& in, int draw) {
        DrawOutcome o;
        std::array<bool, kExport> active{};
        const int steps = step_count(in.horizon_days);
        const DrawParams params = random_draw_params(in.seed, draw, mech);
        const std::array<double, kDriverCount> values = driver_values(params);
        for (int k = 0; k < kDriverCount; ++k) driver_value[static_cast<std::size_t>(k)][static_cast<std::size_t>(draw)] = values[static_cast<std::size_t>(k)];
        std::array<double, kExport> plants{};  // read once, not on every step
        for (int r = 0; r < kExport; ++r) plants[static_cast<std::size_t>(r)] = region_data()[static_cast<std::size_t>(r)].plants;
        simulate_draw(in, mech, classes, setup, draw_steps, params, cover_pow_for(params), step_scratch,
                      [&](int r, int step, int, double share, double) {
                          const std::size_t ri = static_cast<std::size_t>(r);
                          const int count = whole_plants(share, plants[ri]);
                          const bool now = count > 0;  // the draws with none are counted by difference
                          if (now != active[ri]) {
                              active_change[ri][static_cast<std::size_t>(step)] += now ? 1 : -1;
                              active[ri] = now;
                          }
                          if (now) ++histogram_row(r, count < kBins ? count : kBins - 1)[step];
                      },
                      o);
        for (int r = 0; r < kExport; ++r) {
            const std::size_t ri = static_cast<std::size_t>(r);
            if (active[ri]) --active_change[ri][static_cast<std::size_t>(steps)];
            const std::size_t d = static_cast<std::size_t>(draw);
            first_stop_day[ri][d] = o.first_stop_day[ri];
            supplier_first_stop_day[ri][d] = o.supplier_first_stop_day[ri];
            supplier_peak[ri][d] = o.supplier_peak[ri];
            recovery_day[ri][d] = o.recovery_day[ri];
            vehicles_lost[ri][d] = o.vehicles_lost[ri];
            gross_vehicles_lost[ri][d] = o.gross_vehicles_lost[ri];
        }
        world_vehicles_lost[static_cast<std::size_t>(draw)] = o.world_vehicles;
        world_gross_vehicles_lost[static_cast<std::size_t>(draw)] = o.world_gross;
        world_value_lost[static_cast<std::size_t>(draw)] = o.world_value;
        world_supplier_peak[static_cast<std::size_t>(draw)] = o.world_supplier_peak;
        for (int c = 0; c < kComponentCount; ++c) {
            class_first_stop_day[static_cast<std::size_t>(c)][static_cast<std::size_t>(draw)] = o.class_first_stop_day[static_cast<std::size_t>(c)];
            class_peak[static_cast<std::size_t>(c)][static_cast<std::size_t>(draw)] = o.class_peak[static_cast<std::size_t>(c)];
        }
    }

    // P10/P50/P90 (nearest rank) of one region's whole count of plants stopped
    // per step, as a share of its plants; a day takes the nearest step's value,
    // so every day's count is a whole number too.
    void timeline_percentiles(int region, int horizon, int draws, RegionTimeline& tl) {
        const int steps = step_count(horizon);
        const int ranks[3] = {nearest_rank_index(10, draws) + 1, nearest_rank_index(50, draws) + 1, nearest_rank_index(90, draws) + 1};
        const double plants = region_data()[static_cast<std::size_t>(region)].plants;
        float* values[3] = {step_values.data(), step_values.data() + kMaxSteps, step_values.data() + 2 * kMaxSteps};
        int active = 0;
        for (int step = 0; step < steps; ++step) {
            active += active_change[static_cast<std::size_t>(region)][static_cast<std::size_t>(step)];
            int cumulative = draws - active;  // draws with no plant stopped
            int q = 0;
            while (q < 3 && ranks[q] <= cumulative) values[q++][step] = 0.0f;
            for (int b = 1; b < kBins && q < 3; ++b) {
                cumulative += histogram_row(region, b)[step];
                while (q < 3 && ranks[q] <= cumulative) values[q++][step] = static_cast<float>(b / plants);
            }
            while (q < 3) values[q++][step] = static_cast<float>((kBins - 1) / plants);
        }
        std::vector<float>* outs[3] = {&tl.p10, &tl.p50, &tl.p90};
        for (int t = 0; t <= horizon; ++t) {
            // The nearest step (the earlier one on a tie); the last step is the horizon.
            int step = t / kDrawStepDays;
            const int next = step + 1 < steps ? step + 1 : step;
            const int day0 = step * kDrawStepDays;
            const int day1 = next * kDrawStepDays < horizon ? next * kDrawStepDays : horizon;
            if (day1 - t < t - day0) step = next;
            for (int i = 0; i < 3; ++i) (*outs[i])[static_cast<std::size_t>(t)] = values[i][step];
        }
    }

    void components(const Inputs& in, Results& out);

    // Per drawn assumption: the world loss (P50) of the fifth of the draws
    // with its lowest values and of the fifth with its highest (ties by draw
    // number), largest swing first. Fewer than 5 draws: no drivers.
    void drivers(int draws, Results& out) {
        out.driver_count = 0;
        const int fifth = draws / 5;
        if (fifth < 1) return;
        for (int k = 0; k < kDriverCount; ++k) {
            const std::vector<double>& v = driver_value[static_cast<std::size_t>(k)];
            draw_order.resize(static_cast<std::size_t>(draws));
            for (int d = 0; d < draws; ++d) draw_order[static_cast<std::size_t>(d)] = d;
            // The lowest fifth first, the highest last (two partitions, no full sort).
            const auto by_value = [&v](int a, int b) {
                const double x = v[static_cast<std::size_t>(a)], y = v[static_cast<std::size_t>(b)];
                return x < y || (x == y && a < b);
            };
            std::nth_element(draw_order.begin(), draw_order.begin() + fifth, draw_order.end(), by_value);
            std::nth_element(draw_order.begin() + fifth, draw_order.end() - fifth, draw_order.end(), by_value);
            auto median_of = [&](int first) {
                double_scratch.resize(static_cast<std::size_t>(fifth));
                for (int i = 0; i < fifth; ++i)
                    double_scratch[static_cast<std::size_t>(i)] = world_vehicles_lost[static_cast<std::size_t>(draw_order[static_cast<std::size_t>(first + i)])];
                const auto mid = double_scratch.begin() + nearest_rank_index(50, fifth);
                std::nth_element(double_scratch.begin(), mid, double_scratch.end());
                return *mid;
            };
            out.drivers[static_cast<std::size_t>(k)] = {static_cast<Driver>(k), median_of(0), median_of(draws - fifth)};
        }
        // Largest swing first; equal swings keep the Driver order (an insertion sort: no allocation).
        auto swing = [](const DriverResult& d) { return d.high > d.low ? d.high - d.low : d.low - d.high; };
        for (std::size_t i = 1; i < out.drivers.size(); ++i)
            for (std::size_t j = i; j > 0 && swing(out.drivers[j]) > swing(out.drivers[j - 1]); --j) std::swap(out.drivers[j], out.drivers[j - 1]);
        out.driver_count = kDriverCount;
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Components (per class: supplier stops, time to survive / recover)
//-----------------------------------------------------------------------------
// For each component class (its first stops and peaks come from the draws,
// see simulate_draw):
//   time to recover = the first day from which at most 5 % of the class's
//     supply, across the export regions weighted by their output and by the
//     share of it that depends on licensed magnets, still waits for them (the
//     horizon if never);
//   time to survive = the day its first supplier line stops, the P50 across
//     draws (the horizon if fewer than half the draws see one stop);
//   shortage = max(TTR - TTS, 0): how long its stopped supplier lines would go
//     without magnets if nothing else (emergency supply) came.
void Simulator::Impl::components(const Inputs& in, Results& out) {
    const int horizon = in.horizon_days;
    const int shipping = shipping_days(DrawParams{}, mech);
    const double controlled = in.controlled_pct / 100.0;
    double output = 0.0, lines = 0.0;
    for (int r = 0; r < kExport; ++r) {
        output += region_data()[static_cast<std::size_t>(r)].vehicles_per_year;
        lines += region_data()[static_cast<std::size_t>(r)].plants * mech.lines_per_plant;
    }
    for (int c = 0; c < kComponentCount; ++c) {
        const std::size_t ci = static_cast<std::size_t>(c);
        std::array<double, kExport> weight{};  // output share x exposure per region
        bool exposed = false;
        for (int r = 0; r < kExport; ++r) {
            const std::size_t ri = static_cast<std::size_t>(r);
            const RegionData& rd = region_data()[ri];
            const double exposure = in.china_dependence_pct[ri] / 100.0 * controlled * (1.0 - rd.embedded_share) * classes.k[ri][ci];
            weight[ri] = rd.vehicles_per_year / output * exposure;
            exposed = exposed || exposure > 0.0;
        }
        int recover = 0;
        for (int t = horizon; t >= 0 && exposed; --t) {
            double waiting = 0.0;
            for (int r = 0; r < kExport; ++r)
                waiting += weight[static_cast<std::size_t>(r)] * setup.waiting[static_cast<std::size_t>(r)][static_cast<std::size_t>(kQueueLookBack + t - shipping)];
            if (waiting > kRecoveredWaitingShare) {
                recover = t + 1;
                break;
            }
        }
        if (recover > horizon) recover = horizon;
        ComponentResult& cr = out.components[ci];
        cr.id = static_cast<Component>(c);
        cr.supplier_lines = lines;
        cr.time_to_recover_days = recover;
    }
}

namespace {

// Once each class's first stops are in: time to survive, shortage and rank.
void finish_components(int horizon, Results& out) {
    constexpr double kNever = 1.0e9;
    std::array<std::array<double, 3>, kComponentCount> key{};
    for (int c = 0; c < kComponentCount; ++c) {
        ComponentResult& cr = out.components[static_cast<std::size_t>(c)];
        const OptionalRange& f = cr.first_stop_day;
        cr.time_to_survive_days = f.p50 ? *f.p50 : static_cast<double>(horizon);
        cr.shortage_days = cr.time_to_recover_days > cr.time_to_survive_days ? cr.time_to_recover_days - cr.time_to_survive_days : 0.0;
        key[static_cast<std::size_t>(c)] = {f.p50 ? *f.p50 : kNever, f.p10 ? *f.p10 : kNever, f.p90 ? *f.p90 : kNever};
    }
    for (int c = 0; c < kComponentCount; ++c) {
        int rank = 1;
        for (int o = 0; o < kComponentCount; ++o) {
            const auto& a = key[static_cast<std::size_t>(o)];
            const auto& b = key[static_cast<std::size_t>(c)];
            if (a < b || (a == b && o < c)) ++rank;
        }
        out.components[static_cast<std::size_t>(c)].rank = rank;
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Simulator
//-----------------------------------------------------------------------------
namespace {

// Sizes every vector (keeping capacity), fills ids, baselines and the China row.
void prepare_results(const Inputs& in, const Mechanics& mech, Results& out) {
    out.inputs = in;
    const std::size_t days = static_cast<std::size_t>(in.horizon_days) + 1;
    for (int r = 0; r < kRegionCount; ++r) {
        const std::size_t ri = static_cast<std::size_t>(r);
        const RegionData& rd = region_data()[ri];
        RegionResult& rr = out.regions[ri];
        rr = RegionResult{};
        rr.id = static_cast<Region>(r);
        rr.baseline_vehicles = rd.vehicles_per_year / 365.0 * static_cast<double>(days);
        if (r < kExport) rr.supplier_lines = rd.plants * mech.lines_per_plant * kComponentCount;  // one per car-plant line and class
        RegionTimeline& tl = out.timeline[ri];
        tl.p10.assign(days, 0.0f);
        tl.p50.assign(days, 0.0f);
        tl.p90.assign(days, 0.0f);
        tl.central.assign(days, 0.0f);
        tl.lost_central.assign(days, 0.0f);
    }
    out.world_vehicles_lost = Range{};
    out.world_gross_vehicles_lost = Range{};
    out.world_value_lost_usd = Range{};
    out.world_peak_supplier_lines_stopped = Range{};
    out.driver_count = 0;
}

void fill_central_outcomes(const DrawOutcome& o, Results& out) {
    double world_vehicles = 0.0, world_value = 0.0;
    for (int r = 0; r < kExport; ++r) {
        const std::size_t ri = static_cast<std::size_t>(r);
        RegionResult& rr = out.regions[ri];
        RegionTimeline& tl = out.timeline[ri];
        tl.p10 = tl.central;
        tl.p50 = tl.central;
        tl.p90 = tl.central;
        const float sday = o.supplier_first_stop_day[ri];
        if (sday < kNeverDay) rr.supplier_first_stop_day = {sday, sday, sday};
        rr.peak_supplier_lines_stopped = {o.supplier_peak[ri], o.supplier_peak[ri], o.supplier_peak[ri]};
        if (o.first_stop_day[ri] < kNeverDay) rr.first_halt_day = {o.first_stop_day[ri], o.first_stop_day[ri], o.first_stop_day[ri]};
        if (o.recovery_day[ri] < kNeverDay) rr.recovery_day = {o.recovery_day[ri], o.recovery_day[ri], o.recovery_day[ri]};
        const double lost = o.vehicles_lost[ri];
        rr.vehicles_lost = {lost, lost, lost};
        const double gross = o.gross_vehicles_lost[ri];
        rr.gross_vehicles_lost = {gross, gross, gross};
        const double value = lost * region_data()[ri].vehicle_value_usd;
        rr.value_lost_usd = {value, value, value};
        rr.peak_halted_share_p50 = max_of(tl.p50);
        world_vehicles += lost;
        world_value += value;
    }
    out.world_vehicles_lost = {world_vehicles, world_vehicles, world_vehicles};
    out.world_gross_vehicles_lost = {o.world_gross, o.world_gross, o.world_gross};
    out.world_value_lost_usd = {world_value, world_value, world_value};
    out.world_peak_supplier_lines_stopped = {o.world_supplier_peak, o.world_supplier_peak, o.world_supplier_peak};
    for (int c = 0; c < kComponentCount; ++c) {
        const std::size_t ci = static_cast<std::size_t>(c);
        ComponentResult& cr = out.components[ci];
        const float day = o.class_first_stop_day[ci];
        cr.first_stop_day = day < kNeverDay ? OptionalRange{day, day, day} : OptionalRange{};
        cr.peak_lines_stopped = {o.class_peak[ci], o.class_peak[ci], o.class_peak[ci]};
    }
}

}  // namespace

Simulator::Simulator() : impl_(new Impl) {}
Simulator::~Simulator() { delete impl_; }

void Simulator::set_mechanics(const Mechanics& mechanics) {
    impl_->running = false;
    Mechanics m = mechanics;
    m.cover_shape_quarters = std::clamp(m.cover_shape_quarters, 1, 32);
    m.cover_shape_spread_quarters = std::clamp(m.cover_shape_spread_quarters, 0, Mechanics::kMaxShapeSpreadQuarters);
    m.lines_per_plant = std::clamp(m.lines_per_plant, 1, 8);
    m.shipping_days_min = std::clamp(m.shipping_days_min, 0, kQueueLookBack);
    m.shipping_days_max = std::clamp(m.shipping_days_max, m.shipping_days_min, kQueueLookBack);
    impl_->mech = m;
    impl_->set_shape();
    impl_->reserve_step_tables();
}

void Simulator::set_component_data(std::span<const ComponentData, kComponentCount> classes) {
    impl_->running = false;
    std::copy(classes.begin(), classes.end(), impl_->class_data.begin());
    impl_->classes = class_layout(impl_->class_data);
}

void Simulator::run_central(const Inputs& raw_inputs, Results& out) {
    impl_->running = false;  // it shares the run setup: a run in progress is abandoned
    Inputs in = raw_inputs;
    clamp_inputs(in);  // out-of-range values never reach the mechanics
    prepare_results(in, impl_->mech, out);
    setup_run(in, impl_->mech, impl_->setup);
    fill_central_outcomes(impl_->central(in, out), out);
    impl_->components(in, out);
    finish_components(in.horizon_days, out);
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
    prepare_results(in, m.mech, out);
    setup_run(in, m.mech, m.setup);
    fill_central_outcomes(m.central(in, out), out);
    m.components(in, out);
    finish_components(in.horizon_days, out);
    out.bands_ready = false;
    out.summary = summary_sentence(out);

    // The Monte Carlo draws start from empty histograms.
    const int steps = Impl::step_count(in.horizon_days);
    for (int r = 0; r < kExport; ++r) {
        for (int b = 0; b < kBins; ++b) std::memset(m.histogram_row(r, b), 0, sizeof(std::uint16_t) * static_cast<std::size_t>(steps));
        std::fill(m.active_change[static_cast<std::size_t>(r)].begin(),
                  m.active_change[static_cast<std::size_t>(r)].begin() + steps + 1, 0);
    }
    build_step_tables(in, m.setup, kDrawStepDays, m.mech.shipping_days_min, m.mech.shipping_days_max, m.draw_steps);
    m.run_inputs = in;
    m.next_draw = 0;
    m.running = true;
}

bool Simulator::advance_run(int max_draws, Results& out) {
    Impl& m = *impl_;
    if (!m.running) return true;
    const Inputs& in = m.run_inputs;
    const int draws = in.draws;
    const int end = std::min(draws, m.next_draw + std::max(1, max_draws));
    for (int d = m.next_draw; d < end; ++d) m.monte_carlo_draw(in, d);
    m.next_draw = end;
    if (end < draws) return false;
    m.running = false;

    for (int r = 0; r < kExport; ++r) {
        const std::size_t ri = static_cast<std::size_t>(r);
        const RegionData& rd = region_data()[ri];
        RegionResult& rr = out.regions[ri];
        RegionTimeline& tl = out.timeline[ri];
        m.timeline_percentiles(r, in.horizon_days, draws, tl);
        rr.first_halt_day = day_range(m.float_scratch, m.first_stop_day[ri].data(), draws);
        rr.supplier_first_stop_day = day_range(m.float_scratch, m.supplier_first_stop_day[ri].data(), draws);
        rr.peak_supplier_lines_stopped = value_range(m.double_scratch, m.supplier_peak[ri].data(), draws);
        // Recovery: among the draws in which a line stopped.
        std::vector<float>& rec = m.recovery_day[ri];
        int stopped_draws = 0;
        for (int d = 0; d < draws; ++d)
            if (m.first_stop_day[ri][static_cast<std::size_t>(d)] < kNeverDay) rec[static_cast<std::size_t>(stopped_draws++)] = rec[static_cast<std::size_t>(d)];
        rr.recovery_day = day_range(m.float_scratch, rec.data(), stopped_draws);
        rr.vehicles_lost = value_range(m.double_scratch, m.vehicles_lost[ri].data(), draws);
        rr.gross_vehicles_lost = value_range(m.double_scratch, m.gross_vehicles_lost[ri].data(), draws);
        rr.value_lost_usd = {rr.vehicles_lost.p10 * rd.vehicle_value_usd, rr.vehicles_lost.p50 * rd.vehicle_value_usd,
                             rr.vehicles_lost.p90 * rd.vehicle_value_usd};
        rr.peak_halted_share_p50 = max_of(tl.p50);
    }
    out.world_vehicles_lost = value_range(m.double_scratch, m.world_vehicles_lost.data(), draws);
    out.world_gross_vehicles_lost = value_range(m.double_scratch, m.world_gross_vehicles_lost.data(), draws);
    out.world_value_lost_usd = value_range(m.double_scratch, m.world_value_lost.data(), draws);
    out.world_peak_supplier_lines_stopped = value_range(m.double_scratch, m.world_supplier_peak.data(), draws);
    for (int c = 0; c < kComponentCount; ++c) {
        ComponentResult& cr = out.components[static_cast<std::size_t>(c)];
        cr.first_stop_day = day_range(m.float_scratch, m.class_first_stop_day[static_cast<std::size_t>(c)].data(), draws);
        cr.peak_lines_stopped = value_range(m.double_scratch, m.class_peak[static_cast<std::size_t>(c)].data(), draws);
    }
    finish_components(in.horizon_days, out);
    m.drivers(draws, out);
    out.bands_ready = true;
    out.summary = summary_sentence(out);
    return true;
}

}  // namespace rareshock
