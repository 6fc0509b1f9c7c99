// Rare Earth Shock — the exported picture: one composition of a scenario, as SVG.
//
// Drawn from the results, never from the screen: the headline sentence, the
// timeline chart with its title (P10–P90 band, P50 lines, dates, the regions'
// theme colours), the scenario's inputs in words, the source and credit line,
// the date it was made and the share link. The web platform rasterises it for
// the PNG downloads (1× and 2×); the build rasterises the social-card layout
// for og:image (rareshock_facts --card). No I/O, no ImGui context needed:
// text is measured through TextMeasure.
#pragma once

#include "model/results.h"

#include <string>
#include <string_view>
#include <vector>

namespace rareshock::ui {

struct Fonts;

// Widths of text set in the app's face (Inter), in CSS px at a CSS font-size.
struct TextMeasure {
    virtual ~TextMeasure() = default;
    virtual float width(std::string_view utf8, float font_size_px, bool semibold) const = 0;
};

// Measures with the ImGui fonts the app built (Fonts::body and Fonts::label).
class FontMeasure final : public TextMeasure {
public:
    explicit FontMeasure(const Fonts& fonts) : fonts_(fonts) {}
    float width(std::string_view utf8, float font_size_px, bool semibold) const override;

private:
    const Fonts& fonts_;
};

enum class ExportLayout {
    Picture,     // kExportPictureWidthPx wide, as tall as its content: for an article, or print at 2×
    SocialCard,  // kSocialCardWidthPx × kSocialCardHeightPx: og:image / twitter:card
};
inline constexpr float kExportPictureWidthPx = 800.0f;
inline constexpr float kSocialCardWidthPx = 1200.0f;
inline constexpr float kSocialCardHeightPx = 630.0f;

struct ExportOptions {
    ExportLayout layout = ExportLayout::Picture;
    bool dark = false;      // light unless the dark theme was asked for
    std::string link;       // the share link printed at the foot (empty: none)
    int made_day = -1;      // the day it was made, as a day number (date_text); -1: not printed
    bool embed_fonts = true;  // Inter inside the SVG: a browser draws an SVG image without the page's fonts
    Language lang = Language::English;  // every word and date in the picture
    // A face for the characters Inter lacks (Japanese: the TrueType subset the app
    // downloads), put inside the SVG with Inter when embed_fonts; null: none.
    const std::vector<unsigned char>* extra_face = nullptr;
};

struct ExportImage {
    std::string svg;
    float width = 0.0f, height = 0.0f;  // CSS px (the PNG's size at 1×)
};

// The composition. Every number in it comes from the model's display text
// (results.h), every colour from the theme's palette (theme.h).
ExportImage scenario_svg(const Results& r, const ExportOptions& options, const TextMeasure& measure);

// Splits `text` into lines no wider than `width` px, breaking at spaces and,
// for Japanese, between two CJK characters (never before closing or after
// opening punctuation, never inside a number); a piece wider than the line
// stands alone on its line.
std::vector<std::string> wrap_text(std::string_view text, float width, float font_size_px, bool semibold,
                                   const TextMeasure& measure);

// Text made safe for XML and HTML (& < > " ' escaped, control characters dropped).
std::string xml_escaped(std::string_view text);

// The chart alone, for the page's loading placeholder (the build writes the default
// scenario's into every page: rareshock_facts --chart): its title, the legend and the
// timeline in a viewBox of width x height CSS px, painted by class (rs-pc-f-<role>,
// rs-pc-s-<role>: the page's style sheet gives each role its theme colour, so one
// picture serves both themes), its words in the page's font. Decorative: the page
// hides it from assistive technology (the sentence and the detail say the same).
std::string chart_picture_svg(const Results& r, Language lang, float width, float height, const TextMeasure& measure);
// Its classes' rules (the theme's CSS variables; rareshock_facts puts them into theme.css).
std::string chart_picture_css();

}  // namespace rareshock::ui
