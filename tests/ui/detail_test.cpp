// The detail under the canvas (src/ui/detail.h): where and when per region,
// which parts run out and what moves the answer, as HTML in the reader's
// language, from the results and their display text.
#include "ui/detail.h"
#include "ui/export.h"
#include "ui/text.h"

#include "model/model.h"
#include "model/results.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace rareshock::ui {
namespace {

const Results& default_results() {
    static const Results r = [] {
        Results out;
        Simulator sim;
        sim.run(Inputs{}, out);
        return out;
    }();
    return r;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t i = 0; (i = s.find(what, i)) != std::string::npos; i += what.size()) ++n;
    return n;
}

TEST(Detail, HasItsSectionsAndEveryRegionAndPart) {
    const std::string html = detail_html(default_results(), Language::English);
    for (const char* id : {"chart", "regions", "components", "drivers"})
        EXPECT_NE(html.find(std::string("data-rs-section=\"") + id + "\""), std::string::npos) << id;
    EXPECT_EQ(count(html, "<details"), 4u);
    EXPECT_EQ(count(html, "</details>"), 4u);
    // Phones' part: the sentence first, then the events of the chart, numbered as on it.
    EXPECT_EQ(html.find("<div class=\"rs-d-phone rs-d-lede\"><p class=\"rs-d-sentence\">" + xml_escaped(summary_sentence(default_results()))), 0u);
    EXPECT_NE(html.find("<li value=\"3\">"), std::string::npos);
    for (int i = 0; i < kRegionCount; ++i) {
        EXPECT_NE(html.find("rs-region-" + std::to_string(i)), std::string::npos) << i;
        if (i != static_cast<int>(Region::China)) {
            EXPECT_NE(html.find(region_name(i, Language::English)), std::string::npos) << i;
        }
    }
    for (int i = 0; i < kComponentCount; ++i) EXPECT_NE(html.find(component_name(i, Language::English)), std::string::npos) << i;
    EXPECT_EQ(count(html, "<tr>"), static_cast<std::size_t>(kRegionCount + 1));  // a header and a row per region
}

// Issue 16 item 7: the parts panel lists the parts in the order their
// supplier lines run out, each with its own first stop and its own count of
// supplier lines stopped at the worst (model 3.0 gave every part the same days).
TEST(Detail, ListsThePartsInTheOrderTheirSupplierLinesRunOut) {
    const Results& r = default_results();
    for (Language lang : {Language::English, Language::German, Language::Japanese}) {
        const std::string html = detail_html(r, lang);
        const std::size_t from = html.find("data-rs-section=\"components\""), to = html.find("data-rs-section=\"drivers\"");
        ASSERT_NE(from, std::string::npos);
        const std::string part = html.substr(from, to - from);
        std::size_t last = 0;
        for (int rank = 1; rank <= kComponentCount; ++rank) {
            int c = 0;
            while (r.components[static_cast<std::size_t>(c)].rank != rank) ++c;
            const ComponentResult& cr = r.components[static_cast<std::size_t>(c)];
            const std::size_t at = part.find(">" + component_name(c, lang) + "<");
            ASSERT_NE(at, std::string::npos) << rank;
            EXPECT_GT(at, last) << rank;
            last = at;
            ASSERT_TRUE(cr.first_stop_day.p50.has_value());
            const std::size_t end = part.find("</li>", at);
            const std::string item = part.substr(at, end - at);
            EXPECT_NE(item.find(ui_format(lang, "ui.components.on_day", {{"n", number_text(*cr.first_stop_day.p50, 0, lang)}})), std::string::npos)
                << rank << item;
            EXPECT_NE(item.find(number_text(cr.supplier_lines, 0, lang)), std::string::npos) << rank << item;
        }
    }
}

// The numbers are the model's display text: the same as the CSV and the CLI print.
TEST(Detail, SaysEachRegionsVehiclesAndFirstStopAsTheResultsDo) {
    const Results& r = default_results();
    const std::string html = detail_html(r, Language::English);
    for (int i = 0; i < kRegionCount; ++i) {
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        if (rr.vehicles_lost.p90 > 0.5) {
            EXPECT_NE(html.find(vehicles_range_text(rr.vehicles_lost.p10, rr.vehicles_lost.p90)), std::string::npos) << i;
        }
        if (rr.first_halt_day.p50) {
            EXPECT_NE(html.find(short_date_text(static_cast<int>(std::lround(*rr.first_halt_day.p50)))), std::string::npos) << i;
        }
    }
    // Every drawn assumption, largest swing first.
    ASSERT_GT(r.driver_count, 0);
    std::size_t at = 0;
    for (int i = 0; i < r.driver_count; ++i) {
        const std::size_t found = html.find(driver_name(r.drivers[static_cast<std::size_t>(i)].id), at);
        ASSERT_NE(found, std::string::npos) << i;
        at = found;
    }
}

// Only markup the page's policy allows (no inline style or script), the text escaped.
TEST(Detail, IsPlainMarkupInEveryLanguageWithoutAMissingText) {
    for (Language lang : {Language::English, Language::German, Language::Japanese}) {
        clear_missing_text_keys();
        const std::string html = detail_html(default_results(), lang);
        EXPECT_TRUE(missing_text_keys().empty()) << language_code(lang);
        EXPECT_EQ(html.find("style="), std::string::npos);
        EXPECT_EQ(html.find("<script"), std::string::npos);
        for (std::size_t i = 0; (i = html.find('<', i)) != std::string::npos; ++i) {  // no event handler attributes
            const std::string tag = html.substr(i, html.find('>', i) - i);
            EXPECT_EQ(tag.find(" on"), std::string::npos) << tag;
        }
        EXPECT_EQ(count(html, "<"), count(html, ">")) << language_code(lang);
    }
}

// The ranges are left out while only the central estimate is ready (no "day 44 (44–44)").
TEST(Detail, SaysNoRangeBeforeTheBandsAreReady) {
    Results r = default_results();
    r.bands_ready = false;
    const std::string html = detail_html(r, Language::English);
    EXPECT_EQ(html.find("data-rs-section=\"drivers\""), std::string::npos);
    const std::size_t from = html.find("data-rs-section=\"regions\""), to = html.find("data-rs-section=\"components\"");
    ASSERT_LT(from, to);
    EXPECT_EQ(html.substr(from, to - from).find("–"), std::string::npos);
}

}  // namespace
}  // namespace rareshock::ui
