// Rare Earth Shock — colours, sizes and fonts: light and dark themes.
//
// Palette: Okabe–Ito (colour-blind safe) for regions; text colours chosen for
// ≥ 4.5:1 contrast against the background (checked in tests/ui).
#pragma once

#include "model/inputs.h"

#include "imgui.h"

#include <cstddef>

// The embedded Inter subset (Regular and SemiBold), made by the build from
// fonts-inter (src/ui/CMakeLists.txt): the canvas's face, and the exported picture's.
extern const unsigned char rs_font_inter_regular[];
extern const std::size_t rs_font_inter_regular_size;
extern const unsigned char rs_font_inter_semibold[];
extern const std::size_t rs_font_inter_semibold_size;

#include <string>
#include <string_view>

namespace rareshock::ui {

struct Palette {
    ImU32 background, surface, text, muted, rule, accent, accent_text, on_accent, grid, band_alpha_text;
    ImU32 region[kRegionCount];
    ImU32 event;  // the chart's event markers
};

const Palette& palette(bool dark);

// A producer's look (URL parameters accent=, bg=transparent): the accent takes
// the place of the theme's where it keeps 3:1 against that theme's background
// (slider knobs, lines, focus), and also as text colour where it keeps 4.5:1;
// otherwise the theme's own accent stays (see accent_warnings).
struct Look {
    bool has_accent = false;
    ImU32 accent = 0;
    bool transparent = false;  // the window leaves the host page's background showing
};
Palette palette_for(bool dark, const Look& look);
// What a producer's accent cannot do in the themes a reader may see ("" when it
// works in each), for the console.
std::string accent_warnings(ImU32 accent, bool light_shown, bool dark_shown);
ImU32 colour_from_hex(std::string_view hex);  // "#0b5cad" → opaque colour (parse_hex_colour validated it)

// Applies the ImGui style for a palette and pointer type (targets ≥ 24 px, ≥ 44 px on touch).
void apply_style(const Palette& p, bool coarse_pointer, bool transparent = false);

// Relative luminance contrast ratio of two colours (WCAG 2.x), for tests and checks.
float contrast_ratio(ImU32 a, ImU32 b);

struct Fonts {
    ImFont* body = nullptr;      // 16 px Regular
    ImFont* small = nullptr;     // 13.5 px Regular
    ImFont* label = nullptr;     // 15 px SemiBold
    ImFont* headline = nullptr;  // 22 px SemiBold: the sentence over the canvas, the key figure on phones
    float dpr = 0.0f;
};
// A face for the characters Inter lacks (Japanese): TrueType outlines, e.g. the
// subset of IPA Gothic the build makes (font-ja.ttf). Not owned.
struct ExtraFace {
    const unsigned char* data = nullptr;
    std::size_t size = 0;
    const ImWchar* ranges = nullptr;  // the characters to take from it (0-terminated pairs)
};
// ImGui sizes a font by its line height (hhea ascender − descender); CSS and SVG
// by its em. The ratio for the embedded Inter, and for any face, from its own
// tables (1.2 when they cannot be read).
float line_height_per_em();
float line_height_per_em(const unsigned char* face, std::size_t size);
// The characters Japanese needs beyond Inter's subset: every one of the Japanese
// table's texts at U+3000 and above, as Dear ImGui glyph ranges (0-terminated pairs).
const ImWchar* japanese_glyph_ranges();
// Rebuilds io.Fonts with every face at size × dpr, and sets FontGlobalScale = 1/dpr
// so that layout stays in CSS pixels while glyphs are rasterised for the device.
// `extra` (if given, and checked by face_problem first) is merged into every face the
// text is drawn in. Returns false if the atlas could not be built with `extra`: it is
// then built without it.
bool build_fonts(Fonts& fonts, float dpr, const ExtraFace* extra = nullptr);

}  // namespace rareshock::ui
