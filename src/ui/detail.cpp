// Rare Earth Shock — the calculator's detail as HTML (see detail.h).
#include "detail.h"

#include "chart.h"
#include "export.h"
#include "format.h"
#include "text.h"

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace rareshock::ui {
namespace {

// Appends <tag class="…">text</tag>, the text escaped.
void element(std::string& s, const char* tag, const char* cls, std::string_view text) {
    s += '<';
    s += tag;
    if (cls && *cls) {
        s += " class=\"";
        s += cls;
        s += '"';
    }
    s += '>';
    s += xml_escaped(text);
    s += "</";
    s += tag;
    s += '>';
}

void open_section(std::string& s, const char* id, std::string_view title, std::string_view note) {
    s += "<details class=\"rs-d-section\" data-rs-section=\"";
    s += id;
    s += "\"><summary>";
    element(s, "span", "rs-d-title", title);
    s += "</summary>";
    if (!note.empty()) element(s, "p", "rs-d-note", note);
}

int day_of(double d) { return static_cast<int>(std::lround(d)); }

// When a region's car plants first stop, how many at the worst, when they run
// again, and the supplier lines before them.
void stops_cell(std::string& s, const Results& r, int i, Language lang) {
    const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
    const auto regions = region_data();
    s += "<td>";
    if (rr.first_halt_day.p50) {
        const int d = day_of(*rr.first_halt_day.p50);
        element(s, "span", "rs-d-main", short_date_text(d, lang));
        const std::string day = std::to_string(d);
        element(s, "span", "rs-d-sub",
                r.bands_ready ? ui_format(lang, "ui.regions.day_range",
                                          {{"n", day}, {"lo", format_day(rr.first_halt_day.p10)},
                                           {"hi", rr.first_halt_day.p90 ? format_day(rr.first_halt_day.p90)
                                                                        : std::string(ui_text(lang, "ui.regions.later"))}})
                              : ui_format(lang, "ui.regions.day", {{"n", day}}));
        const double plants = rr.peak_halted_share_p50 * regions[static_cast<std::size_t>(i)].plants;
        if (plants >= 0.5)
            element(s, "span", "rs-d-sub",
                    ui_format(lang, "ui.regions.at_worst",
                              {{"plants", plants_text(plants, lang)},
                               {"total", number_text(regions[static_cast<std::size_t>(i)].plants, 0, lang)}}));
        element(s, "span", "rs-d-sub",
                rr.recovery_day.p50 ? ui_format(lang, "ui.regions.running_again", {{"date", short_date_text(day_of(*rr.recovery_day.p50), lang)}})
                                    : std::string(ui_text(lang, "ui.regions.not_running_again")));
    } else {
        element(s, "span", "rs-d-main", ui_text(lang, "ui.regions.no_stop"));
        element(s, "span", "rs-d-sub",
                r.bands_ready && rr.first_halt_day.p10
                    ? ui_format(lang, "ui.regions.one_in_ten", {{"n", format_day(rr.first_halt_day.p10)}})
                    : ui_format(lang, "ui.regions.within", {{"n", std::to_string(r.inputs.horizon_days)}}));
    }
    if (i != static_cast<int>(Region::China)) {
        // The supplier tier: its lines stop before the car plants' parts run out.
        if (rr.supplier_first_stop_day.p50) {
            const double lines = rr.peak_supplier_lines_stopped.p50 > 1.0 ? rr.peak_supplier_lines_stopped.p50 : 1.0;
            element(s, "span", "rs-d-sub rs-d-supplier",
                    ui_format(lang, "ui.regions.suppliers",
                              {{"date", short_date_text(day_of(*rr.supplier_first_stop_day.p50), lang)},
                               {"lines", plants_text(lines, lang)}, {"total", number_text(rr.supplier_lines, 0, lang)}}));
        } else {
            element(s, "span", "rs-d-sub rs-d-supplier", ui_text(lang, "ui.regions.suppliers_none"));
        }
    }
    s += "</td>";
}

// Vehicles not built (net), the likely range and the value at an assumed price.
void vehicles_cell(std::string& s, const Results& r, int i, Language lang) {
    const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
    const double lost = rr.vehicles_lost.p50;
    s += "<td>";
    element(s, "span", "rs-d-main", lost <= 0.5 ? std::string(ui_text(lang, "ui.regions.none")) : vehicles_text(lost, lang));
    if (r.bands_ready && rr.vehicles_lost.p90 > 0.5)
        element(s, "span", "rs-d-sub", vehicles_range_text(rr.vehicles_lost.p10, rr.vehicles_lost.p90, lang));
    else if (rr.baseline_vehicles > 0)
        element(s, "span", "rs-d-sub",
                ui_format(lang, "ui.regions.of_output", {{"pct", percent_text(100.0 * lost / rr.baseline_vehicles, 0, lang)}}));
    if (rr.value_lost_usd.p50 >= 0.5e6) element(s, "span", "rs-d-sub", usd_text(rr.value_lost_usd.p50, lang));
    s += "</td>";
}

void regions_section(std::string& s, const Results& r, Language lang) {
    open_section(s, "regions", ui_text(lang, "ui.regions.title"), ui_text(lang, "ui.regions.subtitle.wide"));
    s += "<table class=\"rs-d-regions\"><thead><tr>";
    for (const char* key : {"ui.regions.col.region", "ui.regions.col.first_stop", "ui.regions.col.vehicles"}) {
        s += "<th scope=\"col\">";
        s += xml_escaped(ui_text(lang, key));
        s += "</th>";
    }
    s += "</tr></thead><tbody>";
    for (int i = 0; i < kRegionCount; ++i) {
        s += "<tr><th scope=\"row\" class=\"rs-region-" + std::to_string(i) + "\">";
        if (i == static_cast<int>(Region::China)) {
            element(s, "span", "rs-d-main", ui_text(lang, "ui.regions.china"));
            element(s, "span", "rs-d-sub", ui_text(lang, "ui.regions.china_note"));
        } else {
            element(s, "span", "rs-d-main", region_name(i, lang));
        }
        s += "</th>";
        stops_cell(s, r, i, lang);
        vehicles_cell(s, r, i, lang);
        s += "</tr>";
    }
    s += "</tbody></table></details>";
}

void components_section(std::string& s, const Results& r, Language lang) {
    open_section(s, "components", ui_text(lang, "ui.components.title"), ui_text(lang, "ui.components.subtitle"));
    const int horizon = r.inputs.horizon_days;
    auto days = [&](double d) {
        const std::string n = number_text(d, 0, lang);
        return ui_format(lang, n == "1" ? "unit.day" : "unit.days", {{"n", n}});
    };
    auto on_day = [&](double d) {
        return ui_format(lang, d >= horizon - 0.5 ? "ui.components.after_day" : "ui.components.on_day", {{"n", number_text(d, 0, lang)}});
    };
    s += "<ul class=\"rs-d-parts\">";
    // In the order their supplier lines run out (rank 1 first; every class has one rank).
    for (int rank = 1; rank <= kComponentCount; ++rank) {
        for (int i = 0; i < kComponentCount; ++i) {
            const ComponentResult& c = r.components[static_cast<std::size_t>(i)];
            if (c.rank != rank) continue;
            const bool lasts_all = !c.first_stop_day.p50;
            const std::string stops = on_day(c.time_to_survive_days), lines = plants_text(c.peak_lines_stopped.p50, lang),
                              total = number_text(c.supplier_lines, 0, lang), when = on_day(c.time_to_recover_days), gap = days(c.shortage_days);
            const auto with_values = [&](std::string_view key) {
                return ui_format(lang, key, {{"stops", stops}, {"lines", lines}, {"total", total}, {"when", when}, {"short", gap}});
            };
            const std::string line = lasts_all                ? ui_format(lang, "ui.components.outlasts", {{"n", number_text(horizon, 0, lang)}})
                                     : c.shortage_days > 0.5 ? with_values("ui.components.short")
                                                             : with_values("ui.components.no_shortage");
            s += c.shortage_days > 0.5 && !lasts_all ? "<li class=\"rs-d-short\">" : "<li>";
            element(s, "span", "rs-d-main", component_name(i, lang));
            element(s, "span", "rs-d-sub", line);
            s += "</li>";
        }
    }
    s += "</ul></details>";
}

// What moves the answer most: every drawn assumption, largest swing first.
void drivers_section(std::string& s, const Results& r, Language lang) {
    if (!r.bands_ready || r.driver_count <= 0) return;
    open_section(s, "drivers", ui_text(lang, "ui.drivers.title"), ui_text(lang, "ui.drivers.note"));
    s += "<ul class=\"rs-d-drivers\">";
    for (int i = 0; i < r.driver_count; ++i) {
        const DriverResult& d = r.drivers[static_cast<std::size_t>(i)];
        s += "<li>";
        element(s, "span", "rs-d-main", driver_name(d.id, lang));
        element(s, "span", "rs-d-sub",
                ui_format(lang, "ui.drivers.row", {{"low", vehicles_text(d.low, lang)}, {"high", vehicles_text(d.high, lang)}}));
        s += "</li>";
    }
    s += "</ul></details>";
}

// Phones only (the canvas shows these beside the controls on wider screens): the
// sentence; then, folded, the chart's notes, what the approval rate means for each
// region, the preset's story and the numbered events of 2025.
void phone_lede(std::string& s, const Results& r, Language lang) {
    s += "<div class=\"rs-d-phone rs-d-lede\">";
    element(s, "p", "rs-d-sentence", summary_sentence(r, lang));
    s += "</div>";
}

void events_section(std::string& s, const Results& r, Language lang) {
    s += "<div class=\"rs-d-phone\">";
    open_section(s, "chart", ui_text(lang, "ui.events.heading"),
                 timeline_subtitle(r, lang) + " " + std::string(ui_text(lang, "ui.chart.touch")));
    element(s, "p", "rs-d-note", approval_effect_text(r.inputs, lang));
    if (const Preset* p = matching_preset(r.inputs)) element(s, "p", "rs-d-note", preset_description(lang, *p));
    s += "<ol class=\"rs-d-events\">";
    const int shown_days = timeline_shown_days(r);
    int n = 0;
    for (const Event& e : events_2025()) {
        ++n;
        if (e.day < 0 || e.day > shown_days) continue;
        s += "<li value=\"" + std::to_string(n) + "\">";
        element(s, "span", "rs-d-date", short_date_text(e.day, lang));
        s += ' ';
        s += xml_escaped(event_label(lang, e));
        s += "</li>";
    }
    s += "</ol></details></div>";
}

}  // namespace

std::string detail_html(const Results& r, Language lang) {
    std::string s;
    s.reserve(8 * 1024);
    phone_lede(s, r, lang);
    events_section(s, r, lang);
    regions_section(s, r, lang);
    components_section(s, r, lang);
    drivers_section(s, r, lang);
    return s;
}

std::string key_figures_html(const Results& r, Language lang) {
    const KeyFigures k = key_figures(r, lang);
    std::string s = "<div class=\"rs-kf\"><p class=\"rs-kf-main\">";
    element(s, "span", "rs-kf-number", k.number);
    s += ' ';
    s += "<span class=\"rs-kf-what\">" + xml_escaped(k.what);
    element(s, "span", "rs-kf-range", k.range);  // a line of its own, as on the canvas
    s += "</span>";
    s += "</p>";
    for (const KeyFigures::Stop& stop : k.stops) {
        s += "<p class=\"rs-kf-stop\">";
        element(s, "span", "rs-kf-when", stop.when);
        s += ' ';
        element(s, "span", "rs-kf-label", stop.label);
        s += "</p>";
    }
    return s + "</div>";
}

namespace {
// A whole number as the language groups it ("24,312"; "24.312").
std::string whole(double v, Language lang) { return number_text(v, 0, lang); }

// "48 (44 to 53)", "64 (58 to later)" (no P90 within the horizon), "none within the horizon" (no P50).
std::string twin_range(const std::optional<double>& p10, const std::optional<double>& p50,
                       const std::optional<double>& p90, Language lang) {
    if (!p50) return std::string(ui_text(lang, "page.twin.none_within"));
    return ui_format(lang, "page.twin.range",
                     {{"p50", whole(*p50, lang)},
                      {"p10", p10 ? whole(*p10, lang) : std::string(ui_text(lang, "ui.regions.none"))},
                      {"p90", p90 ? whole(*p90, lang) : std::string(ui_text(lang, "ui.regions.later"))}});
}
}  // namespace

std::string twin_rows(const Results& r, Language lang) {
    std::string s;
    for (int i = 0; i < static_cast<int>(r.regions.size()); ++i) {
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        const std::optional<double>& supplier = rr.supplier_first_stop_day.p50;
        s += region_name(i, lang) + '\t' +
             (supplier ? whole(*supplier, lang) : std::string(ui_text(lang, "page.twin.none_within"))) + '\t' +
             twin_range(rr.first_halt_day.p10, rr.first_halt_day.p50, rr.first_halt_day.p90, lang) + '\t' +
             twin_range(rr.vehicles_lost.p10, rr.vehicles_lost.p50, rr.vehicles_lost.p90, lang) + '\n';
    }
    return s;
}

}  // namespace rareshock::ui
