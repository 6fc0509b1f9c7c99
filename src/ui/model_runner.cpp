// Rare Earth Shock — the model, run apart from the frames (see model_runner.h).
#include "model_runner.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace rareshock::ui {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

}  // namespace

ModelRunner::ModelRunner() {
    // Results are sized for the longest horizon up front, so the heap does not
    // step up when a reader first asks for a two-year horizon.
    const auto max_days = static_cast<size_t>(find_input_field("horizon")->max_value) + 1;
    for (Results* r : {&results_, &pending_})
        for (RegionTimeline& t : r->timeline)
            for (std::vector<float>* v : {&t.p10, &t.p50, &t.p90, &t.central, &t.lost_central}) v->reserve(max_days);
}

bool ModelRunner::set_inputs(const Inputs& in) {
    Inputs clamped = in;
    clamp_inputs(clamped);
    if (clamped == inputs_ && generation_ > 0) return false;
    inputs_ = clamped;
    need_central_ = true;
    return true;
}

void ModelRunner::ensure_current() {
    if (!need_central_) return;
    const auto t0 = Clock::now();
    simulator_.run_central(inputs_, results_);
    last_model_ms_ = results_.model_ms = ms_since(t0);
    need_central_ = false;
    ++generation_;
    const auto b0 = Clock::now();
    simulator_.begin_run(inputs_, pending_);  // abandons a run for older inputs
    run_ms_ = ms_since(b0);
    bands_running_ = true;
}

bool ModelRunner::advance(double budget_ms) {
    const auto t0 = Clock::now();
    ensure_current();
    while (bands_running_) {
        const double left_ms = budget_ms - ms_since(t0);
        if (left_ms <= 0.0) break;
        const int slice = slice_draws(left_ms, ms_per_draw_);
        const auto s0 = Clock::now();
        const bool done = simulator_.advance_run(slice, pending_);
        const double slice_ms = ms_since(s0);
        run_ms_ += slice_ms;
        if (!done) {
            const double measured = slice_ms / slice;
            ms_per_draw_ = ms_per_draw_ > 0.0 ? 0.5 * ms_per_draw_ + 0.5 * measured : measured;
            continue;
        }
        bands_running_ = false;
        std::swap(results_, pending_);  // no allocation: the vectors trade places
        last_model_ms_ = results_.model_ms = run_ms_;
        ++generation_;
    }
    return busy();
}

int ModelRunner::slice_draws(double left_ms, double ms_per_draw) {
    if (!(ms_per_draw > 0.0)) return kMinSliceDraws;
    const double draws = left_ms / std::max(ms_per_draw, 1e-4);
    return draws >= kMaxSliceDraws ? kMaxSliceDraws : std::max(kMinSliceDraws, static_cast<int>(draws));
}

void ModelRunner::set_language(Language lang) {
    if (lang == language_) return;
    language_ = lang;
    json_generation_ = ~std::uint64_t{0};  // made again in the new language
}

const std::string& ModelRunner::results_json() {
    if (json_generation_ != generation_) {
        json_ = results_to_json(results_, language_);
        json_generation_ = generation_;
    }
    return json_;
}

}  // namespace rareshock::ui
