// Rare Earth Shock — the model's entry points.
//
// [SECTION] Data (regions, components, with sources)
// [SECTION] Presets
// [SECTION] Simulation
#pragma once

#include "inputs.h"
#include "results.h"

#include <optional>
#include <span>
#include <string_view>

namespace rareshock {

//-----------------------------------------------------------------------------
// [SECTION] Data
//-----------------------------------------------------------------------------
struct RegionData {
    Region id;
    std::string_view key;    // "europe", "north_america", "japan", "south_korea", "india", "china"
    std::string_view name;   // "Europe"
    double vehicles_per_year;          // OICA 2024
    double plants;                     // assembly plants (ACEA / press / assumption)
    std::string_view sources;          // one line naming the sources of this row
    // Added with the simulation (see docs/methodology.md for every value's source):
    double ev_hybrid_share = 0.0;          // share of vehicles with an EV/hybrid traction motor
    double inventory_multiplier = 1.0;     // regional magnet cover relative to Inputs::inventory_days
    double vehicle_value_usd = 0.0;        // average value of a vehicle built here (assumption)
    // Share of the region's magnets that arrive inside China-made motors and
    // sub-assemblies, which the 2025 licences did not hold (see data.cpp).
    double embedded_share = 0.0;
};
struct ComponentData {
    Component id;
    std::string_view key;    // "traction_motor", ...
    std::string_view name;   // "EV/hybrid traction motors"
    std::string_view sources;
    // Added with the simulation (assumptions, see docs/methodology.md):
    double fitted_share = 1.0;             // share of vehicles fitted (traction motors: the region's ev_hybrid_share)
    bool fitted_share_is_ev_share = false; // true for traction motors
    double licence_exposure_share = 1.0;   // share of this component's magnets under the licence regime
    // The class's supplier lines (docs/methodology.md, "Suppliers and car
    // plants"): their magnet stock and their finished-parts buffer towards
    // the car plants, relative to the drawn stock and buffer.
    double inventory_multiplier = 1.0;
    double parts_buffer_multiplier = 1.0;
};
std::span<const RegionData> region_data();
std::span<const ComponentData> component_data();

// A factor each Monte Carlo draw scales an uncertain number by: from `low` to
// low + width (docs/methodology.md, "Uncertainty").
struct DrawnFactor {
    double low, width;
    double high() const { return low + width; }
};

// The mechanics shared by every region (docs/methodology.md, "How the model
// works"): written once in data.cpp; the calibration report varies them.
struct Mechanics {
    // Plants' days of stock are log-logistic; its shape is this many quarters
    // (3: shape 0.75). Fitted on the first recorded stops in North America and Japan
    // (bench/calibration.cpp tries every quarter from 0.25 to 5).
    int cover_shape_quarters = 3;
    // Each Monte Carlo draw takes the fitted shape, or the one this many quarters below
    // or above it, each as likely (never under a quarter): the fit's neighbours on its
    // grid (assumption).
    int cover_shape_spread_quarters = 1;
    static constexpr int kMaxShapeSpreadQuarters = 4;  // Simulator::set_mechanics clamps the spread to it
    // The least and the most quarters a draw's shape can take.
    int cover_shape_quarters_low() const {
        return cover_shape_quarters - cover_shape_spread_quarters > 1 ? cover_shape_quarters - cover_shape_spread_quarters : 1;
    }
    int cover_shape_quarters_high() const { return cover_shape_quarters + cover_shape_spread_quarters; }
    // Assembly lines per plant, each with its own magnet supply (assumption).
    int lines_per_plant = 2;
    // Days from a licence to magnets at the plant: certificate and freight
    // (a vendor quoted 72-83 days in all for a 63-day review).
    int shipping_days_min = 7;
    int shipping_days_max = 21;
    // Share of supply chains refused for good at the reference rate: 1 of the
    // 141 applications the EU Chamber tracked (Reuters, 17 Sep 2025).
    double refusal_share = 1.0 / 141.0;
    // From this day, a plant about to stop can ask for an expedited licence:
    // on 7 June 2025 (day 64) MOFCOM said it would speed up compliant requests,
    // and the suppliers of GM, Ford and Stellantis got six-month licences by
    // 9-12 June, after the first stops. Moves with the licence review, like the paths.
    double escalation_day = 64.0;
    // A plant this close to stopping asks for an expedited licence (assumption).
    double warning_days = 14.0;
    // The supplier tier (docs/methodology.md, "Suppliers and car plants").
    // Days of finished parts between a supplier line and the car plants it
    // serves (in transit, at the supplier, at the plant): a car-plant line
    // stops only once they are used up. Varies across plants (two-stage
    // Erlang); its mean is drawn in this range (assumption).
    double parts_buffer_days_min = 5.0;
    double parts_buffer_days_max = 15.0;
    // Share of a stopped supplier line's deliveries that other suppliers of
    // the part can make up (dual sourcing, re-sourcing); drawn in this range
    // (assumption).
    double other_supplier_share_min = 0.3;
    double other_supplier_share_max = 0.7;
    // Make-up: share of the output lost while car plants stood that they can
    // build later with extra shifts, drawn in this range: in North America
    // about 40% of plants already ran beyond 80 hours a week in 2013 (Oliver
    // Wyman via WSJ), so about 60% have room (the range around it: assumption).
    double spare_capacity_share_min = 0.4;
    double spare_capacity_share_max = 0.8;
    // Days over which a stop's lost output is made up once the line runs again:
    // a week's stop, one extra (Saturday) shift a week, five weeks (assumption).
    double make_up_days = 35.0;
    // The factors each draw scales the uncertain numbers by (the central draw: 1),
    // uniform over their range but the stock's, triangular with its mode at 1:
    // stocks at the start (all regions; reported stocks range from four to six weeks),
    // shipments under way (sea freight takes 30 to 40 days), emergency supply (an
    // assumption nothing measures: a wide range), the share arriving as loose magnets
    // (the share not embedded in parts), China dependence (each region's, apart).
    DrawnFactor stock_factor{0.75, 0.5};
    DrawnFactor transit_factor{0.85, 0.30};
    DrawnFactor expedite_factor{0.5, 1.0};
    DrawnFactor loose_magnets_factor{0.6, 0.8};
    DrawnFactor dependence_factor{0.95, 0.10};
};
const Mechanics& default_mechanics();

// The reader's approval rate is the share of licence requests approved by the
// day a path as reported reaches kReferenceApprovalPct: 4 June 2025 (day 61)
// for every default path but India's. approved_hazard maps a path's cumulative
// hazard as reported, -ln(1 - share), to the hazard at the reader's rate: the
// identity at 25 %, 0 at 0 %, everything at 100 %; exactly -ln(1 - rate) at
// the anchor, so the share there is the slider's number. See
// docs/methodology.md, "The approval rate".
double approved_hazard(double approval_pct, double reported_hazard);
// The same map with its constants worked out once per approval rate.
class ApprovalCurve {
public:
    explicit ApprovalCurve(double approval_pct);
    double hazard(double reported_hazard) const;
    bool all = false;  // 100 %: every request as soon as it is reviewed
private:
    double anchor_ = 1.0;      // H*, the hazard of kReferenceApprovalPct
    double at_anchor_ = 0.0;   // -ln(1 - rate): the hazard on the anchor day
    double pace_ = 0.0;        // past the anchor, per unit of reported hazard
    double steepness_ = 1.0;   // before it: the curve's start over a straight line's
};
// The pace of emergency supply at the reader's rate, relative to the reference
// rate: 1 at kReferenceApprovalPct, 0 at 0 %, infinite at 100 %.
double approval_pace(double approval_pct);
// Share of an export region's supply chains holding a licence by `day`, [0, 1]:
// its approval path at the inputs' approval rate and licence review.
double licensed_share_on_day(const Inputs& in, int region, double day);

//-----------------------------------------------------------------------------
// [SECTION] Presets
//-----------------------------------------------------------------------------
struct Date { int year, month, day; };

struct Preset {
    std::string_view id;           // "2025", "fast-track", "embargo", "truce"
    std::string_view label;        // "2025 as reported"
    std::string_view description;  // one line
    std::string_view sources;
    Inputs inputs;
};
std::span<const Preset> presets();
const Preset* find_preset(std::string_view id);  // nullptr if unknown
// The preset whose inputs equal these inputs, if any (ignoring draws and seed).
const Preset* matching_preset(const Inputs& in);

// Day 0 of the regime: 4 April 2025 (MOFCOM/GAC Announcement No. 18 of 2025).
inline constexpr Date kRegimeStart{2025, 4, 4};
Date date_of_day(int day);  // kRegimeStart + day
// The day number (UTC) of a time in milliseconds since 1970-01-01T00:00Z: today,
// for the caller that reads a clock (-1 for NaN or absurd times).
int day_of_unix_ms(double unix_ms);

// Real events of 2025 as day numbers, shown as markers on the timeline.
struct Event {
    int day;
    std::string_view label;   // short, e.g. "Ford halts Explorer (Chicago)"
    std::string_view source;
};
std::span<const Event> events_2025();

//-----------------------------------------------------------------------------
// [SECTION] Simulation
//-----------------------------------------------------------------------------
// Owns its scratch buffers (sized for the maximum horizon and draws at
// construction), so repeated runs do not allocate in the steady state.
class Simulator {
public:
    Simulator();
    ~Simulator();
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    // The full seeded Monte Carlo: fills every field of out, bands_ready = true.
    void run(const Inputs& in, Results& out);
    // The same Monte Carlo in slices, for callers with a frame budget:
    // begin_run() fills `out` with the central draw and the components (no
    // bands yet); each advance_run() simulates up to `max_draws` more draws and
    // returns true once every draw is done and `out` holds the full results,
    // bit-identical to run(). `out` must stay the same object in between; a new
    // begin_run(), run() or run_central() abandons a run in progress (advance_run
    // then returns true and leaves `out` as it was).
    void begin_run(const Inputs& in, Results& out);
    bool advance_run(int max_draws, Results& out);
    // One draw at central parameter values: fills the central timeline and sets
    // every percentile to the central value, bands_ready = false. Cheap enough
    // to run on every slider movement.
    void run_central(const Inputs& in, Results& out);
    // For the calibration report: other shared mechanics (default_mechanics()
    // otherwise). Abandons a run in progress.
    void set_mechanics(const Mechanics& mechanics);
    // For tests and the calibration report: other component classes
    // (component_data() otherwise; ids and names are not read). Abandons a run
    // in progress.
    void set_component_data(std::span<const ComponentData, kComponentCount> classes);

private:
    struct Impl;
    Impl* impl_;
};

}  // namespace rareshock
