// Rare Earth Shock — the reader's languages: English, German, Japanese.
//
// [SECTION] Languages
// [SECTION] Text tables
//
// Every string a reader sees lives in one table per language,
// assets/strings/<code>.json (a flat object: key -> text, with {name}
// placeholders), embedded in the build. English is the source: a key missing
// from another language falls back to English, and tests/model/strings_test.cpp
// fails on any key one language has and another lacks. Texts that belong to a
// fact (an input's label and source, a region's name, a preset, an event) are
// written in English next to the fact (inputs.cpp, data.cpp, presets.cpp) and
// translated in the other tables under derived keys (see translated()).
// Pure C++: no I/O.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rareshock {

//-----------------------------------------------------------------------------
// [SECTION] Languages
//-----------------------------------------------------------------------------
enum class Language : int { English, German, Japanese };
inline constexpr int kLanguageCount = 3;

std::string_view language_code(Language lang);                  // "en", "de", "ja"
bool parse_language(std::string_view code, Language* out);       // false for anything else
// Why `code` is no language: "'fr' is not a language (expected en, de or ja)".
std::string language_problem(std::string_view code);

//-----------------------------------------------------------------------------
// [SECTION] Text tables
//-----------------------------------------------------------------------------
// The text of `key` in `lang`; English when that table lacks it; the key
// itself when no table has it (a test fails long before a reader sees that).
std::string_view tr(Language lang, std::string_view key);
// The translation of an English text that lives next to a fact, under `key`
// in the other tables ("field.approval.label"); `english` for English.
std::string_view translated(Language lang, std::string_view key, std::string_view english);
// `pattern` with each {name} replaced by its value; unknown names stay as written.
std::string format_text(std::string_view pattern,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> values);

// Builds that do not carry the translations (the web app: RS_EMBED_TRANSLATIONS
// off; each page brings the table of its language) install one here before
// use: `table_json` is assets/strings/<code>.json's text. Returns false (and
// keeps the table empty: English shows) if it does not parse, or is longer than
// kMaxTranslationBytes (each table is a few tens of kilobytes).
inline constexpr std::size_t kMaxTranslationBytes = 1u << 20;
bool set_translation(Language lang, std::string_view table_json);
bool has_translation(Language lang);  // English always; another language once installed or embedded

// For tests and tools: every key of a table, sorted, and whether it parsed.
std::vector<std::string_view> string_keys(Language lang);
std::string_view strings_problem(Language lang);  // "" when the table parsed cleanly

}  // namespace rareshock
