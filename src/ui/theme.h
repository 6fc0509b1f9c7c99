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

namespace rareshock::ui {

struct Palette {
    ImU32 background, surface, text, muted, rule, accent, accent_text, on_accent, grid, band_alpha_text;
    ImU32 region[kRegionCount];
    ImU32 survive, recover, shortage, event;
};

const Palette& palette(bool dark);
// Applies the ImGui style for the theme and pointer type (targets ≥ 24 px, ≥ 44 px on touch).
void apply_style(bool dark, bool coarse_pointer);

// Relative luminance contrast ratio of two colours (WCAG 2.x), for tests and checks.
float contrast_ratio(ImU32 a, ImU32 b);

struct Fonts {
    ImFont* body = nullptr;      // 16 px Regular
    ImFont* small = nullptr;     // 13.5 px Regular
    ImFont* label = nullptr;     // 15 px SemiBold
    ImFont* headline = nullptr;  // 22 px SemiBold
    ImFont* lede = nullptr;      // 19 px SemiBold: the headline on phones
    ImFont* number = nullptr;    // 26 px SemiBold
    float dpr = 0.0f;
};
// A face for the characters Inter lacks (Japanese): TrueType outlines, e.g. the
// subset of IPA Gothic the build makes (font-ja.ttf). Not owned.
struct ExtraFace {
    const unsigned char* data = nullptr;
    std::size_t size = 0;
    const ImWchar* ranges = nullptr;  // the characters to take from it (0-terminated pairs)
};
// Rebuilds io.Fonts with every face at size × dpr, and sets FontGlobalScale = 1/dpr
// so that layout stays in CSS pixels while glyphs are rasterised for the device.
// `extra` (if given) is merged into every face the text is drawn in.
void build_fonts(Fonts& fonts, float dpr, const ExtraFace* extra = nullptr);

}  // namespace rareshock::ui
