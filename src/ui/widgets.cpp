// Rare Earth Shock — widgets (see widgets.h).
#include "widgets.h"

#include "text.h"

#include "imgui_internal.h"
#include "model/numbers.h"
#include "model/strings.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <string_view>

namespace rareshock::ui {
namespace {

// Keyboard focus ring, only while navigating with keys (not after a mouse click).
void focus_ring(ImVec2 min, ImVec2 max, float rounding, const Palette& p) {
    if (!ImGui::IsItemFocused() || GImGui->NavDisableHighlight) return;
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 3, min.y - 3), ImVec2(max.x + 3, max.y + 3), p.accent, rounding + 3, 0, 2.0f);
}

double snap(double v, const SliderSpec& s) {
    v = std::clamp(v, s.min_value, s.max_value);
    const double scale = std::pow(10.0, s.decimals);
    return std::round(v * scale) / scale;
}

bool square_button(const char* id, const char* glyph, float size, const Palette& p, bool enabled) {
    ImGui::PushID(id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::InvisibleButton(glyph, ImVec2(size, size)) && enabled;
    ImGui::EndDisabled();
    const bool hovered = ImGui::IsItemHovered() && enabled;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size, pos.y + size);
    dl->AddRectFilled(pos, max, hovered ? p.surface : p.background, 8.0f);
    dl->AddRect(pos, max, enabled ? p.rule : p.grid, 8.0f, 0, 1.5f);
    focus_ring(pos, max, 8.0f, p);
    const ImVec2 c(pos.x + size * 0.5f, pos.y + size * 0.5f);
    const float arm = std::min(7.0f, size * 0.2f);
    const ImU32 ink = enabled ? p.text : p.muted;
    dl->AddLine(ImVec2(c.x - arm, c.y), ImVec2(c.x + arm, c.y), ink, 2.0f);
    if (glyph[0] == '+') dl->AddLine(ImVec2(c.x, c.y - arm), ImVec2(c.x, c.y + arm), ink, 2.0f);
    ImGui::PopID();
    return pressed;
}

// The sliders drawn in the latest frame (cleared when a new frame draws its first one):
// the touch target around each knob and the box of each typed entry.
struct KnobRegistry {
    int frame = -1;
    ImVector<ImRect> targets;
    ImVector<ImRect> entries;
    ImVector<ImGuiID> ids;  // ImHashStr of each slider's id
};
KnobRegistry& knobs() {
    static KnobRegistry registry;
    return registry;
}
void register_knob(const char* id, ImVec2 centre, float target_height, const ImRect& entry) {
    KnobRegistry& k = knobs();
    if (k.frame != ImGui::GetFrameCount()) {
        k.frame = ImGui::GetFrameCount();
        k.targets.resize(0);
        k.entries.resize(0);
        k.ids.resize(0);
    }
    const float half = std::max(22.0f, target_height * 0.5f);  // a 44 px touch target at least
    k.targets.push_back(ImRect(centre.x - half, centre.y - half, centre.x + half, centre.y + half));
    k.entries.push_back(entry);
    k.ids.push_back(ImHashStr(id));
}
// Slider `id`'s box in `boxes` (targets or entries) in the current frame.
bool registered_box(const ImVector<ImRect> KnobRegistry::*boxes, std::string_view id, ImVec2& min, ImVec2& max) {
    const KnobRegistry& k = knobs();
    if (!ImGui::GetCurrentContext() || k.frame != ImGui::GetFrameCount()) return false;
    const ImGuiID want = ImHashStr(id.data(), id.size());
    for (int i = 0; i < k.ids.Size; ++i) {
        if (k.ids[i] != want) continue;
        min = (k.*boxes)[i].Min;
        max = (k.*boxes)[i].Max;
        return true;
    }
    return false;
}

}  // namespace

bool slider_knob_at(float x, float y) {
    const KnobRegistry& k = knobs();
    if (!ImGui::GetCurrentContext() || k.frame != ImGui::GetFrameCount()) return false;
    for (const ImRect& r : k.targets)
        if (r.Contains(ImVec2(x, y))) return true;
    return false;
}

bool slider_knob_target(std::string_view id, ImVec2& min, ImVec2& max) {
    return registered_box(&KnobRegistry::targets, id, min, max);
}

bool slider_entry_box(std::string_view id, ImVec2& min, ImVec2& max) {
    return registered_box(&KnobRegistry::entries, id, min, max);
}

void flow_layout(float& x, float item_width, float width, float spacing) {
    if (x > 0.0f && x + item_width <= width) ImGui::SameLine(0, spacing);
    else x = 0.0f;
    x += item_width + spacing;
}

namespace {

// The end of the unbreakable piece of text that starts at `q` (a word, or one CJK character with what clings to it).
const char* piece_end(const char* q, const char* end) {
    unsigned prev = 0;
    const char* s = q;
    while (s < end && *s != ' ' && *s != '\n') {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, s, end);
        if (s > q && may_break_between(prev, c)) break;  // text.h: the one line-breaking rule
        prev = c;
        s += n > 0 ? n : 1;
    }
    return s;
}

}  // namespace

std::vector<std::string_view> wrap_lines(std::string_view text, float width) {
    std::vector<std::string_view> lines;
    const char* const end = text.data() + text.size();
    const char* p = text.data();
    while (p < end) {
        const char* line_end = nullptr;  // the end of the last piece that fits
        for (const char* q = p;;) {
            const char* word_end = piece_end(q, end);
            if (line_end && ImGui::CalcTextSize(p, word_end).x > width) break;  // the piece goes to the next line
            line_end = word_end;
            if (word_end >= end || *word_end == '\n') break;
            q = *word_end == ' ' ? word_end + 1 : word_end;
        }
        lines.emplace_back(p, static_cast<size_t>(line_end - p));
        p = line_end;
        if (p < end && *p == '\n') ++p;
        else while (p < end && *p == ' ') ++p;
    }
    if (lines.empty()) lines.emplace_back();
    return lines;
}

void text_wrapped_at_spaces(std::string_view text, float width, bool muted) {
    if (muted) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    for (std::string_view line : wrap_lines(text, width)) ImGui::TextUnformatted(line.data(), line.data() + line.size());
    if (muted) ImGui::PopStyleColor();
}

void wrapped_text(ImFont* font, ImU32 color, float width, const std::string& text) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    text_wrapped_at_spaces(text, width);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

bool value_slider(const SliderSpec& s, double& value, float width, float target_height, const Fonts& fonts,
                  const Palette& p) {
    bool changed = false;
    ImGui::PushID(s.id);
    ImGui::BeginGroup();  // the whole control is one item rect (tests, tooling)

    // Label on the left, typed entry on the right.
    const float entry_width = s.large ? 112.0f : 96.0f;
    const float row_y = ImGui::GetCursorPosY();
    const float x0 = ImGui::GetCursorPosX();
    ImGui::PushFont(s.large ? fonts.label : fonts.body);
    ImGui::SetCursorPosY(row_y + std::max(0.0f, (target_height - ImGui::GetTextLineHeight()) * 0.5f));
    ImGui::BeginGroup();
    text_wrapped_at_spaces(s.label, width - entry_width - 8.0f);
    ImGui::EndGroup();
    ImGui::PopFont();
    const float after_label_y = ImGui::GetCursorPosY();

    ImGui::SetCursorPos(ImVec2(x0 + width - entry_width, row_y));
    ImGui::PushFont(s.large ? fonts.label : fonts.body);
    ImGui::SetNextItemWidth(entry_width);
    // "25%", "45 days", "45 Tage", "45日": the unit's pattern with {n} for the number.
    const std::string shown = format_text(s.unit ? s.unit : "{n}", {{"n", fixed_text(value, s.decimals)}});
    char buffer[64];
    const std::size_t length = std::min(shown.size(), sizeof buffer - 1);
    shown.copy(buffer, length);
    buffer[length] = '\0';
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(8.0f, std::max(4.0f, (target_height - ImGui::GetFontSize()) * 0.5f)));
    // As Dear ImGui's InputDouble reads it: the number at the start of the text, after
    // any spaces, with the unit after it ignored; an edit that leaves no number changes nothing.
    if (ImGui::InputText("##typed", buffer, sizeof buffer,
                         ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll | ImGuiInputTextFlags_NoMarkEdited)) {
        std::string_view typed_text(buffer);
        while (!typed_text.empty() && (typed_text.front() == ' ' || typed_text.front() == '\t')) typed_text.remove_prefix(1);
        double typed = 0.0;
        if (read_decimal(typed_text.substr(0, decimal_prefix(typed_text)), &typed) == DecimalRead::Ok) {
            const double v = snap(typed, s);
            if (v != value) {
                value = v;
                changed = true;
                ImGui::MarkItemEdited(ImGui::GetItemID());
            }
        }
    }
    const ImRect entry(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ImGui::SetCursorPosY(std::max(after_label_y, row_y + target_height + ImGui::GetStyle().ItemSpacing.y));
    if (s.help) {
        ImGui::SetCursorPosX(x0);
        wrapped_text(fonts.small, p.muted, width, s.help);
    }

    // [−] track [+]
    ImGui::SetCursorPosX(x0);
    const float button = target_height;
    if (square_button("minus", "-", button, p, value > s.min_value)) {
        value = snap(value - s.step, s);
        changed = true;
    }
    ImGui::SameLine(0, 8);
    const float track_w = std::max(40.0f, width - 2 * button - 16);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("track", ImVec2(track_w, button));
    const bool active = ImGui::IsItemActive();
    const bool hovered = ImGui::IsItemHovered();
    const bool focused = ImGui::IsItemFocused();
    const float knob_r = s.large ? 11.0f : 9.0f;
    const float x_min = pos.x + knob_r, x_max = pos.x + track_w - knob_r;
    if (active && GImGui->ActiveIdSource == ImGuiInputSource_Mouse) {  // Space/Enter activation is not a drag
        const float mx = ImGui::GetIO().MousePos.x;
        const double t = std::clamp((mx - x_min) / std::max(1.0f, x_max - x_min), 0.0f, 1.0f);
        const double v = snap(s.min_value + t * (s.max_value - s.min_value), s);
        if (v != value) { value = v; changed = true; }
    }
    if (focused && !ImGui::GetIO().WantTextInput) {
        // Keyboard: Left/Right step (and do not move the focus), PageUp/PageDown step ×10, Home/End jump.
        double delta = 0;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) delta = -s.step;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) delta = s.step;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) delta = 10 * s.step;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) delta = -10 * s.step;
        const bool home = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home));
        const bool end = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End));
        if (delta != 0 || home || end) {
            // The slider used the key: ImGui's own navigation (which moves the focus
            // for these keys) must not act on it this frame.
            ImGui::NavMoveRequestCancel();
            const double v = home ? s.min_value : (end ? s.max_value : snap(value + delta, s));
            if (v != value) { value = v; changed = true; }
        }
    }
    focus_ring(pos, ImVec2(pos.x + track_w, pos.y + button), 8.0f, p);
    if (focused && !GImGui->NavDisableHighlight && !ImGui::GetIO().WantTextInput) {
        // A keyboard user on the track: say what the keys do, in a tag under it
        // (drawn over what is below: no layout change).
        ImGui::PushFont(fonts.small);
        const char* hint = s.keyboard_hint ? s.keyboard_hint : "";
        const ImVec2 ts = ImGui::CalcTextSize(hint);
        const ImVec2 vp = ImGui::GetMainViewport()->Size;
        const float hx = std::clamp(pos.x + (track_w - ts.x) * 0.5f, 4.0f, std::max(4.0f, vp.x - ts.x - 12.0f));
        const float hy = pos.y + button + 4.0f;
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        fg->AddRectFilled(ImVec2(hx - 6, hy), ImVec2(hx + ts.x + 6, hy + ts.y + 6), p.surface, 4.0f);
        fg->AddRect(ImVec2(hx - 6, hy), ImVec2(hx + ts.x + 6, hy + ts.y + 6), p.accent, 4.0f);
        fg->AddText(ImVec2(hx, hy + 3), p.text, hint);
        ImGui::PopFont();
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cy = pos.y + button * 0.5f;
    // Clamped: a value outside the control's range (a link made for a wider one) keeps the knob on its track.
    const float t = std::clamp(static_cast<float>((value - s.min_value) / std::max(1e-9, s.max_value - s.min_value)), 0.0f, 1.0f);
    const float kx = x_min + t * (x_max - x_min);
    register_knob(s.id, ImVec2(kx, cy), button, entry);
    const float track_h = s.large ? 6.0f : 4.0f;
    dl->AddRectFilled(ImVec2(x_min, cy - track_h * 0.5f), ImVec2(x_max, cy + track_h * 0.5f), p.grid, track_h);
    dl->AddRectFilled(ImVec2(x_min, cy - track_h * 0.5f), ImVec2(kx, cy + track_h * 0.5f), p.accent, track_h);
    if (hovered || active || focused) dl->AddCircleFilled(ImVec2(kx, cy), knob_r + 6.0f, (p.accent & 0x00FFFFFF) | 0x33000000, 32);
    dl->AddCircleFilled(ImVec2(kx, cy), knob_r, p.accent, 32);
    dl->AddCircleFilled(ImVec2(kx, cy), knob_r - 4.0f, p.background, 32);
    ImGui::SameLine(0, 8);
    if (square_button("plus", "+", button, p, value < s.max_value)) {
        value = snap(value + s.step, s);
        changed = true;
    }
    ImGui::EndGroup();
    ImGui::PopID();
    return changed;
}

// A labelled button, filled (the selected chip, the primary action) or outlined.
bool labelled_button(const char* label, float target_height, float rounding, bool filled, const Palette& p) {
    const ImVec2 text = ImGui::CalcTextSize(label, nullptr, true);
    const ImVec2 size(text.x + 28.0f, target_height);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(label, size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    focus_ring(pos, max, rounding, p);
    if (filled) {
        dl->AddRectFilled(pos, max, p.accent, rounding);
    } else {
        dl->AddRectFilled(pos, max, hovered ? p.surface : p.background, rounding);
        dl->AddRect(pos, max, hovered ? p.accent : p.rule, rounding, 0, 1.5f);
    }
    dl->AddText(ImVec2(pos.x + 14.0f, pos.y + (size.y - text.y) * 0.5f), filled ? p.on_accent : p.text, label,
                ImGui::FindRenderedTextEnd(label));
    return pressed;
}

bool chip(const char* label, bool selected, float target_height, const Palette& p) {
    return labelled_button(label, target_height, target_height * 0.5f, selected, p);
}

bool disclosure(const char* label, bool& open, float width, float target_height, const Fonts& fonts, const Palette& p) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(width, target_height));
    if (pressed) open = !open;
    const bool hovered = ImGui::IsItemHovered();
    focus_ring(pos, ImVec2(pos.x + width, pos.y + target_height), 4.0f, p);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(pos.x, pos.y), ImVec2(pos.x + width, pos.y), p.rule, 1.0f);
    ImGui::PushFont(fonts.label);
    const float h = ImGui::GetFontSize();
    const float cy = pos.y + target_height * 0.5f;
    // Triangle: ▶ closed, ▼ open.
    const float s = 5.0f;
    const ImVec2 c(pos.x + 8.0f, cy);
    if (open) dl->AddTriangleFilled(ImVec2(c.x - s, c.y - s * 0.6f), ImVec2(c.x + s, c.y - s * 0.6f), ImVec2(c.x, c.y + s * 0.8f), p.text);
    else dl->AddTriangleFilled(ImVec2(c.x - s * 0.6f, c.y - s), ImVec2(c.x - s * 0.6f, c.y + s), ImVec2(c.x + s * 0.8f, c.y), p.text);
    dl->AddText(ImGui::GetFont(), h, ImVec2(pos.x + 22.0f, cy - h * 0.5f), hovered ? p.accent_text : p.text, label,
                ImGui::FindRenderedTextEnd(label));
    ImGui::PopFont();
    return pressed;
}

bool plain_button(const char* label, float target_height, const Palette& p, bool primary) {
    return labelled_button(label, target_height, 8.0f, primary, p);
}

bool link_row(const char* label, const char* note, float width, float target_height, const Fonts& fonts, const Palette& p) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(width, target_height));
    const bool hovered = ImGui::IsItemHovered();
    focus_ring(pos, ImVec2(pos.x + width, pos.y + target_height), 4.0f, p);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(pos.x, pos.y), ImVec2(pos.x + width, pos.y), p.rule, 1.0f);
    const float cy = pos.y + target_height * 0.5f;
    ImGui::PushFont(fonts.label);
    const float h = ImGui::GetFontSize();
    const char* arrow = "\xE2\x86\x93";  // U+2193 downwards arrow
    dl->AddText(ImGui::GetFont(), h, ImVec2(pos.x + 2.0f, cy - h * 0.5f), p.accent_text, arrow);
    const ImVec2 ls = ImGui::CalcTextSize(label);
    dl->AddText(ImGui::GetFont(), h, ImVec2(pos.x + 22.0f, cy - h * 0.5f), p.accent_text, label);
    if (hovered) dl->AddLine(ImVec2(pos.x + 22.0f, cy + h * 0.55f), ImVec2(pos.x + 22.0f + ls.x, cy + h * 0.55f), p.accent_text, 1.0f);
    ImGui::PopFont();
    if (note) {  // the note only where it fits beside the label
        ImGui::PushFont(fonts.small);
        const float hs = ImGui::GetFontSize(), x = pos.x + 22.0f + ls.x + 10.0f;
        if (x + ImGui::CalcTextSize(note).x <= pos.x + width) dl->AddText(ImGui::GetFont(), hs, ImVec2(x, cy - hs * 0.5f), p.muted, note);
        ImGui::PopFont();
    }
    return pressed;
}

}  // namespace rareshock::ui
