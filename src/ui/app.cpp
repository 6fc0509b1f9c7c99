// Rare Earth Shock — the reader's interface (see app.h).
//
// [SECTION] Impl state (the page's look, the headline, the reader's canvas state;
//           fonts, actions and control rectangles are fonts.h's, actions.h's, items.h's)
// [SECTION] Parts: headline or key figures, controls, presets, advanced, legend, method link, actions
// [SECTION] Layout (phones under 600 px, one column under 900 px, two above)
#include "app.h"

#include "chart.h"
#include "fonts.h"
#include "format.h"
#include "text.h"
#include "theme.h"
#include "widgets.h"

#include "imgui.h"
#include "imgui_internal.h"
#include "model/numbers.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace rareshock::ui {

//-----------------------------------------------------------------------------
// [SECTION] Impl state
//-----------------------------------------------------------------------------
struct App::Impl {
    Host& host;
    ModelRunner& runner;
    const Inputs& inputs;          // the runner's: read-only here, changed through set_inputs
    const Results& results;
    FontSet fonts;
    Actions actions;
    Items items;                   // where each control was drawn last frame

    // The page's look: theme, language, a producer's accent and headline (URL parameters).
    ThemeMode theme = ThemeMode::Auto;
    Language lang = Language::English;
    Look look;                     // a producer's accent and background
    bool show_headline = true;     // headline=off: the host page writes its own
    bool dark = false;             // the theme in effect at the last frame
    Palette palette{};             // the theme's, with the producer's look
    bool style_dark = false, style_coarse = false, style_applied = false;  // what the ImGui style was made for
    std::string notice;            // a share link made with another model version: said under the headline

    // The headline: the summary in the reader's language, made once per result.
    std::string headline;
    std::uint64_t headline_generation = ~std::uint64_t{0};
    Language headline_lang = Language::English;

    // The reader's state in the canvas.
    bool advanced_open = false;
    std::map<std::string, std::string, std::less<>> path_text;  // advanced path fields being edited
    float content_height = 900.0f;
    int today_day = -1;            // from the Environment of the last frame (the exports' date)
    ChartRect chart_rect{};

    Impl(Host& h, ModelRunner& r) : host(h), runner(r), inputs(r.inputs()), results(r.results()), actions(h, r) {}

    void remember(const char* name) { items.remember(name); }
    void remember(const SliderSpec& s) { items.remember(s); }
    // The one place new inputs come in: the runner clamps them into range and
    // schedules the model only when something really changed.
    void set_inputs(const Inputs& in) { runner.set_inputs(in); }
    // A preset keeps the reader's draw count and seed.
    void apply_preset(const Preset& p) {
        Inputs in = p.inputs;
        in.draws = inputs.draws;
        in.seed = inputs.seed;
        set_inputs(in);
    }
    void set_status(const std::string& s) { actions.set_status(s); }
    // The headline: the summary sentence in the reader's language, made once per result.
    const std::string& summary() {
        if (headline_generation != runner.generation() || headline_lang != lang) {
            headline = lang == Language::English ? results.summary : summary_sentence(results, lang);
            headline_generation = runner.generation();
            headline_lang = lang;
        }
        return headline;
    }
    ActionContext action_context() const {
        return ActionContext{lang, theme == ThemeMode::Dark, &fonts.fonts(), &fonts.japanese_face(), today_day};
    }
    void run_action(Action a) { actions.run(a, action_context()); }
};

App::App(Host& host, ModelRunner& runner) : impl_(std::make_unique<Impl>(host, runner)) {}
App::~App() = default;

void App::build_fonts(float dpr) { impl_->fonts.build(dpr, impl_->lang); }
std::string App::set_japanese_face(const unsigned char* data, std::size_t size) { return impl_->fonts.set_japanese_face(data, size); }
bool App::fonts_stale() const { return impl_->fonts.stale(impl_->lang); }
float App::fonts_dpr() const { return impl_->fonts.dpr(); }
const Inputs& App::inputs() const { return impl_->inputs; }
const Results& App::results() const { return impl_->results; }
void App::set_theme_mode(ThemeMode m) { impl_->theme = m; }
void App::set_language(Language lang) {
    impl_->lang = lang;
    impl_->runner.set_language(lang);
}
Language App::language() const { return impl_->lang; }
const std::string& App::summary() { return impl_->summary(); }
ThemeMode App::theme_mode() const { return impl_->theme; }
bool App::dark() const { return impl_->dark; }
bool App::dark_for(bool system_prefers_dark) const {
    return impl_->theme == ThemeMode::Dark || (impl_->theme == ThemeMode::Auto && system_prefers_dark);
}
bool App::custom_accent(bool dark, std::string* accent, std::string* on_accent) const {
    const Palette p = palette_for(dark, impl_->look);
    if (p.accent == palette(dark).accent) return false;
    auto hex = [](ImU32 c) {
        char buf[8];
        rareshock::format(buf, sizeof buf, "#%02x%02x%02x", (c >> IM_COL32_R_SHIFT) & 0xFFu, (c >> IM_COL32_G_SHIFT) & 0xFFu,
                      (c >> IM_COL32_B_SHIFT) & 0xFFu);
        return std::string(buf);
    };
    *accent = hex(p.accent);
    *on_accent = hex(p.on_accent);
    return true;
}
float App::content_height() const { return impl_->content_height; }
bool App::wants_frames() const { return impl_->runner.busy() || animating(); }
bool App::animating() const { return impl_->actions.status_showing(); }

void App::run_action(Action a) { impl_->run_action(a); }
std::string App::print_svg() { return impl_->actions.print_svg(impl_->action_context()); }
void App::copy_finished(bool ok, double time_seconds) {
    impl_->actions.copy_finished(ok, impl_->lang, time_seconds);
}

bool App::find_range(std::string_view name, ItemRange& out) const { return impl_->items.find_range(name, out); }
bool App::drag_handle_at(float x, float y) const { return slider_knob_at(x, y); }
bool App::find_item(std::string_view name, ItemRect& out) const { return impl_->items.find(name, out); }

void App::set_inputs(const Inputs& in) { impl_->set_inputs(in); }

AppliedQuery App::apply_query(std::string_view query, std::span<const std::string_view> caller_keys) {
    Impl& m = *impl_;
    std::vector<std::string_view> own(page_option_keys().begin(), page_option_keys().end());
    own.insert(own.end(), caller_keys.begin(), caller_keys.end());
    DecodedQuery d = decode_query(query, m.inputs, own);
    AppliedQuery out{std::move(d.errors), std::move(d.warnings), {}};
    std::vector<QueryParam> page;
    for (QueryParam& p : d.others) {
        const bool option = std::find(page_option_keys().begin(), page_option_keys().end(), p.key) != page_option_keys().end();
        (option ? page : out.caller_params).push_back(std::move(p));
    }
    const PageOptions o = parse_page_options(page, &out.errors);
    if (o.theme) m.theme = *o.theme;
    // A language whose texts this build has (the web app: English and the page's own).
    if (o.language) {
        if (has_translation(*o.language)) set_language(*o.language);
        else out.warnings.push_back({"lang", "lang: the " + std::string(language_code(*o.language)) +
                                                 " texts are not loaded here; the page chooses its language when it loads"});
    }
    if (!o.accent.empty()) {
        m.look.has_accent = true;
        m.look.accent = colour_from_hex(o.accent);
        // Only the themes this page can show: a fixed theme=light never meets the dark background.
        const std::string problem = accent_warnings(m.look.accent, m.theme != ThemeMode::Dark, m.theme != ThemeMode::Light);
        if (!problem.empty()) out.warnings.push_back({"accent", "accent: " + o.accent + " " + problem});
    }
    if (o.transparent) m.look.transparent = true;
    if (!o.headline) m.show_headline = false;
    m.style_applied = false;
    if (!d.model_version.empty() && d.model_version != kModelVersion)
        m.notice = ui_format(m.lang, "ui.notice.model_version", {{"link", d.model_version}, {"now", kModelVersion}});
    m.set_inputs(d.inputs);
    return out;
}

void App::apply_preset(std::string_view id) {
    if (const Preset* p = find_preset(id)) impl_->apply_preset(*p);
}

//-----------------------------------------------------------------------------
// [SECTION] Parts
//-----------------------------------------------------------------------------
namespace {

struct Ctx {
    App::Impl& m;
    const Palette& p;
    const Fonts& f;
    float target;   // touch target height
    bool narrow;
    Language lang;
    std::string_view t(std::string_view key) const { return ui_text(lang, key); }
};

void section_title(const Ctx& c, const char* title, const char* subtitle, float width) {
    ImGui::PushFont(c.f.label);
    text_wrapped_at_spaces(title, width);
    ImGui::PopFont();
    if (subtitle) wrapped_text(c.f.small, c.p.muted, width, subtitle);
}

void draw_headline(const Ctx& c, float width) {
    if (c.m.show_headline) {  // headline=off: the host's own headline stands above; the twin still speaks the sentence
        ImGui::PushFont(c.f.headline);  // wide screens (phones have the key figures, and the sentence in HTML)
        const std::string& s = c.m.summary();
        text_wrapped_at_spaces(s.empty() ? c.t("ui.calculating") : std::string_view(s), width);  // numbers never split across lines
        ImGui::PopFont();
        c.m.remember("headline");
    }
    if (!c.m.notice.empty()) {
        wrapped_text(c.f.small, c.p.accent_text, width, c.m.notice);
        c.m.remember("notice");
    }
}

// Phones: the sentence's key figures (the sentence itself is HTML under the
// canvas, page.js): vehicles not built worldwide with the likely range, and
// when supplier lines and car plants first stop.
void draw_key_figures(const Ctx& c, float width) {
    const KeyFigures k = key_figures(c.m.results, c.lang);
    const ImVec2 top = ImGui::GetCursorPos();
    // The number, and beside it what it counts and its likely range.
    ImGui::PushFont(c.f.headline);
    const float number_w = std::ceil(ImGui::CalcTextSize(k.number.c_str()).x) + 12.0f;  // text on whole pixels, in every engine alike
    ImGui::TextUnformatted(k.number.c_str());
    ImGui::PopFont();
    const float number_bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(top.x + number_w, top.y + 1.0f));
    ImGui::BeginGroup();
    wrapped_text(c.f.small, c.p.muted, width - number_w, k.what);
    wrapped_text(c.f.small, c.p.muted, width - number_w, k.range);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(top.x, std::max(number_bottom, ImGui::GetCursorPosY()) + 2.0f));
    // The first stop of each tier across the export regions (median day), side by side: the sentence's.
    const float col = std::floor((width - 12.0f) / 2.0f);
    const float y = ImGui::GetCursorPosY();
    float bottom = y;
    int i = 0;
    for (const KeyFigures::Stop& s : k.stops) {
        ImGui::SetCursorPos(ImVec2(top.x + static_cast<float>(i++) * (col + 12.0f), y));
        ImGui::BeginGroup();
        ImGui::PushFont(c.f.label);
        ImGui::TextUnformatted(s.when.c_str());
        ImGui::PopFont();
        wrapped_text(c.f.small, c.p.muted, col, s.label);
        ImGui::EndGroup();
        bottom = std::max(bottom, ImGui::GetCursorPosY());
    }
    ImGui::SetCursorPos(ImVec2(top.x, bottom));
    c.m.remember("headline");  // where the answer is, at every width
}

void draw_controls(const Ctx& c, float width) {
    App::Impl& m = c.m;
    Inputs in = m.inputs;
    bool changed = false;
    // The two main sliders: label, unit, help and range from the field table.
    const InputField& approval = *find_input_field("approval");
    const InputField& inventory = *find_input_field("inventory");
    const std::string a_label = field_label(c.lang, approval), a_unit = unit_pattern_text(approval, false, c.lang),
                      a_help = field_help(c.lang, approval);
    SliderSpec a{"approval", a_label.c_str(), a_unit.c_str(), (c.narrow ? nullptr : a_help.c_str()), approval.min_value, approval.max_value,
                 approval.step, 0, true};
    const std::string hint(c.t("ui.keyboard_hint"));
    a.keyboard_hint = hint.c_str();
    changed |= value_slider(a, in.approval_pct, width, c.target, c.f, c.p);
    m.remember(a);
    // What the rate does to the dated approval paths, in dates (on phones: in the HTML under the canvas, ui/detail.h).
    if (!c.narrow) wrapped_text(c.f.small, c.p.text, width, approval_effect_text(m.inputs, c.lang));
    ImGui::Dummy(ImVec2(1, 4));
    const std::string b_label = field_label(c.lang, inventory), b_unit = unit_pattern_text(inventory, false, c.lang),
                      b_help = field_help(c.lang, inventory);
    SliderSpec b{"inventory", b_label.c_str(), b_unit.c_str(), (c.narrow ? nullptr : b_help.c_str()), inventory.min_value, inventory.max_value,
                 inventory.step, 0, true};
    b.keyboard_hint = hint.c_str();
    changed |= value_slider(b, in.inventory_days, width, c.target, c.f, c.p);
    m.remember(b);
    if (changed) m.set_inputs(in);
}

void draw_presets(const Ctx& c, float width) {
    App::Impl& m = c.m;
    const Preset* current = matching_preset(m.inputs);
    ImGui::PushFont(c.f.body);
    float x = 0.0f;
    for (const Preset& p : presets()) {
        const std::string label = preset_label(c.lang, p);
        flow_layout(x, ImGui::CalcTextSize(label.c_str()).x + 28.0f, width, 8.0f);
        ImGui::PushID(p.id.data(), p.id.data() + p.id.size());
        if (chip(label.c_str(), current == &p, c.target, c.p)) m.apply_preset(p);
        const std::string name = "preset:" + std::string(p.id);
        m.remember(name.c_str());
        ImGui::PopID();
    }
    ImGui::PopFont();
    const Preset* p = c.narrow ? nullptr : matching_preset(m.inputs);  // on phones: in the HTML under the canvas
    if (p) wrapped_text(c.f.small, c.p.muted, width, preset_description(c.lang, *p));
}

// An approval path: its dates at the reader's rate, and the points as text to
// edit ("day:percent,…", applied on Enter when valid).
void draw_path_field(const Ctx& c, const InputField& f, Inputs& in, bool& changed, float width) {
    App::Impl& m = c.m;
    const std::string id(f.key);
    ImGui::PushFont(c.f.label);
    ImGui::TextUnformatted(field_label(c.lang, f).c_str());
    ImGui::PopFont();
    wrapped_text(c.f.small, c.p.text, width, ui_format(c.lang, "ui.sentence", {{"text", approval_path_text(in, f.region_index, c.lang)}}));
    std::string& text = m.path_text[id];
    const std::string current = path_text(get_path(in, f));
    const bool editing = ImGui::GetActiveID() == ImGui::GetID(("##" + id).c_str());
    if (!editing) text = current;
    char buffer[320];
    rareshock::format(buffer, sizeof buffer, "%s", text.c_str());
    ImGui::SetNextItemWidth(width);
    ImGui::PushFont(c.f.body);
    if (ImGui::InputText(("##" + id).c_str(), buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue)) {
        ApprovalPath path;
        std::string problem;
        if (parse_path_text(buffer, &path, &problem)) {
            set_path(in, f, path);
            changed = true;
        } else {
            m.set_status(ui_format(c.lang, "ui.path.problem", {{"label", field_label(c.lang, f)}, {"problem", problem}}));
        }
    }
    text = buffer;
    ImGui::PopFont();
    m.remember(id.c_str());
    wrapped_text(c.f.small, c.p.muted, width,
                 ui_format(c.lang, "ui.path.help", {{"help", field_help(c.lang, f)}, {"source", field_source(c.lang, f)}}));
    ImGui::Dummy(ImVec2(1, 6));
}

void draw_advanced(const Ctx& c, float width) {
    App::Impl& m = c.m;
    disclosure(std::string(c.t("ui.advanced")).c_str(), m.advanced_open, width, c.target, c.f, c.p);
    m.remember("advanced");
    if (!m.advanced_open) return;
    Inputs in = m.inputs;
    bool changed = false;
    const std::string hint(c.t("ui.keyboard_hint"));
    for (const InputField& f : input_fields()) {
        if (!f.advanced || f.key == "draws" || f.key == "seed") continue;
        if (f.kind == FieldKind::Path) {
            draw_path_field(c, f, in, changed, width);
            continue;
        }
        const std::string id(f.key), label = field_label(c.lang, f), unit = unit_pattern_text(f, false, c.lang),
                          help = field_help(c.lang, f);
        double v = get_field(in, f);
        const int decimals = f.step < 1.0 ? 1 : 0;
        SliderSpec s{id.c_str(), label.c_str(), unit.c_str(), help.c_str(), f.min_value, f.max_value,
                     f.step > 0 ? f.step : 1.0, decimals, false};
        s.keyboard_hint = hint.c_str();
        if (value_slider(s, v, width, c.target, c.f, c.p)) {
            set_field(in, f, v);
            changed = true;
        }
        m.remember(s);
        const std::string_view src = f.source;
        const bool labelled = src.rfind("Assumption", 0) == 0 || src.rfind("Our choice", 0) == 0;
        const std::string source = field_source(c.lang, f);
        wrapped_text(c.f.small, c.p.muted, width, labelled ? source : ui_format(c.lang, "ui.source", {{"source", source}}));
        ImGui::Dummy(ImVec2(1, 6));
    }
    if (changed) m.set_inputs(in);
}

void draw_legend(const Ctx& c, float width) {
    ImGui::PushFont(c.f.small);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = 0.0f;
    for (int i = 0; i < kExportRegionCount; ++i) {
        const std::string name = region_name(i, c.lang);
        const float w = ImGui::CalcTextSize(name.c_str()).x + 26.0f;
        flow_layout(x, w, width, 0.0f);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float fs = ImGui::GetFontSize();
        dl->AddRectFilled(ImVec2(pos.x, pos.y + fs * 0.45f), ImVec2(pos.x + 14, pos.y + fs * 0.45f + 3), c.p.region[i], 1.5f);
        dl->AddText(ImVec2(pos.x + 18, pos.y), c.p.text, name.c_str());
        ImGui::Dummy(ImVec2(w, fs + 2));
    }
    ImGui::PopFont();
}

// "Method and sources" is real HTML beside the canvas (selectable, searchable,
// translatable): here only a link to it, when the page has it.
void draw_method_link(const Ctx& c, float width) {
    if (!c.m.host.has_method_section()) return;
    const std::string label(c.t("ui.method.link")), note(c.t("ui.method.note"));
    if (link_row(label.c_str(), note.c_str(), width, c.target, c.f, c.p)) c.m.host.show_method_section();
    c.m.remember("method");
}

void draw_actions(const Ctx& c, float width) {
    App::Impl& m = c.m;
    ImGui::PushFont(c.f.body);
    float x = 0;
    for (const ActionInfo& b : kActions) {
        const std::string label = std::string(c.t(b.text_key)) + "###" + b.name;  // the id stays the same in every language
        flow_layout(x, ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 28.0f, width, 8.0f);
        if (plain_button(label.c_str(), c.target, c.p, b.action == Action::CopyLink)) m.run_action(b.action);
        m.remember(b.name);
    }
    ImGui::PopFont();
    if (m.actions.status_showing()) {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        wrapped_text(c.f.small, c.p.text, width, m.actions.status());
        m.items.put("status", ItemRect{a.x, a.y, a.x + width, ImGui::GetCursorScreenPos().y});  // the page may add under it
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Layout
//-----------------------------------------------------------------------------
void App::draw(const Environment& env) {
    Impl& m = *impl_;
    m.actions.set_clock(env.time_seconds);
    m.today_day = env.today_day;
    m.dark = dark_for(env.system_prefers_dark);
    if (!m.style_applied || m.style_dark != m.dark || m.style_coarse != env.coarse_pointer) {
        m.palette = palette_for(m.dark, m.look);
        apply_style(m.palette, env.coarse_pointer, m.look.transparent);
        m.style_dark = m.dark;
        m.style_coarse = env.coarse_pointer;
        m.style_applied = true;
    }
    const Palette& p = m.palette;
    const float target = env.coarse_pointer ? 44.0f : 32.0f;
    const float W = env.width_px;
    const bool wide = W >= kWideLayoutFromPx;
    const bool narrow = W < kNarrowLayoutBelowPx;
    const float pad = narrow ? 12.0f : 20.0f;
    Ctx c{m, p, m.fonts.fonts(), target, narrow, m.lang};

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const ImGuiWindowFlags wflags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::Begin("Rare Earth Shock", nullptr, wflags);
    ImGui::PopStyleVar();
    // The draw buffers keep their largest size; reserving the size of the
    // busiest view (a two-year timeline with bands) up front keeps the heap flat
    // instead of stepping up the first time a reader asks for it.
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->VtxBuffer.reserve(96 * 1024);
    draw_list->IdxBuffer.reserve(160 * 1024);
    m.items.clear();

    const float inner = W - 2 * pad;
    if (narrow && m.show_headline) {
        draw_key_figures(c, inner);
        if (!m.notice.empty()) {
            wrapped_text(c.f.small, c.p.accent_text, inner, m.notice);
            m.remember("notice");
        }
        ImGui::Dummy(ImVec2(1, 2));  // one screen for the instrument: the item spacing is gap enough
        ImGui::Separator();
        ImGui::Dummy(ImVec2(1, 2));
    } else if (m.show_headline || !m.notice.empty()) {
        draw_headline(c, inner);
        ImGui::Dummy(ImVec2(1, 8));
        ImGui::Separator();
        ImGui::Dummy(ImVec2(1, 8));
    }

    const float y_cols = ImGui::GetCursorPosY();
    const float left_w = wide ? std::clamp(inner * 0.34f, 320.0f, 420.0f) : inner;
    const float gap = 32.0f;
    const float right_w = wide ? inner - left_w - gap : inner;
    const float x_left = pad, x_right = wide ? pad + left_w + gap : pad;
    TimelineOptions topt;
    topt.dated = true;
    topt.reduced_motion = env.reduced_motion;
    topt.today_day = env.today_day;
    topt.lang = m.lang;
    const float chart_h = narrow ? 260.0f : 320.0f;

    auto chart_block = [&](float x, float w) {
        ImGui::SetCursorPosX(x);
        // On phones the chart's notes and its numbered events are in the HTML under the canvas.
        section_title(c, std::string(c.t("ui.chart.title")).c_str(), narrow ? nullptr : timeline_subtitle(m.results, m.lang).c_str(), w);
        ImGui::SetCursorPosX(x);
        draw_legend(c, w);
        ImGui::SetCursorPosX(x);
        m.chart_rect = draw_timeline(m.results, topt, w, chart_h, m.fonts.fonts(), p);
        m.remember("chart");
        if (!narrow) {
            ImGui::SetCursorPosX(x);
            ImGui::BeginGroup();
            draw_event_key(timeline_shown_days(m.results), w, m.fonts.fonts(), p, m.lang);
            ImGui::EndGroup();
        }
    };
    auto indent = [&](float x) { ImGui::SetCursorPosX(x); };

    if (wide) {
        // Left: controls; right: results.
        ImGui::SetCursorPos(ImVec2(x_left, y_cols));
        ImGui::BeginGroup();
        draw_controls(c, left_w);
        ImGui::Dummy(ImVec2(1, 8));
        draw_presets(c, left_w);
        ImGui::Dummy(ImVec2(1, 12));
        draw_actions(c, left_w);
        ImGui::Dummy(ImVec2(1, 12));
        draw_advanced(c, left_w);
        draw_method_link(c, left_w);
        ImGui::EndGroup();
        const float left_bottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(x_right, y_cols));
        ImGui::BeginGroup();
        chart_block(x_right, right_w);
        ImGui::EndGroup();
        ImGui::SetCursorPosY(std::max(left_bottom, ImGui::GetCursorPosY()));
    } else {
        indent(x_left);
        ImGui::BeginGroup();
        draw_controls(c, inner);
        ImGui::Dummy(ImVec2(1, 8));
        draw_presets(c, inner);
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(1, narrow ? 6.0f : 16.0f));
        chart_block(x_left, inner);
        if (!narrow) {  // phones: the advanced inputs and the actions are HTML under the canvas, "Method and sources" below (page.js)
            ImGui::Dummy(ImVec2(1, 12));
            indent(x_left);
            ImGui::BeginGroup();
            draw_advanced(c, inner);
            draw_method_link(c, inner);
            ImGui::Dummy(ImVec2(1, 12));
            draw_actions(c, inner);
            ImGui::EndGroup();
        }
    }
    ImGui::Dummy(ImVec2(1, pad));
    m.content_height = std::ceil(ImGui::GetCursorPosY());
    ImGui::End();

}

}  // namespace rareshock::ui
