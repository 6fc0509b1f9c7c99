// Rare Earth Shock — the ModelRunner on its own: no ImGui, no frames. Inputs
// apply at once, the central estimate follows on request, the bands follow in
// budgeted slices, and a change mid-run abandons the old run.
#include "ui/model_runner.h"

#include <gtest/gtest.h>

#include <string>

namespace rareshock::ui {
namespace {

Inputs small_run() {
    Inputs in;
    in.draws = 60;  // keep the runs quick
    return in;
}

// Drives the runner to the end, as the platform's task or frames would.
int run_to_end(ModelRunner& runner, double budget_ms = 8.0) {
    int slices = 0;
    while (runner.advance(budget_ms)) ++slices;
    return slices + 1;
}

TEST(ModelRunner, InputsApplyAtOnceAndResultsFollowOnRequest) {
    ModelRunner runner;
    EXPECT_EQ(runner.generation(), 0u);
    EXPECT_TRUE(runner.set_inputs(small_run()));
    EXPECT_TRUE(runner.busy());
    Inputs in = small_run();
    in.approval_pct = 55;
    EXPECT_TRUE(runner.set_inputs(in));
    EXPECT_EQ(runner.inputs().approval_pct, 55.0);  // at once, before any model run
    EXPECT_EQ(runner.generation(), 0u);

    runner.ensure_current();  // the central estimate: one draw, microseconds
    EXPECT_EQ(runner.generation(), 1u);
    EXPECT_EQ(runner.results().inputs, runner.inputs());
    EXPECT_FALSE(runner.results().bands_ready);
    EXPECT_NE(runner.results_json().find("\"provisional\":true,"), std::string::npos);
    EXPECT_TRUE(runner.busy());  // the bands are still to come
    runner.ensure_current();      // nothing new to do
    EXPECT_EQ(runner.generation(), 1u);

    run_to_end(runner);
    EXPECT_FALSE(runner.busy());
    EXPECT_EQ(runner.generation(), 2u);
    EXPECT_TRUE(runner.results().bands_ready);
    EXPECT_NE(runner.results_json().find("\"provisional\":false,"), std::string::npos);
    EXPECT_GT(runner.last_model_ms(), 0.0);
}

TEST(ModelRunner, TheSameInputsAgainStartNoRun) {
    ModelRunner runner;
    runner.set_inputs(small_run());
    run_to_end(runner);
    const auto generation = runner.generation();
    EXPECT_FALSE(runner.set_inputs(small_run()));
    EXPECT_FALSE(runner.busy());
    EXPECT_FALSE(runner.advance(8.0));
    EXPECT_EQ(runner.generation(), generation);
}

TEST(ModelRunner, InputsAreClampedIntoTheirFieldRanges) {
    ModelRunner runner;
    Inputs in = small_run();
    in.approval_pct = 150;
    in.inventory_days = -3;
    runner.set_inputs(in);
    EXPECT_EQ(runner.inputs().approval_pct, find_input_field("approval")->max_value);
    EXPECT_EQ(runner.inputs().inventory_days, find_input_field("inventory")->min_value);
}

TEST(ModelRunner, AZeroBudgetStillGivesTheCentralEstimate) {
    ModelRunner runner;
    runner.set_inputs(small_run());
    EXPECT_TRUE(runner.advance(0.0));
    EXPECT_EQ(runner.generation(), 1u);
    EXPECT_FALSE(runner.results().bands_ready);
}

// New inputs while a Monte Carlo is in progress: the old run is dropped and the
// bands that land are those of the new inputs, bit for bit.
TEST(ModelRunner, NewInputsMidRunAbandonTheOldRun) {
    ModelRunner runner;
    Inputs first = small_run();
    first.draws = 3000;
    runner.set_inputs(first);
    EXPECT_TRUE(runner.advance(0.5));  // the central estimate and a first slice at most
    Inputs second = find_preset("embargo")->inputs;
    second.draws = 2000;  // many slices of 0.5 ms on any machine (200 draws could fit one slice: a flaky test)
    runner.set_inputs(second);
    EXPECT_GT(run_to_end(runner, 0.5), 1);
    ASSERT_TRUE(runner.results().bands_ready);
    EXPECT_EQ(runner.results().inputs, second);
    Simulator sim;
    Results direct;
    sim.run(second, direct);
    EXPECT_EQ(runner.results().timeline[0].p50, direct.timeline[0].p50);
    EXPECT_EQ(runner.results().regions[0].vehicles_lost.p90, direct.regions[0].vehicles_lost.p90);
    EXPECT_EQ(runner.results().summary, direct.summary);
}

TEST(ModelRunner, TheJsonIsMadeOncePerGeneration) {
    ModelRunner runner;
    runner.set_inputs(small_run());
    run_to_end(runner);
    const std::string* first = &runner.results_json();
    const std::string copy = *first;
    EXPECT_EQ(&runner.results_json(), first);
    EXPECT_EQ(runner.results_json(), copy);
    Inputs in = small_run();
    in.approval_pct = 80;
    runner.set_inputs(in);
    runner.ensure_current();
    EXPECT_NE(runner.results_json(), copy);
    EXPECT_EQ(runner.results_json(), results_to_json(runner.results()));
}

TEST(ModelRunner, TheFirstSliceIsSmallAndLaterOnesFillTheBudget) {
    // Nothing measured: the smallest slice, however much budget is left.
    EXPECT_EQ(ModelRunner::slice_draws(8.0, 0.0), ModelRunner::kMinSliceDraws);
    EXPECT_EQ(ModelRunner::slice_draws(1000.0, 0.0), ModelRunner::kMinSliceDraws);
    // Measured: what fits the budget left, within the bounds.
    EXPECT_EQ(ModelRunner::slice_draws(8.0, 0.01), 800);
    EXPECT_EQ(ModelRunner::slice_draws(0.01, 0.01), ModelRunner::kMinSliceDraws);
    EXPECT_EQ(ModelRunner::slice_draws(1e9, 0.01), ModelRunner::kMaxSliceDraws);
    EXPECT_EQ(ModelRunner::slice_draws(8.0, 1e-12), ModelRunner::kMaxSliceDraws);
}

}  // namespace
}  // namespace rareshock::ui
