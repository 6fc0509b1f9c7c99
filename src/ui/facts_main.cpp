// Rare Earth Shock — rareshock_facts: writes the shared facts (facts.h) at build
// time (with the methodology's tables of model facts, method_tables.h, which the
// site generator writes into docs/methodology*.md: tools/site/method-tables.mjs).
//
//   rareshock_facts --json FILE --js FILE --css FILE   write the facts as JSON, as a script
//                                   (var RS_FACTS = …, without sources) and the themes as CSS
//   rareshock_facts [--lang CODE [--strings FILE] [--face FILE]] --card FILE
//                                   the social card (1200×630 SVG, default scenario; export.h)
//                                   in a language: its table (assets/strings/<code>.json) where
//                                   the build does not carry it, and for Japanese the face
//                                   (font-ja.ttf) whose widths lay the text out
//   rareshock_facts --picture FILE   the exported picture of the default scenario (SVG)
//   rareshock_facts [--lang CODE [--strings FILE] [--face FILE]] --figures FILE --chart FILE
//                                   the loading placeholder's answer in a language: the default
//                                   scenario's key figures (HTML, detail.h) and its chart (SVG
//                                   painted by class, export.h chart_picture_svg) at a phone's
//                                   size and a wider screen's
#include "facts.h"
#include "detail.h"
#include "export.h"
#include "theme.h"

#include "model/model.h"

#include "imgui.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) std::cerr << "rareshock_facts: cannot write " << path << "\n";
    return static_cast<bool>(out);
}

bool read_file(const std::string& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
    if (!in) std::cerr << "rareshock_facts: cannot read " << path << "\n";
    return static_cast<bool>(in);
}

// The default scenario's results (the model is deterministic: the page computes the same).
const rareshock::Results& default_results() {
    static const rareshock::Results results = [] {
        rareshock::Simulator simulator;
        rareshock::Results r;
        simulator.run(rareshock::Inputs{}, r);
        return r;
    }();
    return results;
}

// Runs `draw` with the app's fonts built (an ImGui context for the duration), which
// measure the words of a picture: Inter, and for Japanese the face given.
template <class Draw>
std::string with_fonts(const std::vector<unsigned char>& face, Draw&& draw) {
    using namespace rareshock;
    ImGuiContext* ctx = ImGui::CreateContext();
    ui::Fonts fonts;
    const ui::ExtraFace extra{face.data(), face.size(), ui::japanese_glyph_ranges()};
    ui::build_fonts(fonts, 1.0f, face.empty() ? nullptr : &extra);
    std::string out = draw(fonts);
    ImGui::DestroyContext(ctx);
    return out;
}

// The default scenario drawn as an export: the social card (fonts from the
// system, for rsvg-convert) or the picture a reader downloads (fonts inside).
// For the card, the face's glyphs must be the ones rsvg-convert finds on the
// system (export.cpp names IPA Gothic's family after the embedded ones).
std::string default_scenario_svg(rareshock::ui::ExportLayout layout, rareshock::Language lang,
                                 const std::vector<unsigned char>& face) {
    using namespace rareshock;
    return with_fonts(face, [&](const ui::Fonts& fonts) {
        ui::ExportOptions options;
        options.layout = layout;
        options.lang = lang;
        if (!face.empty()) options.extra_face = &face;
        options.embed_fonts = layout == ui::ExportLayout::Picture;
        if (layout == ui::ExportLayout::Picture) {
            options.made_day = day_of_unix_ms(
                std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count());
        }
        return ui::scenario_svg(default_results(), options, ui::FontMeasure(fonts)).svg;
    });
}

// The loading placeholder's chart: at a phone's size (the canvas's chart block on a
// 390 px screen) and a wider screen's (the right column at 1280 px); the page's style
// sheet shows the one that fits.
std::string loading_chart(rareshock::Language lang, const std::vector<unsigned char>& face) {
    using namespace rareshock;
    return with_fonts(face, [&](const ui::Fonts& fonts) {
        const ui::FontMeasure measure(fonts);
        std::string narrow = ui::chart_picture_svg(default_results(), lang, 366.0f, 330.0f, measure);
        std::string wide = ui::chart_picture_svg(default_results(), lang, 780.0f, 380.0f, measure);
        narrow.insert(narrow.find("class=\"rs-pc\""), "data-rs-width=\"narrow\" ");
        wide.insert(wide.find("class=\"rs-pc\""), "data-rs-width=\"wide\" ");
        return narrow + wide;
    });
}

bool read_bytes(const std::string& path, std::vector<unsigned char>& bytes) {
    std::string text;
    if (!read_file(path, text)) return false;
    bytes.assign(text.begin(), text.end());
    return true;
}

int usage() {
    std::cerr << "usage: rareshock_facts [--json FILE] [--js FILE] [--css FILE] [--picture FILE]\n"
                 "       rareshock_facts [--lang en|de|ja [--strings FILE] [--face FILE]] --card FILE\n"
                 "       rareshock_facts [--lang en|de|ja [--strings FILE] [--face FILE]] --figures FILE --chart FILE\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace rareshock::ui;
    if (argc < 3 || argc % 2 == 0) return usage();
    rareshock::Language lang = rareshock::Language::English;  // of the pictures that follow
    std::vector<unsigned char> face;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i], path = argv[i + 1];
        if (option == "--lang") {
            if (!rareshock::parse_language(path, &lang)) {
                std::cerr << "rareshock_facts: --lang takes en, de or ja, not '" << path << "'\n";
                return 2;
            }
        } else if (option == "--strings") {
            std::string table;
            if (!read_file(path, table)) return 1;
            if (!rareshock::set_translation(lang, table)) {
                std::cerr << "rareshock_facts: " << path << " is not a text table: "
                          << rareshock::strings_problem(lang) << "\n";
                return 1;
            }
        } else if (option == "--face") {
            if (!read_bytes(path, face)) return 1;
        } else if (option == "--json") {
            if (!write_file(path, facts_json() + "\n")) return 1;
        } else if (option == "--js") {
            const std::string js = "// Generated by rareshock_facts (src/ui/facts.cpp) from the model's field table,\n"
                                   "// presets and regions and the UI's themes and breakpoints. Do not edit.\n"
                                   "var RS_FACTS = " + facts_json(false) + ";\n";
            if (!write_file(path, js)) return 1;
        } else if (option == "--css") {
            if (!write_file(path, theme_css())) return 1;
        } else if (option == "--card") {
            if (!write_file(path, default_scenario_svg(ExportLayout::SocialCard, lang, face))) return 1;
        } else if (option == "--figures") {
            if (!write_file(path, key_figures_html(default_results(), lang) + "\n")) return 1;
        } else if (option == "--chart") {
            if (!write_file(path, loading_chart(lang, face))) return 1;
        } else if (option == "--picture") {
            if (!write_file(path, default_scenario_svg(ExportLayout::Picture, lang, face))) return 1;
        } else {
            return usage();
        }
    }
    return 0;
}
