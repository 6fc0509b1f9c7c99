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
// The loading placeholder's key figures: the canvas's (text.h key_figures), as HTML
// in every language, the number the sentence gives.
TEST(Detail, TheKeyFiguresAreTheCanvassInEveryLanguage) {
    const Results& r = default_results();
    for (const Language lang : {Language::English, Language::German, Language::Japanese}) {
        const KeyFigures k = key_figures(r, lang);
        const std::string html = key_figures_html(r, lang);
        EXPECT_EQ(html.rfind("<div class=\"rs-kf\">", 0), 0u) << html;
        EXPECT_NE(html.find("<span class=\"rs-kf-number\">" + k.number + "</span>"), std::string::npos) << html;
        EXPECT_EQ(count(html, "class=\"rs-kf-stop\""), 2u) << html;
        for (const KeyFigures::Stop& stop : k.stops) {
            EXPECT_FALSE(stop.when.empty());
            EXPECT_NE(html.find(stop.when), std::string::npos) << stop.when;
        }
    }
    const KeyFigures en = key_figures(r, Language::English);
    EXPECT_NE(r.summary.find(en.number + " vehicles"), std::string::npos) << en.number << " / " << r.summary;
}

// The likely range has a line of its own, there from the first frame: "likely …" while the
// Monte Carlo runs, so the figures (and the phone's canvas) keep their height when it ends.
TEST(Detail, TheKeyFiguresKeepALineForTheRangeWhileItIsWorkedOut) {
    Results r = default_results();
    ASSERT_TRUE(r.bands_ready);
    const KeyFigures ready = key_figures(r, Language::English);
    EXPECT_EQ(ready.range, "likely " + vehicles_range_text(r.world_vehicles_lost.p10, r.world_vehicles_lost.p90, Language::English));
    EXPECT_EQ(ready.what.find("likely"), std::string::npos) << ready.what;
    EXPECT_NE(key_figures_html(r, Language::English).find("<span class=\"rs-kf-range\">" + ready.range + "</span></span>"), std::string::npos);
    r.bands_ready = false;
    for (const Language lang : {Language::English, Language::German, Language::Japanese}) {
        const KeyFigures working = key_figures(r, lang);
        EXPECT_NE(working.range.find("\u2026"), std::string::npos) << working.range;
        EXPECT_EQ(working.range.find_first_of("0123456789"), std::string::npos) << working.range;
    }
}

TEST(Detail, SaysNoRangeBeforeTheBandsAreReady) {
    Results r = default_results();
    r.bands_ready = false;
    const std::string html = detail_html(r, Language::English);
    EXPECT_EQ(html.find("data-rs-section=\"drivers\""), std::string::npos);
    const std::size_t from = html.find("data-rs-section=\"regions\""), to = html.find("data-rs-section=\"components\"");
    ASSERT_LT(from, to);
    EXPECT_EQ(html.substr(from, to - from).find("–"), std::string::npos);
}

// The twin's table (page.js shows these texts as they are): one line per region with
// its name and three cells, every number laid out by the language's own rules.
TEST(Detail, TwinRowsAreTheRegionsInTheReadersLanguage) {
    Results r = default_results();
    const RegionResult& europe = r.regions[static_cast<std::size_t>(Region::Europe)];
    ASSERT_TRUE(europe.first_halt_day.p50 && europe.vehicles_lost.p50 >= 1000.0);
    for (Language lang : {Language::English, Language::German, Language::Japanese}) {
        const std::string rows = twin_rows(r, lang);
        EXPECT_EQ(count(rows, "\n"), r.regions.size());
        EXPECT_EQ(count(rows, "\t"), 3 * r.regions.size());
        const std::string first = rows.substr(0, rows.find('\n'));
        const std::string lost = number_text(europe.vehicles_lost.p50, 0, lang);
        EXPECT_EQ(first, region_name(0, lang) + "\t" + number_text(*europe.supplier_first_stop_day.p50, 0, lang) + "\t" +
                             format_text(tr(lang, "page.twin.range"),
                                         {{"p50", number_text(*europe.first_halt_day.p50, 0, lang)},
                                          {"p10", number_text(*europe.first_halt_day.p10, 0, lang)},
                                          {"p90", number_text(*europe.first_halt_day.p90, 0, lang)}}) +
                             "\t" +
                             format_text(tr(lang, "page.twin.range"),
                                         {{"p50", lost},
                                          {"p10", number_text(europe.vehicles_lost.p10, 0, lang)},
                                          {"p90", number_text(europe.vehicles_lost.p90, 0, lang)}}))
            << first;
    }
    // German groups thousands with a dot ("number.group"), in German words.
    const std::string de = twin_rows(r, Language::German);
    const std::string de_lost = number_text(europe.vehicles_lost.p50, 0, Language::German);
    EXPECT_NE(de_lost.find('.'), std::string::npos) << de_lost;
    EXPECT_NE(de.find(de_lost + " ("), std::string::npos) << de;
    EXPECT_NE(de.find(" bis "), std::string::npos) << de;
    // No stop within the horizon, no P90 within it: the table's words.
    RegionResult& india = r.regions[static_cast<std::size_t>(Region::India)];
    india.first_halt_day = {};
    india.supplier_first_stop_day = {};
    r.regions[static_cast<std::size_t>(Region::Europe)].first_halt_day.p90.reset();
    const std::string en = twin_rows(r, Language::English);
    EXPECT_NE(en.find("India\tnone within the horizon\tnone within the horizon\t"), std::string::npos) << en;
    EXPECT_NE(en.find(" to later)\t"), std::string::npos) << en;
}

}  // namespace
}  // namespace rareshock::ui
