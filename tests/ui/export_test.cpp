// The exported picture (src/ui/export.h): one SVG composition of a scenario for
// the PNG downloads and the social card. Checked as XML (a strict little
// well-formedness reader), for its content (headline, inputs, source, link,
// date), its size, and that nothing is drawn outside it or from NaN.
#include "ui/chart.h"
#include "ui/export.h"
#include "ui/theme.h"

#include "model/model.h"

#include "imgui.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace rareshock::ui {
namespace {

// Well-formed XML: one root, balanced tags, quoted attributes, known entities,
// no '<' or bare '&' in text. Collects every element's attributes.
struct Element {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string text;
    std::string attribute(const std::string& key) const {
        for (const auto& [k, v] : attributes)
            if (k == key) return v;
        return {};
    }
};

bool entities_ok(const std::string& s, std::string& why) {
    for (std::size_t i = 0; (i = s.find('&', i)) != std::string::npos; ++i) {
        const std::size_t end = s.find(';', i);
        const std::string e = end == std::string::npos ? s.substr(i) : s.substr(i, end - i + 1);
        if (e != "&amp;" && e != "&lt;" && e != "&gt;" && e != "&quot;" && e != "&#39;") {
            why = "bad entity " + e;
            return false;
        }
    }
    return true;
}

bool parse_xml(const std::string& doc, std::vector<Element>& elements, std::string& why) {
    std::size_t i = 0;
    if (doc.rfind("<?xml", 0) == 0) i = doc.find("?>") + 2;
    std::vector<std::string> open;
    bool root_done = false;
    while (i < doc.size()) {
        const std::size_t lt = doc.find('<', i);
        const std::string text = doc.substr(i, lt == std::string::npos ? std::string::npos : lt - i);
        if (!entities_ok(text, why)) return false;
        if (open.empty() && text.find_first_not_of(" \n\t") != std::string::npos) return why = "text outside the root", false;
        if (!open.empty() && !elements.empty()) elements.back().text += text;
        if (lt == std::string::npos) break;
        const std::size_t gt = doc.find('>', lt);
        if (gt == std::string::npos) return why = "unclosed tag", false;
        std::string tag = doc.substr(lt + 1, gt - lt - 1);
        i = gt + 1;
        if (tag[0] == '/') {
            if (open.empty() || open.back() != tag.substr(1)) return why = "mismatched </" + tag.substr(1) + ">", false;
            open.pop_back();
            if (open.empty()) root_done = true;
            continue;
        }
        if (root_done) return why = "a second root", false;
        const bool self_closing = tag.back() == '/';
        if (self_closing) tag.pop_back();
        Element e;
        std::size_t k = tag.find_first_of(" \n");
        e.name = tag.substr(0, k);
        while (k != std::string::npos && k < tag.size()) {
            k = tag.find_first_not_of(" \n", k);
            if (k == std::string::npos) break;
            const std::size_t eq = tag.find('=', k);
            if (eq == std::string::npos || eq + 1 >= tag.size() || tag[eq + 1] != '"') return why = "unquoted attribute in <" + e.name, false;
            const std::size_t close = tag.find('"', eq + 2);
            if (close == std::string::npos) return why = "unclosed attribute", false;
            const std::string value = tag.substr(eq + 2, close - eq - 2);
            if (value.find('<') != std::string::npos || !entities_ok(value, why)) return false;
            e.attributes.emplace_back(tag.substr(k, eq - k), value);
            k = close + 1;
        }
        elements.push_back(e);
        if (!self_closing) {
            open.push_back(e.name);
        } else if (open.empty()) {
            root_done = true;
        }
    }
    if (!open.empty()) return why = "unclosed <" + open.back() + ">", false;
    return !elements.empty() && elements[0].name == "svg";
}

std::string xml(std::string s) {  // the text as it is written in the SVG
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '\'') out += "&#39;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

class ExportTest : public ::testing::Test {
protected:
    ImGuiContext* ctx = nullptr;
    Fonts fonts;
    static Results& results() {
        static Results r = [] {
            Results out;
            Simulator sim;
            sim.run(Inputs{}, out);
            return out;
        }();
        return r;
    }
    void SetUp() override {
        ctx = ImGui::CreateContext();
        build_fonts(fonts, 1.0f);
    }
    void TearDown() override { ImGui::DestroyContext(ctx); }

    // Parses the SVG; checks the root's size and that every coordinate is a number inside it.
    std::vector<Element> check(const ExportImage& image) {
        std::vector<Element> elements;
        std::string why;
        EXPECT_TRUE(parse_xml(image.svg, elements, why)) << why;
        if (elements.empty()) return elements;
        EXPECT_EQ(std::atof(elements[0].attribute("width").c_str()), image.width);
        EXPECT_EQ(std::atof(elements[0].attribute("height").c_str()), image.height);
        for (const char* bad : {"=\"nan", "=\"-nan", " nan", ",nan", "nan,"})  // a coordinate from NaN (German words hold "nan")
            EXPECT_EQ(image.svg.find(bad), std::string::npos) << bad;
        EXPECT_EQ(image.svg.find("inf\""), std::string::npos);
        for (const Element& e : elements) {
            for (const char* key : {"x", "y", "x1", "y1", "x2", "y2"}) {
                const std::string v = e.attribute(key);
                if (v.empty() || v.back() == '%') continue;
                const double d = std::atof(v.c_str());
                const double limit = (key[0] == 'x' ? image.width : image.height);
                EXPECT_TRUE(d >= 0.0 && d <= limit) << "<" << e.name << " " << key << "=" << v << "> outside " << image.width << "×"
                                                    << image.height << " (" << e.text << ")";
            }
        }
        return elements;
    }
};

// One space wherever the text has a run of white space (lines are joined by spaces).
std::string one_space(std::string_view text) {
    std::string out;
    for (char ch : text) {
        const char c = ch == '\n' ? ' ' : ch;
        if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
    }
    return out;
}

TEST_F(ExportTest, ThePictureHasTheHeadlineInputsChartSourceDateAndLink) {
    const Results& r = results();
    ExportOptions o;
    o.link = "https://example.test/rareshock/?approval=25&inventory=65";
    o.made_day = 606;
    const ExportImage image = scenario_svg(r, o, FontMeasure(fonts));
    EXPECT_EQ(image.width, kExportPictureWidthPx);
    EXPECT_GT(image.height, 600.0f);
    EXPECT_LT(image.height, 1400.0f);
    const std::vector<Element> elements = check(image);

    std::string text;  // every line of text, joined by spaces (the headline is wrapped over lines)
    for (const Element& e : elements)
        if (e.name == "text") text += e.text + " ";
    text = one_space(text);
    EXPECT_NE(text.find(xml(r.summary).substr(0, 40)), std::string::npos) << text;  // the headline's first line
    EXPECT_NE(text.find(xml(r.summary.substr(r.summary.size() - 12))), std::string::npos) << text;  // and its end
    for (const std::string& line : scenario_lines(r.inputs))
        EXPECT_NE(text.find(xml(line.substr(0, 20))), std::string::npos) << line;
    EXPECT_NE(text.find("Car plants with a line stopped"), std::string::npos);
    EXPECT_NE(text.find("Sources: "), std::string::npos);
    EXPECT_NE(text.find(std::string(kModelVersion)), std::string::npos);
    EXPECT_NE(text.find("Made 1 December 2026"), std::string::npos) << text;
    EXPECT_NE(text.find("https://example.test/rareshock/?approval=25&amp;inventory=65"), std::string::npos);
    for (const char* region : {"Europe", "North America", "Japan", "South Korea", "India"})
        EXPECT_NE(text.find(region), std::string::npos) << region;
    EXPECT_NE(text.find("May"), std::string::npos);  // months on the x axis
    EXPECT_NE(text.find(timeline_x_title(r, true, Language::English)), std::string::npos) << text;  // the x axis's title

    // The chart: a band (P10–P90) and one line per export region, in the theme's colours.
    int paths = 0, lines = 0;
    for (const Element& e : elements) {
        paths += e.name == "path";
        lines += e.name == "polyline";
    }
    EXPECT_EQ(paths, 1);
    EXPECT_EQ(lines, kExportRegionCount);
    EXPECT_NE(image.svg.find("stroke=\"#0072b2\""), std::string::npos);  // Europe in the light palette
    EXPECT_NE(image.svg.find("fill=\"#ffffff\""), std::string::npos);     // light background
    // The face travels with the picture; the title and description say what it shows.
    EXPECT_NE(image.svg.find("@font-face{font-family:'RS Inter';font-weight:600"), std::string::npos);
    EXPECT_EQ(elements[1].name, "title");
    EXPECT_EQ(elements[1].text.substr(0, elements[1].text.find('\n')), xml(r.summary));
}

TEST_F(ExportTest, TextStaysInsideTheMargins) {
    const Results& r = results();
    const ExportImage image = scenario_svg(r, ExportOptions{}, FontMeasure(fonts));
    for (const Element& e : check(image)) {
        if (e.name != "text" || !e.attribute("text-anchor").empty()) continue;
        const double x = std::atof(e.attribute("x").c_str());
        const float size = static_cast<float>(std::atof(e.attribute("font-size").c_str()));
        std::string plain;  // the escapes undone, for measuring
        for (std::size_t i = 0; i < e.text.size(); ++i) {
            if (e.text.compare(i, 5, "&amp;") == 0) { plain += '&'; i += 4; }
            else if (e.text.compare(i, 5, "&#39;") == 0) { plain += '\''; i += 4; }
            else plain += e.text[i];
        }
        const float w = FontMeasure(fonts).width(plain, size, e.attribute("font-weight") == "600");
        if (e.attribute("letter-spacing").empty()) {
            EXPECT_LE(x + w, image.width - 31.0) << e.text;
        }
    }
}

TEST_F(ExportTest, TheSocialCardIs1200By630AndEverythingFits) {
    ExportOptions o;
    o.layout = ExportLayout::SocialCard;
    o.embed_fonts = false;
    const ExportImage image = scenario_svg(results(), o, FontMeasure(fonts));
    EXPECT_EQ(image.width, 1200.0f);
    EXPECT_EQ(image.height, 630.0f);
    EXPECT_EQ(image.svg.find("@font-face"), std::string::npos);
    const std::vector<Element> elements = check(image);
    int headline_lines = 0;
    for (const Element& e : elements) headline_lines += e.name == "text" && e.attribute("font-weight") == "600" && e.text != "RARE EARTH SHOCK";
    EXPECT_GE(headline_lines, 1);
    EXPECT_LE(headline_lines, 3);
    // A short title with the key figure, not the whole sentence (that is the picture's headline).
    std::string headline;
    for (const Element& e : elements)
        if (e.name == "text" && e.attribute("font-weight") == "600" && e.text != "RARE EARTH SHOCK") headline += e.text + " ";
    headline = one_space(headline);
    EXPECT_NE(headline.find("About " + vehicles_text(results().world_vehicles_lost.p50) + " vehicles not built worldwide"), std::string::npos)
        << headline;
    EXPECT_NE(headline.find("if 25% of licences are approved"), std::string::npos) << headline;
    EXPECT_EQ(headline.find("supply chains hold"), std::string::npos) << headline;
    // The chart keeps most of the height that is left: its x axis title sits above the foot.
    double axis_title_y = 0;
    for (const Element& e : elements)
        if (e.name == "text" && e.text.find(timeline_x_title(results(), true, Language::English)) != std::string::npos)
            axis_title_y = std::atof(e.attribute("y").c_str());
    EXPECT_GT(axis_title_y, 450.0);
    EXPECT_LT(axis_title_y, 580.0);
}

TEST_F(ExportTest, DarkWhenAskedAndValidWithoutRangesOrStops) {
    ExportOptions o;
    o.dark = true;
    const ExportImage dark = scenario_svg(results(), o, FontMeasure(fonts));
    check(dark);
    EXPECT_NE(dark.svg.find("fill=\"#121417\""), std::string::npos);

    // The central estimate only: lines, no band; a scenario where nothing stops says so.
    Simulator sim;
    Results central;
    sim.run_central(Inputs{}, central);
    const ExportImage provisional = scenario_svg(central, ExportOptions{}, FontMeasure(fonts));
    check(provisional);
    EXPECT_EQ(provisional.svg.find("<path"), std::string::npos);

    Results calm;
    Inputs none;
    none.approval_pct = 100;
    none.inventory_days = 365;
    none.draws = 50;
    sim.run(none, calm);
    const ExportImage quiet = scenario_svg(calm, ExportOptions{}, FontMeasure(fonts));
    check(quiet);
    if (calm.world_vehicles_lost.p90 < 0.5) {
        EXPECT_NE(quiet.svg.find("No assembly line stops in this scenario"), std::string::npos);
    }
}

// The German and Japanese editions' picture: every word and date in the reader's
// language (the words of the English picture do not appear), the Japanese face inside.
TEST_F(ExportTest, ThePictureInGermanAndJapanese) {
    const Results& r = results();
    const std::vector<unsigned char> face(64, 7);  // stands for font-ja.ttf's bytes
    for (const Language lang : {Language::German, Language::Japanese}) {
        ExportOptions o;
        o.lang = lang;
        o.made_day = 606;
        o.link = "https://example.test/";
        o.extra_face = &face;
        const ExportImage image = scenario_svg(r, o, FontMeasure(fonts));
        const std::vector<Element> elements = check(image);
        std::string text;
        for (const Element& e : elements)
            if (e.name == "text") text += e.text + " ";
        for (const char* english : {"Scenario", "Car plants", "Sources", "Made ", "First plant", "Europe", "All five",
                                    "May", "June", "Licences required", "vehicles", "plants"})
            EXPECT_EQ(text.find(english), std::string::npos) << english << " in " << text;
        const bool de = lang == Language::German;
        for (const char* word : de ? std::vector<const char*>{"Szenario", "Autowerke mit stillstehender Linie", "Quellen", "Erstellt am 1. Dezember 2026",
                                                               "Europa", "Alle fünf", "Erstes Werk steht", "Mai"}
                                   : std::vector<const char*>{"シナリオ", "生産ラインが止まった自動車工場", "出典", "2026年12月1日作成", "欧州",
                                                               "5地域計", "最初の工場停止", "5月"})
            EXPECT_NE(text.find(xml(word)), std::string::npos) << word << " not in " << text;
        EXPECT_EQ(elements[1].text.substr(0, elements[1].text.find('\n')), xml(summary_sentence(r, lang)));
        EXPECT_NE(image.svg.find("@font-face{font-family:'RS Extra';src:url(data:font/ttf;base64,BwcH"), std::string::npos);
    }
}

// Japanese sets no spaces: lines break between its characters, never before a
// closing mark or inside a number, and stay within the width.
TEST_F(ExportTest, JapaneseWrapsBetweenCharacters) {
    const FontMeasure m(fonts);
    const std::string text = "2025年5月17日以降、各地の自動車工場で生産ラインの停止が散発し、世界で1年間に約7.1万台の生産が失われる。";
    const std::vector<std::string> lines = wrap_text(text, 120.0f, 14.0f, false, m);
    ASSERT_GT(lines.size(), 1u);
    std::string joined;
    for (const std::string& l : lines) {
        joined += l;
        EXPECT_NE(l.rfind("、", 0), 0u) << l;   // no line starts with a closing mark
        EXPECT_NE(l.rfind("。", 0), 0u) << l;
    }
    EXPECT_EQ(joined, text);  // nothing lost, no spaces added
    bool number_whole = false;
    for (const std::string& l : lines) number_whole |= l.find("2025年5月17日") != std::string::npos || l.find("7.1万台") != std::string::npos;
    EXPECT_TRUE(number_whole);
}

TEST_F(ExportTest, WrappingKeepsEveryWordAndTheWidth) {
    const FontMeasure m(fonts);
    const std::string text = "From 20 May 2025, car plants stop lines one after another; at the worst about 40 of 347 at once.";
    const std::vector<std::string> lines = wrap_text(text, 200.0f, 14.0f, false, m);
    ASSERT_GT(lines.size(), 2u);
    std::string joined;
    for (const std::string& l : lines) {
        EXPECT_LE(m.width(l, 14.0f, false), 200.0f) << l;
        joined += (joined.empty() ? "" : " ") + l;
    }
    EXPECT_EQ(joined, text);
    // Measured in CSS px at a CSS font size: 'M' in Inter is about 0.85 em wide.
    EXPECT_NEAR(m.width("MMMMMMMMMM", 20.0f, false), 170.0f, 15.0f);
}

// The loading placeholder's chart picture: the chart's title, legend, band and five
// lines, every coordinate inside its box, painted by class (the page's theme colours
// it, light or dark), so no colour is written into it; one rule per role in the CSS.
TEST_F(ExportTest, TheChartPictureIsPaintedByTheThemeAndStaysInItsBox) {
    const Results& r = results();
    const std::string css = chart_picture_css();
    EXPECT_NE(css.find(".rs-pc-s-r0{stroke:var(--rs-region-0)}"), std::string::npos) << css;
    EXPECT_NE(css.find(".rs-pc-f-muted{fill:var(--rs-muted)}"), std::string::npos) << css;
    for (const float width : {366.0f, 780.0f}) {
        ExportImage image;
        image.width = width;
        image.height = 330.0f;
        image.svg = chart_picture_svg(r, Language::English, image.width, image.height, FontMeasure(fonts));
        const std::vector<Element> elements = check(image);
        int paths = 0, lines = 0;
        std::string text;
        for (const Element& e : elements) {
            paths += e.name == "path";
            lines += e.name == "polyline";
            if (e.name == "text") text += e.text + " ";
            for (const char* key : {"fill", "stroke"}) {
                const std::string v = e.attribute(key);
                EXPECT_TRUE(v.empty() || v == "none") << "<" << e.name << " " << key << "=" << v << ">: a colour written in";
            }
            const std::string cls = e.attribute("class");  // each class the picture paints with has its rule
            if (!cls.empty() && cls != "rs-pc") {
                EXPECT_NE(css.find("." + cls + "{"), std::string::npos) << cls;
            }
        }
        EXPECT_EQ(paths, 1);
        EXPECT_EQ(lines, kExportRegionCount);
        EXPECT_NE(text.find("Car plants with a line stopped"), std::string::npos) << text;
        EXPECT_NE(text.find("Europe"), std::string::npos) << text;
        EXPECT_NE(text.find(timeline_x_title(r, true, Language::English)), std::string::npos) << text;
        EXPECT_NE(image.svg.find("aria-hidden=\"true\""), std::string::npos);
    }
}

}  // namespace
}  // namespace rareshock::ui
