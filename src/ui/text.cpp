// Rare Earth Shock — the interface's text in the reader's language (see text.h).
#include "text.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "model/results.h"

namespace rareshock::ui {
namespace {
std::vector<std::string>& missing() {
    static std::vector<std::string> keys;
    return keys;
}
std::string fact_text(Language lang, std::string_view prefix, std::string_view key, std::string_view part,
                      std::string_view english) {
    std::string k;
    k.reserve(prefix.size() + key.size() + part.size() + 2);
    k.append(prefix).append(".").append(key).append(".").append(part);
    return std::string(translated(lang, k, english));
}
// Kana, CJK ideographs and punctuation, full-width forms: Japanese sets no spaces.
bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}
// No line starts with these: closing punctuation, small kana, iteration and prolonged sound marks.
bool no_break_before(char32_t c) {
    static constexpr char32_t kClosing[] = {
        U'、', U'。', U'，', U'．', U'・', U'：', U'；', U'？', U'！', U'）', U'」', U'』', U'】', U'〕', U'〉', U'》',
        U'ー', U'々', U'％', U'～', U'ぁ', U'ぃ', U'ぅ', U'ぇ', U'ぉ', U'っ', U'ゃ', U'ゅ', U'ょ', U'ゎ', U'ァ', U'ィ',
        U'ゥ', U'ェ', U'ォ', U'ッ', U'ャ', U'ュ', U'ョ', U'ヮ', U'ヵ', U'ヶ', U')', U']', U',', U'.', U'%', U':', U';'};
    return std::find(std::begin(kClosing), std::end(kClosing), c) != std::end(kClosing);
}
// No line ends with these: opening brackets, and the wave dash of a range ("40～52" stays whole).
bool no_break_after(char32_t c) {
    static constexpr char32_t kOpening[] = {U'（', U'「', U'『', U'【', U'〔', U'〈', U'《', U'(', U'[', U'～', U'〜'};
    return std::find(std::begin(kOpening), std::end(kOpening), c) != std::end(kOpening);
}
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_space(char32_t c) { return c == U' ' || c == U'\n' || c == 0; }
}  // namespace

bool may_break_between(char32_t before, char32_t after) {
    if (is_space(before) || is_space(after) || no_break_before(after) || no_break_after(before)) return false;
    const bool a = is_cjk(before), b = is_cjk(after);
    if (a) return true;                    // CJK, then CJK or a number or word
    return b && !is_digit(before);         // a word or symbol, then CJK; a number keeps its unit
}

std::string_view ui_text(Language lang, std::string_view key) {
    const std::string_view s = tr(lang, key);
    if (s.data() == key.data()) {  // no table has it: tr() gave the key back
        auto& keys = missing();
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
    }
    return s;
}

std::string ui_format(Language lang, std::string_view key,
                      std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    return format_text(ui_text(lang, key), values);
}

std::string field_label(Language lang, const InputField& f) { return fact_text(lang, "field", f.key, "label", f.label); }
std::string field_help(Language lang, const InputField& f) { return fact_text(lang, "field", f.key, "help", f.help); }
std::string field_source(Language lang, const InputField& f) { return fact_text(lang, "field", f.key, "source", f.source); }
std::string preset_label(Language lang, const Preset& p) { return fact_text(lang, "preset", p.id, "label", p.label); }
std::string preset_description(Language lang, const Preset& p) {
    return fact_text(lang, "preset", p.id, "description", p.description);
}
std::string event_label(Language lang, const Event& e) {
    return std::string(translated(lang, "event." + std::to_string(e.day) + ".label", e.label));
}

KeyFigures key_figures(const Results& r, Language lang) {
    KeyFigures k;
    k.number = vehicles_text(r.world_vehicles_lost.p50, lang);
    k.what = ui_format(lang, "ui.figures.vehicles", {{"horizon", horizon_text(r.inputs, lang)}});
    const bool ranged = r.bands_ready && r.world_vehicles_lost.p90 > 0.5;
    k.range = ui_format(lang, "ui.figures.range",
                        {{"range", ranged ? vehicles_range_text(r.world_vehicles_lost.p10, r.world_vehicles_lost.p90, lang) : "\u2026"}});
    const FirstStops first = first_stops(r);
    int i = 0;
    for (const auto& [day, key] : {std::pair{first.supplier_day, "ui.figures.suppliers"}, std::pair{first.car_day, "ui.figures.cars"}}) {
        KeyFigures::Stop& s = k.stops[i++];
        s.when = day ? short_date_text(static_cast<int>(std::lround(*day)), lang) : std::string(ui_text(lang, "ui.figures.none"));
        s.label = std::string(ui_text(lang, key));
    }
    return k;
}

std::string page_text(Language lang, std::string_view key) {
    // "<table>.<id>.<part>": a fact's text.
    const std::size_t first = key.find('.'), last = key.rfind('.');
    if (first != std::string_view::npos && last > first) {
        const std::string_view table = key.substr(0, first), id = key.substr(first + 1, last - first - 1),
                               part = key.substr(last + 1);
        if (table == "field")
            if (const InputField* f = find_input_field(id)) {
                if (part == "label") return field_label(lang, *f);
                if (part == "help") return field_help(lang, *f);
                if (part == "source") return field_source(lang, *f);
                if (part == "unit") {  // "{n} days" -> "days"; "{n}%" -> "%"
                    std::string unit = unit_pattern_text(*f, false, lang);
                    if (const std::size_t at = unit.find("{n}"); at != std::string::npos) unit.erase(at, 3);
                    auto space_at = [&](std::size_t i) { return unit.compare(i, 1, " ") == 0 ? 1u : (unit.compare(i, 2, "\u00a0") == 0 ? 2u : 0u); };
                    while (!unit.empty() && space_at(0)) unit.erase(0, space_at(0));  // spaces and no-break spaces
                    while (unit.size() >= 2 && unit.compare(unit.size() - 2, 2, "\u00a0") == 0) unit.erase(unit.size() - 2);
                    while (!unit.empty() && unit.back() == ' ') unit.pop_back();
                    return unit;
                }
            }
        if (table == "preset")
            if (const Preset* p = find_preset(id)) {
                if (part == "label") return preset_label(lang, *p);
                if (part == "description") return preset_description(lang, *p);
            }
        if (table == "region" && part == "name")
            for (const RegionData& r : region_data())
                if (r.key == id) return region_name(static_cast<int>(r.id), lang);
    }
    return std::string(ui_text(lang, key));
}

const std::vector<std::string>& missing_text_keys() { return missing(); }
void clear_missing_text_keys() { missing().clear(); }

}  // namespace rareshock::ui
