// Rare Earth Shock — where each named control was drawn in the last frame: for
// tests (find a button, a slider's range) and for the platform (the touch target
// around a slider's knob, the box where a phone gets a real text field).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace rareshock::ui {

struct SliderSpec;

struct ItemRect { float x0, y0, x1, y1; };
struct ItemRange { double min, max; };

class Items {
public:
    // A new frame: forget the last one's controls (ranges stay: a slider keeps its range).
    void clear() { rects_.clear(); }
    // The last ImGui item, under this name.
    void remember(const char* name);
    // A rectangle the part drew itself (more than one ImGui item).
    void put(const char* name, const ItemRect& r) { rects_[name] = r; }
    // A slider: its rectangle and its range.
    void remember(const SliderSpec& s);
    // "knob:<slider>" is the touch target around that slider's knob, "typed:<slider>"
    // its typed entry; any other name is a control remembered this frame.
    bool find(std::string_view name, ItemRect& out) const;
    bool find_range(std::string_view name, ItemRange& out) const;

private:
    std::map<std::string, ItemRect, std::less<>> rects_;
    std::map<std::string, ItemRange, std::less<>> ranges_;
};

}  // namespace rareshock::ui
