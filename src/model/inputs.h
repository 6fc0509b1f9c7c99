// Rare Earth Shock — model inputs.
//
// [SECTION] Identifiers (regions, components)
// [SECTION] Inputs (the one struct every layer passes around)
// [SECTION] Input field table (name, unit, range, default, source) used by the
//           query codec, the CLI, the UI and the methodology
//
// Pure C++: no ImGui, no Emscripten, no I/O.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace rareshock {

// Bumped whenever results for the same inputs and seed may change.
inline constexpr std::string_view kModelVersion = "1.0.0";

//-----------------------------------------------------------------------------
// [SECTION] Identifiers
//-----------------------------------------------------------------------------

enum class Region : int { Europe, NorthAmerica, Japan, SouthKorea, India, China };
inline constexpr int kRegionCount = 6;
inline constexpr int kExportRegionCount = 5;  // China is a reference row: its supply is not export-licensed.

enum class Component : int { TractionMotor, PowerSteering, SmallMotors, Sensors, Audio, Other };
inline constexpr int kComponentCount = 6;

//-----------------------------------------------------------------------------
// [SECTION] Inputs
//-----------------------------------------------------------------------------
// Every field: unit, valid range, default, and where the default comes from.
// Out-of-range values never reach the simulation: callers clamp (UI) or reject
// (CLI, query codec) using the field table below. The defaults are the
// "2025 as reported" preset.
struct Inputs {
    // Share of licence requests approved, percent [0, 100]. Default 25:
    // CLEPA statement of 4 June 2025 (Reuters): "about a quarter".
    double approval_pct = 25.0;
    // Days of magnet cover held by makers and suppliers at day 0 (regional
    // mean), days [0, 365]. Default 45: suppliers 5–6 weeks (Berylls,
    // AlixPartners), automakers 4–6 weeks (Indian rating agency), May–June 2025.
    double inventory_days = 45.0;

    // --- Advanced ---
    // Days from the start of the regime until the first licensed shipments
    // arrive, days [0, 180]. Default 63: 45 working days of review (MOFCOM;
    // Reuters Oct 2025) ≈ 63 calendar days.
    double licence_lag_days = 63.0;
    // Magnets already shipped before day 0 keep arriving for this many days,
    // days [0, 120]. Default 35: sea freight China→Europe 30–40 days (assumption).
    double transit_days = 35.0;
    // Approval rate after the change day, percent [0, 100]. Default 60: CLEPA
    // figures for late June/July 2025 via secondary press.
    double approval_later_pct = 60.0;
    // Day (since day 0) from which approval_later_pct applies, days [0, 730].
    // A day at or beyond the horizon means "no change". Default 80 (23 June 2025).
    double approval_change_day = 80.0;
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
    // Days simulated, days [30, 730]. Default 365.
    int horizon_days = 365;
    // Monte Carlo draws, [1, 5000]. Default 400.
    int draws = 400;
    // Random seed, [0, 4294967295]. Same inputs + seed → identical results everywhere.
    std::uint32_t seed = 20250404;

    bool operator==(const Inputs&) const = default;
};

//-----------------------------------------------------------------------------
// [SECTION] Input field table
//-----------------------------------------------------------------------------
// One row per scalar input (per-region China dependence is five rows). The
// query codec, the CLI, the UI sliders and the methodology all read this table,
// so names, ranges and defaults are written once.
enum class FieldKind { Real, Integer, Seed };

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
    int region_index;              // >= 0 for china_dependence_pct rows, else -1
};

std::span<const InputField> input_fields();
const InputField* find_input_field(std::string_view key);  // nullptr if unknown

double get_field(const Inputs& in, const InputField& f);
// Sets the field; the caller has validated the range (see field_in_range).
void set_field(Inputs& in, const InputField& f, double value);
bool field_in_range(const InputField& f, double value);  // false for NaN/inf
// Clamps every field into range and replaces NaN by the default. Returns true if anything changed.
bool clamp_inputs(Inputs& in);

}  // namespace rareshock
