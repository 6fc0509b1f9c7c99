// Rare Earth Shock — themes and fonts (see theme.h).
#include "theme.h"

#include "text.h"

#include "model/numbers.h"
#include "model/strings.h"

#include "imgui_internal.h"  // ImTextCharFromUtf8

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace rareshock::ui {
namespace {

constexpr ImU32 rgb(unsigned hex, unsigned alpha = 255) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

// Region order: Europe, North America, Japan, South Korea, India, China.
const Palette kLight = {
    rgb(0xFFFFFF), rgb(0xF3F5F8), rgb(0x16181D), rgb(0x4A5260), rgb(0xD9DDE3), rgb(0x0B5CAD), rgb(0x0B5CAD),
    rgb(0xFFFFFF), rgb(0xE6E9EE), rgb(0x4A5260),
    {rgb(0x0072B2), rgb(0xC2410C), rgb(0x007A5A), rgb(0xB5498F), rgb(0x9A6700), rgb(0x6B7280)},
    rgb(0x4A5260),
};
const Palette kDark = {
    rgb(0x121417), rgb(0x1C1F24), rgb(0xE8EAED), rgb(0xAAB1BD), rgb(0x2E333B), rgb(0x7CB4F0), rgb(0x7CB4F0),
    rgb(0x0B1220), rgb(0x262A31), rgb(0xAAB1BD),
    {rgb(0x56B4E9), rgb(0xF0894A), rgb(0x3FC59F), rgb(0xE39AC3), rgb(0xF5C242), rgb(0x9CA3AF)},
    rgb(0xAAB1BD),
};

float channel(unsigned v) {
    const float c = static_cast<float>(v) / 255.0f;
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}
float luminance(ImU32 c) {
    return 0.2126f * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152f * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722f * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}

}  // namespace

const Palette& palette(bool dark) { return dark ? kDark : kLight; }

float contrast_ratio(ImU32 a, ImU32 b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

namespace {
constexpr float kGraphicContrast = 3.0f;  // WCAG 1.4.11, knobs, lines, focus rings
constexpr float kTextContrast = 4.5f;     // WCAG 1.4.3, body text
}  // namespace

ImU32 colour_from_hex(std::string_view hex) {
    if (!hex.empty() && hex.front() == '#') hex.remove_prefix(1);
    unsigned v = 0;  // parse_hex_colour (page_options.h) checked the digits; from_chars reads them
    std::from_chars(hex.data(), hex.data() + std::min<std::size_t>(hex.size(), 6), v, 16);
    return rgb(v);
}

Palette palette_for(bool dark, const Look& look) {
    Palette p = palette(dark);
    if (look.has_accent && contrast_ratio(look.accent, p.background) >= kGraphicContrast) {
        p.accent = look.accent;
        if (contrast_ratio(look.accent, p.background) >= kTextContrast) p.accent_text = look.accent;
        // Text on an accent fill: whichever of white and the theme's text reads better.
        const ImU32 white = rgb(0xFFFFFF), ink = kLight.text;
        p.on_accent = contrast_ratio(look.accent, white) >= contrast_ratio(look.accent, ink) ? white : ink;
    }
    return p;
}

std::string accent_warnings(ImU32 accent, bool light_shown, bool dark_shown) {
    std::string out;
    for (const bool dark : {false, true}) {
        if (!(dark ? dark_shown : light_shown)) continue;
        const float ratio = contrast_ratio(accent, palette(dark).background);
        char buf[200];
        if (ratio < kGraphicContrast) {
            rareshock::format(buf, sizeof buf, "%shas %.1f:1 contrast on the %s background (3:1 needed); the %s theme keeps its own accent",
                          out.empty() ? "" : "; ", static_cast<double>(ratio), dark ? "dark" : "light", dark ? "dark" : "light");
            out += buf;
        } else if (ratio < kTextContrast) {
            rareshock::format(buf, sizeof buf, "%shas %.1f:1 contrast on the %s background: used for graphics, while text keeps the theme's accent (4.5:1 needed)",
                          out.empty() ? "" : "; ", static_cast<double>(ratio), dark ? "dark" : "light");
            out += buf;
        }
    }
    return out;
}

void apply_style(const Palette& p, bool coarse_pointer, bool transparent) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowBorderSize = 0;
    s.WindowRounding = 0;
    s.FrameRounding = 6;
    s.FrameBorderSize = 1;
    s.FramePadding = ImVec2(10, coarse_pointer ? 13 : 6);  // 16 px text + padding: ≥ 44 px / ≥ 28 px targets
    s.ItemSpacing = ImVec2(8, 8);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.GrabMinSize = 20;
    s.GrabRounding = 10;
    s.ScrollbarSize = 12;
    s.PopupRounding = 6;
    s.PopupBorderSize = 1;
    s.CellPadding = ImVec2(6, 6);
    s.TouchExtraPadding = coarse_pointer ? ImVec2(4, 4) : ImVec2(0, 0);
    s.AntiAliasedLines = true;
    s.AntiAliasedFill = true;

    auto col = [](ImU32 c, float alpha = 1.0f) {
        ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
        v.w *= alpha;
        return v;
    };
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = col(p.text);
    c[ImGuiCol_TextDisabled] = col(p.muted);
    c[ImGuiCol_WindowBg] = col(p.background, transparent ? 0.0f : 1.0f);
    c[ImGuiCol_ChildBg] = col(p.background, 0.0f);
    c[ImGuiCol_PopupBg] = col(p.background);
    c[ImGuiCol_Border] = col(p.rule);
    c[ImGuiCol_BorderShadow] = col(p.rule, 0.0f);
    c[ImGuiCol_FrameBg] = col(p.background);
    c[ImGuiCol_FrameBgHovered] = col(p.surface);
    c[ImGuiCol_FrameBgActive] = col(p.surface);
    c[ImGuiCol_Button] = col(p.background);
    c[ImGuiCol_ButtonHovered] = col(p.surface);
    c[ImGuiCol_ButtonActive] = col(p.grid);
    c[ImGuiCol_Header] = col(p.background, 0.0f);
    c[ImGuiCol_HeaderHovered] = col(p.surface);
    c[ImGuiCol_HeaderActive] = col(p.grid);
    c[ImGuiCol_SliderGrab] = col(p.accent);
    c[ImGuiCol_SliderGrabActive] = col(p.accent);
    c[ImGuiCol_CheckMark] = col(p.accent);
    c[ImGuiCol_Separator] = col(p.rule);
    c[ImGuiCol_TableHeaderBg] = col(p.background, 0.0f);
    c[ImGuiCol_TableBorderLight] = col(p.rule);
    c[ImGuiCol_TableBorderStrong] = col(p.rule);
    c[ImGuiCol_TableRowBg] = col(p.background, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = col(p.surface, 0.6f);
    c[ImGuiCol_TextSelectedBg] = col(p.accent, 0.3f);
    c[ImGuiCol_NavHighlight] = col(p.accent);
    c[ImGuiCol_ScrollbarBg] = col(p.background, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = col(p.rule);
}

float line_height_per_em(const unsigned char* f, std::size_t n) {
    auto u16 = [&](std::size_t at) { return at + 2 <= n ? static_cast<unsigned>(f[at] << 8 | f[at + 1]) : 0u; };
    auto u32 = [&](std::size_t at) { return at + 4 <= n ? (static_cast<std::uint32_t>(u16(at)) << 16 | u16(at + 2)) : 0u; };
    double units_per_em = 0, ascender = 0, descender = 0;
    const unsigned tables = u16(4);
    for (unsigned i = 0; i < tables; ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        if (rec + 16 > n) break;
        const std::uint32_t offset = u32(rec + 8);
        if (std::equal(f + rec, f + rec + 4, "head")) units_per_em = u16(offset + 18);
        if (std::equal(f + rec, f + rec + 4, "hhea")) {
            ascender = static_cast<std::int16_t>(u16(offset + 4));
            descender = static_cast<std::int16_t>(u16(offset + 6));
        }
    }
    const double r = units_per_em > 0 ? (ascender - descender) / units_per_em : 0.0;
    return r > 0.5 && r < 3.0 ? static_cast<float>(r) : 1.2f;
}

float line_height_per_em() {
    static const float ratio = line_height_per_em(rs_font_inter_regular, rs_font_inter_regular_size);
    return ratio;
}

const ImWchar* japanese_glyph_ranges() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        for (std::string_view key : string_keys(Language::Japanese)) {
            if (method_table_key(key)) continue;  // never drawn on the canvas
            const std::string_view text = tr(Language::Japanese, key);
            for (const char* s = text.data(); s < text.data() + text.size();) {
                unsigned c = 0;
                const int n = ImTextCharFromUtf8(&c, s, text.data() + text.size());
                s += n > 0 ? n : 1;
                if (c >= 0x3000 && c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c));
            }
        }
        builder.BuildRanges(&ranges);
    }
    return ranges.Data;
}

bool build_fonts(Fonts& fonts, float dpr, const ExtraFace* extra) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the data is static
    cfg.OversampleH = dpr >= 2.0f ? 1 : 2;  // sub-pixel positioning needs it at 1×; at 2× and more it only doubles the atlas
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    // The glyphs of the embedded subset (generated from assets/font/unicodes.txt).
    static const ImWchar glyphs[] = {
#include "glyph_ranges.inc"
        0};
    // The extra face's characters merged into a face (ImGui takes each glyph from
    // the first font that has it: Inter for Latin, the extra face for the rest).
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    merge.OversampleH = 1;  // CJK glyphs are wide and many: no horizontal oversampling
    const float extra_scale = extra && extra->data ? line_height_per_em(extra->data, extra->size) / line_height_per_em() : 1.0f;
    auto add = [&](const unsigned char* data, std::size_t size, float px, bool with_extra) {
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px * dpr, &cfg, glyphs);
        // The extra face at Inter's em, as CSS and SVG set them: sized by line height
        // alike, IPA Gothic (1.0 em) would be drawn 21 % larger than Inter (1.21 em),
        // and the exports' wrapping would not match what a browser draws.
        if (with_extra && extra && extra->data && extra->ranges)
            io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(extra->data), static_cast<int>(extra->size),
                                           px * dpr * extra_scale, &merge, extra->ranges);
        return font;
    };
    // Only the sizes the canvas draws with: each is rasterised at size × dpr as the page starts.
    fonts.body = add(rs_font_inter_regular, rs_font_inter_regular_size, 16.0f, true);
    fonts.small = add(rs_font_inter_regular, rs_font_inter_regular_size, 13.5f, true);
    fonts.label = add(rs_font_inter_semibold, rs_font_inter_semibold_size, 15.0f, true);
    fonts.headline = add(rs_font_inter_semibold, rs_font_inter_semibold_size, 22.0f, true);
    if (!io.Fonts->Build() && extra && extra->data) {
        build_fonts(fonts, dpr, nullptr);
        return false;
    }
    io.FontGlobalScale = 1.0f / dpr;
    io.FontDefault = fonts.body;
    fonts.dpr = dpr;
    return true;
}

}  // namespace rareshock::ui
