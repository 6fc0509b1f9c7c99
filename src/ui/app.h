// Rare Earth Shock — the reader's interface, drawn with Dear ImGui from an AppState.
//
// [SECTION] Environment (what the surroundings tell the UI each frame)
// [SECTION] App
//
// What the UI asks of its surroundings (Host) and the reader's actions are in
// actions.h; App owns the frame: the page's look, the layout and the parts it draws,
// and hands its jobs to FontSet (fonts.h), Actions (actions.h) and Items (items.h).
// No Emscripten headers here: the UI runs headless in tests (ImGui context, no GL).
#pragma once

#include "model/model.h"
#include "model/query.h"
#include "ui/actions.h"
#include "ui/items.h"
#include "ui/model_runner.h"
#include "ui/page_options.h"

#include <cstddef>
#include <cstdint>
#include <vector>
#include <memory>
#include <span>
#include <string>
#include <string_view>

struct ImFont;

namespace rareshock::ui {

//-----------------------------------------------------------------------------
// [SECTION] Environment
//-----------------------------------------------------------------------------
// Layout breakpoints, in CSS px of the width available (the page's style sheet
// and the loader get them from the generated facts, see facts.h).
inline constexpr float kNarrowLayoutBelowPx = 600.0f;  // below: phones, one column, compact type
inline constexpr float kWideLayoutFromPx = 900.0f;     // from here: controls left, results right

struct Environment {
    float width_px = 1280.0f;        // CSS pixels available
    float device_pixel_ratio = 1.0f;
    bool system_prefers_dark = false;
    bool reduced_motion = false;
    bool coarse_pointer = false;     // touch screen: 44 px targets
    double time_seconds = 0.0;
    int today_day = -1;              // today as a day number since 4 April 2025 (-1: unknown)
};

//-----------------------------------------------------------------------------
// [SECTION] App
//-----------------------------------------------------------------------------
// What App::apply_query made of a query: its messages (the scenario's, then the
// page options'), and the parameters the caller named as its own, for it to read.
struct AppliedQuery {
    std::vector<QueryMessage> errors;    // values that were rejected (left unchanged)
    std::vector<QueryMessage> warnings;  // ignored: unknown or repeated keys, another version, an accent that cannot serve
    std::vector<QueryParam> caller_params;
    bool ok() const { return errors.empty(); }
};

// Draws from a ModelRunner it does not own: the runner computes whether or not
// frames are drawn (see model_runner.h); the App hands it the reader's inputs.
class App {
public:
    App(Host& host, ModelRunner& runner);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Fonts: (re)builds the atlas for this device pixel ratio (crisp text at
    // every DPR). The renderer must re-upload the font texture afterwards.
    void build_fonts(float device_pixel_ratio);
    float fonts_dpr() const;
    // A face for the characters of Japanese (TrueType, e.g. the build's font-ja.ttf),
    // checked (face_check.h) and copied; drawn once the fonts are built again while
    // the language is Japanese. Returns why it was refused ("" if taken): a refused
    // face leaves the one before it (none, at first) in place.
    // fonts_stale() says a build is due (a new face, or a new language that needs one).
    std::string set_japanese_face(const unsigned char* data, std::size_t size);
    bool fonts_stale() const;

    // Inputs: clamped into range and handed to the runner (it schedules the model).
    void set_inputs(const Inputs& inputs);
    // Applies URL parameters: the query is parsed once, its scenario by the model's
    // codec and its page options (page_options.h) here. `caller_keys` are parameters
    // the caller reads itself (the page's share=, origins=, …): accepted without a
    // warning and handed back in caller_params. Messages are for the caller to show.
    AppliedQuery apply_query(std::string_view query, std::span<const std::string_view> caller_keys = {});
    void apply_preset(std::string_view preset_id);
    // The reader's actions: the canvas's buttons and the page's twin run the same code.
    // Downloads finish the Monte Carlo first (the ranges are in the file), then
    // hand the file to the Host: the CSV, the picture at 1× or at 2× (print).
    // The actions and their table (kActions) are actions.h's.
    using Action = ui::Action;
    void run_action(Action action);
    // The scenario's picture for print: the composition of the PNG downloads
    // (export.h), light, without fonts inside (a page's SVG takes the page's fonts).
    std::string print_svg();
    // The host's late answer to a Pending copy_text, at time_seconds (the frames' clock).
    // On failure the host offers the link to copy by hand.
    void copy_finished(bool ok, double time_seconds);
    const Inputs& inputs() const;
    const Results& results() const;

    // The reader's language (lang= in the query sets it too): every word, number
    // and date drawn, the headline, and the results JSON the runner makes.
    void set_language(Language lang);
    Language language() const;
    // The headline: the summary sentence in the reader's language (made once per result).
    const std::string& summary();

    void set_theme_mode(ThemeMode m);
    ThemeMode theme_mode() const;
    bool dark() const;  // the theme in effect at the last draw
    bool dark_for(bool system_prefers_dark) const;  // the theme in effect, without drawing
    // A producer's accent (accent=) as it applies in this theme, for the page's
    // style sheet: "#rrggbb" colours of the accent and of text on it; false when
    // the theme keeps its own (no accent=, or too little contrast in this theme).
    bool custom_accent(bool dark, std::string* accent, std::string* on_accent) const;

    // Draws the whole interface inside the current ImGui frame.
    void draw(const Environment& env);
    // Height the content needs, in CSS pixels (the page sizes the canvas to it).
    float content_height() const;
    // True while something animates or the model computes: keep frames coming.
    bool wants_frames() const;
    // True while something on the canvas animates (a status line showing): draw every frame.
    bool animating() const;

    // Whether a touch at (x, y) (screen coords) lands on a slider's knob, which
    // drags at once (elsewhere a touch drag must first be clearly horizontal).
    bool drag_handle_at(float x, float y) const;

    // Where a named control was drawn last frame (screen coords), for tests and for
    // the platform: "knob:<slider>" is the touch target around that slider's knob,
    // "typed:<slider>" its typed entry (where a touch screen gets a real text field).
    using ItemRect = ui::ItemRect;
    bool find_item(std::string_view name, ItemRect& out) const;
    // For tests: the range of a named slider or stepper drawn last frame.
    using ItemRange = ui::ItemRange;
    bool find_range(std::string_view name, ItemRange& out) const;

    struct Impl;  // opaque; public so the drawing helpers in app.cpp can take it

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace rareshock::ui
