// Rare Earth Shock — the interface's text in the reader's language.
//
// Every string the interface draws comes from the text tables (model/strings.h,
// assets/strings/<code>.json) through these functions: ui.* keys for the
// interface's own words, and the fact tables' texts (fields, presets, events)
// through translated(). A key no table has would reach the screen as the key
// itself: these functions remember it, so the headless tests can fail on it.
#pragma once

#include "model/model.h"
#include "model/strings.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rareshock::ui {

std::string_view ui_text(Language lang, std::string_view key);
std::string ui_format(Language lang, std::string_view key,
                      std::initializer_list<std::pair<std::string_view, std::string_view>> values);

// The texts that live next to a fact, in the reader's language.
std::string field_label(Language lang, const InputField& f);
std::string field_help(Language lang, const InputField& f);
std::string field_source(Language lang, const InputField& f);
std::string preset_label(Language lang, const Preset& p);
std::string preset_description(Language lang, const Preset& p);
std::string event_label(Language lang, const Event& e);

// A text the page around the canvas shows (the accessible twin, notes), by key:
// "page.*" and "ui.*" keys, and the facts' texts by their derived keys
// ("field.approval.label", "field.inventory.unit" (the unit alone: "days",
// "Tage", "日"), "preset.embargo.label", "region.europe.name").
std::string page_text(Language lang, std::string_view key);

// The methodology's tables' words ("method.*" keys): only rareshock_facts reads them, for
// the method pages (method_tables.h). The canvas never draws them, so the Japanese face
// (scripts/make-font-ja.py) and the atlas's glyph ranges leave them out, and the web
// app's tables do not carry them (tools/site/page-table.mjs).
inline bool method_table_key(std::string_view key) { return key.starts_with("method."); }

// The key figures a phone shows first (the canvas draws them; the page's loading
// placeholder has them as HTML, detail.h): vehicles not built worldwide, what that
// counts with its likely range, and the first stop of each tier (the sentence's days).
struct KeyFigures {
    std::string number;  // "8,900"
    std::string what;    // "vehicles not built worldwide over a year"
    // "likely 2,900–22,000", on a line of its own: while the Monte Carlo runs (or when it
    // gives no range) the same words with "…", so the figures keep their height.
    std::string range;
    struct Stop {
        std::string when;   // "9 May", or "none"
        std::string label;  // "supplier lines stop"
    };
    Stop stops[2];  // supplier lines, car plants
};
KeyFigures key_figures(const Results& r, Language lang);

// Where a line may break inside text without spaces (Japanese), between the
// characters `before` and `after` (kinsoku, in short): between two CJK characters,
// from a CJK character to a number or a Latin word ("に|25%", "約|7.1万台"), and
// from a Latin word or symbol to a CJK character ("60%|に"); never before closing
// punctuation, small kana or the prolonged sound mark, never after an opening
// bracket, never inside a run of digits and Latin letters, nor between a number
// and the character after it ("2025年", "7.1万"). The canvas (widgets.h) and the
// exported picture (export.h) wrap by this one rule.
bool may_break_between(char32_t before, char32_t after);

// For tests: keys asked for that no table has, since the last clear.
const std::vector<std::string>& missing_text_keys();
void clear_missing_text_keys();

}  // namespace rareshock::ui
