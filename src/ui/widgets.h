// Rare Earth Shock — the few widgets the interface is built from, drawn to look
// like a news graphic rather than a tool: big sliders with −/+ steppers and typed
// entry, preset chips, disclosure headers, plain buttons.
#pragma once

#include "theme.h"

#include <string>
#include <string_view>
#include <vector>

namespace rareshock::ui {

struct SliderSpec {
    const char* id;        // unique ImGui id, also the test name ("approval")
    const char* label;     // "Licence approval rate"
    const char* unit;      // the value with its unit, {n} for the number: "{n}%", "{n} days", "{n}日"
    const char* help;      // one line under the label, or nullptr
    double min_value, max_value, step;
    int decimals;          // shown and typed precision
    bool large;            // primary control: bigger value text and knob
    const char* keyboard_hint = nullptr;  // shown under a focused track: "← → step · Page Up/Down ×10 · Home/End"
};

// Returns true when the value changed this frame. `target_height` is the touch
// target size (≥ 24 px, ≥ 44 px on coarse pointers).
bool value_slider(const SliderSpec& spec, double& value, float width, float target_height, const Fonts& fonts,
                  const Palette& p);

// Whether (x, y) (screen px) is on the knob of a slider drawn in the current
// ImGui frame, within a touch target around it. A touch that lands on a knob
// drags at once; anywhere else a drag must first be clearly horizontal (see
// the platform's touch gestures), so a vertical swipe scrolls the page.
bool slider_knob_at(float x, float y);
// The touch target around the knob of slider `id` in the current frame (tests, tooling).
bool slider_knob_target(std::string_view id, ImVec2& min, ImVec2& max);
// The box of slider `id`'s typed entry in the current frame: on a touch screen the
// platform puts a real text field over it, so that a phone shows its keyboard.
bool slider_entry_box(std::string_view id, ImVec2& min, ImVec2& max);

bool chip(const char* label, bool selected, float target_height, const Palette& p);
bool disclosure(const char* label, bool& open, float width, float target_height, const Fonts& fonts, const Palette& p);
bool plain_button(const char* label, float target_height, const Palette& p, bool primary = false);
// A full-width row that links elsewhere on the page, drawn like a disclosure header
// with a downward arrow: "↓ Method and sources  below the calculator".
bool link_row(const char* label, const char* note, float width, float target_height, const Fonts& fonts, const Palette& p);

// Lays items out left to right, wrapping to a new line when the next one would
// pass `width`. Call before drawing each item `item_width` wide; `x` carries the
// position along the line between calls (start it at 0).
void flow_layout(float& x, float item_width, float width, float spacing);

// Text wrapped to `width`, in the given font and colour, breaking lines only at
// spaces (see wrap_lines).
void wrapped_text(ImFont* font, ImU32 color, float width, const std::string& text);

// The lines of `text` wrapped to `width` in the current font, broken only at spaces
// and newlines, so that "154,000–977,000", "25%" or "4 June" never split (Dear
// ImGui's own wrapping also breaks after commas and dashes); Japanese, which has no
// spaces, also between its characters (not before 、。 or small kana, not after an
// opening bracket, never inside a run of digits and Latin letters). A word wider
// than the line gets a line of its own.
std::vector<std::string_view> wrap_lines(std::string_view text, float width);
// Draws `text` at the cursor, wrapped by wrap_lines, in the current font and colour.
// `muted`: in the disabled-text colour.
void text_wrapped_at_spaces(std::string_view text, float width, bool muted = false);

}  // namespace rareshock::ui
