// Rare Earth Shock — the web app's entry point. It only wires objects together:
// the ModelRunner, the App that draws from it (src/ui), the browser Host
// services and the platform layer, and exports the functions the JS API calls.
#include "js_bridge.h"
#include "web_platform.h"
#include "ui/app.h"
#include "ui/detail.h"
#include "ui/face_check.h"
#include "ui/model_runner.h"
#include "ui/text.h"

#include "imgui.h"

#include <emscripten.h>
#include <emscripten/emmalloc.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstdlib>
#include <string>

namespace {

// The browser services the UI may ask for, through library.js.
struct WebHost final : rareshock::ui::Host {
    CopyOutcome copy_text(const std::string& text) override {
        const int r = rs_js_copy_text(text.c_str(), 1);
        return r == 2 ? CopyOutcome::Pending : r == 1 ? CopyOutcome::Copied : CopyOutcome::Failed;
    }
    void download_text(const std::string& filename, const std::string& mime, const std::string& data) override {
        rs_js_download_text(filename.c_str(), mime.c_str(), data.c_str());
    }
    void download_image(const std::string& filename, const std::string& svg, float width, float height, float scale) override {
        rs_js_download_image(filename.c_str(), svg.c_str(), width, height, scale);
    }
    bool has_method_section() const override { return rs_js_has_method_section() != 0; }
    void show_method_section() override { rs_js_show_method_section(); }
    std::string share_url(const std::string& query) override {
        char* url = rs_js_share_url(query.c_str());
        std::string out = url ? url : "?" + query;  // no memory for the page's address: the query alone
        std::free(url);
        return out;
    }
    void show_status(const std::string& text) override { rs_js_status(text.c_str()); }
    int today_day() override { return rareshock::day_of_unix_ms(emscripten_date_now()); }
};

WebHost g_host;
rareshock::ui::ModelRunner* g_runner = nullptr;
rareshock::ui::App* g_app = nullptr;
std::string g_out;  // storage for strings returned to JavaScript

// Parameters of the page's address that only the page's JavaScript reads (web/app.js:
// share=, origins=, resize=; and embed=, allow=, debug=, read by nothing now but taken
// silently since the first release): no input, no page option of the UI. A link takes them without a
// word; setInputs, which takes inputs, names each one it is given.
constexpr std::string_view kAddressKeys[] = {"origins", "allow", "embed", "debug", "share", "resize"};

// Applies a query and returns its messages as a JSON array of strings. The JS API
// (`inputs_only`) takes inputs: a parameter of the page's address in it is named.
std::string apply_query_messages(const char* query, bool inputs_only) {
    const rareshock::ui::AppliedQuery d = g_app->apply_query(query ? query : "", kAddressKeys);
    std::string out = "[";
    auto add = [&](const std::string& message) {
        if (out.size() > 1) out += ',';
        rareshock::append_json_string(out, message);
    };
    for (const auto& m : d.errors) add(m.message);
    for (const auto& m : d.warnings) add(m.message);
    if (inputs_only) {
        for (const rareshock::QueryParam& p : d.caller_params)
            add(rareshock::shown_text(p.key) + ": a parameter of the page's address, not an input: ignored here");
    }
    return out + "]";
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE char* rs_api_apply_query(const char* query) {
    const std::string out = apply_query_messages(query, true);
    rareshock::web::request_frames();   // the canvas shows the new inputs (when it is drawn)
    rareshock::web::schedule_model();   // the model runs whether or not it is
    char* p = static_cast<char*>(std::malloc(out.size() + 1));
    if (p) std::copy(out.c_str(), out.c_str() + out.size() + 1, p);
    return p;  // null: no memory for the messages (the page says so)
}
// The longest query the model takes, and what it says of a longer one: the page
// refuses such a query before copying it into the heap (a string of hundreds of
// megabytes does not fit, and the heap never shrinks after growing).
EMSCRIPTEN_KEEPALIVE double rs_api_max_query_bytes() { return static_cast<double>(rareshock::kMaxQueryBytes); }
// The longest language table the model takes (the page refuses a longer one uncopied).
EMSCRIPTEN_KEEPALIVE double rs_api_max_translation_bytes() { return static_cast<double>(rareshock::kMaxTranslationBytes); }
EMSCRIPTEN_KEEPALIVE const char* rs_api_query_too_long(double bytes) {
    g_out = "[";
    rareshock::append_json_string(g_out, rareshock::query_too_long_message(static_cast<std::size_t>(bytes)));
    g_out += "]";
    return g_out.c_str();
}
// The text of input field `index` (input_fields() order) when it is not a
// number: an approval path, "61:25,83:60". "" for numeric fields.
EMSCRIPTEN_KEEPALIVE const char* rs_api_field_text(int index) {
    g_out.clear();
    const auto fields = rareshock::input_fields();
    if (index >= 0 && static_cast<std::size_t>(index) < fields.size() && !fields[static_cast<std::size_t>(index)].numeric())
        g_out = rareshock::path_text(rareshock::get_path(g_runner->inputs(), fields[static_cast<std::size_t>(index)]));
    return g_out.c_str();
}
// The current inputs, one number per input field (input_fields() order) into out[n]
// (0 for an approval path: its text comes from rs_api_field_text).
EMSCRIPTEN_KEEPALIVE int rs_api_inputs(double* out, int n) {
    int i = 0;
    for (const rareshock::InputField& f : rareshock::input_fields()) {
        if (i >= n) break;
        out[i++] = rareshock::get_field(g_runner->inputs(), f);
    }
    return i;
}
// The generation of the current inputs' results: the central estimate runs now
// if it is due (provisional until the bands land, which follow in tasks or frames).
EMSCRIPTEN_KEEPALIVE double rs_api_current_generation() {
    g_runner->ensure_current();
    rareshock::web::schedule_model();
    return static_cast<double>(g_runner->generation());
}
// The results JSON of that generation, made once per generation.
EMSCRIPTEN_KEEPALIVE const char* rs_api_results_json() {
    g_runner->ensure_current();
    rareshock::web::schedule_model();
    return g_runner->results_json().c_str();
}
EMSCRIPTEN_KEEPALIVE int rs_api_model_busy() { return g_runner->busy() ? 1 : 0; }
// The reader's actions from the page's twin (App::Action): the canvas's buttons run the same code.
EMSCRIPTEN_KEEPALIVE void rs_api_action(int action) {
    if (action < 0 || action > static_cast<int>(rareshock::ui::App::Action::DownloadPngPrint)) return;
    g_app->run_action(static_cast<rareshock::ui::App::Action>(action));
    rareshock::web::schedule_model();
    rareshock::web::request_frames();
}
// The scenario's picture for print (export.h): light, vector, with the fonts of the page.
EMSCRIPTEN_KEEPALIVE const char* rs_api_print_svg() {
    g_out = g_app->print_svg();
    rareshock::web::schedule_model();
    return g_out.c_str();
}
// The detail under the canvas (ui/detail.h) for the current results, as HTML.
EMSCRIPTEN_KEEPALIVE const char* rs_api_detail_html() {
    g_out = rareshock::ui::detail_html(g_app->results(), g_app->language());
    return g_out.c_str();
}
// A text for the page around the canvas (the twin, notes) in the reader's
// language, by key (ui/text.h page_text); and that language's code.
EMSCRIPTEN_KEEPALIVE const char* rs_api_text(const char* key) {
    g_out = rareshock::ui::page_text(g_app->language(), key ? key : "");
    return g_out.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* rs_api_language() {
    g_out = std::string(rareshock::language_code(g_app->language()));
    return g_out.c_str();
}
// The Japanese face (font-ja.ttf, fetched by the page only for Japanese): checked
// (ui/face_check.h) and copied, drawn from the next frame. Returns why it was
// refused, "" if it was taken (the page then shows the static picture instead).
// A face over rs_api_max_face_bytes() comes with `data` null: refused by its size alone.
EMSCRIPTEN_KEEPALIVE double rs_api_max_face_bytes() { return static_cast<double>(rareshock::ui::kMaxFaceBytes); }
EMSCRIPTEN_KEEPALIVE const char* rs_api_set_japanese_face(const unsigned char* data, double size) {
    g_out = g_app->set_japanese_face(data, size > 0 ? static_cast<std::size_t>(std::min(size, 4294967295.0)) : 0);
    if (g_out.empty()) rareshock::web::request_frames();
    return g_out.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* rs_api_share_url() {
    g_out = g_host.share_url(rareshock::encode_query(g_app->inputs()));
    return g_out.c_str();
}
// Where a named control was drawn (canvas CSS px), for tests and tooling: x0,y0,x1,y1 into out[4].
EMSCRIPTEN_KEEPALIVE int rs_api_item_rect(const char* name, double* out) {
    rareshock::ui::App::ItemRect r{};
    if (!name || !g_app->find_item(name, r)) return 0;
    out[0] = r.x0; out[1] = r.y0; out[2] = r.x1; out[3] = r.y1;
    return 1;
}
// The outcome of a clipboard write that the page started (from the press itself, or for a
// Pending copy_text).
EMSCRIPTEN_KEEPALIVE void rs_on_copy_result(int ok) {
    g_app->copy_finished(ok != 0, emscripten_get_now() / 1000.0);
    rareshock::web::request_frames();
}
EMSCRIPTEN_KEEPALIVE double rs_api_frames_rendered() { return rareshock::web::frames_rendered(); }
EMSCRIPTEN_KEEPALIVE double rs_api_frames_run() { return rareshock::web::frames_run(); }
EMSCRIPTEN_KEEPALIVE double rs_api_last_frame_ms() { return rareshock::web::last_frame_cpu_ms(); }
EMSCRIPTEN_KEEPALIVE double rs_api_first_frame_ms() { return rareshock::web::first_frame_ms(); }
EMSCRIPTEN_KEEPALIVE double rs_api_last_model_ms() { return g_runner->last_model_ms(); }
EMSCRIPTEN_KEEPALIVE double rs_api_heap_bytes() {
    return static_cast<double>(emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory());
}
}

int main() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    static rareshock::ui::ModelRunner runner;
    static rareshock::ui::App app(g_host, runner);
    g_runner = &runner;
    g_app = &app;

    // The table of the page's language, before the query picks a language.
    char* translation = rs_js_translation();  // null: none (or no memory for it: the page said so)
    const std::string_view t = translation ? translation : "";
    if (const std::size_t nl = t.find('\n'); nl != std::string_view::npos) {
        rareshock::Language lang = rareshock::Language::English;
        if (!rareshock::parse_language(t.substr(0, nl), &lang) || !rareshock::set_translation(lang, t.substr(nl + 1)))
            rs_js_warn(("the text table for '" + std::string(t.substr(0, std::min<std::size_t>(nl, 8))) +
                        "' could not be read: " + std::string(rareshock::strings_problem(lang)) + "; showing English")
                           .c_str());
    }
    std::free(translation);

    char* query = rs_js_page_query();  // null: no memory for it (the page said so)
    const std::string messages = apply_query_messages(query, false);
    std::free(query);
    if (messages != "[]") rs_js_warn(("URL parameters: " + messages).c_str());

    static std::string selector;
    char* sel = rs_js_canvas_selector();
    if (!sel) {
        rs_js_failed("the calculator could not start: no memory left in the page");
        return 0;
    }
    selector = sel;
    std::free(sel);
    rareshock::web::PlatformDesc desc;
    desc.canvas_selector = selector.c_str();
    if (!rareshock::web::platform_init(app, runner, desc)) rs_js_failed("WebGL2 is not available: showing the static picture instead");
    return 0;
}
