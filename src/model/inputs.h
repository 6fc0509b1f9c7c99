// Rare Earth Shock — model inputs.
//
// [SECTION] Identifiers (regions, components)
// [SECTION] Approval paths (dated shares of supply chains licensed)
// [SECTION] Inputs (the one struct every layer passes around)
// [SECTION] Input field table (name, unit, range, default, source) used by the
//           query codec, the CLI, the UI and the methodology
//
// Pure C++: no ImGui, no Emscripten, no I/O.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

namespace rareshock {

// Bumped whenever results for the same inputs and seed may change.
inline constexpr std::string_view kModelVersion = "3.2.0";

//-----------------------------------------------------------------------------
// [SECTION] Identifiers
//-----------------------------------------------------------------------------

enum class Region : int { Europe, NorthAmerica, Japan, SouthKorea, India, China };
inline constexpr int kRegionCount = 6;
inline constexpr int kExportRegionCount = 5;  // China is a reference row: its supply is not export-licensed.

enum class Component : int { TractionMotor, PowerSteering, SmallMotors, Sensors, Audio, Other };
inline constexpr int kComponentCount = 6;

//-----------------------------------------------------------------------------
// [SECTION] Approval paths
//-----------------------------------------------------------------------------
// A dated approval path: the share of supply chains holding a licence by each
// date, as reported at the reference approval rate (kReferenceApprovalPct).
// Days count from 4 April 2025 (day 0). Between points the pace of approvals
// (the cumulative hazard -ln(1 - share)) is interpolated linearly; before the
// first point it rises from zero at kFirstLicenceDay; after the last point it
// keeps the last segment's pace. docs/methodology.md explains why.
inline constexpr int kMaxPathPoints = 6;
inline constexpr double kReferenceApprovalPct = 25.0;  // CLEPA, 4 June 2025: the rate the paths are stated at
inline constexpr double kFirstLicenceDay = 21.0;       // Assumption: no licence before three weeks of review
inline constexpr double kReferenceLagDays = 63.0;      // the review the paths are dated for (45 working days)

struct PathPoint {
    double day = 0.0;           // [0, 730], strictly increasing along a path
    double approved_pct = 0.0;  // [0, 100], never decreasing along a path
    bool operator==(const PathPoint&) const = default;
};
struct ApprovalPath {
    int count = 0;  // [1, kMaxPathPoints]; points past `count` stay zero
    std::array<PathPoint, kMaxPathPoints> points{};
    bool operator==(const ApprovalPath&) const = default;
};
// Builds a path from points (at most kMaxPathPoints are used).
ApprovalPath make_path(std::initializer_list<PathPoint> points);
// Empty string when valid, else why not ("days must increase: 83 after 90").
std::string_view path_problem(const ApprovalPath& path);

//-----------------------------------------------------------------------------
// [SECTION] Inputs
//-----------------------------------------------------------------------------
// Every field: unit, valid range, default, and where the default comes from.
// Out-of-range values never reach the simulation: callers clamp (UI) or reject
// (CLI, query codec) using the field table below. The defaults are the
// "2025 as reported" preset.
struct Inputs {
    // Share of licence requests approved by 4 June 2025 (day 61), percent
    // [0, 100]. Default 25: CLEPA statement of 4 June 2025 (Reuters), "about a
    // quarter". Every approval path passes through this share on the day it
    // reaches a quarter as reported (4 June for all but India's) and moves with
    // it (approved_hazard in model.h; 0: nothing is ever approved; 100: every
    // request as soon as it is reviewed); at 25 the paths are as reported.
    double approval_pct = 25.0;
    // Days of magnet stock held along a plant's supply chain when the regime
    // starts (median plant), days [0, 365]. Default 65: Crisil (10 June 2025,
    // day 67) found Indian makers with 4-6 weeks left although no licensed
    // shipment had arrived since the rules; ICRA (12 June) expected stocks to
    // last until mid-July. Both put the stock at day 0 at about 9-10 weeks.
    double inventory_days = 65.0;

    // --- Advanced ---
    // Length of the licence review, days [0, 180]. Default 63: 45 working days
    // (MOFCOM; Reuters, Oct 2025). The approval paths are dated for this
    // review; a longer or shorter review moves every path by the difference.
    double licence_lag_days = 63.0;
    // Magnets shipped before day 0 keep arriving for this many days,
    // days [0, 120]. Default 35: sea freight China to Europe 30-40 days (assumption).
    double transit_days = 35.0;
    // Approval path per export region; index by Region (Europe .. India).
    std::array<ApprovalPath, kExportRegionCount> approval_paths{
        make_path({{61, 25}, {83, 60}}),                        // Europe: CLEPA, 4 Jun and late June 2025
        make_path({{61, 25}, {68, 60}}),                        // North America: + six-month licences for the Big Three's suppliers
        make_path({{61, 25}, {83, 60}}),                        // Japan: assumption (as Europe)
        make_path({{61, 25}, {83, 60}}),                        // South Korea: assumption (as Europe)
        make_path({{180, 1}, {209, 13}, {242, 13}, {272, 63}}),  // India: first licences day 209, general licences from 242
    };
    // Share of each region's magnet supply that comes from China, percent
    // [0, 100]; index by Region. China's own entry is ignored (reference row).
    std::array<double, kRegionCount> china_dependence_pct{98.0, 90.0, 80.0, 90.0, 95.0, 0.0};
    // Non-Chinese supply (other producers, recycling, redesign) that can fill
    // the gap once fully ramped, percent of the gap [0, 100]. Default 10 (assumption).
    double alt_supply_pct = 10.0;
    // Days for alternative supply to ramp linearly from 0 to alt_supply_pct,
    // days [1, 730]. Default 180 (assumption).
    double alt_ramp_days = 180.0;
    // Share of magnets that need a licence, percent [0, 100]. Default 90:
    // Announcement No. 18 covers Sm, Gd, Tb, Dy, Lu, Sc, Y and magnets containing
    // them; customs also held ordinary magnets under the same code (press, June 2025).
    double controlled_pct = 90.0;
    // Days for a plant that has stopped, or is about to, to get magnets by an
    // expedited licence or air freight, at the reference approval rate; days
    // [1, 90]. Default 10 (assumption; the record's stops lasted one to two weeks).
    double expedite_days = 10.0;
    // Days simulated, days [30, 730]. Default 365.
    int horizon_days = 365;
    // Monte Carlo draws, [1, 5000]. Default 400.
    int draws = 400;
    // Random seed, [0, 4294967295]. Same inputs + seed -> identical results everywhere.
    std::uint32_t seed = 20250404;

    bool operator==(const Inputs&) const = default;
};

//-----------------------------------------------------------------------------
// [SECTION] Input field table
//-----------------------------------------------------------------------------
// One row per scalar input (per-region China dependence is five rows). The
// query codec, the CLI, the UI sliders and the methodology all read this table,
// so names, ranges and defaults are written once.
// Real, Integer and Seed fields are numbers (min/max/step apply); a Path field
// is an approval path written "day:percent,day:percent" (region_index names
// the region), read and written with path_text / parse_path_text (query.h).
enum class FieldKind { Real, Integer, Seed, Path };

struct InputField {
    std::string_view key;          // URL / CLI name, e.g. "approval", "dep_europe"
    std::string_view label;        // "Licence approval rate"
    std::string_view unit;         // "%", "days", ""
    double min_value;
    double max_value;
    double step;                   // UI stepper increment
    FieldKind kind;
    std::string_view help;         // one line for the UI and --help
    std::string_view source;       // source of the default, or "Assumption: …"
    bool advanced;                 // collapsed under "Advanced assumptions"
    double Inputs::*real_member;   // set for Real fields that are plain members, else nullptr
    int region_index;              // >= 0 for china_dependence_pct and Path rows, else -1
    bool numeric() const { return kind != FieldKind::Path; }
};

std::span<const InputField> input_fields();
const InputField* find_input_field(std::string_view key);  // nullptr if unknown

// Numeric fields only (Path fields: get_field returns 0, set_field does nothing).
double get_field(const Inputs& in, const InputField& f);
// Sets the field; the caller has validated the range (see field_in_range).
void set_field(Inputs& in, const InputField& f, double value);
bool field_in_range(const InputField& f, double value);  // false for NaN/inf
// Path fields.
const ApprovalPath& get_path(const Inputs& in, const InputField& f);
void set_path(Inputs& in, const InputField& f, const ApprovalPath& path);
// Clamps every field into range, replaces NaN by the default and an invalid
// path by the default path. Returns true if anything changed.
bool clamp_inputs(Inputs& in);

}  // namespace rareshock
