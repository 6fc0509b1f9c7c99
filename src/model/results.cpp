// Rare Earth Shock — the one place results become JSON, CSV, the summary
// sentence and the quotable text report.
//
// [SECTION] Number text (locale-free, integer arithmetic only)
// [SECTION] Display text (public: the one rounding of every number shown)
// [SECTION] Words (regions, dates, approval phrases)
// [SECTION] Summary sentence
// [SECTION] JSON
// [SECTION] CSV
// [SECTION] Text report
// [SECTION] Exports
//
// Numbers are formatted with integer arithmetic (no printf, no locale, no
// floating-point <charconv>, which Emscripten 3.1.6's libc++ lacks), so the
// text is the same natively and in WebAssembly. NaN and infinity become null.
#include "results.h"

#include "fastmath.h"
#include "model.h"
#include "query.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace rareshock {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Number text
//-----------------------------------------------------------------------------
bool is_finite(double v) { return v == v && v - v == 0.0; }

void append_int(std::string& s, long long v) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    s.append(buf, res.ptr);
}

// Fixed-point text with `decimals` digits, rounded half away from zero;
// trailing zeros (and the point) dropped when `trim`. Non-finite or huge: "null".
void append_fixed(std::string& s, double v, int decimals, bool trim = true) {
    if (!is_finite(v)) {
        s += "null";
        return;
    }
    long long scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    double scaled = v * static_cast<double>(scale);
    const bool negative = scaled < 0.0;
    if (negative) scaled = -scaled;
    if (scaled >= 9.0e15) {
        s += "null";
        return;
    }
    long long units = static_cast<long long>(scaled);
    if (scaled - static_cast<double>(units) >= 0.5) ++units;
    if (negative && units != 0) s += '-';
    append_int(s, units / scale);
    if (decimals == 0) return;
    long long frac = units % scale;
    char digits[20];
    for (int i = decimals - 1; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    int n = decimals;
    if (trim)
        while (n > 0 && digits[n - 1] == '0') --n;
    if (n == 0) return;
    s += '.';
    s.append(digits, static_cast<std::size_t>(n));
}

std::string fixed(double v, int decimals, bool trim = true) {
    std::string s;
    append_fixed(s, v, decimals, trim);
    return s;
}

// 1234567 -> "1,234,567" (v >= 0, already rounded).
std::string with_thousands(long long v) {
    std::string digits;
    append_int(digits, v < 0 ? -v : v);
    std::string out;
    if (v < 0) out += '-';
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[i];
        const std::size_t left = n - 1 - i;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    return out;
}

long long round_to(double v, double unit) {
    const double q = v / unit;
    long long k = static_cast<long long>(q);
    if (q - static_cast<double>(k) >= 0.5) ++k;
    return k * static_cast<long long>(unit);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Display text
//-----------------------------------------------------------------------------
namespace {

// Digits with the language's separators: 1234567 -> "1,234,567" / "1.234.567".
std::string grouped(long long v, Language lang) {
    std::string s = with_thousands(v);
    const std::string_view group = tr(lang, "number.group");
    std::string out;
    for (char c : s) {
        if (c == ',') out += group;
        else out += c;
    }
    return out;
}

// Fixed-point text with the language's decimal mark.
std::string decimal(double v, int decimals, Language lang) {
    std::string s = fixed(v, decimals);
    const std::size_t dot = s.find('.');
    if (dot != std::string::npos) s.replace(dot, 1, tr(lang, "number.decimal"));
    return s;
}

// Where a language switches to its large units: English and German count
// millions and billions, Japanese man (10^4) and oku (10^8).
struct Magnitudes { double vehicles_large, usd_large, usd_medium; };
Magnitudes magnitudes(Language lang) {
    if (lang == Language::Japanese) return {1.0e4, 1.0e8, 1.0e4};
    return {1.0e6, 1.0e9, 1.0e6};
}

int day_int(double v) { return static_cast<int>(v + 0.5); }

std::string int_text(long long v) { return std::to_string(v); }

}  // namespace

double vehicles_large_unit(Language lang) { return magnitudes(lang).vehicles_large; }

// Vehicles: 310,000; 4,300; 1.2 million (German 310.000, 1,2 Millionen; Japanese 31万).
std::string vehicles_text(double v, Language lang) {
    if (!is_finite(v) || v < 0.0) v = 0.0;
    const double large = magnitudes(lang).vehicles_large;
    if (v >= large * 0.9995) {
        const double n = v / large;
        return format_text(tr(lang, "vehicles.large"), {{"n", decimal(n, n >= 99.95 ? 0 : 1, lang)}});
    }
    if (v >= 10000.0) return grouped(round_to(v, 1000.0), lang);
    if (v >= 1000.0) return grouped(round_to(v, 100.0), lang);
    if (v >= 100.0) return grouped(round_to(v, 10.0), lang);
    return grouped(round_to(v, 1.0), lang);
}

// USD: $840 million, $12.3 billion (German 840 Mio. US-Dollar; Japanese 8億4000万ドル as 8.4億ドル).
std::string usd_text(double v, Language lang) {
    if (!is_finite(v) || v < 0.0) v = 0.0;
    const Magnitudes m = magnitudes(lang);
    if (v >= m.usd_large) return format_text(tr(lang, "usd.large"), {{"n", decimal(v / m.usd_large, 1, lang)}});
    if (v >= m.usd_medium) return format_text(tr(lang, "usd.medium"), {{"n", grouped(round_to(v / m.usd_medium, 1.0), lang)}});
    return format_text(tr(lang, "usd.small"), {{"n", grouped(round_to(v, 1000.0), lang)}});
}

std::string date_text(int day, Language lang) {
    const Date d = date_of_day(day);
    return format_text(tr(lang, "date.full"), {{"day", int_text(d.day)},
                                               {"month", tr(lang, "month." + std::to_string(d.month))},
                                               {"m", int_text(d.month)},
                                               {"year", int_text(d.year)}});
}

std::string plants_text(double plants, Language lang) {
    if (!is_finite(plants) || plants < 0.5) return "0";
    if (plants < 20.0) return grouped(round_to(plants, 1.0), lang);
    return format_text(tr(lang, "plants.about"), {{"n", grouped(round_to(plants, 5.0), lang)}});
}

std::string number_text(double v, int decimals, Language lang) {
    if (!is_finite(v)) return "\u2013";
    const bool negative = v < 0.0;
    const double a = negative ? -v : v;
    std::string s = fixed(a, decimals, false);
    const std::size_t dot = s.find('.');
    std::string whole = s.substr(0, dot);
    const std::string frac = dot == std::string::npos ? std::string() : s.substr(dot + 1);
    // fixed() writes "null" from 9e15 on: no digits to group (and std::stoll would abort).
    long long whole_value = 0;
    const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), whole_value);
    if (ec != std::errc{} || end != whole.data() + whole.size()) return "\u2013";
    std::string out = grouped(whole_value, lang);
    if (!frac.empty()) out += std::string(tr(lang, "number.decimal")) + frac;
    return negative && out.find_first_not_of("0.,") != std::string::npos ? "\u2212" + out : out;
}

std::string percent_text(double pct, int decimals, Language lang) {
    return format_text(tr(lang, "number.percent"), {{"n", number_text(pct, decimals, lang)}});
}

namespace {
// A day and its month by the pattern `pattern_key`, the month named from `month_prefix` ("month.", "month.short.").
std::string day_and_month(int day, Language lang, std::string_view pattern_key, std::string_view month_prefix) {
    const Date d = date_of_day(day);
    return format_text(tr(lang, pattern_key), {{"day", int_text(d.day)},
                                               {"month", tr(lang, std::string(month_prefix) + std::to_string(d.month))},
                                               {"m", int_text(d.month)}});
}
}  // namespace

std::string short_date_text(int day, Language lang) { return day_and_month(day, lang, "date.short", "month.short."); }

std::string month_axis_text(int month, Language lang) {
    return format_text(tr(lang, "month.axis"), {{"month", tr(lang, "month.short." + std::to_string(month))},
                                               {"m", int_text(month)}});
}

std::string vehicles_range_text(double lo, double hi, Language lang) {
    std::string a = vehicles_text(lo, lang);
    const std::string b = vehicles_text(hi, lang);
    // One unit for a range of large numbers: "25.5–27.6 million".
    const double large = magnitudes(lang).vehicles_large;
    if (lo >= large * 0.9995 && hi >= large * 0.9995) {
        const double n = lo / large;
        a = decimal(n, n >= 99.95 ? 0 : 1, lang);
    }
    return a + std::string(tr(lang, "range.dash")) + b;
}

double path_share_at_rate(double approval_pct, double path_pct) {
    if (approval_pct <= 0.0 || path_pct <= 0.0) return 0.0;
    if (approval_pct >= 100.0 || path_pct >= 100.0) return 100.0;
    return 100.0 * (1.0 - detail::exp_det(-approved_hazard(approval_pct, -detail::log_det(1.0 - path_pct / 100.0))));
}

double export_plants_total() {
    double total = 0.0;
    for (int i = 0; i < kExportRegionCount; ++i) total += region_data()[static_cast<std::size_t>(i)].plants;
    return total;
}

std::string driver_name(Driver d, Language lang) { return std::string(tr(lang, "driver." + std::string(driver_key(d)))); }

std::string_view driver_key(Driver d) {
    static constexpr std::array<std::string_view, kDriverCount> kKeys{
        "stock", "transit", "shipping", "emergency_supply", "loose_magnets", "china_dependence", "parts_buffer", "other_suppliers",
        "spare_capacity", "stock_shape"};
    const int i = static_cast<int>(d);
    return i >= 0 && i < kDriverCount ? kKeys[static_cast<std::size_t>(i)] : std::string_view();
}

double export_supplier_lines_total(const Results& r) {
    double lines = 0.0;
    for (int i = 0; i < kExportRegionCount; ++i) lines += r.regions[static_cast<std::size_t>(i)].supplier_lines;
    return lines;
}

PlantsPeak world_plants_peak(const Results& r) {
    PlantsPeak peak;
    const std::size_t days = r.timeline[0].p50.size();
    for (std::size_t t = 0; t < days; ++t) {
        double plants = 0.0;
        for (int i = 0; i < kExportRegionCount; ++i)
            plants += static_cast<double>(r.timeline[static_cast<std::size_t>(i)].p50[t]) * region_data()[static_cast<std::size_t>(i)].plants;
        if (plants > peak.plants) {
            peak.plants = plants;
            peak.day = static_cast<int>(t);
        }
    }
    return peak;
}

std::string region_name(int region, Language lang) {
    const RegionData& rd = region_data()[static_cast<std::size_t>(region)];
    return std::string(translated(lang, "region." + std::string(rd.key) + ".name", rd.name));
}

std::string component_name(int component, Language lang) {
    const ComponentData& cd = component_data()[static_cast<std::size_t>(component)];
    return std::string(translated(lang, "component." + std::string(cd.key) + ".name", cd.name));
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Words
//-----------------------------------------------------------------------------
std::string iso_date(int day) {
    const Date d = date_of_day(day);
    std::string s;
    append_int(s, d.year);
    s += d.month < 10 ? "-0" : "-";
    append_int(s, d.month);
    s += d.day < 10 ? "-0" : "-";
    append_int(s, d.day);
    return s;
}

// "4 June"; "early June", "mid-June", "late June".
std::string day_month(int day, Language lang) { return day_and_month(day, lang, "date.day_month", "month."); }
std::string part_of_month(int day, Language lang) {
    const Date d = date_of_day(day);
    const char* key = d.day <= 10 ? "date.early" : (d.day <= 20 ? "date.mid" : "date.late");
    return format_text(tr(lang, key), {{"month", tr(lang, "month." + std::to_string(d.month))}, {"m", int_text(d.month)}});
}

std::string whole_percent(double pct, Language lang) {
    return format_text(tr(lang, "number.percent"), {{"n", fixed(pct, 0)}});
}

// The points of a region's path worth naming at the reader's rate: the first
// (with its exact date), then each later one that adds at least a whole percent.
struct ShownPoint { double pct; std::string when; };
std::vector<ShownPoint> shown_path(const Inputs& in, int region, Language lang) {
    std::vector<ShownPoint> out;
    const ApprovalPath& path = in.approval_paths[static_cast<std::size_t>(region)];
    const double shift = in.licence_lag_days - kReferenceLagDays;  // a longer review: every date later
    for (int i = 0; i < path.count; ++i) {
        const PathPoint& p = path.points[static_cast<std::size_t>(i)];
        const double pct = path_share_at_rate(in.approval_pct, p.approved_pct);
        if (!out.empty() && !(pct >= out.back().pct + 1.0)) continue;
        const int day = day_int(p.day + shift > 0.0 ? p.day + shift : 0.0);
        out.push_back({pct, out.empty() ? day_month(day, lang) : part_of_month(day, lang)});
    }
    return out;
}

// ", rising to 60% by late June" (empty for a single point).
std::string path_rest(const std::vector<ShownPoint>& points, Language lang) {
    std::string s;
    for (std::size_t i = 1; i < points.size(); ++i)
        s += format_text(tr(lang, i + 1 < points.size() ? "path.next" : "path.last"),
                         {{"pct", whole_percent(points[i].pct, lang)}, {"when", points[i].when}});
    return s;
}

// "if 25% of licences are approved by 4 June, rising to 60% by late June",
// and what joins it to the stock that follows.
struct Clause { std::string text; std::string_view join; };
Clause approval_clause(const Inputs& in, Language lang) {
    const std::string_view join = tr(lang, "summary.join");
    if (in.approval_pct <= 0.0) return {std::string(tr(lang, "summary.clause.none")), join};
    if (in.approval_pct >= 100.0) return {std::string(tr(lang, "summary.clause.all")), join};
    const std::vector<ShownPoint> points = shown_path(in, static_cast<int>(Region::Europe), lang);
    if (points.empty()) return {format_text(tr(lang, "summary.clause.rate"), {{"pct", whole_percent(in.approval_pct, lang)}}), join};
    const std::string rest = path_rest(points, lang);
    return {format_text(tr(lang, "summary.clause.path"),
                        {{"pct", whole_percent(points[0].pct, lang)}, {"when", points[0].when}, {"rest", rest}}),
            rest.empty() ? join : tr(lang, "summary.join_after_list")};
}

}  // namespace

FirstStops first_stops(const Results& r) {
    FirstStops f;
    for (int i = 0; i < kExportRegionCount; ++i) {
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        if (rr.supplier_first_stop_day.p50 && (!f.supplier_day || *rr.supplier_first_stop_day.p50 < *f.supplier_day))
            f.supplier_day = rr.supplier_first_stop_day.p50;
        if (rr.first_halt_day.p50 && (!f.car_day || *rr.first_halt_day.p50 < *f.car_day)) {
            f.car_day = rr.first_halt_day.p50;
            f.car_region = i;
        }
    }
    return f;
}

std::string horizon_text(const Inputs& in, Language lang) {
    if (in.horizon_days == 365) return std::string(tr(lang, "summary.horizon.year"));
    return format_text(tr(lang, "summary.horizon.days"), {{"n", int_text(in.horizon_days)}});
}

namespace {

// The nearest plain fraction: "1 in 12", "1 in 3", "3 in 4", "almost all".
std::string share_of_plants(double share, Language lang) {
    if (share >= 0.95) return std::string(tr(lang, "share.almost_all"));
    int num = 1, den = 1;
    if (share < 0.23) {
        den = static_cast<int>(round_to(1.0 / share, 1.0));
    } else {
        struct Fraction { int num, den; };
        static constexpr Fraction kFractions[] = {{1, 4}, {3, 10}, {1, 3}, {2, 5}, {1, 2}, {3, 5}, {2, 3}, {7, 10}, {3, 4}, {4, 5}, {9, 10}};
        auto distance = [share](const Fraction& f) {
            const double d = share - static_cast<double>(f.num) / f.den;
            return d < 0.0 ? -d : d;
        };
        Fraction best = kFractions[0];
        for (const Fraction& f : kFractions)
            if (distance(f) < distance(best)) best = f;
        num = best.num;
        den = best.den;
    }
    return format_text(tr(lang, "share.fraction"), {{"num", int_text(num)}, {"den", int_text(den)}});
}

}  // namespace

std::string day_month_text(int day, Language lang) { return day_month(day, lang); }

std::string approval_path_text(const Inputs& in, int region, Language lang) {
    if (region < 0 || region >= kExportRegionCount) return {};
    if (in.approval_pct <= 0.0) return std::string(tr(lang, "path.none"));
    const std::vector<ShownPoint> points = shown_path(in, region, lang);
    if (points.empty()) return {};
    return format_text(tr(lang, "path.first"), {{"pct", whole_percent(points[0].pct, lang)}, {"when", points[0].when}}) +
           path_rest(points, lang);
}

//-----------------------------------------------------------------------------
// [SECTION] Summary sentence
//-----------------------------------------------------------------------------
std::string summary_sentence(const Results& r, Language lang) {
    const Inputs& in = r.inputs;
    const Range& world = r.world_vehicles_lost;
    const std::string range = r.bands_ready ? format_text(tr(lang, "summary.range"),
                                                          {{"range", vehicles_range_text(world.p10, world.p90, lang)}})
                                            : std::string();
    const Clause clause = approval_clause(in, lang);
    const std::string stock = format_text(tr(lang, in.inventory_days == 1.0 ? "unit.day" : "unit.days"),
                                          {{"n", fixed(in.inventory_days, 0)}});

    // The first stop of each tier: the earliest P50 first-stop day of the export regions.
    const FirstStops first = first_stops(r);
    const int first_region = first.car_region;
    const double first_day = first.car_day.value_or(0.0);
    // The region with the largest P50 share of plants stopped.
    int big_region = -1;
    double big_share = 0.0;
    for (int i = 0; i < kExportRegionCount; ++i) {
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        if (rr.peak_halted_share_p50 > big_share) {
            big_region = i;
            big_share = rr.peak_halted_share_p50;
        }
    }
    const PlantsPeak peak = world_plants_peak(r);
    const std::string horizon = horizon_text(in, lang);
    const std::string vehicles = vehicles_text(world.p50, lang);
    const std::string days = int_text(in.horizon_days);

    // The supplier tier first: the earliest P50 day a supplier line stops, and
    // the most stopped at once (P50 of whole counts).
    const int supplier_day = first.supplier_day ? day_int(*first.supplier_day) : -1;
    const double supplier_lines = r.world_peak_supplier_lines_stopped.p50;
    const bool suppliers_stop = supplier_day >= 0 || supplier_lines >= 1.0;
    std::string suppliers;
    if (suppliers_stop)
        suppliers = format_text(tr(lang, "summary.suppliers"),
                                {{"from", supplier_day >= 0 ? format_text(tr(lang, "summary.from"), {{"date", date_text(supplier_day, lang)}})
                                                            : std::string()},
                                 {"lines", plants_text(supplier_lines > 1.0 ? supplier_lines : 1.0, lang)}});
    // The net figure is the sentence's; the gross one beside it when extra shifts made up a visible part.
    const double gross_vehicles = r.world_gross_vehicles_lost.p50;
    const std::string gross = gross_vehicles - world.p50 >= 500.0 && vehicles_text(gross_vehicles, lang) != vehicles
                                  ? format_text(tr(lang, "summary.gross"), {{"gross", vehicles_text(gross_vehicles, lang)}})
                                  : std::string();
    auto sentence = [&](const char* key, std::initializer_list<std::pair<std::string_view, std::string_view>> more) {
        std::string out = format_text(tr(lang, key), more);
        out = format_text(out, {{"suppliers", suppliers}, {"vehicles", vehicles}, {"gross", gross}, {"horizon", horizon}, {"range", range},
                                {"clause", clause.text}, {"join", clause.join}, {"stock", stock}, {"horizon_days", days}});
        if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');  // a sentence starts with a capital
        return out;
    };
    const char* loss = world.p50 >= 1000.0 ? "some_loss" : (world.p50 >= 0.5 ? "little_loss" : "no_loss");

    if (first_region < 0 && peak.plants < 0.5) {
        // No car plant stops: either nothing stops at all, or the suppliers'
        // finished parts and the other suppliers carry the car plants through.
        return sentence((std::string(suppliers_stop ? "summary.cars_run." : "summary.none.") + loss).c_str(), {});
    }
    if (big_share >= 0.2) {
        // Most plants of a region stop, often creeping up for months: name the
        // day the share first reaches nine tenths of its highest value.
        const double share = big_share * 0.9;
        const RegionTimeline& tl = r.timeline[static_cast<std::size_t>(big_region)];
        int day = 0;
        for (std::size_t t = 0; t < tl.p50.size(); ++t)
            if (tl.p50[t] >= static_cast<float>(share)) {
                day = static_cast<int>(t);
                break;
            }
        const std::string key = "summary.adjective." + std::string(region_data()[static_cast<std::size_t>(big_region)].key);
        return sentence("summary.most", {{"date", date_text(day, lang)}, {"share", share_of_plants(share, lang)},
                                         {"adjective", tr(lang, key)}, {"region", region_name(big_region, lang)}});
    }
    // After the suppliers' clause the car plants' date continues the sentence,
    // without the year when the suppliers' date already gave it.
    std::string from;
    if (first_region >= 0) {
        const int car_day = day_int(first_day);
        const bool same_year = suppliers_stop && supplier_day >= 0 && date_of_day(car_day).year == date_of_day(supplier_day).year;
        from = format_text(tr(lang, suppliers_stop ? "summary.from_then" : "summary.from"),
                           {{"date", same_year ? day_month_text(car_day, lang) : date_text(car_day, lang)}});
    }
    if (peak.plants < 1.5) return sentence("summary.rare", {{"from", from}});
    const char* key = peak.plants < 5.5 ? "summary.few" : (peak.plants < 30.5 ? "summary.some" : "summary.many");
    return sentence(key, {{"from", from}, {"plants", plants_text(peak.plants, lang)},
                          {"total", grouped(round_to(export_plants_total(), 1.0), lang)}});
}

std::string card_title(const Results& r, Language lang) {
    const double vehicles = r.world_vehicles_lost.p50;
    return format_text(tr(lang, vehicles >= 0.5 ? "summary.card.loss" : "summary.card.none"),
                       {{"vehicles", vehicles_text(vehicles, lang)}, {"horizon", horizon_text(r.inputs, lang)},
                        {"pct", percent_text(r.inputs.approval_pct, 0, lang)}});
}

//-----------------------------------------------------------------------------
// [SECTION] JSON
//-----------------------------------------------------------------------------
void append_json_string(std::string& s, std::string_view v) {
    s += '"';
    for (char ch : v) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            s += '\\';
            s += ch;
        } else if (c < 0x20) {
            static const char* hex = "0123456789abcdef";
            s += "\\u00";
            s += hex[c >> 4];
            s += hex[c & 15];
        } else {
            s += ch;
        }
    }
    s += '"';
}

namespace {

void append_optional(std::string& s, const std::optional<double>& v, int decimals) {
    if (v) append_fixed(s, *v, decimals);
    else s += "null";
}

void append_range(std::string& s, const Range& r, int decimals) {
    s += "{\"p10\":";
    append_fixed(s, r.p10, decimals);
    s += ",\"p50\":";
    append_fixed(s, r.p50, decimals);
    s += ",\"p90\":";
    append_fixed(s, r.p90, decimals);
    s += '}';
}

void append_range(std::string& s, const OptionalRange& r, int decimals) {
    s += "{\"p10\":";
    append_optional(s, r.p10, decimals);
    s += ",\"p50\":";
    append_optional(s, r.p50, decimals);
    s += ",\"p90\":";
    append_optional(s, r.p90, decimals);
    s += '}';
}

void append_shares(std::string& s, const std::vector<float>& v) {
    s += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) s += ',';
        append_fixed(s, static_cast<double>(v[i]), 4);
    }
    s += ']';
}

void append_display_range(std::string& s, const Range& r, bool bands, Language lang) {
    s += "{\"vehicles_lost\":";
    append_json_string(s, vehicles_text(r.p50, lang));
    s += ",\"vehicles_lost_range\":";
    append_json_string(s, bands ? vehicles_range_text(r.p10, r.p90, lang) : std::string());
}

}  // namespace

std::string results_to_json(const Results& r, Language lang) {
    std::string s;
    s.reserve(64 * 1024);
    s += "{\"model_version\":";
    append_json_string(s, kModelVersion);
    s += ",\"language\":";
    append_json_string(s, language_code(lang));
    s += r.bands_ready ? ",\"provisional\":false" : ",\"provisional\":true";  // true: only the central estimate so far
    s += ",\"inputs\":{";
    bool first = true;
    for (const InputField& f : input_fields()) {
        if (!first) s += ',';
        first = false;
        append_json_string(s, f.key);
        s += ':';
        if (f.kind == FieldKind::Path) append_json_string(s, path_text(get_path(r.inputs, f)));
        else append_fixed(s, get_field(r.inputs, f), f.kind == FieldKind::Real ? 6 : 0);
    }
    s += "},\"summary\":";
    append_json_string(s, lang == Language::English && !r.summary.empty() ? r.summary : summary_sentence(r, lang));
    s += ",\"regions\":[";
    for (int i = 0; i < kRegionCount; ++i) {
        const RegionData& rd = region_data()[static_cast<std::size_t>(i)];
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        if (i) s += ',';
        s += "{\"id\":";
        append_json_string(s, rd.key);
        s += ",\"name\":";
        append_json_string(s, rd.name);
        s += ",\"plants\":";
        append_fixed(s, rd.plants, 0);
        s += ",\"first_halt_day\":";
        append_range(s, rr.first_halt_day, 0);
        s += ",\"vehicles_lost\":";
        append_range(s, rr.vehicles_lost, 0);
        s += ",\"gross_vehicles_lost\":";
        append_range(s, rr.gross_vehicles_lost, 0);
        s += ",\"value_lost_usd\":";
        append_range(s, rr.value_lost_usd, 0);
        s += ",\"recovery_day\":";
        append_range(s, rr.recovery_day, 0);
        s += ",\"baseline_vehicles\":";
        append_fixed(s, rr.baseline_vehicles, 0);
        s += ",\"peak_plants_stopped\":";
        append_fixed(s, rr.peak_halted_share_p50 * rd.plants, 2);
        s += ",\"supplier_lines\":";
        append_fixed(s, rr.supplier_lines, 0);
        s += ",\"supplier_first_stop_day\":";
        append_range(s, rr.supplier_first_stop_day, 0);
        s += ",\"peak_supplier_lines_stopped\":";
        append_range(s, rr.peak_supplier_lines_stopped, 0);
        s += ",\"display\":";
        append_display_range(s, rr.vehicles_lost, r.bands_ready, lang);
        s += ",\"name\":";
        append_json_string(s, region_name(i, lang));
        s += ",\"first_halt\":";
        append_json_string(s, rr.first_halt_day.p50 ? date_text(day_int(*rr.first_halt_day.p50), lang) : std::string());
        s += ",\"value_lost\":";
        append_json_string(s, usd_text(rr.value_lost_usd.p50, lang));
        s += ",\"peak_plants_stopped\":";
        append_json_string(s, plants_text(rr.peak_halted_share_p50 * rd.plants, lang));
        s += ",\"gross_vehicles_lost\":";
        append_json_string(s, vehicles_text(rr.gross_vehicles_lost.p50, lang));
        s += ",\"supplier_first_stop\":";
        append_json_string(s, rr.supplier_first_stop_day.p50 ? date_text(day_int(*rr.supplier_first_stop_day.p50), lang) : std::string());
        s += ",\"peak_supplier_lines_stopped\":";
        append_json_string(s, plants_text(rr.peak_supplier_lines_stopped.p50, lang));
        s += "}}";
    }
    const PlantsPeak peak = world_plants_peak(r);
    s += "],\"world\":{\"vehicles_lost\":";
    append_range(s, r.world_vehicles_lost, 0);
    s += ",\"gross_vehicles_lost\":";
    append_range(s, r.world_gross_vehicles_lost, 0);
    s += ",\"value_lost_usd\":";
    append_range(s, r.world_value_lost_usd, 0);
    s += ",\"plants\":";
    append_fixed(s, export_plants_total(), 0);
    s += ",\"peak_plants_stopped\":";
    append_fixed(s, peak.plants, 2);
    s += ",\"peak_day\":";
    if (peak.day >= 0) append_int(s, peak.day);
    else s += "null";
    s += ",\"supplier_lines\":";
    append_fixed(s, export_supplier_lines_total(r), 0);
    s += ",\"peak_supplier_lines_stopped\":";
    append_range(s, r.world_peak_supplier_lines_stopped, 0);
    s += ",\"display\":";
    append_display_range(s, r.world_vehicles_lost, r.bands_ready, lang);
    s += ",\"value_lost\":";
    append_json_string(s, usd_text(r.world_value_lost_usd.p50, lang));
    s += ",\"peak_plants_stopped\":";
    append_json_string(s, plants_text(peak.plants, lang));
    s += ",\"gross_vehicles_lost\":";
    append_json_string(s, vehicles_text(r.world_gross_vehicles_lost.p50, lang));
    s += ",\"peak_supplier_lines_stopped\":";
    append_json_string(s, plants_text(r.world_peak_supplier_lines_stopped.p50, lang));
    s += "}},\"timeline\":{\"start_date\":";
    append_json_string(s, iso_date(0));
    s += ",\"measure\":\"share of car plants with a line stopped\",\"days\":";
    append_int(s, static_cast<long long>(r.timeline[0].p50.size()));
    s += ",\"regions\":[";
    for (int i = 0; i < kRegionCount; ++i) {
        const RegionTimeline& tl = r.timeline[static_cast<std::size_t>(i)];
        if (i) s += ',';
        s += "{\"id\":";
        append_json_string(s, region_data()[static_cast<std::size_t>(i)].key);
        s += ",\"p10\":";
        append_shares(s, tl.p10);
        s += ",\"p50\":";
        append_shares(s, tl.p50);
        s += ",\"p90\":";
        append_shares(s, tl.p90);
        s += '}';
    }
    s += "]},\"components\":[";
    for (int i = 0; i < kComponentCount; ++i) {
        const ComponentData& cd = component_data()[static_cast<std::size_t>(i)];
        const ComponentResult& cr = r.components[static_cast<std::size_t>(i)];
        if (i) s += ',';
        s += "{\"id\":";
        append_json_string(s, cd.key);
        s += ",\"name\":";
        append_json_string(s, cd.name);
        s += ",\"display_name\":";
        append_json_string(s, component_name(i, lang));
        s += ",\"rank\":";
        s += std::to_string(cr.rank);
        s += ",\"supplier_lines\":";
        append_fixed(s, cr.supplier_lines, 0);
        s += ",\"first_stop_day\":";
        append_range(s, cr.first_stop_day, 0);
        s += ",\"first_stop\":";
        append_json_string(s, cr.first_stop_day.p50 ? date_text(day_int(*cr.first_stop_day.p50), lang) : std::string());
        s += ",\"peak_lines_stopped\":";
        append_range(s, cr.peak_lines_stopped, 0);
        s += ",\"time_to_survive_days\":";
        append_fixed(s, cr.time_to_survive_days, 1);
        s += ",\"time_to_recover_days\":";
        append_fixed(s, cr.time_to_recover_days, 1);
        s += ",\"shortage_days\":";
        append_fixed(s, cr.shortage_days, 1);
        s += '}';
    }
    s += "],\"drivers\":[";
    for (int i = 0; i < r.driver_count; ++i) {
        const DriverResult& d = r.drivers[static_cast<std::size_t>(i)];
        if (i) s += ',';
        s += "{\"id\":";
        append_json_string(s, driver_key(d.id));
        s += ",\"low\":";
        append_fixed(s, d.low, 0);
        s += ",\"high\":";
        append_fixed(s, d.high, 0);
        s += ",\"display\":{\"name\":";
        append_json_string(s, driver_name(d.id, lang));
        s += ",\"low\":";
        append_json_string(s, vehicles_text(d.low, lang));
        s += ",\"high\":";
        append_json_string(s, vehicles_text(d.high, lang));
        s += "}}";
    }
    s += "]}";
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] CSV
//-----------------------------------------------------------------------------
std::string csv_cell(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string s = "\"";
    for (char c : text) {
        if (c == '"') s += '"';
        s += c;
    }
    return s + '"';
}

namespace {

// A CSV under construction: cells separated by commas, rows by "\n".
struct CsvWriter {
    std::string s;
    bool row_start = true;
    void cell(std::string_view text) {
        if (!row_start) s += ',';
        row_start = false;
        s += csv_cell(text);
    }
    void number(double v, int decimals) {  // plain digits; NaN or infinity: an empty cell
        if (!row_start) s += ',';
        row_start = false;
        if (is_finite(v)) append_fixed(s, v, decimals);
    }
    void number(const std::optional<double>& v, int decimals) {
        if (v) number(*v, decimals);
        else cell("");
    }
    void range(const Range& r, int decimals) {
        number(r.p10, decimals);
        number(r.p50, decimals);
        number(r.p90, decimals);
    }
    void range(const OptionalRange& r, int decimals) {
        number(r.p10, decimals);
        number(r.p50, decimals);
        number(r.p90, decimals);
    }
    void end_row() {
        s += '\n';
        row_start = true;
    }
    void row(std::initializer_list<std::string_view> cells) {
        for (std::string_view c : cells) cell(c);
        end_row();
    }
    // A section: its title alone on a row, then its header.
    void section(std::string_view title, std::initializer_list<std::string_view> header) {
        if (!s.empty()) s += '\n';  // a blank line between sections
        row({title});
        row(header);
    }
};

}  // namespace

std::string results_to_csv(const Results& r, std::string_view link, Language lang) {
    const Inputs& in = r.inputs;
    CsvWriter w;
    w.s.reserve(64 * 1024);
    // The scenario: every input as the share link and the CLI take it.
    w.section(tr(lang, "csv.section.scenario"), {"key", "value", "unit", "label"});
    w.row({"model_version", kModelVersion, "", tr(lang, "csv.model_version")});
    const Preset* preset = matching_preset(in);
    const std::string preset_name = preset ? std::string(translated(lang, "preset." + std::string(preset->id) + ".label", preset->label))
                                           : std::string(tr(lang, "csv.custom"));
    w.row({"preset", preset ? preset->id : std::string_view("custom"), "", preset_name});
    for (const InputField& f : input_fields()) {
        w.cell(f.key);
        if (f.kind == FieldKind::Path) w.cell(path_text(get_path(in, f)));
        else w.number(get_field(in, f), f.kind == FieldKind::Real ? 6 : 0);
        w.cell(f.kind == FieldKind::Path ? std::string_view("day:percent") : f.unit);
        w.cell(translated(lang, "field." + std::string(f.key) + ".label", f.label));
        w.end_row();
    }
    w.row({"bands", r.bands_ready ? "P10-P90" : tr(lang, "csv.central_only"), "", tr(lang, "csv.ranges")});
    w.row({"query", encode_query(in), "", tr(lang, "csv.query")});
    if (!link.empty()) w.row({"link", link, "", tr(lang, "csv.link")});
    const std::string summary = lang == Language::English ? r.summary : summary_sentence(r, lang);
    w.row({"summary", summary, "", tr(lang, "csv.summary")});

    w.section(tr(lang, "csv.section.regions"), {"region", "name", "plants", "first_stop_day_p10", "first_stop_day_p50", "first_stop_day_p90",
                          "first_stop_date_p50", "peak_plants_stopped_p50", "vehicles_lost_p10", "vehicles_lost_p50",
                          "vehicles_lost_p90", "value_lost_usd_p10", "value_lost_usd_p50", "value_lost_usd_p90",
                          "recovery_day_p10", "recovery_day_p50", "recovery_day_p90", "baseline_vehicles", "gross_vehicles_lost_p10", "gross_vehicles_lost_p50",
                          "gross_vehicles_lost_p90", "supplier_lines",
                          "supplier_first_stop_day_p10", "supplier_first_stop_day_p50", "supplier_first_stop_day_p90",
                          "peak_supplier_lines_stopped_p10", "peak_supplier_lines_stopped_p50", "peak_supplier_lines_stopped_p90"});
    for (int i = 0; i < kRegionCount; ++i) {
        const RegionData& rd = region_data()[static_cast<std::size_t>(i)];
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        w.cell(rd.key);
        w.cell(region_name(i, lang));
        w.number(rd.plants, 0);
        w.range(rr.first_halt_day, 0);
        w.cell(rr.first_halt_day.p50 ? iso_date(day_int(*rr.first_halt_day.p50)) : std::string());
        w.number(rr.peak_halted_share_p50 * rd.plants, 2);
        w.range(rr.vehicles_lost, 0);
        w.range(rr.value_lost_usd, 0);
        w.range(rr.recovery_day, 0);
        w.number(rr.baseline_vehicles, 0);
        w.range(rr.gross_vehicles_lost, 0);
        w.number(rr.supplier_lines, 0);
        w.range(rr.supplier_first_stop_day, 0);
        w.range(rr.peak_supplier_lines_stopped, 0);
        w.end_row();
    }

    const PlantsPeak peak = world_plants_peak(r);
    w.section(tr(lang, "csv.section.world"), {"measure", "p10", "p50", "p90", "unit"});
    w.cell("vehicles_lost");
    w.range(r.world_vehicles_lost, 0);
    w.cell("vehicles");
    w.end_row();
    w.cell("gross_vehicles_lost");
    w.range(r.world_gross_vehicles_lost, 0);
    w.cell("vehicles");
    w.end_row();
    w.cell("value_lost_usd");
    w.range(r.world_value_lost_usd, 0);
    w.cell("USD");
    w.end_row();
    const auto single = [&w](std::string_view measure, const std::optional<double>& v, int decimals, std::string_view unit) {
        w.cell(measure);
        w.cell("");
        w.number(v, decimals);
        w.cell("");
        w.cell(unit);
        w.end_row();
    };
    single("plants", export_plants_total(), 0, "plants");
    single("peak_plants_stopped", peak.plants, 2, "plants");
    single("peak_day", peak.day >= 0 ? std::optional<double>(peak.day) : std::nullopt, 0, "day");
    single("supplier_lines", export_supplier_lines_total(r), 0, "lines");
    w.cell("peak_supplier_lines_stopped");
    w.range(r.world_peak_supplier_lines_stopped, 0);
    w.cell("lines");
    w.end_row();

    w.section(tr(lang, "csv.section.components"), {"component", "name", "rank", "supplier_lines", "first_stop_day_p10", "first_stop_day_p50",
                                                   "first_stop_day_p90", "peak_lines_stopped_p10", "peak_lines_stopped_p50",
                                                   "peak_lines_stopped_p90", "time_to_survive_days", "time_to_recover_days", "shortage_days"});
    for (int i = 0; i < kComponentCount; ++i) {
        const ComponentData& cd = component_data()[static_cast<std::size_t>(i)];
        const ComponentResult& cr = r.components[static_cast<std::size_t>(i)];
        w.cell(cd.key);
        w.cell(component_name(i, lang));
        w.number(cr.rank, 0);
        w.number(cr.supplier_lines, 0);
        w.range(cr.first_stop_day, 0);
        w.range(cr.peak_lines_stopped, 0);
        w.number(cr.time_to_survive_days, 1);
        w.number(cr.time_to_recover_days, 1);
        w.number(cr.shortage_days, 1);
        w.end_row();
    }

    // Share of the region's car plants with a line stopped, per day.
    w.section(tr(lang, "csv.section.timeline"), {"region", "day", "date", "stopped_share_p10", "stopped_share_p50", "stopped_share_p90",
                           "stopped_share_central"});
    for (int i = 0; i < kRegionCount; ++i) {
        const RegionTimeline& tl = r.timeline[static_cast<std::size_t>(i)];
        const std::string_view key = region_data()[static_cast<std::size_t>(i)].key;
        for (std::size_t t = 0; t < tl.p50.size(); ++t) {
            w.cell(key);
            w.number(static_cast<double>(t), 0);
            w.cell(iso_date(static_cast<int>(t)));
            for (const std::vector<float>* v : {&tl.p10, &tl.p50, &tl.p90, &tl.central})
                w.number(t < v->size() ? static_cast<double>((*v)[t]) : 0.0, 4);
            w.end_row();
        }
    }
    return w.s;
}

//-----------------------------------------------------------------------------
// [SECTION] Text report
//-----------------------------------------------------------------------------
namespace {

// Columns a terminal gives a code point: two for East Asian wide characters.
std::size_t columns(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        int len = 1;
        if (c >= 0xF0) { cp = c & 0x07; len = 4; }
        else if (c >= 0xE0) { cp = c & 0x0F; len = 3; }
        else if (c >= 0xC0) { cp = c & 0x1F; len = 2; }
        for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        i += static_cast<std::size_t>(len);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                          (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6);
        n += wide ? 2 : 1;
    }
    return n;
}

void pad_to(std::string& line, std::size_t width) {
    std::size_t chars = columns(line);
    while (chars < width) {
        line += ' ';
        ++chars;
    }
}

// One line of a text table: two spaces, then each cell starting at its column's stop
// (stops[i] is where cell i + 1 starts, in terminal columns).
template <std::size_t N>
std::string table_row(const std::array<std::size_t, N>& stops, std::initializer_list<std::string> cells) {
    std::string line = "  ";
    std::size_t i = 0;
    for (const std::string& cell : cells) {
        if (i > 0 && i - 1 < N) {
            if (columns(line) + 1 >= stops[i - 1]) line += "  ";  // a cell too long for its column still stands apart
            else pad_to(line, stops[i - 1]);
        }
        line += cell;
        ++i;
    }
    return line;
}
constexpr std::array<std::size_t, 5> kRegionColumns{23, 58, 79, 108, 127};
constexpr std::array<std::size_t, 4> kComponentColumns{50, 84, 113, 130};
constexpr std::array<std::size_t, 2> kSupplierColumns{23, 58};

std::string day_range_text(const OptionalRange& r, bool bands, Language lang) {
    if (!r.p50) return r.p10 ? format_text(tr(lang, "report.after_horizon"), {{"date", date_text(day_int(*r.p10), lang)}})
                             : std::string(tr(lang, "report.none"));
    std::string s = date_text(day_int(*r.p50), lang) + " (" + format_text(tr(lang, "report.day"), {{"n", fixed(*r.p50, 0)}}) + ")";
    if (bands)
        s += " [" + (r.p10 ? fixed(*r.p10, 0) : std::string("-")) + "\u2013" +
             (r.p90 ? fixed(*r.p90, 0) : std::string(tr(lang, "report.never"))) + "]";
    return s;
}

// "about 50 of 1,644 [34–76]": supplier lines stopped at the worst, out of all (whole
// numbers with the language's grouping, as every count in the report).
std::string lines_with_range(const Range& lines, double total, bool bands, Language lang) {
    return format_text(tr(lang, "lines.of"), {{"lines", plants_text(lines.p50, lang)}, {"total", number_text(total, 0, lang)}}) +
           (bands ? " [" + number_text(lines.p10, 0, lang) + "–" + number_text(lines.p90, 0, lang) + "]" : std::string());
}

std::string vehicles_with_range(const Range& r, bool bands, Language lang) {
    std::string s = vehicles_text(r.p50, lang);
    if (bands) s += " [" + vehicles_range_text(r.p10, r.p90, lang) + "]";
    return s;
}

// "65 days", "1 day", "25 %", "90 % of gap".
std::string value_with_unit(const InputField& f, double v, Language lang, int decimals) {
    return format_text(unit_pattern_text(f, v == 1.0, lang), {{"n", decimal(v, decimals, lang)}});
}

}  // namespace

std::string unit_pattern_text(const InputField& f, bool one, Language lang) {
    if (f.unit.empty()) return "{n}";
    if (f.unit == "days") return std::string(tr(lang, one ? "unit.day" : "unit.days"));
    if (f.unit == "%") return std::string(tr(lang, "number.percent"));
    const std::string_view pattern = translated(lang, "unit." + std::string(f.key), {});
    return pattern.empty() ? "{n} " + std::string(f.unit) : std::string(pattern);
}

std::string value_with_unit_text(const InputField& f, double v, int decimals, Language lang) {
    return value_with_unit(f, v, lang, decimals);
}

std::string results_to_text(const Results& r, Language lang, std::string_view share_link) {
    const Inputs& in = r.inputs;
    const bool bands = r.bands_ready;
    std::string s = std::string(tr(lang, "report.title")) + "\n\n";
    s += lang == Language::English && !r.summary.empty() ? r.summary : summary_sentence(r, lang);
    s += "\n\n" + std::string(tr(lang, "report.scenario")) + "\n";
    for (const InputField& f : input_fields()) {
        std::string line = "  " + std::string(translated(lang, "field." + std::string(f.key) + ".label", f.label));
        pad_to(line, 36);
        if (f.kind == FieldKind::Path) {
            line += path_text(get_path(in, f)) + "  (" + approval_path_text(in, f.region_index, lang) + ")";
        } else {
            line += value_with_unit(f, get_field(in, f), lang, f.kind == FieldKind::Real ? 2 : 0);
        }
        s += line + "\n";
    }
    s += "\n" + (bands ? format_text(tr(lang, "report.regions.bands"), {{"draws", std::to_string(in.draws)}})
                       : std::string(tr(lang, "report.regions.central"))) + "\n";
    s += table_row(kRegionColumns, {std::string(tr(lang, "report.col.region")), std::string(tr(lang, "report.col.first_stop")),
                                    std::string(tr(lang, "report.col.most_plants")), std::string(tr(lang, "report.col.vehicles")),
                                    std::string(tr(lang, "report.col.value")), std::string(tr(lang, "report.col.recovery"))}) +
         "\n";
    for (int i = 0; i < kRegionCount; ++i) {
        const RegionData& rd = region_data()[static_cast<std::size_t>(i)];
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        s += table_row(kRegionColumns,
                       {region_name(i, lang), day_range_text(rr.first_halt_day, bands, lang),
                        format_text(tr(lang, "plants.of"), {{"plants", plants_text(rr.peak_halted_share_p50 * rd.plants, lang)},
                                                                   {"total", number_text(rd.plants, 0, lang)}}),
                        vehicles_with_range(rr.vehicles_lost, bands, lang), usd_text(rr.value_lost_usd.p50, lang),
                        rr.recovery_day.p50 ? date_text(day_int(*rr.recovery_day.p50), lang)
                                            : std::string(rr.first_halt_day.p50 ? tr(lang, "report.not_within") : "-")}) +
             "\n";
    }
    const PlantsPeak peak = world_plants_peak(r);
    s += format_text(tr(lang, "report.world"), {{"vehicles", vehicles_with_range(r.world_vehicles_lost, bands, lang)},
                                                {"gross", vehicles_with_range(r.world_gross_vehicles_lost, bands, lang)},
                                                {"value", usd_text(r.world_value_lost_usd.p50, lang)},
                                                {"plants", plants_text(peak.plants, lang)},
                                                {"total", number_text(export_plants_total(), 0, lang)},
                                                {"date", peak.day >= 0 ? date_text(peak.day, lang) : std::string("-")}}) +
         "\n";
    s += "\n" + std::string(tr(lang, "report.suppliers")) + "\n";
    s += table_row(kSupplierColumns, {std::string(tr(lang, "report.col.region")), std::string(tr(lang, "report.col.supplier_first_stop")),
                                      std::string(tr(lang, "report.col.most_lines"))}) +
         "\n";
    for (int i = 0; i < kExportRegionCount; ++i) {
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        const Range& lines = rr.peak_supplier_lines_stopped;
        s += table_row(kSupplierColumns,
                       {region_name(i, lang), day_range_text(rr.supplier_first_stop_day, bands, lang),
                        lines_with_range(lines, rr.supplier_lines, bands, lang)}) +
             "\n";
    }
    s += format_text(tr(lang, "report.suppliers.world"), {{"lines", plants_text(r.world_peak_supplier_lines_stopped.p50, lang)},
                                                          {"total", number_text(export_supplier_lines_total(r), 0, lang)}}) +
         "\n";
    s += "\n" + std::string(tr(lang, "report.components")) + "\n";
    s += table_row(kComponentColumns, {std::string(tr(lang, "report.col.component")), std::string(tr(lang, "report.col.supplier_first_stop")),
                                       std::string(tr(lang, "report.col.most_lines")), std::string(tr(lang, "report.col.recover")),
                                       std::string(tr(lang, "report.col.shortage"))}) +
         "\n";
    // In the order they run out (rank 1 first).
    for (int rank = 1; rank <= kComponentCount; ++rank) {
        for (int i = 0; i < kComponentCount; ++i) {
            const ComponentResult& cr = r.components[static_cast<std::size_t>(i)];
            if (cr.rank != rank) continue;
            const auto days = [lang](double n) { return format_text(tr(lang, "unit.days"), {{"n", fixed(n, 0)}}); };
            const Range& lines = cr.peak_lines_stopped;
            s += table_row(kComponentColumns,
                           {std::to_string(rank) + ". " + component_name(i, lang), day_range_text(cr.first_stop_day, bands, lang),
                            lines_with_range(lines, cr.supplier_lines, bands, lang),
                            days(cr.time_to_recover_days), days(cr.shortage_days)}) +
                 "\n";
        }
    }
    if (r.driver_count > 0) {
        s += "\n" + std::string(tr(lang, "ui.drivers.title")) + " (" + std::string(tr(lang, "ui.drivers.note")) + ")\n";
        for (int i = 0; i < r.driver_count; ++i) {
            const DriverResult& d = r.drivers[static_cast<std::size_t>(i)];
            std::string line = "  " + driver_name(d.id, lang);
            pad_to(line, 50);
            s += line + format_text(tr(lang, "ui.drivers.row"), {{"low", vehicles_text(d.low, lang)}, {"high", vehicles_text(d.high, lang)}}) + "\n";
        }
    }
    s += "\n" + format_text(tr(lang, "report.footer"), {{"model", kModelVersion},
                                                        {"seed", std::to_string(in.seed)},
                                                        {"draws", std::to_string(in.draws)},
                                                        {"link", share_link.empty() ? "?" + encode_query(in) : std::string(share_link)}}) +
         "\n";
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Exports
//-----------------------------------------------------------------------------
std::string export_file_name(const Inputs& in, std::string_view ending) {
    const Preset* preset = matching_preset(in);
    std::string s = "rare-earth-shock_";
    s += preset ? preset->id : std::string_view("custom");
    s += "_approval-" + fixed(in.approval_pct, 2) + "_inventory-" + fixed(in.inventory_days, 2);
    s += ending;
    return s;
}

std::string approval_effect_text(const Inputs& in, Language lang) {
    const int europe = static_cast<int>(Region::Europe), india = static_cast<int>(Region::India);
    return format_text(tr(lang, "ui.controls.at_this_rate"),
                       {{"region1", region_name(europe, lang)}, {"path1", approval_path_text(in, europe, lang)},
                        {"region2", region_name(india, lang)}, {"path2", approval_path_text(in, india, lang)}});
}

std::vector<std::string> scenario_lines(const Inputs& in, Language lang) {
    const Preset* preset = matching_preset(in);
    const Preset& base = preset ? *preset : presets()[0];
    const std::string base_name(translated(lang, "preset." + std::string(base.id) + ".label", base.label));
    std::vector<std::string> lines;
    lines.push_back(format_text(tr(lang, preset ? "export.scenario" : "export.scenario_custom"), {{"preset", base_name}}));
    std::string changed;
    for (const InputField& f : input_fields()) {
        const bool main = f.key == "approval" || f.key == "inventory";
        if (f.kind == FieldKind::Seed || f.key == "draws") continue;  // the link carries them
        std::string value;
        if (f.kind == FieldKind::Path) {
            if (path_text(get_path(in, f)) == path_text(get_path(base.inputs, f))) continue;
            value = approval_path_text(in, f.region_index, lang);
        } else {
            const double v = get_field(in, f);
            if (!main && v == get_field(base.inputs, f)) continue;
            value = value_with_unit(f, v, lang, f.kind == FieldKind::Real ? 2 : 0);
        }
        const std::string label(translated(lang, "field." + std::string(f.key) + ".label", f.label));
        const std::string item = format_text(tr(lang, "export.input"), {{"label", label}, {"value", value}});
        if (main) {
            lines.push_back(f.key == "approval" ? format_text(tr(lang, "export.input_effect"), {{"input", item}, {"effect", approval_effect_text(in, lang)}})
                                                : item);
        } else {
            changed += (changed.empty() ? "" : std::string(tr(lang, "export.list_separator"))) + item;
        }
    }
    if (!changed.empty()) lines.push_back(format_text(tr(lang, "export.also_changed"), {{"list", changed}}));
    return lines;
}

std::string credit_line(Language lang) {
    return format_text(tr(lang, "export.credit"), {{"version", kModelVersion}});
}

}  // namespace rareshock
