// Rare Earth Shock — the model, run apart from the frames.
//
// The ModelRunner owns the Simulator, the results buffers and the Monte Carlo
// slices. Whoever has time drives it: the frame before it draws, or the
// platform's timer when no frame is drawn (canvas offscreen, tab hidden, WebGL
// context lost). The App only reads inputs() and results() and hands new
// inputs to set_inputs(). Rendering may pause; the model never does.
//
// No ImGui, no Emscripten: it runs headless in the native tests.
#pragma once

#include "model/model.h"

#include <cstdint>
#include <string>

namespace rareshock::ui {

class ModelRunner {
public:
    ModelRunner();
    ModelRunner(const ModelRunner&) = delete;
    ModelRunner& operator=(const ModelRunner&) = delete;

    // New inputs, clamped into range. Returns true if they differ from the
    // current ones: the central estimate is then due, and a Monte Carlo in
    // progress for the old inputs is abandoned. inputs() reflects them at once.
    bool set_inputs(const Inputs& inputs);
    const Inputs& inputs() const { return inputs_; }

    // The latest results. After set_inputs() they still describe the previous
    // inputs until the next advance() or ensure_current().
    const Results& results() const { return results_; }

    // Runs the central estimate now if it is due (well under a millisecond), so
    // results() describe inputs(): provisional (P10 = P50 = P90) until the bands land.
    void ensure_current();

    // Runs the work that is due for about `budget_ms`: the central estimate
    // first (always, whatever the budget), then Monte Carlo slices sized from
    // the measured cost per draw. Returns true while more work is pending.
    bool advance(double budget_ms);
    bool busy() const { return need_central_ || bands_running_; }

    // Counts every new results (central or with bands); starts at 0 (none yet).
    std::uint64_t generation() const { return generation_; }
    // Wall time of the computation behind results() (the whole Monte Carlo, all slices).
    double last_model_ms() const { return last_model_ms_; }

    // results_to_json(results(), language), made at most once per generation.
    const std::string& results_json();
    // The language of the JSON's summary and display text.
    void set_language(Language lang);

    // How many draws a slice runs with `left_ms` of the budget left, at `ms_per_draw`
    // (0: not measured yet). The first slice is small whatever the budget: its cost per
    // draw is not known, and the first calls run WebAssembly's baseline code (several
    // times slower than what the engine compiles later), so a slice sized from a guess
    // held a phone's first drawing frame for 50–100 ms at 4× CPU.
    static int slice_draws(double left_ms, double ms_per_draw);
    static constexpr int kMinSliceDraws = 8, kMaxSliceDraws = 5000;

private:
    Simulator simulator_;
    Inputs inputs_;
    Results results_;              // what the reader sees
    Results pending_;              // where a Monte Carlo lands before it is shown
    std::uint64_t generation_ = 0;
    bool need_central_ = true;
    bool bands_running_ = false;
    double run_ms_ = 0.0;          // time spent on the Monte Carlo in progress so far
    double ms_per_draw_ = 0.0;     // measured, to size the slices (0: not yet)
    double last_model_ms_ = 0.0;
    std::string json_;
    Language language_ = Language::English;
    std::uint64_t json_generation_ = ~std::uint64_t{0};
};

}  // namespace rareshock::ui
