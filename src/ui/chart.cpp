// Rare Earth Shock — charts (see chart.h).
//
// [SECTION] Helpers
// [SECTION] Timeline
#include "chart.h"

#include "format.h"
#include "text.h"
#include "widgets.h"
#include "model/model.h"
#include "model/numbers.h"

#include "imgui_internal.h"

#include <glm/common.hpp>
#include <glm/vec2.hpp>

#include <algorithm>
#include <iterator>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace rareshock::ui {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------
ImVec2 iv(glm::vec2 v) { return ImVec2(v.x, v.y); }
ImU32 with_alpha(ImU32 c, float a) {
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::clamp(a, 0.0f, 1.0f) * 255.0f) << IM_COL32_A_SHIFT);
}

// Maps (day, share) to screen space.
struct Axes {
    glm::vec2 origin, size;  // plot area (top-left, size)
    float days;
    glm::vec2 at(float day, float share) const {
        return origin + glm::vec2(size.x * day / std::max(1.0f, days), size.y * (1.0f - glm::clamp(share, 0.0f, 1.0f)));
    }
};

float nice_step(float range, int target_ticks) {
    const float raw = range / static_cast<float>(std::max(1, target_ticks));
    const float mag = std::pow(10.0f, std::floor(std::log10(raw)));
    for (float m : {1.0f, 2.0f, 2.5f, 5.0f, 10.0f})
        if (raw <= m * mag) return m * mag;
    return 10.0f * mag;
}

// The last day any region has lines halted (P90), -1 if none.
int last_halted_day(const Results& r) {
    const int horizon = std::max(1, r.inputs.horizon_days);
    int last = -1;
    for (int i = 0; i < kExportRegionCount; ++i) {
        const RegionTimeline& t = r.timeline[i];
        const std::vector<float>& v = t.p90.empty() ? t.central : t.p90;
        for (int d = std::min(horizon, static_cast<int>(v.size()) - 1); d > last; --d)
            if (v[static_cast<size_t>(d)] > 0.0f) { last = d; break; }
    }
    return last;
}

// The x axis ends 45 days after the last halted day, at least 120 days in: the
// reader sees the disruption, not months of zeros.
int shown_days(const Results& r) {
    const int horizon = std::max(1, r.inputs.horizon_days);
    return std::clamp(last_halted_day(r) + 45, std::min(120, horizon), horizon);
}

// Top of the y axis: the smallest of 10/25/50/100 % that holds every band.
float y_max_for(const Results& r) {
    float peak = 0.0f;
    for (int i = 0; i < kExportRegionCount; ++i)
        for (float v : r.timeline[i].p90) peak = std::max(peak, v);
    for (float m : {0.1f, 0.25f, 0.5f, 1.0f})
        if (peak <= m * 0.98f) return m;
    return 1.0f;
}

//-----------------------------------------------------------------------------
// [SECTION] Timeline
//-----------------------------------------------------------------------------
// The readout of one day, in the tooltip pinned over the chart: date, each region's
// halted share (median and range), events near it.
void draw_readout(const Results& r, int d, bool dated, const Fonts& fonts, const Palette& p, Language lang) {
    const bool bands = r.bands_ready;
    const int days = shown_days(r);
    const auto events = events_2025();
    ImGui::PushFont(fonts.label);
    const std::string day = std::to_string(d);
    ImGui::TextUnformatted((dated ? ui_format(lang, "ui.readout.dated", {{"date", date_text(d, lang)}, {"n", day}})
                                  : ui_format(lang, "ui.readout.day", {{"n", day}})).c_str());
    ImGui::PopFont();
    const auto regions = region_data();
    for (int ri = 0; ri < kExportRegionCount; ++ri) {
        const RegionTimeline& t = r.timeline[ri];
        if (t.p50.size() <= static_cast<size_t>(d)) continue;
        const ImVec2 c = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(c.x, c.y + 4), ImVec2(c.x + 10, c.y + 14), p.region[ri], 2.0f);
        ImGui::SetCursorScreenPos(ImVec2(c.x + 16, c.y));
        // Plants, the unit the record counts, rounded once (model/results.h).
        const double plants = regions[ri].plants;
        const std::string name = region_name(ri, lang), total = plants_text(plants, lang);
        const std::string line =
            bands ? ui_format(lang, "ui.readout.plants_range",
                              {{"region", name}, {"n", plants_text(t.p50[d] * plants, lang)}, {"total", total},
                               {"lo", plants_text(t.p10[d] * plants, lang)}, {"hi", plants_text(t.p90[d] * plants, lang)}})
                  : ui_format(lang, "ui.readout.plants", {{"region", name}, {"n", plants_text(t.central[d] * plants, lang)}, {"total", total}});
        ImGui::TextUnformatted(line.c_str());
    }
    int n = 0;
    for (const Event& e : events) {
        ++n;
        if (std::abs(e.day - d) <= std::max(2, days / 60))
            ImGui::TextDisabled("%d. %s", n, event_label(lang, e).c_str());
    }
}

}  // namespace

ChartRect draw_timeline(const Results& r, const TimelineOptions& opt, float width, float height, const Fonts& fonts,
                        const Palette& p) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("timeline", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered() || ImGui::IsItemActive();

    const int days = shown_days(r);
    const float y_top = y_max_for(r);
    ImGui::PushFont(fonts.small);
    const float fs = ImGui::GetFontSize();
    const float left = ImGui::CalcTextSize(percent_text(100.0, 0, opt.lang).c_str()).x + 8.0f;
    const float scale_row = fs + 6.0f;  // "Scale 0–25%, zoomed in": the axis never rescales silently
    const float bottom = fs * (opt.dated ? 2.4f : 2.4f) + 6.0f;
    // The events' numbered badges sit in rows above the chart: each in the first row
    // where it clears the badge before it, so that every event shown has its number
    // at every width (two rows when events crowd, as May–June 2025's do on phones).
    constexpr int kBadgeRows = 2;
    const float plot_x = cursor.x + left, plot_w = width - left - 8.0f;
    std::vector<int> badge_row;  // per event: its row, or -1 (not shown, or no room even in the last row)
    int rows = 1;
    if (opt.show_events) {
        float last_x[kBadgeRows];
        std::fill(std::begin(last_x), std::end(last_x), -1000.0f);
        for (const Event& e : events_2025()) {
            int row = -1;
            if (e.day >= 0 && e.day <= days) {
                const float x = plot_x + plot_w * static_cast<float>(e.day) / static_cast<float>(std::max(days, 1));
                for (int k = 0; k < kBadgeRows && row < 0; ++k)
                    if (x - last_x[k] >= fs * 1.2f) row = k;
                if (row >= 0) {
                    last_x[row] = x;
                    rows = std::max(rows, row + 1);
                }
            }
            badge_row.push_back(row);
        }
    }
    const float badge_h = fs + 6.0f;
    const float top = scale_row + (opt.show_events ? static_cast<float>(rows) * badge_h + 4.0f : 6.0f);
    Axes ax{glm::vec2(plot_x, cursor.y + top), glm::vec2(plot_w, height - top - bottom), static_cast<float>(days)};
    auto share_scaled = [&](float s) { return s / y_top; };

    // The y axis zooms to the smallest of 10/25/50/100 % that holds every band (small
    // shares stay readable); the row above the chart says which, in the text colour when zoomed.
    {
        const std::string top_pct = percent_text(y_top * 100.0, 0, opt.lang);
        const std::string note = ui_format(opt.lang, y_top < 0.999f ? "ui.chart.scale_zoomed" : "ui.chart.scale", {{"pct", top_pct}});
        dl->AddText(ImVec2(cursor.x, cursor.y), y_top < 0.999f ? p.text : p.muted, note.c_str());
        if (!r.bands_ready) {  // in this row, so the layout does not change when the ranges land
            const std::string computing(ui_text(opt.lang, "ui.chart.computing"));
            const float cw = ImGui::CalcTextSize(computing.c_str()).x;
            dl->AddText(ImVec2(cursor.x + width - cw, cursor.y), p.muted, computing.c_str());
        }
    }

    // Grid and y labels.
    const float ystep = timeline_y_step(y_top);
    for (float s = 0.0f; s <= y_top + 1e-4f; s += ystep) {
        const glm::vec2 a = ax.at(0, share_scaled(s)), b = ax.at(static_cast<float>(days), share_scaled(s));
        dl->AddLine(iv(a), iv(b), s == 0.0f ? p.muted : p.grid, 1.0f);
        const std::string label = percent_text(static_cast<double>(s) * 100.0, 0, opt.lang);
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        dl->AddText(ImVec2(a.x - ts.x - 6.0f, a.y - ts.y * 0.5f), p.muted, label.c_str());
    }

    // X axis: month starts when dated, else day numbers.
    if (opt.dated) {
        float last_label_end = -1000.0f;
        for (int d = 0; d <= days; ++d) {
            const Date date = date_of_day(d);
            if (date.day != 1 && d != 0) continue;
            const glm::vec2 a = ax.at(static_cast<float>(d), 0);
            dl->AddLine(iv(a), ImVec2(a.x, a.y + 4), p.muted, 1.0f);
            const std::string label = timeline_month_label(d, opt.lang);
            const float w = ImGui::CalcTextSize(label.c_str()).x;
            if (a.x < last_label_end + 8.0f || a.x + w > ax.origin.x + ax.size.x + 8.0f) continue;
            dl->AddText(ImVec2(a.x + 2, a.y + 5), p.muted, label.c_str());
            last_label_end = a.x + 2 + w;
        }
    } else {
        const float step = nice_step(static_cast<float>(days), std::max(2, static_cast<int>(ax.size.x / 70.0f)));
        for (float d = 0; d <= static_cast<float>(days) + 0.5f; d += step) {
            const glm::vec2 a = ax.at(d, 0);
            dl->AddLine(iv(a), ImVec2(a.x, a.y + 4), p.muted, 1.0f);
            char buf[16];
            rareshock::format(buf, sizeof buf, "%.0f", d);
            const float w = ImGui::CalcTextSize(buf).x;
            dl->AddText(ImVec2(a.x - w * 0.5f, a.y + 5), p.muted, buf);
        }
    }
    // The longest axis title that fits the width.
    const int last_halt = last_halted_day(r);
    const std::string x_title = timeline_x_title(r, opt.dated, opt.lang);
    dl->AddText(ImVec2(ax.origin.x, ax.origin.y + ax.size.y + fs + 8.0f), p.muted, x_title.c_str());

    // Events: dashed verticals with a number; the hover readout names them.
    const auto events = events_2025();
    if (opt.show_events) {
        int n = 0;
        for (const Event& e : events) {
            const int row = badge_row[static_cast<std::size_t>(n)];
            ++n;
            if (e.day < 0 || e.day > days) continue;
            const glm::vec2 a = ax.at(static_cast<float>(e.day), share_scaled(y_top)), b = ax.at(static_cast<float>(e.day), 0);
            // The dashed line runs up to its badge's row.
            const float line_top = a.y - static_cast<float>(std::max(row, 0)) * badge_h;
            for (float y = line_top; y < b.y; y += 6.0f) dl->AddLine(ImVec2(a.x, y), ImVec2(a.x, std::min(y + 3.0f, b.y)), p.event, 1.0f);
            if (row < 0) continue;  // no room even in the last row: the key lists them all
            char buf[16];
            rareshock::format(buf, sizeof buf, "%d", n);
            const ImVec2 ts = ImGui::CalcTextSize(buf);
            const float cy = a.y - fs * 0.5f - 2.0f - static_cast<float>(row) * badge_h;
            dl->AddCircleFilled(ImVec2(a.x, cy), fs * 0.55f, p.surface, 16);
            dl->AddText(ImVec2(a.x - ts.x * 0.5f, cy - fs * 0.5f), p.text, buf);
        }
    }
    if (opt.today_day >= 0 && opt.today_day <= days) {
        const glm::vec2 a = ax.at(static_cast<float>(opt.today_day), share_scaled(y_top)), b = ax.at(static_cast<float>(opt.today_day), 0);
        dl->AddLine(iv(a), iv(b), p.text, 1.5f);
        dl->AddText(ImVec2(a.x + 4, a.y), p.text, std::string(ui_text(opt.lang, "ui.chart.today")).c_str());
    }

    // Bands then lines, China excluded (reference row, never short).
    const bool bands = r.bands_ready;
    // Bands are strips of quads: without anti-aliased fill their shared edges leave no seams.
    const ImDrawListFlags saved_flags = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    const int shaded = timeline_shaded_region(r);
    for (int ri = kExportRegionCount - 1; ri >= 0; --ri) {
        const RegionTimeline& t = r.timeline[ri];
        if (t.p50.empty()) continue;
        const int n = std::min(days + 1, static_cast<int>(t.p50.size()));
        if (bands && ri == shaded) {  // one band: five overlapping ones turn to mud
            for (int d = 0; d + 1 < n; ++d) {
                if (t.p90[d] <= 0.0f && t.p90[d + 1] <= 0.0f) continue;
                const glm::vec2 a0 = ax.at(static_cast<float>(d), share_scaled(t.p10[d])), a1 = ax.at(static_cast<float>(d + 1), share_scaled(t.p10[d + 1]));
                const glm::vec2 b0 = ax.at(static_cast<float>(d), share_scaled(t.p90[d])), b1 = ax.at(static_cast<float>(d + 1), share_scaled(t.p90[d + 1]));
                dl->AddQuadFilled(iv(a0), iv(a1), iv(b1), iv(b0), with_alpha(p.region[ri], 0.22f));
            }
        }
    }
    dl->Flags = saved_flags;
    for (int ri = kExportRegionCount - 1; ri >= 0; --ri) {
        const RegionTimeline& t = r.timeline[ri];
        const std::vector<float>& line = bands ? t.p50 : t.central;
        if (line.empty()) continue;
        const int n = std::min(days + 1, static_cast<int>(line.size()));
        static ImVector<ImVec2> pts;
        pts.resize(0);
        for (int d = 0; d < n; ++d) pts.push_back(iv(ax.at(static_cast<float>(d), share_scaled(line[d]))));
        dl->AddPolyline(pts.Data, pts.Size, p.region[ri], 0, 2.25f);
    }

    if (last_halt < 0) {
        const std::string text(ui_text(opt.lang, "ui.chart.no_stops"));
        const char* msg = text.c_str();
        const ImVec2 ts = ImGui::CalcTextSize(msg);
        const glm::vec2 c = ax.origin + ax.size * 0.5f;
        dl->AddRectFilled(ImVec2(c.x - ts.x * 0.5f - 8, c.y - ts.y * 0.5f - 4), ImVec2(c.x + ts.x * 0.5f + 8, c.y + ts.y * 0.5f + 4),
                          p.background, 4.0f);
        dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), p.text, msg);
    }

    // Hover / tap readout. A click or tap pins the day, so the readout stays on a
    // touch screen after the finger lifts; tapping the pinned day again unpins it.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID pin_id = ImGui::GetID("timeline-pinned-day");
    int pinned = storage->GetInt(pin_id, -1);
    auto day_at = [&](float x) {
        return std::clamp(static_cast<int>(std::lround((x - ax.origin.x) / ax.size.x * static_cast<float>(days))), 0, days);
    };
    if (ImGui::IsItemClicked()) {
        const int d = day_at(ImGui::GetIO().MousePos.x);
        pinned = (d == pinned) ? -1 : d;
        storage->SetInt(pin_id, pinned);
    }
    if (pinned > days) pinned = -1;
    const int readout_day = hovered ? day_at(ImGui::GetIO().MousePos.x) : pinned;
    if (readout_day >= 0) {
        const int d = readout_day;
        const glm::vec2 a = ax.at(static_cast<float>(d), share_scaled(y_top)), b = ax.at(static_cast<float>(d), 0);
        dl->AddLine(iv(a), iv(b), hovered ? p.muted : p.text, 1.0f);
        if (!hovered) {  // pinned: beside the day's line, inside the chart
            const bool to_left = a.x > ax.origin.x + ax.size.x * 0.5f;
            ImGui::SetNextWindowPos(ImVec2(a.x + (to_left ? -10.0f : 10.0f), a.y + 4.0f), ImGuiCond_Always,
                                    ImVec2(to_left ? 1.0f : 0.0f, 0.0f));
        }
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
        ImGui::BeginTooltip();
        draw_readout(r, d, opt.dated, fonts, p, opt.lang);
        ImGui::EndTooltip();
        ImGui::PopStyleVar();
    }
    ImGui::PopFont();
    return {cursor.x, cursor.y, cursor.x + width, cursor.y + height};
}

int timeline_shown_days(const Results& r) { return shown_days(r); }
float timeline_y_max(const Results& r) { return y_max_for(r); }
float timeline_y_step(float y_max) { return y_max <= 0.1f ? 0.02f : (y_max <= 0.25f ? 0.05f : (y_max <= 0.5f ? 0.1f : 0.25f)); }
int timeline_last_stop_day(const Results& r) { return last_halted_day(r); }

std::string timeline_x_title(const Results& r, bool dated, Language lang) {
    const int last_halt = last_halted_day(r);
    if (shown_days(r) < std::max(1, r.inputs.horizon_days) && last_halt >= 0)
        return ui_format(lang, "ui.chart.no_stop_after", {{"date", short_date_text(last_halt, lang)}});
    return dated || last_halt < 0 ? ui_format(lang, "ui.chart.licences_from", {{"date", date_text(0, lang)}})
                                  : std::string(ui_text(lang, "ui.chart.days_since"));
}

std::string timeline_month_label(int day, Language lang) {
    const Date date = date_of_day(day);
    const std::string month = month_axis_text(date.month, lang);
    if (date.month == 1 || day == 0)
        return ui_format(lang, "ui.chart.month_year", {{"month", month}, {"year", std::to_string(date.year)}});
    return month;
}

std::string timeline_subtitle(const Results& r, Language lang) {
    return ui_format(lang, "ui.chart.subtitle", {{"draws", number_text(r.inputs.draws, 0, lang)},
                                                 {"region", region_name(timeline_shaded_region(r), lang)}});
}

int timeline_shaded_region(const Results& r) {
    int best = 0;
    float best_peak = -1.0f;
    for (int i = 0; i < kExportRegionCount; ++i) {
        float peak = 0.0f;
        for (float v : r.timeline[i].p50) peak = std::max(peak, v);
        if (peak > best_peak) { best_peak = peak; best = i; }
    }
    return best;
}

void draw_event_key(int horizon_days, float width, const Fonts& fonts, const Palette& p, Language lang) {
    ImGui::PushFont(fonts.small);
    const float x0 = ImGui::GetCursorPosX();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.muted));
    text_wrapped_at_spaces(ui_text(lang, "ui.events.title"), width);
    ImGui::PopStyleColor();
    const float col_w = width >= 560.0f ? (width - 12.0f) * 0.5f : width;
    const float fs = ImGui::GetFontSize();
    int n = 0, shown = 0;
    for (const Event& e : events_2025()) {
        ++n;
        if (e.day < 0 || e.day > horizon_days) continue;
        if (col_w < width && shown % 2 == 1) {
            ImGui::SameLine(0, 0);  // SetCursorPosX, not SameLine(x): SameLine adds the group's offset
            ImGui::SetCursorPosX(x0 + col_w + 12.0f);
        } else {
            ImGui::SetCursorPosX(x0);
        }
        // The number in a badge, as on the chart, then the date, then the event.
        char num[16];
        rareshock::format(num, sizeof num, "%d", n);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 ns = ImGui::CalcTextSize(num);
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + fs * 0.55f, at.y + fs * 0.6f), fs * 0.6f, p.surface, 16);
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + fs * 0.55f - ns.x * 0.5f, at.y + fs * 0.6f - ns.y * 0.5f), p.text, num);
        ImGui::Dummy(ImVec2(fs * 1.5f, fs));
        ImGui::SameLine(0, 0);
        const std::string date = short_date_text(e.day, lang) + "  ";
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.muted));
        ImGui::TextUnformatted(date.c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine(0, 0);
        ImGui::BeginGroup();
        text_wrapped_at_spaces(event_label(lang, e), col_w - ImGui::CalcTextSize(date.c_str()).x - fs * 1.5f);
        ImGui::EndGroup();
        ++shown;
    }
    ImGui::PopFont();
}

}  // namespace rareshock::ui
