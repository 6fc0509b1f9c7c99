// Rare Earth Shock — where each named control was drawn (see items.h).
#include "items.h"

#include "widgets.h"

#include "imgui.h"

namespace rareshock::ui {

void Items::remember(const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    rects_[name] = ItemRect{a.x, a.y, b.x, b.y};
}

void Items::remember(const SliderSpec& s) {
    remember(s.id);
    ranges_[s.id] = ItemRange{s.min_value, s.max_value};
}

bool Items::find(std::string_view name, ItemRect& out) const {
    const bool knob = name.starts_with("knob:"), typed = name.starts_with("typed:");
    if (knob || typed) {
        ImVec2 a, b;
        const std::string_view id = name.substr(name.find(':') + 1);
        if (!(knob ? slider_knob_target(id, a, b) : slider_entry_box(id, a, b))) return false;
        out = ItemRect{a.x, a.y, b.x, b.y};
        return true;
    }
    const auto it = rects_.find(name);
    if (it == rects_.end()) return false;
    out = it->second;
    return true;
}

bool Items::find_range(std::string_view name, ItemRange& out) const {
    const auto it = ranges_.find(name);
    if (it == ranges_.end()) return false;
    out = it->second;
    return true;
}

}  // namespace rareshock::ui
