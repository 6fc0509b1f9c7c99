// Rare Earth Shock — the charts, drawn with ImDrawList (glm for geometry).
#pragma once

#include "theme.h"

#include "model/results.h"

namespace rareshock::ui {

struct TimelineOptions {
    bool dated = true;          // calendar dates on the axis (day 0 = 4 April 2025)
    bool show_events = true;    // the article's real events as markers
    int today_day = -1;         // "today" marker if within the horizon
    bool reduced_motion = false;
    Language lang = Language::English;  // of every word and number drawn
};

// Lines halted per export region over time, P50 lines over P10–P90 bands, with a
// hover/tap readout. Reserves `height` px at the cursor; returns the chart rect.
struct ChartRect { float x0, y0, x1, y1; };
ChartRect draw_timeline(const Results& r, const TimelineOptions& opt, float width, float height, const Fonts& fonts,
                        const Palette& p);

// Days the timeline shows: the disruption and 60 days after it (at least 150, at most the horizon).
int timeline_shown_days(const Results& r);

// The region whose likely range (P10–P90) is shaded: the one with the highest median peak.
int timeline_shaded_region(const Results& r);

// The timeline's scale and words, shared by the canvas and the exported picture (export.h).
std::string timeline_subtitle(const Results& r, Language lang = Language::English);  // "Share of car plants with a line stopped, by region. Lines: …"
float timeline_y_max(const Results& r);           // top of the y axis: the smallest of 10/25/50/100 % that holds every band
float timeline_y_step(float y_max);               // its grid step
int timeline_last_stop_day(const Results& r);     // the last day any export region has a line stopped (P90); -1: none
std::string timeline_x_title(const Results& r, bool dated, Language lang = Language::English);  // "No line stopped after 5 Jun", …
std::string timeline_month_label(int day, Language lang = Language::English);       // a month tick: "Apr 2025" at day 0 and in January, else "May"

// The numbered key of the event markers (real 2025 events within the horizon).
void draw_event_key(int horizon_days, float width, const Fonts& fonts, const Palette& p, Language lang);

}  // namespace rareshock::ui
