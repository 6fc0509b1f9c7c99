// Rare Earth Shock — the facts shared beyond the app, written once.
//
// Field keys, labels, units, ranges, steps and defaults (the model's field
// table), presets, regions, the themes' colours and the layout breakpoints,
// as the build hands them to the page's JavaScript (the accessible twin, the
// JS API), the loader, the style sheet, the browser tests and the methodology.
// facts_main.cpp (rareshock_facts) writes them at build time; nothing else types them.
#pragma once

#include <string>
#include <string_view>

namespace rareshock::ui {

// {"model_version", "fields": [{key, label, unit, min, max, step, kind, advanced,
// default, help, source}], "presets": [{id, label, description}], "regions":
// [{key, name, export}], "themes": {"light": {background, …}, "dark": {…}},
// "theme_modes": ["light", "dark", "auto"] (page_options.h kThemeModes),
// "breakpoints": {narrow_below_px, wide_from_px}, "languages": ["en", …],
// "csp": {page, document, method_page, offline}, "method_tables": {"en": {"inputs":
// Markdown, …}, …} (method_tables.h)}. Without the fields' sources,
// the languages and the pages' policies for the page (they are for the
// methodology and the site generator, not worth a reader's download).
std::string facts_json(bool with_sources = true);

// The themes as CSS custom properties (--rs-bg, --rs-fg, …) for the light
// theme, the dark one (data-rs-theme="dark") and the system's dark preference.
std::string theme_css();

}  // namespace rareshock::ui
