// The reader's languages: every table parses, has every key English has and
// every translated fact, no key of its own, and the same {placeholders} as
// English; and the texts a reader sees come out in each language.
#include "model/model.h"
#include "model/results.h"
#include "model/strings.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

using namespace rareshock;

constexpr Language kLanguages[] = {Language::English, Language::German, Language::Japanese};

// The keys a translation must have: English's own, plus one per text that
// lives next to a fact (its English is written there, not in en.json).
std::set<std::string> required_keys() {
    std::set<std::string> keys;
    for (std::string_view k : string_keys(Language::English)) keys.emplace(k);
    for (const InputField& f : input_fields()) {
        for (const char* part : {".label", ".help", ".source"}) keys.insert("field." + std::string(f.key) + part);
        if (!f.unit.empty() && f.unit != "%" && f.unit != "days" && f.kind != FieldKind::Path) keys.insert("unit." + std::string(f.key));
    }
    for (const RegionData& r : region_data()) keys.insert("region." + std::string(r.key) + ".name");
    for (const ComponentData& c : component_data()) keys.insert("component." + std::string(c.key) + ".name");
    for (const Preset& p : presets()) {
        keys.insert("preset." + std::string(p.id) + ".label");
        keys.insert("preset." + std::string(p.id) + ".description");
    }
    for (const Event& e : events_2025()) keys.insert("event." + std::to_string(e.day) + ".label");
    return keys;
}

// The {names} of a text. A month may be named ({month}: "June", "Juni") or
// numbered ({m}: 6月): the code offers both, so they count as one.
std::set<std::string> placeholders(std::string_view text) {
    std::set<std::string> out;
    for (std::size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
        const std::size_t close = text.find('}', i);
        if (close == std::string_view::npos) break;
        const std::string name(text.substr(i + 1, close - i - 1));
        out.insert(name == "m" ? "month" : name);
    }
    return out;
}

TEST(Strings, EveryTableParses) {
    for (Language lang : kLanguages) {
        EXPECT_EQ(strings_problem(lang), "") << language_code(lang);
        EXPECT_GT(string_keys(lang).size(), 50u) << language_code(lang);
    }
}

TEST(Strings, TranslationsHaveEveryKeyAndNoOtherAndTheSamePlaceholders) {
    const std::set<std::string> required = required_keys();
    for (Language lang : {Language::German, Language::Japanese}) {
        SCOPED_TRACE(std::string(language_code(lang)));
        std::set<std::string> have;
        for (std::string_view k : string_keys(lang)) have.emplace(k);
        for (const std::string& k : required) EXPECT_TRUE(have.count(k)) << "missing key " << k;
        for (const std::string& k : have) EXPECT_TRUE(required.count(k)) << "key not in English: " << k;
        for (std::string_view k : string_keys(Language::English))
            EXPECT_EQ(placeholders(tr(lang, k)), placeholders(tr(Language::English, k))) << k;
    }
}

// Words a reader would not trust: a pointer named as a mouse (phones have none, and
// the hint has a touch form), a trade truce called a ceasefire ("Waffenruhe"); the
// touch hint says tap.
TEST(Strings, CopyAReaderWouldTrust) {
    for (int l = 0; l < kLanguageCount; ++l) {
        const Language lang = static_cast<Language>(l);
        for (std::string_view k : string_keys(lang)) {
            const std::string_view text = tr(lang, k);
            for (std::string_view word : {"mouse", "Mouse", "Maus", "\u30de\u30a6\u30b9" /* マウス */, "Waffenruhe"})
                EXPECT_EQ(text.find(word), std::string_view::npos) << language_code(lang) << " " << k << ": " << text;
        }
    }
    EXPECT_NE(tr(Language::English, "ui.chart.touch").find("Tap "), std::string_view::npos);
    EXPECT_NE(tr(Language::German, "ui.chart.touch").find("Tippen"), std::string_view::npos);
    EXPECT_NE(tr(Language::Japanese, "ui.chart.touch").find("\u30bf\u30c3\u30d7" /* タップ */), std::string_view::npos);
    // The masthead is each edition's own.
    EXPECT_NE(tr(Language::German, "shell.masthead"), tr(Language::English, "shell.masthead"));
    EXPECT_NE(tr(Language::Japanese, "shell.masthead"), tr(Language::English, "shell.masthead"));
}

TEST(Strings, CodesAndFallbacks) {
    Language lang = Language::English;
    EXPECT_TRUE(parse_language("de", &lang));
    EXPECT_EQ(lang, Language::German);
    EXPECT_TRUE(parse_language("ja", &lang));
    EXPECT_EQ(language_code(lang), "ja");
    EXPECT_FALSE(parse_language("fr", &lang));
    EXPECT_FALSE(parse_language("EN", &lang));
    EXPECT_EQ(tr(Language::German, "no.such.key"), "no.such.key");
    EXPECT_EQ(translated(Language::German, "no.such.key", "English"), "English");
    EXPECT_EQ(format_text("{a} and {b}, {c}", {{"a", "1"}, {"b", "2"}}), "1 and 2, {c}");
}

TEST(Strings, NumbersAndDatesFollowEachLocale) {
    EXPECT_EQ(vehicles_text(1234.0, Language::English), "1,200");
    EXPECT_EQ(vehicles_text(31234.0, Language::German), "31.000");
    EXPECT_EQ(vehicles_text(1234567.0, Language::German), "1,2 Millionen");
    EXPECT_EQ(vehicles_text(71234.0, Language::Japanese), "7.1万");
    EXPECT_EQ(vehicles_text(4900.0, Language::Japanese), "4,900");
    EXPECT_EQ(date_text(80, Language::English), "23 June 2025");
    EXPECT_EQ(date_text(80, Language::German), "23. Juni 2025");
    EXPECT_EQ(date_text(80, Language::Japanese), "2025年6月23日");
    EXPECT_EQ(usd_text(2.5e9, Language::German), "2,5 Mrd. US-Dollar");
    EXPECT_EQ(usd_text(2.5e9, Language::Japanese), "25億ドル");
    EXPECT_EQ(usd_text(9.45e8, Language::Japanese), "9.5億ドル");
    EXPECT_EQ(region_name(static_cast<int>(Region::SouthKorea), Language::German), "Südkorea");
    EXPECT_EQ(number_text(1234.5, 1, Language::German), "1.234,5");
    EXPECT_EQ(number_text(1234.5, 1, Language::Japanese), "1,234.5");
    EXPECT_EQ(number_text(400, 0, Language::English), "400");
    EXPECT_EQ(number_text(-1234.5, 1, Language::English), "\u22121,234.5");
    EXPECT_EQ(number_text(1e17, 0, Language::English), "\u2013");  // too large to write: a dash, not a crash
    EXPECT_EQ(percent_text(25, 0, Language::German), "25\u00a0%");
    EXPECT_EQ(percent_text(25, 0, Language::Japanese), "25%");
    EXPECT_EQ(short_date_text(61, Language::English), "4 Jun");
    EXPECT_EQ(short_date_text(61, Language::German), "4. Juni");
    EXPECT_EQ(short_date_text(150, Language::German), "1. Sept.");
    EXPECT_EQ(short_date_text(61, Language::Japanese), "6月4日");
    EXPECT_EQ(month_axis_text(9, Language::Japanese), "9月");
    EXPECT_EQ(value_with_unit_text(*find_input_field("inventory"), 65, 0, Language::German), "65 Tage");
    EXPECT_EQ(value_with_unit_text(*find_input_field("inventory"), 1, 0, Language::English), "1 day");
    EXPECT_EQ(unit_pattern_text(*find_input_field("inventory"), false, Language::Japanese), "{n}日");
    Inputs in;
    EXPECT_EQ(approval_path_text(in, 0, Language::German), "25\u00a0% bis 4. Juni, bis Ende Juni dann 60\u00a0%");
    EXPECT_EQ(approval_path_text(in, 0, Language::Japanese), "6月4日までに25%、6月下旬までに60%に上昇");
}

TEST(Strings, TheSummaryInEveryLanguage) {
    Simulator sim;
    Results r;
    Inputs in;
    in.draws = 100;
    sim.run(in, r);
    const std::string de = summary_sentence(r, Language::German);
    const std::string ja = summary_sentence(r, Language::Japanese);
    EXPECT_EQ(summary_sentence(r, Language::English), r.summary);
    EXPECT_EQ(de.rfind("Ab dem ", 0), 0u) << de;
    EXPECT_NE(de.find("Mai 2025"), std::string::npos) << de;
    EXPECT_NE(de.find("und die Lieferketten Magnete für 65 Tage vorrätig haben."), std::string::npos) << de;
    EXPECT_NE(de.find(" stehen bei Zulieferern Linien still, im schlimmsten Moment "), std::string::npos) << de;
    EXPECT_NE(ja.find("2025年5月"), std::string::npos) << ja;
    EXPECT_NE(ja.find("サプライチェーンの磁石在庫が65日分の場合"), std::string::npos) << ja;
    EXPECT_NE(ja.find("部品メーカーのラインが止まり"), std::string::npos) << ja;
    EXPECT_EQ(ja.find('{'), std::string::npos) << ja;
    EXPECT_EQ(de.find('{'), std::string::npos) << de;
    // The JSON carries the language, its summary and its display text.
    const std::string json = results_to_json(r, Language::German);
    EXPECT_NE(json.find("\"language\":\"de\""), std::string::npos);
    EXPECT_NE(json.find(de), std::string::npos);
}

}  // namespace

namespace {

using namespace rareshock;

// A build without embedded translations (the web app) installs a page's table;
// a table that does not parse leaves English, with the reason.
TEST(Strings, ATranslationCanBeInstalledAndABrokenOneShowsEnglish) {
    std::string german = "{";  // the German table as it is, to put back
    for (std::string_view k : string_keys(Language::German)) {
        if (german.size() > 1) german += ',';
        append_json_string(german, k);
        german += ':';
        append_json_string(german, tr(Language::German, k));
    }
    german += '}';
    EXPECT_FALSE(set_translation(Language::German, "{\"ui.advanced\": 3}"));
    EXPECT_NE(strings_problem(Language::German), "");
    EXPECT_EQ(tr(Language::German, "ui.advanced"), tr(Language::English, "ui.advanced"));
    EXPECT_TRUE(has_translation(Language::English));
    EXPECT_TRUE(set_translation(Language::German, german));
    EXPECT_TRUE(has_translation(Language::German));
    EXPECT_EQ(tr(Language::German, "ui.advanced"), "Weitere Annahmen");
    EXPECT_EQ(strings_problem(Language::German), "");
    // A table past kMaxTranslationBytes is refused unread (the page refuses it uncopied).
    std::string huge = german;
    huge.insert(huge.size() - 1, ",\"x\":\"" + std::string(kMaxTranslationBytes, 'x') + "\"");
    EXPECT_FALSE(set_translation(Language::German, huge));
    EXPECT_NE(strings_problem(Language::German).find("at most"), std::string_view::npos);
    EXPECT_FALSE(has_translation(Language::German));
    EXPECT_TRUE(set_translation(Language::German, german));
}

}  // namespace
