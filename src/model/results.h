// Rare Earth Shock — model results and the one place they are turned into
// JSON, CSV and the summary sentence.
//
// [SECTION] Range (P10/P50/P90)
// [SECTION] Results
// [SECTION] Display text (the one rounding of every number a reader sees)
// [SECTION] Output formats
// [SECTION] Exports (file names, the scenario in words, the credit line)
#pragma once

#include "inputs.h"
#include "strings.h"

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
    OptionalRange first_halt_day;      // day by which a first plant has (more likely than not) stopped a line
    // Vehicles not built within the horizon (net): the output lost on the days
    // car plants stood (gross), less what extra shifts made up before the horizon.
    Range vehicles_lost;
    Range gross_vehicles_lost;         // output lost on the days car plants stood
    Range value_lost_usd;              // vehicles_lost × average vehicle value (assumption)
    OptionalRange recovery_day;        // the day after the last one with half a plant or more stopped
    double baseline_vehicles = 0.0;    // production over the horizon without the shock
    double peak_halted_share_p50 = 0.0;  // max over days of the P50 share of plants with a line stopped, [0, 1]
    // The supplier tier: lines making magnet parts for this region's car
    // plants (one per car-plant line), the day by which a first one has (more
    // likely than not) stopped, and the most stopped on one day: per draw a
    // whole count, then P10/P50/P90 across draws.
    double supplier_lines = 0.0;
    OptionalRange supplier_first_stop_day;
    Range peak_supplier_lines_stopped;
};

// Share of the region's car plants with a line stopped, per day: P10/P50/P90
// across draws and the central estimate (one draw at central parameter values).
struct RegionTimeline {
    std::vector<float> p10, p50, p90, central;  // size horizon_days + 1 (day 0..horizon)
    // Vehicles lost per day in the central estimate, from the same daily state
    // as `central` (a day loses vehicles only if some line is stopped).
    std::vector<float> lost_central;
};

// One component class's supplier lines (all export regions together): each
// class has its own magnet stock and finished-parts buffer, so the classes run
// out at different times.
struct ComponentResult {
    Component id{};
    double supplier_lines = 0.0;       // this class's supplier lines, all export regions (one per car-plant line)
    // The day by which a first supplier line of this class has (more likely
    // than not) stopped in some export region: per draw the earliest region's
    // day, then P10/P50/P90 across draws (null where fewer draws stop).
    OptionalRange first_stop_day;
    // The most of this class's supplier lines stopped on one day, all export
    // regions together: per draw a whole count, then P10/P50/P90.
    Range peak_lines_stopped;
    // 1 for the class whose supplier lines stop first (earliest P50 first
    // stop, then P10, then P90, then Component order; never stopping counts
    // as after the horizon), kComponentCount for the last.
    int rank = 0;
    double time_to_survive_days = 0.0;  // first_stop_day P50, or the horizon if null
    double time_to_recover_days = 0.0;  // days until licensed flow + alternatives cover the class's need
    double shortage_days = 0.0;         // max(TTR − TTS, 0)
};

// What moves the answer: each assumption the Monte Carlo draws, with the world
// vehicles lost (P50) among the simulations that drew it in the lowest fifth
// of its range and among those that drew it in the highest fifth.
enum class Driver : int {
    Stock,            // stock at the start, x 0.75-1.25
    Transit,          // shipments under way, x 0.85-1.15
    Shipping,         // licence to magnets, 7-21 days
    EmergencySupply,  // emergency supply, x 0.5-1.5
    LooseMagnets,     // share arriving as loose magnets, x 0.6-1.4
    Dependence,       // China dependence, x 0.95-1.05 (mean of the regions')
    PartsBuffer,      // finished parts between supplier and car plant, 5-15 days
    OtherSuppliers,   // share other suppliers make up, 30-70%
    SpareCapacity,    // share of the lost output made up later, 40-80%
    StockShape,       // the spread of stocks between supply chains: shape 0.5, 1.0 or 1.5
};
inline constexpr int kDriverCount = 10;
std::string_view driver_key(Driver d);  // "stock", "emergency_supply", ...
std::string driver_name(Driver d, Language lang = Language::English);  // "Emergency supply"; "Notversorgung"
struct DriverResult {
    Driver id{};
    double low = 0.0;   // world vehicles lost, P50 of the draws in the lowest fifth of the assumption
    double high = 0.0;  // ... in the highest fifth
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
    Range world_vehicles_lost;         // net (see RegionResult::vehicles_lost)
    Range world_gross_vehicles_lost;
    Range world_value_lost_usd;
    // The most supplier lines stopped on one day, all export regions together:
    // per draw a whole count, then P10/P50/P90 across draws.
    Range world_peak_supplier_lines_stopped;
    // Every drawn assumption, largest swing |high - low| first; driver_count is
    // 0 until bands_ready (the central estimate draws nothing).
    std::array<DriverResult, kDriverCount> drivers{};
    int driver_count = 0;
    std::string summary;       // the one-sentence summary (summary_sentence)
};

//-----------------------------------------------------------------------------
// [SECTION] Display text
//-----------------------------------------------------------------------------
// Every number a reader sees is rounded here, once, in the reader's language:
// the widget, the accessible twin (through the JSON "display" fields) and the
// CLI print these.
std::string vehicles_text(double vehicles, Language lang = Language::English);  // "31,000", "1.2 million"; "31.000"; "3.1万"
double vehicles_large_unit(Language lang);  // the unit of "vehicles.large": 1e6 (a million); Japanese 1e4 (man)
std::string vehicles_range_text(double lo, double hi, Language lang = Language::English);  // "12,000–75,000"
std::string usd_text(double usd, Language lang = Language::English);            // "$840 million"; "840 Mio. US-Dollar"
std::string date_text(int day, Language lang = Language::English);              // "20 May 2025"; "20. Mai 2025"; "2025年5月20日"
std::string plants_text(double plants, Language lang = Language::English);      // "0", "8", "about 40"
std::string horizon_text(const Inputs& in, Language lang = Language::English);  // "over a year"; "over 180 days"
// A plain number with the language's separators: "1,234.5"; "1.234,5".
std::string number_text(double v, int decimals, Language lang = Language::English);
// A percentage (0-100): "25%"; "25 %" (German, with a no-break space).
std::string percent_text(double pct, int decimals, Language lang = Language::English);
std::string day_month_text(int day, Language lang = Language::English);         // "4 June"; "4. Juni"; "6月4日"
std::string short_date_text(int day, Language lang = Language::English);        // "4 Jun"; "4. Juni"; "6月4日"
std::string month_axis_text(int month, Language lang = Language::English);      // "Jun"; "Juni"; "6月"
// An input's value with its unit: "65 days", "25%", "90% of gap"; "65 Tage"; "65日".
// The pattern of value_with_unit_text, with {n} for the number ("{n} days"; `one`: "{n} day").
std::string unit_pattern_text(const InputField& f, bool one, Language lang = Language::English);
std::string value_with_unit_text(const InputField& f, double v, int decimals, Language lang = Language::English);
std::string region_name(int region, Language lang = Language::English);         // "Europe"; "Europa"; "欧州"
std::string component_name(int component, Language lang = Language::English);
// A path point's share at this approval rate (approved_hazard applied to its hazard), in percent.
double path_share_at_rate(double approval_pct, double path_pct);
// "25% by 4 June, rising to 60% by late June" for an export region's path at
// the reader's approval rate ("none ever" at 0 %).
std::string approval_path_text(const Inputs& in, int region, Language lang = Language::English);
// "At this rate: Europe 25% by 4 June, rising to 60% by late June; India …."
std::string approval_effect_text(const Inputs& in, Language lang = Language::English);

// World peak of the P50 number of plants with a line stopped (all export
// regions, same day), and the day it happens (-1 if none).
struct PlantsPeak { double plants = 0.0; int day = -1; };
PlantsPeak world_plants_peak(const Results& r);
// The earliest P50 first-stop day of the export regions, per tier (nullopt: no stop
// within the horizon), and the region where car plants stop first (-1: none).
struct FirstStops { std::optional<double> supplier_day, car_day; int car_region = -1; };
FirstStops first_stops(const Results& r);
double export_plants_total();  // car plants in the export regions
double export_supplier_lines_total(const Results& r);  // supplier lines in the export regions

//-----------------------------------------------------------------------------
// [SECTION] Output formats
//-----------------------------------------------------------------------------
// The results JSON of PRODUCT.md: model_version, provisional (true while only
// the central estimate is filled: P10 = P50 = P90), inputs, summary, regions,
// world, timeline, components. Produced here only; used by the CLI,
// the JS API and tests.
// `lang` sets the summary's and the display fields' language (and "language").
std::string results_to_json(const Results& r, Language lang = Language::English);
// Appends `v` as a JSON string literal (quotes, backslashes and control
// characters escaped). The one JSON escaper: every JSON we produce uses it.
void append_json_string(std::string& s, std::string_view v);
// The spreadsheet export, in sections a spreadsheet opens cleanly: each is a
// title row ("Scenario", "Regions", "World (export regions)", "Components",
// "Timeline"), a header row, rows with the header's column count, and a blank
// line. Numbers are plain (no thousands separators, no units, "." for the
// decimal point); a missing value (no stop within the horizon) is an empty cell.
// `link` (the share link, if the caller has one) goes into the Scenario section.
// In `lang`: the section titles, the labels and names (the reader's columns); the
// keys, the header rows and the numbers stay as they are in every language, so a
// script reads any edition's file the same way.
std::string results_to_csv(const Results& r, std::string_view link = {}, Language lang = Language::English);
// One CSV cell: quoted (and quotes doubled) when it holds a comma, a quote or a line break.
std::string csv_cell(std::string_view text);
// The one-sentence plain-language summary. Produced here only. Results::summary
// holds the English one.
std::string summary_sentence(const Results& r, Language lang = Language::English);
// The short title of a social card: the key figure and the slider's number
// ("About 26,000 vehicles lost worldwide over a year if 25% of licences are approved").
std::string card_title(const Results& r, Language lang = Language::English);
// Text a journalist can quote (CLI --format text).
// It ends with the link that reproduces it: share_link if given, else the bare "?v=1&…" share query.
std::string results_to_text(const Results& r, Language lang = Language::English, std::string_view share_link = {});

//-----------------------------------------------------------------------------
// [SECTION] Exports
//-----------------------------------------------------------------------------
// The name of a download, carrying the scenario: the preset the inputs match
// ("custom" if none) and the two main inputs, then `ending` as given, e.g.
// ".png" -> "rare-earth-shock_2025_approval-25_inventory-65.png", "@2x.png".
// Every download uses it.
std::string export_file_name(const Inputs& in, std::string_view ending);
// The scenario's inputs in words, one line each, for a picture or a caption:
// the scenario's name, the approval rate with what it does to the approval
// paths, the magnet stock, then every other input that differs from the
// preset's (or, for a custom scenario, from "2025 as reported").
std::vector<std::string> scenario_lines(const Inputs& in, Language lang = Language::English);
// "Rare Earth Shock model 2.0.0. Sources: …": the credit under every export.
std::string credit_line(Language lang = Language::English);

}  // namespace rareshock
