// Rare Earth Shock — the page's options (see page_options.h).
#include "page_options.h"

#include <algorithm>
#include <iterator>

namespace rareshock::ui {
namespace {
constexpr std::string_view kPageOptionKeys[] = {"theme", "lang", "accent", "bg", "headline"};

}  // namespace

ThemeMode theme_mode_from_string(std::string_view s, bool* ok) {
    for (const ThemeModeName& t : kThemeModes) {
        if (s == t.name) {
            if (ok) *ok = true;
            return t.mode;
        }
    }
    if (ok) *ok = false;
    return ThemeMode::Auto;
}
const char* theme_mode_name(ThemeMode m) {
    for (const ThemeModeName& t : kThemeModes) {
        if (t.mode == m) return t.name.data();  // literals: NUL-terminated
    }
    return "";  // every ThemeMode is in kThemeModes
}
std::string theme_mode_choices() {
    std::string out;
    const std::size_t n = std::size(kThemeModes);
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += i + 1 == n ? " or " : ", ";
        out += kThemeModes[i].name;
    }
    return out;
}

std::span<const std::string_view> page_option_keys() { return kPageOptionKeys; }

std::string parse_hex_colour(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 3 && text.size() != 6) return {};
    std::string out = "#";
    for (const char c : text) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) return {};
        const char lower = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
        out.push_back(lower);
        if (text.size() == 3) out.push_back(lower);
    }
    return out;
}

PageOptions parse_page_options(std::span<const QueryParam> params, std::vector<QueryMessage>* errors) {
    PageOptions o;
    auto error = [&](const std::string& key, std::string text) { errors->push_back(QueryMessage{shown_text(key), std::move(text)}); };
    for (const QueryParam& p : params) {
        const std::string& key = p.key;
        const std::string& value = p.value;
        if (key == "theme") {
            bool ok = false;
            const ThemeMode mode = theme_mode_from_string(value, &ok);
            if (ok) o.theme = mode;
            else error(key, "theme: '" + shown_text(value) + "' is not a theme (expected " + theme_mode_choices() + ")");
        } else if (key == "lang") {  // the reader's language (model/strings.h)
            Language lang = Language::English;
            if (parse_language(value, &lang)) o.language = lang;
            else error(key, "lang: " + language_problem(value));
        } else if (key == "accent") {
            o.accent = parse_hex_colour(value);
            if (o.accent.empty())
                error(key, "accent: '" + shown_text(value) + "' is not a colour (expected six hex digits, e.g. 0b5cad or #0b5cad)");
        } else if (key == "bg") {
            if (value == "transparent" || value == "theme") o.transparent = value == "transparent";
            else error(key, "bg: '" + shown_text(value) + "' is not a background (expected transparent or theme)");
        } else if (key == "headline") {
            if (value == "on" || value == "off") o.headline = value == "on";
            else error(key, "headline: '" + shown_text(value) + "' is not on or off");
        }
    }
    return o;
}

}  // namespace rareshock::ui
