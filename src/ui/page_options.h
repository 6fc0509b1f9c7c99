// Rare Earth Shock — the page's options: how the calculator looks and speaks on
// the page that shows it (theme=, lang=, accent=, bg=, headline=). They are no
// part of the scenario: a share link never carries them, and the model's query
// codec (model/query.h) hands them over untouched, as DecodedQuery::others, for
// the parser here. One query is parsed once: App::apply_query decodes it with
// page_option_keys() as the caller's own keys, then reads the options from it.
#pragma once

#include "model/query.h"
#include "model/strings.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rareshock::ui {

enum class ThemeMode { Auto, Light, Dark };
// The themes a page may ask for, by name: the one list of them (theme=, setTheme,
// the embeds' rareshock:theme message), which rareshock_facts hands to the page's
// JavaScript and the site generator as the facts' "theme_modes".
struct ThemeModeName {
    ThemeMode mode;
    std::string_view name;
};
inline constexpr ThemeModeName kThemeModes[] = {
    {ThemeMode::Light, "light"}, {ThemeMode::Dark, "dark"}, {ThemeMode::Auto, "auto"}};
// A name of kThemeModes; anything else gives Auto with *ok false.
ThemeMode theme_mode_from_string(std::string_view s, bool* ok = nullptr);
const char* theme_mode_name(ThemeMode m);
// The names as a reader reads a choice: "light, dark or auto".
std::string theme_mode_choices();

// The keys parse_page_options reads.
std::span<const std::string_view> page_option_keys();

struct PageOptions {
    std::optional<ThemeMode> theme;     // theme=light|dark|auto
    std::optional<Language> language;   // lang=en|de|ja
    // Producer options (how the calculator looks on a host page): accent=0b5cad
    // (or %230b5cad, or CSS's short a13), bg=transparent|theme, headline=on|off.
    std::string accent;                 // "#rrggbb", lower case, when valid; else ""
    bool transparent = false;           // bg=transparent: the host page's background shows through
    bool headline = true;               // headline=off: the host writes its own headline
};

// Reads the page options among `params` (a DecodedQuery's `others`); a parameter
// with another key is left alone. A bad value is an error in *errors ("theme: 'Dark'
// is not a theme (expected light, dark or auto)": theme_mode_choices()) and the option keeps its default.
PageOptions parse_page_options(std::span<const QueryParam> params, std::vector<QueryMessage>* errors);

// "#0b5cad" for "0b5cad", "#0B5CAD" or "#0b5" (CSS's short form); "" for anything else.
std::string parse_hex_colour(std::string_view text);

}  // namespace rareshock::ui
