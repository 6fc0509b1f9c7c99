// Rare Earth Shock — model results and the one place they are turned into
// JSON, CSV and the summary sentence.
//
// [SECTION] Range (P10/P50/P90)
// [SECTION] Results
// [SECTION] Output formats
#pragma once

#include "inputs.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rareshock {

//-----------------------------------------------------------------------------
// [SECTION] Range
//-----------------------------------------------------------------------------
struct Range {
    double p10 = 0.0, p50 = 0.0, p90 = 0.0;
};
// A range that may be absent: first_halt_day is null in JSON where fewer than
// the percentile's share of draws halt within the horizon.
struct OptionalRange {
    std::optional<double> p10, p50, p90;
};

//-----------------------------------------------------------------------------
// [SECTION] Results
//-----------------------------------------------------------------------------
struct RegionResult {
    Region id{};
    OptionalRange first_halt_day;      // day the first line halts
    Range vehicles_lost;               // cumulative over the horizon, vehicles
    Range value_lost_usd;              // vehicles_lost × average vehicle value (assumption)
    OptionalRange recovery_day;        // first day after the first halt with no line halted
    double baseline_vehicles = 0.0;    // production over the horizon without the shock
    double peak_halted_share_p50 = 0.0;  // max over days of the P50 halted share, [0, 1]
};

// Share of assembly lines halted per day, per region: P10/P50/P90 across draws
// and the central estimate (one draw at central parameter values).
struct RegionTimeline {
    std::vector<float> p10, p50, p90, central;  // size horizon_days + 1 (day 0..horizon)
};

struct ComponentResult {
    Component id{};
    double time_to_survive_days = 0.0;  // days of cover under the scenario (central, worst export region)
    double time_to_recover_days = 0.0;  // days until licensed flow + alternatives cover the need
    double shortage_days = 0.0;         // max(TTR − TTS, 0)
};

struct Results {
    Inputs inputs;
    bool bands_ready = false;  // false: only the central estimate is filled (P10/P50/P90 = central)
    double model_ms = 0.0;     // wall time of the computation that produced this (set by the caller)
    std::array<RegionResult, kRegionCount> regions{};
    std::array<RegionTimeline, kRegionCount> timeline{};
    std::array<ComponentResult, kComponentCount> components{};
    // All export regions together, percentiles of the per-draw world total
    // (not the sum of regional percentiles). Used by the summary sentence.
    Range world_vehicles_lost;
    Range world_value_lost_usd;
    std::string summary;       // the one-sentence summary (summary_sentence)
};

//-----------------------------------------------------------------------------
// [SECTION] Output formats
//-----------------------------------------------------------------------------
// The results JSON of PRODUCT.md: model_version, provisional (true while only
// the central estimate is filled: P10 = P50 = P90), inputs, summary, regions,
// timeline, components. Produced here only; used by the CLI, the JS API and tests.
std::string results_to_json(const Results& r);
// Appends `v` as a JSON string literal (quotes, backslashes and control
// characters escaped). The one JSON escaper: every JSON we produce uses it.
void append_json_string(std::string& s, std::string_view v);
// One row per region per day: region,day,date,halted_p10,halted_p50,halted_p90,...
std::string results_to_csv(const Results& r);
// The one-sentence plain-language summary. Produced here only.
std::string summary_sentence(const Results& r);
// Text a journalist can quote (CLI --format text).
std::string results_to_text(const Results& r);

}  // namespace rareshock
