// Rare Earth Shock — the calculator's detail as HTML: where and when per region,
// which parts run out, and what moves the answer most, in the reader's language.
//
// The canvas is the instrument (the sentence's key figures, the sliders, the
// presets, the chart); the words are real HTML under it, written from the same
// results and the same display text (model/results.h, ui/text.h) as the canvas,
// the CSV and the CLI. The web page inserts it (page.js, once the ranges are
// ready); the build writes the default scenario's into the page so that a reader
// has it before the WebAssembly arrives (tools/site/fallback.mjs).
//
// Each section is a <details data-rs-section="…"> whose open state the page keeps
// (folded on phones, open on wider screens). Only text and markup: no inline
// styles or scripts (the pages' Content-Security-Policy allows neither), the
// regions' colours as classes rs-region-<index> (their colours in the site's
// generated style.css).
#pragma once

#include "model/model.h"
#include "model/results.h"

#include <string>

namespace rareshock::ui {

std::string detail_html(const Results& r, Language lang);

// The key figures (text.h key_figures) as HTML, as a phone's canvas draws them at its
// top: the page's loading placeholder shows the default scenario's (rareshock_facts
// --figures) until the canvas takes over in the same box.
std::string key_figures_html(const Results& r, Language lang);

// The accessible twin's table of results (twin.js), one line per region (region_data()
// order), its cells separated by tabs: the region's name, its supplier lines' first stop
// (median day), its car plants' first stop (day) and its vehicles not built, each as
// "P50 (P10 to P90)" in the reader's language ("page.twin.range": "48 (44 to 53)",
// "64 (58 to later)", "none within the horizon"): the page formats no number itself.
std::string twin_rows(const Results& r, Language lang);

}  // namespace rareshock::ui
