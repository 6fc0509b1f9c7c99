// Rare Earth Shock — the shared facts (src/ui/facts.h): what the page, the
// loader, the style sheet, the browser tests and the methodology read is the
// model's field table, presets and regions and the UI's themes, unretyped.
#include "ui/app.h"
#include "ui/facts.h"
#include "ui/theme.h"

#include "model/model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

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

TEST(Facts, MethodologyTableIsReplacedInPlace) {
    std::string doc = "# Title\n\nBefore.\n\n| Key | Input | Default | Range | Source |\n|---|---|---|---|---|\n| `x` | old |\n\nAfter.\n";
    ASSERT_TRUE(replace_methodology_inputs_table(doc));
    EXPECT_EQ(doc, "# Title\n\nBefore.\n\n" + methodology_inputs_table() + "\nAfter.\n");
    EXPECT_NE(doc.find("| `inventory` | Magnet stock at the start | 65 days | 0–365 days |"), std::string::npos);
    std::string none = "no table here\n";
    EXPECT_FALSE(replace_methodology_inputs_table(none));
}

}  // namespace
}  // namespace rareshock::ui
