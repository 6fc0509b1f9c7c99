// Rare Earth Shock — headless Dear ImGui tests: a real ImGui context and the real
// App, no GL. They click, drag and type on the controls and check the app state.
#include "broken_faces.h"
#include "ui/app.h"
#include "ui/detail.h"
#include "ui/theme.h"
#include "ui/text.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cstdio>
#include <string>
#include <vector>

namespace rareshock::ui {
namespace {

struct FakeHost final : Host {
    std::vector<std::string> copied, downloads, statuses, images;
    std::string last_svg;
    bool method_section = true;
    int method_shown = 0;
    bool has_method_section() const override { return method_section; }
    void show_method_section() override { ++method_shown; }
    CopyOutcome copy_text(const std::string& t) override { copied.push_back(t); return CopyOutcome::Copied; }
    void download_text(const std::string& name, const std::string&, const std::string& data) override {
        downloads.push_back(name + ":" + std::to_string(data.size()));
    }
    void download_image(const std::string& name, const std::string& svg, float w, float h, float scale) override {
        if (w > 0 && h > 0 && svg.rfind("<?xml", 0) == 0) images.push_back(name + ":" + std::to_string(scale));
        last_svg = svg;
    }
    int today_day() override { return 606; }  // 1 December 2026
    std::string share_url(const std::string& q) override { return "https://example.test/?" + q; }
    void show_status(const std::string& text) override { statuses.push_back(text); }
};

class UiTest : public ::testing::Test {
protected:
    FakeHost host;
    ImGuiContext* ctx = nullptr;
    ModelRunner runner;
    std::unique_ptr<App> app;
    Environment env;
    double t = 0;

    void SetUp() override {
        ctx = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        app = std::make_unique<App>(host, runner);
        app->build_fonts(1.0f);
        env.width_px = 1280;
        Inputs in;
        in.draws = 50;  // keep the headless runs quick
        app->set_inputs(in);
        frames(3);
    }
    void TearDown() override {
        app.reset();
        ImGui::DestroyContext(ctx);
    }
    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(env.width_px, app->content_height());
        io.DeltaTime = 1.0f / 60.0f;
        t += 1.0 / 60.0;
        env.time_seconds = t;
        runner.advance(8.0);  // as the web platform does before each frame
        ImGui::NewFrame();
        app->draw(env);
        ImGui::Render();
    }
    void frames(int n) { for (int i = 0; i < n; ++i) frame(); }
    App::ItemRect item(const char* name) {
        App::ItemRect r{};
        EXPECT_TRUE(app->find_item(name, r)) << name;
        return r;
    }
    void move(float x, float y) { ImGui::GetIO().MousePos = ImVec2(x, y); frame(); }
    void press(bool down) { ImGui::GetIO().MouseDown[0] = down; frame(); }
    void click(float x, float y) { move(x, y); press(true); press(false); frames(2); }
};

TEST_F(UiTest, PlusAndMinusStepTheApprovalRate) {
    const App::ItemRect r = item("approval");
    const double before = app->inputs().approval_pct;
    // The [+] button is the last square of the slider row (bottom right).
    click(r.x1 - 10, r.y1 - 10);
    EXPECT_DOUBLE_EQ(app->inputs().approval_pct, before + 1);
    click(r.x0 + 10, r.y1 - 10);
    EXPECT_DOUBLE_EQ(app->inputs().approval_pct, before);
}

TEST_F(UiTest, DraggingTheTrackSetsTheValueAndRecomputes) {
    const App::ItemRect r = item("approval");
    const float y = r.y1 - 12;
    const float left = r.x0 + 60, right = r.x1 - 60;
    const double lost_before = app->results().regions[0].vehicles_lost.p50;
    move(left + (right - left) * 0.25f, y);
    press(true);
    for (int i = 1; i <= 10; ++i) move(left + (right - left) * (0.25f + 0.06f * static_cast<float>(i)), y);
    press(false);
    frames(3);
    EXPECT_GT(app->inputs().approval_pct, 70.0);
    EXPECT_LT(app->inputs().approval_pct, 95.0);
    EXPECT_TRUE(app->results().bands_ready);
    EXPECT_LE(app->results().regions[0].vehicles_lost.p50, lost_before);
}

TEST_F(UiTest, OnlyTheKnobsAreDragHandles) {
    const App::ItemRect knob = item("knob:approval");
    const App::ItemRect slider = item("approval");
    const float kx = (knob.x0 + knob.x1) / 2, ky = (knob.y0 + knob.y1) / 2;
    EXPECT_GE(knob.x1 - knob.x0, 44.0f);  // a finger-sized target
    EXPECT_TRUE(app->drag_handle_at(kx, ky));
    EXPECT_GT(ky, slider.y0);
    EXPECT_LT(ky, slider.y1);
    // The rest of the track, the headline and the chart are not: a touch there must first be horizontal.
    const float track_far = kx < (slider.x0 + slider.x1) / 2 ? slider.x1 - 80 : slider.x0 + 80;
    EXPECT_FALSE(app->drag_handle_at(track_far, ky));
    const App::ItemRect head = item("headline");
    EXPECT_FALSE(app->drag_handle_at((head.x0 + head.x1) / 2, (head.y0 + head.y1) / 2));
    const App::ItemRect chart = item("chart");
    EXPECT_FALSE(app->drag_handle_at((chart.x0 + chart.x1) / 2, (chart.y0 + chart.y1) / 2));
}

TEST_F(UiTest, AKnobStaysOnItsTrackWhateverTheValue) {
    Inputs in = app->inputs();
    in.inventory_days = find_input_field("inventory")->max_value;  // may be more than the slider shows
    app->set_inputs(in);
    frames(2);
    const App::ItemRect knob = item("knob:inventory");
    const App::ItemRect slider = item("inventory");
    EXPECT_LE((knob.x0 + knob.x1) / 2, slider.x1);
    EXPECT_GE((knob.x0 + knob.x1) / 2, slider.x0);
}

TEST_F(UiTest, TextBreaksOnlyAtSpaces) {
    // The headline's numbers ("154,000–977,000") never split, whatever the width.
    const std::string text = app->results().summary;
    ASSERT_NE(text.find(','), std::string::npos);
    ImGui::NewFrame();
    for (float width = 120.0f; width <= 640.0f; width += 1.0f) {
        const std::vector<std::string_view> lines = wrap_lines(text, width);
        std::string joined;
        for (std::string_view l : lines) {
            EXPECT_FALSE(l.empty()) << width;
            EXPECT_NE(l.front(), ' ') << width;
            EXPECT_NE(l.back(), ' ') << width;
            if (!joined.empty()) joined += ' ';
            joined += l;
        }
        EXPECT_EQ(joined, text) << "lines are the text broken at spaces, at width " << width;
    }
    EXPECT_EQ(wrap_lines("a\nb", 500.0f).size(), 2u);
    EXPECT_EQ(wrap_lines("", 100.0f).size(), 1u);
    ImGui::EndFrame();
}

TEST_F(UiTest, PresetChipsApplyPresets) {
    const App::ItemRect r = item("preset:embargo");
    click((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    EXPECT_EQ(app->inputs().approval_pct, find_preset("embargo")->inputs.approval_pct);
    EXPECT_EQ(matching_preset(app->inputs()), find_preset("embargo"));
}

TEST_F(UiTest, TypedEntryIsClampedIntoRange) {
    const App::ItemRect r = item("inventory");
    // The typed-entry box is at the top right of the control.
    click(r.x1 - 30, r.y0 + 12);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown['A'] = true; io.KeyMap[ImGuiKey_A] = 'A';
    frame();
    io.KeysDown['A'] = false; io.KeyCtrl = false;
    frame();
    for (char ch : std::string("999")) io.AddInputCharacter(static_cast<unsigned>(ch));
    frame();
    io.KeyMap[ImGuiKey_Enter] = 13;
    io.KeysDown[13] = true; frame();
    io.KeysDown[13] = false; frames(2);
    EXPECT_LE(app->inputs().inventory_days, find_input_field("inventory")->max_value);
    EXPECT_GT(app->inputs().inventory_days, 45.0);
}

TEST_F(UiTest, TypedEntryTakesTheNumberTypedAndIgnoresTextWithoutOne) {
    const App::ItemRect r = item("inventory");
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_A] = 'A';
    io.KeyMap[ImGuiKey_Enter] = 13;
    const auto type_and_enter = [&](const std::string& text) {
        click(r.x1 - 30, r.y0 + 12);
        io.KeyCtrl = true;
        io.KeysDown['A'] = true;
        frame();
        io.KeysDown['A'] = false;
        io.KeyCtrl = false;
        frame();
        for (char ch : text) io.AddInputCharacter(static_cast<unsigned>(ch));
        frame();
        io.KeysDown[13] = true;
        frame();
        io.KeysDown[13] = false;
        frames(2);
    };
    type_and_enter("90");
    EXPECT_EQ(app->inputs().inventory_days, 90.0);
    type_and_enter(".");  // no number: the value stays
    EXPECT_EQ(app->inputs().inventory_days, 90.0);
    type_and_enter("1e2");  // 'e' is not a decimal character: "12"
    EXPECT_EQ(app->inputs().inventory_days, 12.0);
}

TEST_F(UiTest, EachSliderPublishesItsTypedEntryBox) {
    // The platform puts a real text field over it on touch screens: it must be the field ImGui edits.
    const App::ItemRect r = item("inventory");
    const App::ItemRect e = item("typed:inventory");
    EXPECT_GE(e.x0, r.x0);
    EXPECT_LE(e.x1, r.x1);
    EXPECT_GE(e.y0, r.y0);
    EXPECT_GT(e.x1 - e.x0, 60.0f);
    EXPECT_GT(e.y1 - e.y0, 20.0f);
    // A click at its centre edits the typed entry (ImGui wants text input), not the track.
    click((e.x0 + e.x1) / 2, (e.y0 + e.y1) / 2);
    EXPECT_TRUE(ImGui::GetIO().WantTextInput);
    App::ItemRect none{};
    EXPECT_FALSE(app->find_item("typed:lag", none));  // the advanced sliders are not drawn yet
    EXPECT_FALSE(app->find_item("typed:", none));
}

TEST_F(UiTest, AdvancedAssumptionsOpenOnClick) {
    App::ItemRect lag{};
    EXPECT_FALSE(app->find_item("lag", lag));
    const App::ItemRect r = item("advanced");
    click(r.x0 + 30, (r.y0 + r.y1) / 2);
    EXPECT_TRUE(app->find_item("lag", lag));
}

TEST_F(UiTest, ShareCopiesALinkThatReproducesTheInputs) {
    const App::ItemRect r = item("share");
    click((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    ASSERT_EQ(host.copied.size(), 1u);
    const std::string& url = host.copied[0];
    const auto q = url.find('?');
    ASSERT_NE(q, std::string::npos);
    const DecodedQuery d = decode_query(url.substr(q + 1));
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.inputs, app->inputs());
}

TEST_F(UiTest, CsvAndPngDownloadsNameTheScenario) {
    App::ItemRect r = item("csv");
    click((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    ASSERT_EQ(host.downloads.size(), 1u);
    EXPECT_EQ(host.downloads[0].rfind("rare-earth-shock_2025_approval-25_inventory-65.csv:", 0), 0u) << host.downloads[0];
    r = item("png");
    click((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    r = item("png2x");
    click((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    ASSERT_EQ(host.images.size(), 2u);
    EXPECT_EQ(host.images[0], "rare-earth-shock_2025_approval-25_inventory-65.png:1.000000");
    EXPECT_EQ(host.images[1], "rare-earth-shock_2025_approval-25_inventory-65@2x.png:2.000000");
}

// A download waits for nothing: it finishes the Monte Carlo in progress, so the
// file holds the ranges even when asked for right after a change.
TEST_F(UiTest, DownloadsHoldTheRangesRightAfterAChange) {
    Inputs in = app->inputs();
    in.approval_pct = 40;
    app->set_inputs(in);
    EXPECT_TRUE(runner.busy());
    app->run_action(App::Action::DownloadCsv);
    EXPECT_FALSE(runner.busy());
    EXPECT_TRUE(app->results().bands_ready);
    EXPECT_EQ(app->results().inputs.approval_pct, 40.0);
}

TEST_F(UiTest, ResetRestoresThe2025Defaults) {
    Inputs in = app->inputs();
    in.approval_pct = 80;
    app->set_inputs(in);
    frames(2);
    const App::ItemRect r = item("reset");
    click((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    EXPECT_EQ(app->inputs().approval_pct, Inputs{}.approval_pct);
}

TEST_F(UiTest, PhoneWidthStacksWithoutOverflow) {
    env.width_px = 360;
    env.coarse_pointer = true;
    frames(3);
    for (const char* name : {"headline", "approval", "inventory", "chart", "preset:truce"}) {
        const App::ItemRect r = item(name);
        EXPECT_LE(r.x1, 360.5f) << name;
        EXPECT_GE(r.x0, 0.0f) << name;
    }
    // One column: the chart comes after the controls.
    EXPECT_GT(item("chart").y0, item("inventory").y1);
    // Touch targets of 44 px.
    const App::ItemRect s = item("preset:truce");
    EXPECT_GE(s.y1 - s.y0, 44.0f);
}

// Phones: the canvas is the instrument, one screen (844 px) at most: the key figures,
// the sliders, the presets and the chart. The advanced inputs, the actions and the
// link to the method are the page's HTML under it (page.js), and so is the sentence.
TEST_F(UiTest, PhoneCanvasIsTheInstrumentInOneScreen) {
    env.coarse_pointer = true;
    for (Language lang : {Language::English, Language::German, Language::Japanese}) {
        app->set_language(lang);
        for (float width : {360.0f, 390.0f}) {
            env.width_px = width;
            frames(3);
            EXPECT_LE(app->content_height(), 844.0f) << language_code(lang) << " at " << width << " px";
            App::ItemRect r{};
            for (const char* name : {"advanced", "share", "csv", "method"}) EXPECT_FALSE(app->find_item(name, r)) << name;
            EXPECT_TRUE(app->find_item("headline", r));  // the key figures
        }
    }
    // Wider, the canvas draws them again.
    env.width_px = 760;
    frames(3);
    App::ItemRect r{};
    for (const char* name : {"advanced", "share", "csv", "method"}) EXPECT_TRUE(app->find_item(name, r)) << name;
}

TEST_F(UiTest, DesktopWidthHasTwoColumns) {
    env.width_px = 1280;
    frames(2);
    EXPECT_GT(item("chart").x0, item("approval").x1);
    EXPECT_LT(item("chart").y0, item("inventory").y1);
}

TEST_F(UiTest, NoFramesWantedOnceSettled) {
    frames(5);
    EXPECT_FALSE(app->wants_frames());
}

TEST(Theme, TextContrastIsAtLeast4_5To1) {
    for (bool dark : {false, true}) {
        const Palette& p = palette(dark);
        EXPECT_GE(contrast_ratio(p.text, p.background), 4.5f) << dark;
        EXPECT_GE(contrast_ratio(p.muted, p.background), 4.5f) << dark;
        EXPECT_GE(contrast_ratio(p.muted, p.surface), 4.5f) << dark;
        EXPECT_GE(contrast_ratio(p.accent, p.background), 4.5f) << dark;
        EXPECT_GE(contrast_ratio(p.on_accent, p.accent), 4.5f) << dark;
        for (int i = 0; i < kExportRegionCount; ++i)  // region lines: graphics need 3:1
            EXPECT_GE(contrast_ratio(p.region[i], p.background), 3.0f) << dark << " region " << i;
    }
}

TEST(Theme, AProducersAccentAppliesWhereItKeepsContrast) {
    Look look;
    look.has_accent = true;
    look.accent = colour_from_hex("#8a1538");  // a dark red: 8:1 on white, 2.3:1 on the dark background
    const Palette light = palette_for(false, look), dark = palette_for(true, look);
    EXPECT_EQ(light.accent, look.accent);
    EXPECT_EQ(light.accent_text, look.accent);
    EXPECT_GE(contrast_ratio(light.on_accent, light.accent), 4.5f);
    EXPECT_EQ(dark.accent, palette(true).accent);  // too dark on dark: the theme's own
    EXPECT_NE(accent_warnings(look.accent, true, true).find("dark background"), std::string::npos);
    EXPECT_EQ(accent_warnings(look.accent, true, true).find("light background"), std::string::npos);
    EXPECT_EQ(accent_warnings(look.accent, true, false), "");  // a page fixed to the light theme
    // Graphics-only contrast (3:1 to 4.5:1): knobs and lines take it, text keeps the theme's.
    look.accent = colour_from_hex("#e0700f");
    const Palette orange = palette_for(false, look);
    ASSERT_GE(contrast_ratio(look.accent, orange.background), 3.0f);
    ASSERT_LT(contrast_ratio(look.accent, orange.background), 4.5f);
    EXPECT_EQ(orange.accent, look.accent);
    EXPECT_EQ(orange.accent_text, palette(false).accent_text);
    EXPECT_EQ(palette_for(false, Look{}).accent, palette(false).accent);
}

}  // namespace
}  // namespace rareshock::ui

namespace rareshock::ui {
namespace {

TEST_F(UiTest, ProducerOptionsShapeTheCanvas) {
    App::ItemRect r{};
    ASSERT_TRUE(app->find_item("headline", r));
    const float with_headline = app->content_height();
    // The theme is automatic: the accent cannot serve the dark theme, and says so.
    const AppliedQuery d = app->apply_query("headline=off&bg=transparent&accent=8a1538");
    EXPECT_TRUE(d.ok());
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_NE(d.warnings[0].message.find("dark background"), std::string::npos);
    EXPECT_TRUE(app->apply_query("accent=8a1538&theme=light").warnings.empty());
    frames(3);
    EXPECT_FALSE(app->find_item("headline", r));
    EXPECT_LT(app->content_height(), with_headline - 20.0f);
    EXPECT_EQ(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w, 0.0f);
    std::string accent, on_accent;
    EXPECT_TRUE(app->custom_accent(false, &accent, &on_accent));
    EXPECT_EQ(accent, "#8a1538");
    EXPECT_EQ(on_accent, "#ffffff");
    EXPECT_FALSE(app->custom_accent(true, &accent, &on_accent));
}

TEST_F(UiTest, MethodAndSourcesLinksToThePageSection) {
    // The methodology is HTML beside the canvas: the canvas only links to it, at no height cost.
    const float height = app->content_height();
    const App::ItemRect r = item("method");
    click(r.x0 + 30, (r.y0 + r.y1) / 2);
    EXPECT_EQ(host.method_shown, 1);
    EXPECT_NEAR(app->content_height(), height, 0.5f);
    // A page without the section (the JS API on another canvas) shows no dead link.
    host.method_section = false;
    frames(2);
    App::ItemRect none{};
    EXPECT_FALSE(app->find_item("method", none));
}

}  // namespace
}  // namespace rareshock::ui

namespace rareshock::ui {
namespace {

TEST_F(UiTest, TappingTheChartPinsTheReadout) {
    const App::ItemRect r = item("chart");
    const float x = r.x0 + (r.x1 - r.x0) * 0.4f, y = (r.y0 + r.y1) / 2;
    click(x, y);
    move(-FLT_MAX, -FLT_MAX);  // the finger lifts: no hover any more
    frames(2);
    // The pinned readout is a tooltip window that stays open.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    bool tooltip_open = false;
    for (ImGuiWindow* w : g.Windows)
        if ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active) tooltip_open = true;
    EXPECT_TRUE(tooltip_open);
    click(x, y);  // the same day again unpins
    move(-FLT_MAX, -FLT_MAX);
    frames(2);
    tooltip_open = false;
    for (ImGuiWindow* w : g.Windows)
        if ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active) tooltip_open = true;
    EXPECT_FALSE(tooltip_open);
}

}  // namespace
}  // namespace rareshock::ui

namespace rareshock::ui {
namespace {

// A Monte Carlo too big for one frame: the central estimate shows first, the
// bands arrive over the next frames, and they equal a direct run bit for bit.
TEST_F(UiTest, LargeMonteCarloRunsInSlicesAcrossFrames) {
    Inputs in = find_preset("embargo")->inputs;
    in.draws = 5000;
    in.horizon_days = 730;
    app->set_inputs(in);
    EXPECT_TRUE(runner.advance(8.0));  // more work pending after the first frame's budget
    EXPECT_FALSE(app->results().bands_ready);
    EXPECT_FALSE(app->results().timeline[0].central.empty());
    int frames_needed = 1;
    while (runner.advance(8.0)) ++frames_needed;
    EXPECT_GT(frames_needed, 1);
    ASSERT_TRUE(app->results().bands_ready);
    Simulator sim;
    Results direct;
    sim.run(in, direct);
    EXPECT_EQ(app->results().timeline[0].p50, direct.timeline[0].p50);
    EXPECT_EQ(app->results().regions[0].vehicles_lost.p90, direct.regions[0].vehicles_lost.p90);
    EXPECT_EQ(app->results().summary, direct.summary);
}

}  // namespace
}  // namespace rareshock::ui

namespace rareshock::ui {
namespace {

// Every slider and stepper the canvas draws covers exactly its field's range:
// the field table is the one place for ranges (the inventory slider once stopped
// at 180 days while the field, the URL, the CLI and the twin allowed 365).
TEST_F(UiTest, EverySliderRangeIsItsFieldRange) {
    auto check = [&](int& drawn) {
        drawn = 0;
        for (const InputField& f : input_fields()) {
            App::ItemRange range{};
            if (!app->find_range(f.key, range)) continue;
            EXPECT_EQ(range.min, f.min_value) << f.key;
            EXPECT_EQ(range.max, f.max_value) << f.key;
            ++drawn;
        }
    };
    int closed = 0, open = 0;
    check(closed);
    App::ItemRange range{};
    EXPECT_TRUE(app->find_range("approval", range));
    EXPECT_TRUE(app->find_range("inventory", range));
    const App::ItemRect r = item("advanced");
    click(r.x0 + 30, (r.y0 + r.y1) / 2);
    frames(2);
    check(open);
    EXPECT_GE(closed, 2);
    EXPECT_GT(open, closed);  // the advanced inputs too
}

// The page's twin runs the canvas's actions through the same entry point.
TEST_F(UiTest, ActionsRunWithoutTheCanvas) {
    app->run_action(App::Action::CopyLink);
    ASSERT_EQ(host.copied.size(), 1u);
    EXPECT_EQ(host.statuses.size(), 1u);
    app->run_action(App::Action::DownloadCsv);
    ASSERT_EQ(host.downloads.size(), 1u);
    app->run_action(App::Action::DownloadPng);  // no frame needed: drawn from the results
    app->run_action(App::Action::DownloadPngPrint);
    EXPECT_EQ(host.images.size(), 2u);
    EXPECT_NE(host.last_svg.find("Made 1 December 2026"), std::string::npos);  // the host's clock: no frame said the date
    Inputs in = app->inputs();
    in.approval_pct = 90;
    app->set_inputs(in);
    app->run_action(App::Action::Reset);
    EXPECT_EQ(app->inputs(), Inputs{});
}

}  // namespace
}  // namespace rareshock::ui

namespace rareshock::ui {
namespace {

constexpr Language kAllLanguages[] = {Language::English, Language::German, Language::Japanese};

// Every part of the interface in every language: a key no table has would be
// drawn as the key itself ("ui.chart.title"); ui_text() remembers each one.
// Drawn at phone, tablet and desktop widths, with the advanced inputs open,
// every preset, a scenario without stops, the readout, the statuses of the
// actions and the notice of a link from another model version.
TEST_F(UiTest, EveryLanguageDrawsEveryPartWithoutAMissingText) {
    for (Language lang : kAllLanguages) {
        SCOPED_TRACE(std::string(language_code(lang)));
        app->set_language(lang);
        clear_missing_text_keys();
        app->apply_query("model=0.1&approval=30");
        for (float width : {360.0f, 760.0f, 1280.0f}) {
            env.width_px = width;
            env.coarse_pointer = width < 600.0f;
            app->set_inputs(Inputs{});
            frames(3);
            const bool narrow = width < kNarrowLayoutBelowPx;  // phones: no advanced panel or actions in the canvas
            App::ItemRect lag{};
            if (!narrow && !app->find_item("lag", lag)) {
                const App::ItemRect adv = item("advanced");
                click(adv.x0 + 30, (adv.y0 + adv.y1) / 2);
            }
            const App::ItemRect chart = item("chart");
            click(chart.x0 + (chart.x1 - chart.x0) * 0.3f, (chart.y0 + chart.y1) / 2);
            for (const char* action : {"share", "reset"}) {
                if (narrow) break;
                const App::ItemRect r = item(action);
                click((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
            }
            for (const Preset& p : presets()) {
                app->apply_preset(p.id);
                frames(3);
                (void)detail_html(app->results(), lang);  // the words under the canvas, too
            }
            Inputs all;
            all.approval_pct = 100;
            all.draws = 50;
            app->set_inputs(all);
            frames(3);
            (void)detail_html(app->results(), lang);
            // Everything stays inside the width: long German words wrap or fit.
            for (const char* name : {"headline", "approval", "inventory", "lag", "chart", "share", "reset", "csv", "png",
                                     "advanced", "method", "preset:2025", "preset:fast-track", "preset:embargo", "preset:truce"}) {
                const std::string_view n(name);
                if (narrow && (n == "lag" || n == "share" || n == "reset" || n == "csv" || n == "png" || n == "advanced" || n == "method"))
                    continue;
                const App::ItemRect r = item(name);
                EXPECT_LE(r.x1, width + 0.5f) << name << " at " << width << " px";
                EXPECT_GE(r.x0, -0.5f) << name << " at " << width << " px";
            }
        }
        std::string missing;
        for (const std::string& k : missing_text_keys()) missing += k + " ";
        EXPECT_TRUE(missing_text_keys().empty()) << "drawn as keys: " << missing;
        EXPECT_EQ(app->language(), lang);
    }
}

// lang= in a link sets the language; the headline and the results JSON follow it.
TEST_F(UiTest, TheLinkSetsTheLanguageOfTheHeadlineAndTheResults) {
    app->apply_query("lang=de");
    frames(2);
    EXPECT_EQ(app->language(), Language::German);
    EXPECT_EQ(app->summary(), summary_sentence(app->results(), Language::German));
    EXPECT_NE(runner.results_json().find("\"language\":\"de\""), std::string::npos);
    app->apply_query("lang=ja");
    frames(2);
    EXPECT_NE(app->summary().find("\xE5\xB7\xA5\xE5\xA0\xB4"), std::string::npos);  // 工場
    EXPECT_NE(runner.results_json().find("\"language\":\"ja\""), std::string::npos);
    const AppliedQuery bad = app->apply_query("lang=fr");
    EXPECT_FALSE(bad.errors.empty());
    EXPECT_EQ(app->language(), Language::Japanese);  // unchanged
}

// A share link with page options, entering at apply_query: the query is parsed once
// (the model's codec reads it once, scenario and all), the page options are the
// UI's, and the caller's own keys come back to it without a warning.
TEST_F(UiTest, AQueryIsParsedOnceAndItsPageOptionsAreTheUis) {
    const std::string_view caller[] = {"share"};
    const std::size_t before = queries_decoded();
    const AppliedQuery d = app->apply_query("v=1&model=" + std::string(kModelVersion) +
                                                "&approval=40&lag=70&seed=7&theme=dark&lang=de&accent=f5a524&headline=off"
                                                "&share=https%3A%2F%2Fnews.example%2Fa",
                                            caller);
    EXPECT_EQ(queries_decoded() - before, 1u);
    EXPECT_TRUE(d.ok());
    EXPECT_TRUE(d.warnings.empty()) << d.warnings.front().message;
    ASSERT_EQ(d.caller_params.size(), 1u);
    EXPECT_EQ(d.caller_params[0].key, "share");
    EXPECT_EQ(d.caller_params[0].value, "https://news.example/a");
    EXPECT_EQ(app->inputs().approval_pct, 40.0);
    EXPECT_EQ(app->inputs().licence_lag_days, 70.0);
    EXPECT_EQ(app->inputs().seed, 7u);
    EXPECT_EQ(app->theme_mode(), ThemeMode::Dark);
    EXPECT_EQ(app->language(), Language::German);
    std::string accent, on_accent;
    EXPECT_TRUE(app->custom_accent(true, &accent, &on_accent));
    EXPECT_EQ(accent, "#f5a524");
    frames(2);
    App::ItemRect r{};
    EXPECT_FALSE(app->find_item("headline", r));
    // Bad page options and bad inputs: an error each, from the UI and the model; a key
    // nobody reads: the model's one warning.
    const AppliedQuery bad = app->apply_query("theme=Dark&inventory=abc&colour=red&share=x");
    std::vector<std::string> errors, warnings;
    for (const QueryMessage& m : bad.errors) errors.push_back(m.message);
    for (const QueryMessage& m : bad.warnings) warnings.push_back(m.message);
    EXPECT_EQ(errors, (std::vector<std::string>{"inventory: 'abc' is not a number (expected 0 to 365 days)",
                                                "theme: 'Dark' is not a theme (expected light, dark or auto)"}));
    EXPECT_EQ(warnings, (std::vector<std::string>{"unknown parameter 'colour' ignored", "unknown parameter 'share' ignored"}));
    EXPECT_EQ(app->theme_mode(), ThemeMode::Dark);  // unchanged
}

// The twin's texts: the facts' translations by their keys, units alone.
TEST_F(UiTest, PageTextsComeFromTheTables) {
    EXPECT_EQ(page_text(Language::German, "field.inventory.unit"), "Tage");
    EXPECT_EQ(page_text(Language::German, "field.approval.unit"), "%");  // "{n} %" with a no-break space
    EXPECT_EQ(page_text(Language::English, "field.approval.unit"), "%");
    EXPECT_EQ(page_text(Language::German, "field.approval.label"), "Genehmigungsquote");
    EXPECT_EQ(page_text(Language::Japanese, "region.japan.name"), "\xE6\x97\xA5\xE6\x9C\xAC");  // 日本
    EXPECT_EQ(page_text(Language::English, "preset.embargo.label"), "Full embargo");
    EXPECT_EQ(page_text(Language::German, "page.twin.scenarios"), "Szenarien");
    clear_missing_text_keys();
    EXPECT_EQ(page_text(Language::German, "page.no.such.key"), "page.no.such.key");
    EXPECT_EQ(missing_text_keys().size(), 1u);
    clear_missing_text_keys();
}

// The one line-breaking rule the canvas and the picture share (text.h): a line
// may break where Japanese allows (before, a particle stayed glued to the number
// after it, so a headline line ended short: "…までに25%、" moved whole).
TEST_F(UiTest, JapaneseLineBreaksFollowKinsoku) {
    EXPECT_TRUE(may_break_between(U'承', U'認'));   // between ideographs
    EXPECT_TRUE(may_break_between(U'に', U'2'));    // before a number
    EXPECT_TRUE(may_break_between(U'%', U'に'));    // after a symbol
    EXPECT_TRUE(may_break_between(U'l', U'モ'));    // after a Latin word
    EXPECT_FALSE(may_break_between(U'5', U'年'));   // a number keeps its unit
    EXPECT_FALSE(may_break_between(U'～', U'5'));   // a range stays whole: "（40～52）"
    EXPECT_FALSE(may_break_between(U'0', U'～'));
    EXPECT_FALSE(may_break_between(U'2', U'0'));    // inside a number
    EXPECT_FALSE(may_break_between(U'5', U'%'));
    EXPECT_FALSE(may_break_between(U'日', U'、'));  // no line starts with closing punctuation
    EXPECT_FALSE(may_break_between(U'率', U'）'));
    EXPECT_FALSE(may_break_between(U'ラ', U'ー'));  // nor with the prolonged sound mark
    EXPECT_FALSE(may_break_between(U'ち', U'ょ'));  // nor with small kana
    EXPECT_FALSE(may_break_between(U'（', U'可'));  // no line ends with an opening bracket
    EXPECT_FALSE(may_break_between(U'a', U'b'));    // Latin breaks at spaces only
    EXPECT_FALSE(may_break_between(U' ', U'日'));
}

// Japanese breaks between its characters (no spaces), never inside a number
// or before 、。; Latin text still breaks only at spaces.
TEST_F(UiTest, JapaneseWrapsBetweenCharactersButNotInsideNumbers) {
    ImGui::NewFrame();
    const std::string ja = "\xE6\x9C\x80\xE6\x82\xAA\xE6\x99\x82\xE3\x81\xAB\xE3\x81\xAF" "186" "\xE5\xB7\xA5\xE5\xA0\xB4\xE4\xB8\xAD"
                           "12,000" "\xE5\x8F\xB0\xE3\x80\x82";  // 最悪時には186工場中12,000台。
    for (float width = 10.0f; width <= 400.0f; width += 1.0f) {
        std::string joined;
        for (std::string_view l : wrap_lines(ja, width)) {
            EXPECT_FALSE(l.empty());
            EXPECT_NE(l.rfind("\xE3\x80\x82", 0), 0u) << "a line starts with 。 at " << width;
            joined += l;
        }
        EXPECT_EQ(joined, ja) << width;
        for (std::string_view l : wrap_lines(ja, width)) {
            EXPECT_EQ(l.find("12,0"), l.find("12,000") == std::string_view::npos ? std::string_view::npos : l.find("12,000"));
            EXPECT_TRUE(l.find("18") == std::string_view::npos || l.find("186") != std::string_view::npos) << width;
        }
    }
    EXPECT_GT(wrap_lines(ja, 60.0f).size(), 2u);  // it does wrap
    ImGui::EndFrame();
}

}  // namespace
}  // namespace rareshock::ui

namespace rareshock::ui {
namespace {

// Every character of a language's texts has a glyph in the faces drawn for it
// (no tofu boxes): the table's own texts (but the methodology's tables' words, which only
// the method pages' HTML shows) and the facts' translations.
std::vector<std::string> every_text(Language lang) {
    std::vector<std::string> texts;
    for (std::string_view k : string_keys(lang))
        if (!method_table_key(k)) texts.emplace_back(tr(lang, k));
    for (const InputField& f : input_fields()) texts.push_back(field_label(lang, f) + field_help(lang, f) + field_source(lang, f));
    for (const Preset& p : presets()) texts.push_back(preset_label(lang, p) + preset_description(lang, p));
    for (const Event& e : events_2025()) texts.push_back(event_label(lang, e));
    return texts;
}

void expect_every_glyph(Language lang, int faces_without_number = 0) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const int faces = faces_without_number ? atlas->Fonts.Size - 1 : atlas->Fonts.Size;  // the number face has digits only
    for (const std::string& text : every_text(lang)) {
        for (const char* s = text.c_str(); *s;) {
            unsigned c = 0;
            s += ImTextCharFromUtf8(&c, s, nullptr);
            if (c == '\n') continue;
            for (int i = 0; i < faces; ++i)
                EXPECT_NE(atlas->Fonts[i]->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
                    << language_code(lang) << ": U+" << std::hex << c << " in \"" << text << "\"";
        }
    }
}

TEST_F(UiTest, EveryCharacterOfEnglishAndGermanHasAGlyph) {
    expect_every_glyph(Language::English);
    expect_every_glyph(Language::German);
}

}  // namespace
}  // namespace rareshock::ui

namespace rareshock::ui {
namespace {

using test::read_file;

// Japanese: the build's subset of IPA Gothic (font-ja.ttf) holds every character
// of the Japanese texts, and the app merges it into its faces once the language
// is Japanese (until then the atlas stays as small as English needs).
TEST_F(UiTest, EveryCharacterOfJapaneseHasAGlyphFromTheJapaneseFace) {
    const std::vector<unsigned char> face = read_file(RS_JA_FACE);
    ASSERT_GT(face.size(), 10000u) << RS_JA_FACE;
    const int english_glyphs = ImGui::GetIO().Fonts->Fonts[0]->Glyphs.Size;
    app->set_japanese_face(face.data(), face.size());
    EXPECT_FALSE(app->fonts_stale());  // English: no need for it
    app->set_language(Language::Japanese);
    EXPECT_TRUE(app->fonts_stale());
    app->build_fonts(1.0f);
    EXPECT_FALSE(app->fonts_stale());
    EXPECT_GT(ImGui::GetIO().Fonts->Fonts[0]->Glyphs.Size, english_glyphs + 300);
    expect_every_glyph(Language::Japanese, 1);
    frames(3);  // and it draws
    EXPECT_GT(app->content_height(), 400.0f);
}

// The Japanese face is drawn at Inter's em, as a browser sets both faces in the
// exported picture: a full-width character is one em wide, a digit as wide as in
// English. (Sized by line height alike, IPA Gothic came out 21 % larger than Inter,
// and the picture's Japanese lines wrapped a fifth short of the margin.)
TEST_F(UiTest, TheJapaneseFaceIsDrawnAtInterEm) {
    const std::vector<unsigned char> face = read_file(RS_JA_FACE);
    ASSERT_GT(face.size(), 10000u) << RS_JA_FACE;
    const float ja_ratio = line_height_per_em(face.data(), face.size());
    EXPECT_NEAR(ja_ratio, 1.0f, 0.01f);  // IPA Gothic: ascender + descender = one em
    EXPECT_NEAR(line_height_per_em(), 1.21f, 0.01f);  // Inter
    ImFont* body = ImGui::GetIO().Fonts->Fonts[0];
    const float digits_before = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0.0f, "2025").x;
    app->set_japanese_face(face.data(), face.size());
    app->set_language(Language::Japanese);
    app->build_fonts(1.0f);
    body = ImGui::GetIO().Fonts->Fonts[0];
    const float em = body->FontSize / line_height_per_em();
    EXPECT_NEAR(body->CalcTextSizeA(body->FontSize, FLT_MAX, 0.0f, "日本").x, 2.0f * em, 0.5f);
    EXPECT_NEAR(body->CalcTextSizeA(body->FontSize, FLT_MAX, 0.0f, "2025").x, digits_before, 0.01f);
    // A face whose tables cannot be read is taken at a plain ratio, never a crash.
    const unsigned char junk[5] = {0, 1, 0, 0, 0};
    EXPECT_FLOAT_EQ(line_height_per_em(junk, sizeof junk), 1.2f);
    EXPECT_FLOAT_EQ(line_height_per_em(junk, 0), 1.2f);
}

// A broken Japanese face (an HTML error page served as font-ja.ttf, random bytes, a
// corrupt table) never reaches the atlas: the calculator is drawn in Inter (the page
// shows its picture instead), and the build's face still works after it. Before the
// check, an HTML page failed the whole atlas build and a corrupt table made
// stb_truetype read outside the face.
TEST_F(UiTest, ABrokenJapaneseFaceNeverReachesTheAtlas) {
    const std::vector<unsigned char> face = read_file(RS_JA_FACE);
    ASSERT_GT(face.size(), 10000u) << RS_JA_FACE;
    app->set_language(Language::Japanese);
    for (const test::BrokenFace& b : test::broken_faces(face)) {
        app->set_japanese_face(b.bytes.data(), b.bytes.size());
        app->build_fonts(1.0f);
        ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        ASSERT_TRUE(atlas->IsBuilt()) << b.name;
        EXPECT_NE(atlas->Fonts[0]->FindGlyphNoFallback('A'), nullptr) << b.name;
        EXPECT_EQ(atlas->Fonts[0]->FindGlyphNoFallback(0x65E5), nullptr) << b.name;  // 日: no Japanese face
        EXPECT_FALSE(app->fonts_stale()) << b.name;
        frames(2);
    }
    EXPECT_GT(app->content_height(), 400.0f);
    EXPECT_EQ(app->set_japanese_face(face.data(), face.size()), "");
    EXPECT_NE(app->set_japanese_face(nullptr, 0), "");  // refused: the good face stays
    EXPECT_TRUE(app->fonts_stale());
    app->build_fonts(1.0f);
    EXPECT_NE(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x65E5), nullptr);
    expect_every_glyph(Language::Japanese, 1);
}

}  // namespace
}  // namespace rareshock::ui
