// Rare Earth Shock — the methodology's tables of model facts (see method_tables.h).
#include "method_tables.h"

#include "text.h"

#include "model/model.h"
#include "model/query.h"
#include "model/results.h"

#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

namespace rareshock::ui {
namespace {

constexpr std::string_view kTables[] = {"inputs", "regions", "parts", "presets", "uncertainty"};

std::string text(Language lang, std::string_view key) { return std::string(ui_text(lang, key)); }

// A number as the tables write a parameter: as few decimals as it needs (up to three),
// the language's decimal mark, no grouping ("0.75", "0,75", "20250404").
std::string plain(double v, Language lang) {
    char buf[48];
    for (int decimals = 0; decimals <= 3; ++decimals) {
        std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
        double back = 0.0;
        std::sscanf(buf, "%lf", &back);
        if (back - v < 1e-9 && v - back < 1e-9) break;
    }
    std::string s = buf;
    const std::size_t dot = s.find('.');
    if (dot != std::string::npos) s.replace(dot, 1, tr(lang, "number.decimal"));
    return s;
}

// A key as Markdown code: `approval`.
std::string code(std::string_view key) {
    std::string s(1, '`');
    s += key;
    return s += '`';
}

// One table row; a "|" inside a cell is escaped.
std::string row(std::initializer_list<std::string> cells) {
    std::string s = "|";
    for (const std::string& c : cells) {
        s += ' ';
        for (char ch : c) {
            if (ch == '|') s += '\\';
            s += ch;
        }
        s += " |";
    }
    return s + "\n";
}

// The header row ("method.table.<name>": the cells separated by " | ") and the alignment row.
std::string header(Language lang, std::string_view name) {
    const std::string cells = text(lang, "method.table." + std::string(name));
    std::string rule = "|";
    for (std::size_t at = 0;; at += 3) {
        rule += "---|";
        at = cells.find(" | ", at);
        if (at == std::string::npos) break;
    }
    return "| " + cells + " |\n" + rule + "\n";
}

std::string inputs_table(Language lang) {
    const Inputs defaults{};
    const std::string dash = text(lang, "range.dash");
    std::string s = header(lang, "inputs");
    for (const InputField& f : input_fields()) {
        std::string value, range;
        if (f.numeric()) {
            const double v = get_field(defaults, f);
            value = format_text(unit_pattern_text(f, v == 1.0, lang), {{"n", plain(v, lang)}});
            range = format_text(unit_pattern_text(f, false, lang),
                                {{"n", plain(f.min_value, lang) + dash + plain(f.max_value, lang)}});
        } else {
            value = path_text(get_path(defaults, f));
            range = ui_format(lang, "method.inputs.path_range", {{"n", std::to_string(kMaxPathPoints)}});
        }
        s += row({code(f.key), field_label(lang, f), value, range, field_source(lang, f)});
    }
    return s;
}

// A number with as few decimals as it needs (up to `most`), grouped as the language groups it.
std::string shortest(double v, int most, Language lang) {
    int decimals = 0;
    for (double scaled = v; decimals < most; ++decimals, scaled *= 10.0) {
        if (std::fabs(scaled - std::round(scaled)) < 1e-6) break;
    }
    return number_text(v, decimals, lang);
}

std::string regions_table(Language lang) {
    std::string s = header(lang, "regions");
    const auto regions = region_data();
    const double large = vehicles_large_unit(lang);  // a million; Japanese man (10^4)
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const RegionData& r = regions[i];
        const std::string k = "method.region." + std::string(r.key) + ".";
        s += row({region_name(static_cast<int>(i), lang),
                  ui_format(lang, "vehicles.large", {{"n", shortest(r.vehicles_per_year / large, 2, lang)}}),
                  ui_format(lang, k + "plants", {{"n", number_text(r.plants, 0, lang)}}),
                  ui_format(lang, k + "stock", {{"n", number_text(r.inventory_multiplier, 1, lang)}}),
                  ui_format(lang, k + "loose", {{"n", percent_text(100.0 * (1.0 - r.embedded_share), 0, lang)}}),
                  ui_format(lang, k + "value", {{"n", number_text(r.vehicle_value_usd, 0, lang)}})});
    }
    return s;
}

std::string parts_table(Language lang) {
    std::string s = header(lang, "parts");
    const auto parts = component_data();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string k = "method.component." + std::string(parts[i].key) + ".";
        // k: the share of a region's car-plant lines that need the part on licensed magnets
        // (share under licence × share of vehicles fitted), here for Europe, the first region.
        const ComponentData& c = parts[i];
        const double fitted = c.fitted_share_is_ev_share ? region_data()[0].ev_hybrid_share : c.fitted_share;
        const std::string fitted_text =
            c.fitted_share_is_ev_share ? text(lang, "method.parts.fitted.ev")
            : c.fitted_share >= 1.0    ? text(lang, "method.parts.fitted.all")
                                       : ui_format(lang, "method.parts.fitted.assumed", {{"pct", percent_text(c.fitted_share * 100.0, 0, lang)}});
        const double kk = c.licence_exposure_share * fitted;
        s += row({component_name(static_cast<int>(i), lang),
                  ui_format(lang, k + "share", {{"n", number_text(c.licence_exposure_share, 1, lang)}}), fitted_text,
                  number_text(kk, std::fabs(kk * 10.0 - std::round(kk * 10.0)) < 1e-9 ? 1 : 2, lang), text(lang, k + "named_in")});
    }
    return s;
}

// What a preset changes from the defaults: each input's label and value; the approval
// paths as the calculator says them, once for all when every path is the same.
std::string preset_changes(const Preset& p, Language lang) {
    const Inputs defaults{};
    const auto path_of = [&](const InputField& f) { return path_text(get_path(p.inputs, f)); };
    std::vector<std::string> changes;
    std::vector<const InputField*> paths;  // the changed ones
    std::size_t path_fields = 0;
    auto change = [&](const InputField& f, const std::string& value) {
        changes.push_back(ui_format(lang, "method.presets.change", {{"input", field_label(lang, f)}, {"value", value}}));
    };
    for (const InputField& f : input_fields()) {
        if (!f.numeric()) {
            ++path_fields;
            if (path_of(f) != path_text(get_path(defaults, f))) paths.push_back(&f);
            continue;
        }
        const double v = get_field(p.inputs, f);
        if (v != get_field(defaults, f)) change(f, format_text(unit_pattern_text(f, v == 1.0, lang), {{"n", plain(v, lang)}}));
    }
    bool alike = !paths.empty() && paths.size() == path_fields;
    for (const InputField* f : paths) alike = alike && path_of(*f) == path_of(*paths[0]);
    if (alike) {
        changes.push_back(ui_format(lang, "method.presets.every_path",
                                    {{"path", approval_path_text(p.inputs, paths[0]->region_index, lang)}}));
    } else {
        for (const InputField* f : paths) change(*f, approval_path_text(p.inputs, f->region_index, lang));
    }
    if (changes.empty()) return text(lang, "method.presets.none");
    std::string out = changes[0];
    for (std::size_t i = 1; i < changes.size(); ++i) out += text(lang, "method.presets.separator") + changes[i];
    return out;
}

std::string presets_table(Language lang) {
    std::string s = header(lang, "presets");
    for (const Preset& p : presets()) {
        s += row({code(p.id), preset_label(lang, p), preset_changes(p, lang),
                  text(lang, "method.preset." + std::string(p.id) + ".source")});
    }
    return s;
}

// The range each draw takes, per drawn assumption, from the mechanics: the stocks and
// shipments first, then the supply chain's assumptions, then the shares.
std::string uncertainty_table(Language lang) {
    const Mechanics& m = default_mechanics();
    struct Drawn {
        Driver driver;
        double low, high;
    };
    const Drawn drawn[] = {
        {Driver::Stock, m.stock_factor.low, m.stock_factor.high()},
        {Driver::StockShape, 0.25 * m.cover_shape_quarters_low(), 0.25 * m.cover_shape_quarters_high()},
        {Driver::Transit, m.transit_factor.low, m.transit_factor.high()},
        {Driver::Shipping, static_cast<double>(m.shipping_days_min), static_cast<double>(m.shipping_days_max)},
        {Driver::EmergencySupply, m.expedite_factor.low, m.expedite_factor.high()},
        {Driver::PartsBuffer, m.parts_buffer_days_min, m.parts_buffer_days_max},
        {Driver::OtherSuppliers, 100.0 * m.other_supplier_share_min, 100.0 * m.other_supplier_share_max},
        {Driver::SpareCapacity, 100.0 * m.spare_capacity_share_min, 100.0 * m.spare_capacity_share_max},
        {Driver::LooseMagnets, m.loose_magnets_factor.low, m.loose_magnets_factor.high()},
        {Driver::Dependence, m.dependence_factor.low, m.dependence_factor.high()},
    };
    static_assert(std::size(drawn) == kDriverCount, "a row per drawn assumption");
    std::string s = header(lang, "uncertainty");
    for (const Drawn& d : drawn) {
        const std::string k = "method.driver." + std::string(driver_key(d.driver)) + ".";
        s += row({driver_name(d.driver, lang),
                  ui_format(lang, k + "range", {{"lo", plain(d.low, lang)}, {"hi", plain(d.high, lang)}, {"mid", plain(0.25 * m.cover_shape_quarters, lang)}}),
                  text(lang, k + "why")});
    }
    return s;
}

}  // namespace

bool has_method_tables(Language lang) {
    constexpr std::string_view key = "method.table.inputs";
    return has_translation(lang) && tr(lang, key) != key;
}

std::span<const std::string_view> method_table_names() { return kTables; }

std::string method_table(std::string_view name, Language lang) {
    if (name == "inputs") return inputs_table(lang);
    if (name == "regions") return regions_table(lang);
    if (name == "parts") return parts_table(lang);
    if (name == "presets") return presets_table(lang);
    if (name == "uncertainty") return uncertainty_table(lang);
    return {};
}

}  // namespace rareshock::ui
