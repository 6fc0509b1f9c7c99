// Rare Earth Shock — the input field table (one row per input: key, label,
// unit, range, step, help, source) and the helpers that read, write, check and
// clamp fields through it.
//
// [SECTION] Field table
// [SECTION] Lookup
// [SECTION] Approval paths
// [SECTION] Get / set / check / clamp
#include "inputs.h"

#include <array>

namespace rareshock {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Field table
//-----------------------------------------------------------------------------
// Keys are the public URL / CLI / JSON names (PRODUCT.md): never rename one.
constexpr std::array<InputField, 21> kFields{{
    {"approval", "Licence approval rate", "%", 0.0, 100.0, 1.0, FieldKind::Real,
     "Share of requests approved by 4 June 2025 (25% was reported); higher, every licence comes sooner; lower, "
     "later; 0% is an embargo",
     "CLEPA statement, 4 June 2025 (Reuters): about a quarter of requests approved", false,
     &Inputs::approval_pct, -1},
    {"inventory", "Magnet stock at the start", "days", 0.0, 365.0, 1.0, FieldKind::Real,
     "Days of magnets held along a plant's supply chain on 4 April 2025 (median plant; some hold far more)",
     "Crisil, 10 June 2025: 4-6 weeks left with no licensed shipment since the rules; ICRA, 12 June: stocks last "
     "until mid-July; so about 9-10 weeks at the start",
     false, &Inputs::inventory_days, -1},
    {"lag", "Licence review", "days", 0.0, 180.0, 1.0, FieldKind::Real,
     "Length of China's licence review; the approval paths move by any change from 63 days",
     "45 working days of review (MOFCOM; Reuters, Oct 2025), about 63 calendar days", true,
     &Inputs::licence_lag_days, -1},
    {"transit", "Shipments already under way", "days", 0.0, 120.0, 1.0, FieldKind::Real,
     "Magnets shipped before the regime keep arriving for this many days",
     "Assumption: sea freight China to Europe 30-40 days", true, &Inputs::transit_days, -1},
    {"path_europe", "Approval path: Europe", "day:%", 0.0, 0.0, 0.0, FieldKind::Path,
     "Share of supply chains licensed by each day (days since 4 April 2025), at a 25% approval rate",
     "CLEPA, 4 June 2025 (Reuters): about 25% approved; CLEPA via press: about 60% by late June", true, nullptr, 0},
    {"path_north_america", "Approval path: North America", "day:%", 0.0, 0.0, 0.0, FieldKind::Path,
     "Share of supply chains licensed by each day, at a 25% approval rate",
     "As Europe to 4 June; six-month licences for suppliers of GM, Ford and Stellantis (about 46% of the "
     "region's output) by 11 June (press, 9-12 June 2025)",
     true, nullptr, 1},
    {"path_japan", "Approval path: Japan", "day:%", 0.0, 0.0, 0.0, FieldKind::Path,
     "Share of supply chains licensed by each day, at a 25% approval rate",
     "Assumption: as Europe (no rate for Japan was reported)", true, nullptr, 2},
    {"path_south_korea", "Approval path: South Korea", "day:%", 0.0, 0.0, 0.0, FieldKind::Path,
     "Share of supply chains licensed by each day, at a 25% approval rate",
     "Assumption: as Europe (no rate for South Korea was reported)", true, nullptr, 3},
    {"path_india", "Approval path: India", "day:%", 0.0, 0.0, 0.0, FieldKind::Path,
     "Share of supply chains licensed by each day, at a 25% approval rate",
     "About none for six months; four of about 30 applicant firms licensed on 30 October (day 209; Business "
     "Standard; Crisil); general licences from 2 December (day 242; Reuters) at Europe's June pace (assumption)",
     true, nullptr, 4},
    {"dep_europe", "China dependence: Europe", "%", 0.0, 100.0, 1.0, FieldKind::Real,
     "Share of Europe's magnets that come from China",
     "EU magnet demand ~98% from China (European Commission / IEA)", true, nullptr, 0},
    {"dep_north_america", "China dependence: North America", "%", 0.0, 100.0, 1.0, FieldKind::Real,
     "Share of North America's magnets that come from China",
     "Magnets ~90% Chinese worldwide (IEA, AlixPartners)", true, nullptr, 1},
    {"dep_japan", "China dependence: Japan", "%", 0.0, 100.0, 1.0, FieldKind::Real,
     "Share of Japan's magnets that come from China",
     "Assumption: Japan makes part of its own magnets (Shin-Etsu, Proterial, TDK)", true, nullptr, 2},
    {"dep_south_korea", "China dependence: South Korea", "%", 0.0, 100.0, 1.0, FieldKind::Real,
     "Share of South Korea's magnets that come from China",
     "Magnets ~90% Chinese worldwide (IEA, AlixPartners)", true, nullptr, 3},
    {"dep_india", "China dependence: India", "%", 0.0, 100.0, 1.0, FieldKind::Real,
     "Share of India's magnets that come from China",
     "Assumption: India imports nearly all its magnets from China", true, nullptr, 4},
    {"alt_supply", "Alternative supply", "% of gap", 0.0, 100.0, 1.0, FieldKind::Real,
     "Share of the gap that non-Chinese magnets, recycling and redesign can fill once ramped up",
     "Assumption: little non-Chinese capacity exists in 2025 (IEA: ~90% of magnets made in China)", true, &Inputs::alt_supply_pct, -1},
    {"alt_ramp", "Alternative supply ramp", "days", 1.0, 730.0, 1.0, FieldKind::Real,
     "Days for alternative supply to ramp up linearly", "Assumption: about six months to qualify new suppliers", true, &Inputs::alt_ramp_days, -1},
    {"controlled", "Magnets needing a licence", "%", 0.0, 100.0, 1.0, FieldKind::Real,
     "Share of magnets covered by the licence regime",
     "MOFCOM/GAC Announcement No. 18 (Sm, Gd, Tb, Dy, Lu, Sc, Y); customs also held ordinary magnets "
     "under the same code (press, June 2025)",
     true, &Inputs::controlled_pct, -1},
    {"expedite", "Emergency supply", "days", 1.0, 90.0, 1.0, FieldKind::Real,
     "Days for a plant that has stopped, or will within two weeks, to get magnets by an expedited licence or air freight",
     "Assumption: about ten days (Ford's Chicago line restarted after a week, Suzuki's Swift after about two)", true,
     &Inputs::expedite_days, -1},
    {"horizon", "Horizon", "days", 30.0, 730.0, 1.0, FieldKind::Integer, "Days simulated",
     "Our choice: one year, long enough to see halts and recovery", true, nullptr, -1},
    {"draws", "Monte Carlo draws", "", 1.0, 5000.0, 100.0, FieldKind::Integer,
     "Random draws for the P10-P90 ranges", "Default 400: ranges stable to about 1%", true, nullptr, -1},
    {"seed", "Random seed", "", 0.0, 4294967295.0, 1.0, FieldKind::Seed,
     "Same inputs and seed give identical results everywhere", "Default 20250404 (the regime's start)",
     true, nullptr, -1},
}};

bool is_finite(double v) { return v == v && v - v == 0.0; }  // false for NaN and +-inf, no <cmath>

double round_half_up(double v) {
    // Values here are within [0, 2^32]: the cast is exact and defined.
    const double floor_v = static_cast<double>(static_cast<long long>(v));
    return (v - floor_v >= 0.5) ? floor_v + 1.0 : floor_v;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Lookup
//-----------------------------------------------------------------------------
std::span<const InputField> input_fields() { return kFields; }

const InputField* find_input_field(std::string_view key) {
    for (const InputField& f : kFields)
        if (f.key == key) return &f;
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Approval paths
//-----------------------------------------------------------------------------
ApprovalPath make_path(std::initializer_list<PathPoint> points) {
    ApprovalPath path;
    for (const PathPoint& p : points) {
        if (path.count == kMaxPathPoints) break;
        path.points[static_cast<std::size_t>(path.count++)] = p;
    }
    return path;
}

std::string_view path_problem(const ApprovalPath& path) {
    if (path.count < 1) return "a path needs at least one day:percent point";
    if (path.count > kMaxPathPoints) return "a path has at most 6 points";
    for (int i = 0; i < path.count; ++i) {
        const PathPoint& p = path.points[static_cast<std::size_t>(i)];
        if (!is_finite(p.day) || p.day < 0.0 || p.day > 730.0) return "days must be from 0 to 730";
        if (!is_finite(p.approved_pct) || p.approved_pct < 0.0 || p.approved_pct > 100.0)
            return "percentages must be from 0 to 100";
        if (i > 0) {
            const PathPoint& q = path.points[static_cast<std::size_t>(i - 1)];
            if (!(p.day > q.day)) return "days must increase along the path";
            if (p.approved_pct < q.approved_pct) return "percentages must not fall along the path";
        }
    }
    for (int i = path.count; i < kMaxPathPoints; ++i)
        if (!(path.points[static_cast<std::size_t>(i)] == PathPoint{})) return "unused points must be empty";
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Get / set / check / clamp
//-----------------------------------------------------------------------------
const ApprovalPath& get_path(const Inputs& in, const InputField& f) {
    const int r = f.kind == FieldKind::Path && f.region_index >= 0 && f.region_index < kExportRegionCount ? f.region_index : 0;
    return in.approval_paths[static_cast<std::size_t>(r)];
}

void set_path(Inputs& in, const InputField& f, const ApprovalPath& path) {
    if (f.kind != FieldKind::Path || f.region_index < 0 || f.region_index >= kExportRegionCount) return;
    in.approval_paths[static_cast<std::size_t>(f.region_index)] = path;
}

double get_field(const Inputs& in, const InputField& f) {
    if (f.kind == FieldKind::Path) return 0.0;
    if (f.real_member) return in.*(f.real_member);
    if (f.region_index >= 0) return in.china_dependence_pct[static_cast<std::size_t>(f.region_index)];
    if (f.key == "horizon") return in.horizon_days;
    if (f.key == "draws") return in.draws;
    if (f.key == "seed") return in.seed;
    return 0.0;
}

void set_field(Inputs& in, const InputField& f, double value) {
    if (f.kind == FieldKind::Path) return;
    if (f.real_member) {
        in.*(f.real_member) = value;
    } else if (f.region_index >= 0) {
        in.china_dependence_pct[static_cast<std::size_t>(f.region_index)] = value;
    } else if (f.key == "horizon") {
        in.horizon_days = static_cast<int>(round_half_up(value));
    } else if (f.key == "draws") {
        in.draws = static_cast<int>(round_half_up(value));
    } else if (f.key == "seed") {
        in.seed = static_cast<std::uint32_t>(round_half_up(value));
    }
}

// Integer and seed fields also need a whole number.
bool field_in_range(const InputField& f, double value) {
    if (f.kind == FieldKind::Path || !is_finite(value)) return false;
    if (value < f.min_value || value > f.max_value) return false;
    if (f.kind != FieldKind::Real && static_cast<double>(static_cast<long long>(value)) != value) return false;
    return true;
}

bool clamp_inputs(Inputs& in) {
    static const Inputs defaults{};
    bool changed = false;
    for (const InputField& f : kFields) {
        if (f.kind == FieldKind::Path) {
            if (!path_problem(get_path(in, f)).empty()) {
                set_path(in, f, get_path(defaults, f));
                changed = true;
            }
            continue;
        }
        const double v = get_field(in, f);
        double clamped = v;
        if (!is_finite(clamped)) clamped = get_field(defaults, f);
        if (clamped < f.min_value) clamped = f.min_value;
        if (clamped > f.max_value) clamped = f.max_value;
        if (f.kind != FieldKind::Real) clamped = round_half_up(clamped);
        if (!(clamped == v)) {
            set_field(in, f, clamped);
            changed = true;
        }
    }
    // China's own entry is a reference row: it is never read, keep it at its default.
    constexpr std::size_t china = static_cast<std::size_t>(Region::China);
    if (!(in.china_dependence_pct[china] == defaults.china_dependence_pct[china])) {
        in.china_dependence_pct[china] = defaults.china_dependence_pct[china];
        changed = true;
    }
    return changed;
}

}  // namespace rareshock
