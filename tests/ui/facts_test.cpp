// Rare Earth Shock — the shared facts (src/ui/facts.h): what the page, the
// loader, the style sheet, the browser tests and the methodology read is the
// model's field table, presets and regions and the UI's themes, unretyped.
#include "ui/app.h"
#include "ui/facts.h"
#include "ui/method_tables.h"
#include "ui/theme.h"

#include "model/model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace rareshock::ui {
namespace {

std::string hex(ImU32 c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", (c >> IM_COL32_R_SHIFT) & 0xFF, (c >> IM_COL32_G_SHIFT) & 0xFF,
                  (c >> IM_COL32_B_SHIFT) & 0xFF);
    return buf;
}

TEST(Facts, EveryFieldWithItsRangeStepAndDefault) {
    const std::string json = facts_json();
    std::size_t at = 0;
    for (const InputField& f : input_fields()) {  // in the field table's order
        const std::string key = "{\"key\":\"" + std::string(f.key) + "\",\"label\":\"" + std::string(f.label) + "\"";
        const std::size_t found = json.find(key, at);
        ASSERT_NE(found, std::string::npos) << f.key;
        at = found + key.size();
        const std::string entry = json.substr(found, json.find('}', found) - found);
        char range[96];
        std::snprintf(range, sizeof range, "\"min\":%.17g,\"max\":%.17g,", f.min_value, f.max_value);
        EXPECT_NE(entry.find(range), std::string::npos) << entry;
        EXPECT_NE(entry.find("\"source\":"), std::string::npos) << entry;
    }
    EXPECT_EQ(facts_json(false).find("\"source\":"), std::string::npos);  // the page's copy has no sources
    EXPECT_NE(json.find("\"key\":\"approval\",\"label\":\"Licence approval rate\",\"unit\":\"%\",\"min\":0,\"max\":100,"
                        "\"step\":1,\"kind\":\"real\",\"advanced\":false,\"default\":25,"),
              std::string::npos);
}

TEST(Facts, PresetsRegionsThemesAndBreakpoints) {
    const std::string json = facts_json();
    for (const Preset& p : presets()) EXPECT_NE(json.find("{\"id\":\"" + std::string(p.id) + "\""), std::string::npos) << p.id;
    for (const RegionData& r : region_data())
        EXPECT_NE(json.find("{\"key\":\"" + std::string(r.key) + "\",\"name\":\"" + std::string(r.name) + "\""), std::string::npos);
    EXPECT_NE(json.find("\"light\":{\"background\":\"" + hex(palette(false).background) + "\""), std::string::npos);
    EXPECT_NE(json.find("\"dark\":{\"background\":\"" + hex(palette(true).background) + "\""), std::string::npos);
    EXPECT_NE(json.find("\"breakpoints\":{\"narrow_below_px\":600,\"wide_from_px\":900}"), std::string::npos);
}

// The page's action buttons (the twin's, the phones' row) come from this table: each
// action with the id rs_api_action takes and its label's key, in the canvas's order.
TEST(Facts, EveryActionWithItsIdAndText) {
    const std::string json = facts_json();
    std::size_t at = json.find("\"actions\":[");
    ASSERT_NE(at, std::string::npos);
    for (const ActionInfo& a : kActions) {
        const std::string item = "{\"name\":\"" + std::string(a.name) + "\",\"id\":" + std::to_string(static_cast<int>(a.action)) +
                                 ",\"text\":\"" + std::string(a.text_key) + "\"}";
        const std::size_t found = json.find(item, at);
        ASSERT_NE(found, std::string::npos) << item;
        at = found;
    }
    EXPECT_EQ(std::size(kActions), static_cast<std::size_t>(App::Action::DownloadPngPrint) + 1);  // every action once
}

TEST(Facts, ThemeCssHasBothThemes) {
    const std::string css = theme_css();
    EXPECT_NE(css.find("--rs-bg:" + hex(palette(false).background) + ";"), std::string::npos);
    EXPECT_NE(css.find("--rs-bg:" + hex(palette(true).background) + ";"), std::string::npos);
    EXPECT_NE(css.find("[data-rs-theme=\"dark\"]{"), std::string::npos);
    EXPECT_NE(css.find("@media (prefers-color-scheme: dark)"), std::string::npos);
}

// The methodology's tables of model facts (method_tables.h): a row per field, region,
// part, preset and drawn assumption, each with the header's count of cells, every number
// laid out by the language's rules; the manifest carries them per language.
TEST(Facts, MethodTablesAreTheModelsInEachLanguage) {
    const auto cells = [](const std::string& line) { return std::count(line.begin(), line.end(), '|') - 1; };
    const std::size_t rows[] = {input_fields().size(), region_data().size(), component_data().size(), presets().size(),
                                static_cast<std::size_t>(kDriverCount)};
    for (Language lang : {Language::English, Language::German, Language::Japanese}) {
        ASSERT_TRUE(has_method_tables(lang));
        std::size_t t = 0;
        for (std::string_view name : method_table_names()) {
            const std::string table = method_table(name, lang);
            std::vector<std::string> lines;
            for (std::size_t at = 0; at < table.size();) {
                const std::size_t nl = table.find('\n', at);
                lines.push_back(table.substr(at, nl - at));
                at = nl + 1;
            }
            ASSERT_EQ(lines.size(), 2 + rows[t++]) << name << "\n" << table;
            for (const std::string& line : lines) EXPECT_EQ(cells(line), cells(lines[0])) << name << ": " << line;
            EXPECT_EQ(table.find("method."), std::string::npos) << "a key without its text: " << table;
        }
    }
    EXPECT_EQ(method_table("no such table", Language::English), "");
    // Europe's vehicle value as each language groups it; the parts' shares with its decimal mark.
    EXPECT_NE(method_table("regions", Language::English).find("| 35,000 (assumption) |"), std::string::npos);
    EXPECT_NE(method_table("regions", Language::German).find("| 35.000 (Annahme) |"), std::string::npos);
    EXPECT_NE(method_table("parts", Language::German).find("| 0,9 (teils Ferrit) |"), std::string::npos);
    EXPECT_NE(method_table("inputs", Language::English).find("| `inventory` | Magnet stock at the start | 65 days | 0–365 days |"),
              std::string::npos);
    const std::string json = facts_json();
    for (const char* code : {"\"en\":{\"inputs\":", "\"de\":{\"inputs\":", "\"ja\":{\"inputs\":"})
        EXPECT_NE(json.find(code, json.find("\"method_tables\":")), std::string::npos) << code;
}

}  // namespace
}  // namespace rareshock::ui
