// Rare Earth Shock — the methodology's tables of model facts, in each language.
//
// docs/methodology.md and its editions (methodology.<code>.md) show the model's
// parameters in pipe tables: the inputs (the field table), the regions and parts
// (data.cpp), the presets (presets.cpp) and the ranges each Monte Carlo draw
// takes (model.h Mechanics). These functions write those tables from the model,
// every number laid out by the language's rules (model/results.h) and every word
// from its strings table ("method.*" keys, the facts' translated texts);
// rareshock_facts puts them in the facts manifest ("method_tables"), and the site
// generator writes them between each edition's block markers
// (<!-- {{facts:method-inputs}} --> … <!-- {{/facts:method-inputs}} -->:
// tools/site/method-tables.mjs), which the facts_copies test checks.
#pragma once

#include "model/strings.h"

#include <span>
#include <string>
#include <string_view>

namespace rareshock::ui {

// Whether this program has `lang`'s "method.*" texts (the native build's tables; the
// web app's leave them out: tools/site/page-table.mjs).
bool has_method_tables(Language lang);
// The tables' names ("inputs", "regions", "parts", "presets", "uncertainty"): a
// block's name is "method-" + the table's.
std::span<const std::string_view> method_table_names();
// The table `name` in `lang` as Markdown (header, alignment row, one line per row,
// each ending in '\n'); "" for a name that is no table.
std::string method_table(std::string_view name, Language lang);

}  // namespace rareshock::ui
