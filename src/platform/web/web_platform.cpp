// Rare Earth Shock — the browser platform layer (see web_platform.h).
//
// [SECTION] State (one struct, like Dear ImGui's backends)
// [SECTION] Input queue (trickled one button change per frame, so taps are never lost)
// [SECTION] html5.h callbacks: mouse, touch, wheel, keys, focus
// [SECTION] Page callbacks: resize, visibility, offscreen, context loss
// [SECTION] Publishing to the page, and the model without frames
// [SECTION] Canvas size (bounded drawing buffer, settled height, font atlas scale)
// [SECTION] Frame
// [SECTION] Init
#include "web_platform.h"

#include "js_bridge.h"
#include "ui/app.h"
#include "ui/detail.h"
#include "ui/model_runner.h"

#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace rareshock::web {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------
struct InputEvent {
    enum Kind { MousePos, MouseButton, Wheel, Key, Char, FocusLost } kind;
    float x = 0, y = 0;      // MousePos (CSS px), Wheel (dx, dy)
    int button_or_key = 0;   // MouseButton: button; Key: key index
    bool down = false;       // MouseButton, Key
    unsigned int character = 0;
};

// One finger's gesture on the canvas, decided as a native page would: a tap is one
// click where the finger landed; a drag reaches the UI only once it is clearly
// horizontal, or at once when it starts on a slider's knob; anything else (a
// vertical swipe, a pinch) belongs to the page and never reaches the UI.
struct TouchGesture {
    enum State { None, Pending, Dragging, Page } state = None;
    int id = -1;
    float x0 = 0, y0 = 0;  // where the finger landed (canvas CSS px)
    float x = 0, y = 0;    // where it is now
};

struct PlatformState {
    PlatformDesc desc;
    ui::App* app = nullptr;
    ui::ModelRunner* runner = nullptr;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    bool gl_lost = false;
    bool renderer_ready = false;
    bool device_objects = false;  // the backend's shaders, buffers and font texture exist (since its Init)

    double css_width = 0;                   // canvas width in CSS px (the page's layout decides it)
    double css_height = 0;                  // canvas height in CSS px: the last settled height published
    float dpr = 1.0f;                       // devicePixelRatio
    float scale = 1.0f;                     // drawing-buffer px per CSS px (the DPR, unless a limit says less)
    int fb_width = 0, fb_height = 0;        // drawing buffer size
    int max_buffer_side = 4096;             // the GPU's limit on a side (renderbuffer, viewport, texture)
    float measured_height = -1;             // the content height the last frame measured
    int unsettled_frames = 0;               // frames since the measured height last differed from the published one

    bool page_visible = true;               // document.visibilityState
    bool onscreen = true;                   // IntersectionObserver
    bool frame_scheduled = false;
    int frames_pending = 0;                 // frames still owed (drawn or not)
    // Of those, frames that draw: owed after anything that may change the picture (input,
    // the API, a resize, a theme, a face, an animation); the frames that only carry the
    // model's slices draw only when its results change (render_frame).
    int draws_owed = 0;
    std::uint64_t drawn_generation = 0;     // the results' generation the canvas shows
    double last_frame_time_ms = 0;
    double frames_rendered = 0;
    double frames_run = 0;                  // frames the calculator ran, drawn or not
    double first_frame_ms = 0;              // performance.now() of the first frame
    bool first_atlas_sliced = false;        // the first atlas was built in a frame of its own (render_frame)
    int start_steps = 0;                    // start-up steps left before the first drawing (start_task)
    double last_frame_cpu_ms = 0;           // model + UI + GL submission of the last frame
    bool model_task_posted = false;         // a model task is queued (library.js)

    std::vector<InputEvent> queue;
    bool mouse_down[3] = {};
    TouchGesture touch;
    double last_touch_ms = -1e9;            // the last touch event: compatibility mouse events follow it
    long last_touch_client_x = 0, last_touch_client_y = 0;
    bool ctrl = false, shift = false, alt = false, super = false;

    std::uint64_t published_generation = ~0ull;
    std::string last_theme;
    bool ready_sent = false;
    std::vector<double> twin;               // the numbers published with new results (js_bridge.h)
};

PlatformState g;

void query_gpu_limits();  // [SECTION] Canvas size

// The canvas's CSS width (the page's layout decides it), at least 1 px.
double canvas_css_width() { return std::max(1.0, rs_js_canvas_css_width()); }

constexpr int kStartSteps = 5;  // start_task

// Frames can be drawn: the page is visible, the canvas near the viewport, the context alive.
bool frames_possible() { return g.page_visible && g.onscreen && !g.gl_lost && g.renderer_ready; }

//-----------------------------------------------------------------------------
// [SECTION] Input queue
//-----------------------------------------------------------------------------
void push(const InputEvent& e) {
    if (g.queue.size() < 256) g.queue.push_back(e);  // bounded: a flood of events cannot grow the heap
    request_frames();
}

// Applies queued events to ImGuiIO, stopping before a second change of the
// same mouse button or key in one frame (a down+up within one frame would be lost),
// and before a release that follows a move in the same frame: ImGui reads a
// dragged slider's pointer only while the button is down, so a drag released
// before the next frame (a fast flick, or a slow device) would end where the
// previous frame saw the pointer instead of where the reader let go.
void apply_input_queue(ImGuiIO& io) {
    bool button_changed[3] = {};
    bool any_button_change = false;
    bool moved = false;
    bool key_changed[512] = {};
    size_t i = 0;
    for (; i < g.queue.size(); ++i) {
        const InputEvent& e = g.queue[i];
        if (e.kind == InputEvent::MouseButton) {
            if (button_changed[e.button_or_key]) break;
            if (!e.down && moved && io.MouseDown[e.button_or_key]) break;
            button_changed[e.button_or_key] = true;
            any_button_change = true;
            io.MouseDown[e.button_or_key] = e.down;
        } else if (e.kind == InputEvent::MousePos) {
            // Moving away (touch lift) after a release in this frame would turn a tap into nothing.
            if (e.x == -FLT_MAX && any_button_change) break;
            if (e.x != io.MousePos.x || e.y != io.MousePos.y) moved = true;
            io.MousePos = ImVec2(e.x, e.y);
        } else if (e.kind == InputEvent::Wheel) {
            io.MouseWheelH += e.x;
            io.MouseWheel += e.y;
        } else if (e.kind == InputEvent::Key) {
            // A key pressed and released within one frame must still be seen pressed.
            if (e.button_or_key >= 0 && e.button_or_key < 512) {
                if (key_changed[e.button_or_key]) break;
                key_changed[e.button_or_key] = true;
                io.KeysDown[e.button_or_key] = e.down;
            }
        } else if (e.kind == InputEvent::Char) {
            io.AddInputCharacter(e.character);
        } else if (e.kind == InputEvent::FocusLost) {
            for (bool& k : io.KeysDown) k = false;
        }
    }
    g.queue.erase(g.queue.begin(), g.queue.begin() + static_cast<long>(i));
    io.KeyCtrl = g.ctrl;
    io.KeyShift = g.shift;
    io.KeyAlt = g.alt;
    io.KeySuper = g.super;
}

//-----------------------------------------------------------------------------
// [SECTION] html5.h callbacks
//-----------------------------------------------------------------------------
// Touch gestures. A finger's movement within this many CSS px is still a tap.
constexpr float kTouchSlopPx = 10.0f;
// A drag is horizontal when it moved at least this many times more across than down.
constexpr float kHorizontalRatio = 2.0f;
// After a tap, browsers send compatibility mousemove/mousedown/mouseup/click at the
// spot where the finger lifted, at once or (iOS, older Android) some 300 ms later,
// later still on a busy page. They are ignored (a tap must not press twice): mouse
// events that follow a touch pointer's events rather than a mouse pointer's, and,
// for browsers without pointer events, mouse events close to the last touch in
// space and time.
constexpr double kCompatibilityMouseMs = 2500.0;
constexpr long kCompatibilityMousePx = 32;

void note_touch(const EmscriptenTouchPoint* p) {
    g.last_touch_ms = emscripten_get_now();
    if (p) {
        g.last_touch_client_x = p->clientX;
        g.last_touch_client_y = p->clientY;
    }
}
bool from_touch(const EmscriptenMouseEvent* e) {
    if (rs_js_mouse_follows_touch()) return true;
    return emscripten_get_now() - g.last_touch_ms < kCompatibilityMouseMs &&
           std::labs(e->clientX - g.last_touch_client_x) <= kCompatibilityMousePx &&
           std::labs(e->clientY - g.last_touch_client_y) <= kCompatibilityMousePx;
}

void set_modifiers(bool ctrl, bool shift, bool alt, bool meta) {
    g.ctrl = ctrl; g.shift = shift; g.alt = alt; g.super = meta;
}

bool mouse_pos_from_client(long client_x, long client_y, float& x, float& y) {
    double cx = 0, cy = 0;
    const int inside = rs_js_canvas_point(static_cast<double>(client_x), static_cast<double>(client_y), &cx, &cy);
    x = static_cast<float>(cx);
    y = static_cast<float>(cy);
    return inside != 0;
}

EM_BOOL on_mouse_down(int, const EmscriptenMouseEvent* e, void*) {
    if (g.touch.state != TouchGesture::None || from_touch(e) || e->button > 2) return EM_FALSE;
    const int button = e->button == 2 ? 1 : (e->button == 1 ? 2 : 0);  // DOM: 0 left, 1 middle, 2 right
    set_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    float x, y;
    mouse_pos_from_client(e->clientX, e->clientY, x, y);
    push({InputEvent::MousePos, x, y});
    push({InputEvent::MouseButton, 0, 0, button, true});
    g.mouse_down[button] = true;
    return EM_FALSE;  // keep the browser's focus handling (the canvas takes focus on click)
}

EM_BOOL on_mouse_up(int, const EmscriptenMouseEvent* e, void*) {
    if (e->button > 2) return EM_FALSE;
    const int button = e->button == 2 ? 1 : (e->button == 1 ? 2 : 0);
    if (!g.mouse_down[button]) return EM_FALSE;  // not ours: a click elsewhere on the page, or a touch's
    g.mouse_down[button] = false;
    float x, y;
    mouse_pos_from_client(e->clientX, e->clientY, x, y);
    push({InputEvent::MousePos, x, y});
    push({InputEvent::MouseButton, 0, 0, button, false});
    return EM_FALSE;
}

EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*) {
    if (g.touch.state != TouchGesture::None || from_touch(e)) return EM_FALSE;
    float x, y;
    const bool inside = mouse_pos_from_client(e->clientX, e->clientY, x, y);
    const bool dragging = g.mouse_down[0] || g.mouse_down[1] || g.mouse_down[2];
    if (!inside && !dragging) {
        // Left the canvas: tell ImGui once, then ignore the page's mouse moves.
        if (ImGui::GetCurrentContext() && ImGui::GetIO().MousePos.x != -FLT_MAX &&
            (g.queue.empty() || g.queue.back().x != -FLT_MAX))
            push({InputEvent::MousePos, -FLT_MAX, -FLT_MAX});
        return EM_FALSE;
    }
    if (!g.queue.empty() && g.queue.back().kind == InputEvent::MousePos) {
        g.queue.back().x = x;  // coalesce moves
        g.queue.back().y = y;
        request_frames();
    } else {
        push({InputEvent::MousePos, x, y});
    }
    return dragging ? EM_TRUE : EM_FALSE;  // no text selection while dragging a slider
}

// The canvas is as tall as its content, so the wheel scrolls the page: ImGui sees it
// (hover readouts), the page keeps scrolling. A passive listener (library.js rs_js_init)
// calls this: nothing here can stop the page's scroll, so the browser need not wait for it.
void on_wheel(double dx, double dy, int mode) {
    const double scale = mode == DOM_DELTA_PIXEL ? 1.0 / 100.0 : (mode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0);
    if (!std::isfinite(dx) || !std::isfinite(dy)) return;
    push({InputEvent::Wheel, static_cast<float>(-dx * scale), static_cast<float>(-dy * scale)});
}

const EmscriptenTouchPoint* find_touch(const EmscriptenTouchEvent* e, int id, bool changed_only) {
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (changed_only && !t.isChanged) continue;
        if (id < 0 || t.identifier == id) return &t;
    }
    return nullptr;
}

void press_at(float x, float y) {
    push({InputEvent::MousePos, x, y});
    push({InputEvent::MouseButton, 0, 0, 0, true});
}
void release_at(float x, float y) {
    push({InputEvent::MousePos, x, y});
    push({InputEvent::MouseButton, 0, 0, 0, false});
    push({InputEvent::MousePos, -FLT_MAX, -FLT_MAX});  // a finger leaves no hover behind
}

EM_BOOL on_touch_start(int, const EmscriptenTouchEvent* e, void*) {
    note_touch(nullptr);
    TouchGesture& t = g.touch;
    if (t.state != TouchGesture::None) {
        // A second finger: an undecided gesture becomes the page's pinch; a drag keeps its finger.
        if (t.state == TouchGesture::Pending) t.state = TouchGesture::Page;
        return EM_FALSE;
    }
    const EmscriptenTouchPoint* p = find_touch(e, -1, true);
    if (!p) return EM_FALSE;
    note_touch(p);
    float x, y;
    mouse_pos_from_client(p->clientX, p->clientY, x, y);
    t = TouchGesture{TouchGesture::Pending, p->identifier, x, y, x, y};
    if (e->numTouches > 1) {  // landed together with another finger: a pinch
        t.state = TouchGesture::Page;
        return EM_FALSE;
    }
    if (g.app->drag_handle_at(x, y)) {
        // On a knob: drag at once, and keep the page from scrolling under the finger.
        t.state = TouchGesture::Dragging;
        press_at(x, y);
        return EM_TRUE;
    }
    // Not preventDefault: CSS touch-action: pan-y lets a vertical swipe scroll the article.
    return EM_FALSE;
}

EM_BOOL on_touch_move(int, const EmscriptenTouchEvent* e, void*) {
    note_touch(nullptr);
    TouchGesture& t = g.touch;
    if (t.state == TouchGesture::None || t.state == TouchGesture::Page) return EM_FALSE;
    const EmscriptenTouchPoint* p = find_touch(e, t.id, true);
    if (!p) return EM_FALSE;
    note_touch(p);
    mouse_pos_from_client(p->clientX, p->clientY, t.x, t.y);
    if (t.state == TouchGesture::Pending) {
        const float dx = std::fabs(t.x - t.x0), dy = std::fabs(t.y - t.y0);
        if (dx < kTouchSlopPx && dy < kTouchSlopPx) return EM_FALSE;  // still a tap
        if (dx < kHorizontalRatio * dy) {
            t.state = TouchGesture::Page;  // vertical or diagonal: the page scrolls
            return EM_FALSE;
        }
        t.state = TouchGesture::Dragging;  // clearly horizontal: press where the finger landed
        press_at(t.x0, t.y0);
    }
    push({InputEvent::MousePos, t.x, t.y});
    return EM_TRUE;  // the drag is ours: no page movement
}

EM_BOOL on_touch_end(int type, const EmscriptenTouchEvent* e, void*) {
    TouchGesture& t = g.touch;
    const EmscriptenTouchPoint* p = find_touch(e, t.id, true);
    note_touch(p);
    if (t.state == TouchGesture::None || !p) return EM_FALSE;
    const bool cancelled = type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    if (t.state == TouchGesture::Pending && !cancelled) {
        // A tap: one press and release where the finger landed.
        press_at(t.x0, t.y0);
        release_at(t.x0, t.y0);
    } else if (t.state == TouchGesture::Dragging) {
        if (!cancelled) mouse_pos_from_client(p->clientX, p->clientY, t.x, t.y);
        release_at(t.x, t.y);
    }
    t = TouchGesture{};
    return EM_FALSE;
}

// The browser took the gesture (it began to scroll or zoom: pointercancel). A drag
// ends where it was; an undecided touch is the page's until the finger lifts.
void cancel_touch() {
    note_touch(nullptr);
    TouchGesture& t = g.touch;
    if (t.state == TouchGesture::Dragging) {
        release_at(t.x, t.y);
        t = TouchGesture{};
    } else if (t.state == TouchGesture::Pending) {
        t.state = TouchGesture::Page;
    }
}

// DOM keyCode values double as our KeysDown indices.
enum : int { kKeyTab = 9, kKeyBackspace = 8, kKeyEnter = 13, kKeyEscape = 27, kKeySpace = 32, kKeyPageUp = 33,
             kKeyPageDown = 34, kKeyEnd = 35, kKeyHome = 36, kKeyLeft = 37, kKeyUp = 38, kKeyRight = 39, kKeyDown = 40,
             kKeyInsert = 45, kKeyDelete = 46 };

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    set_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    const int code = static_cast<int>(e->keyCode);
    if (code == kKeyTab) return EM_FALSE;  // Tab leaves the canvas: no keyboard trap
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    if (code > 0 && code < 512) push({InputEvent::Key, 0, 0, code, down});
    if (down && e->key[0] != 0 && e->key[1] == 0 && !e->ctrlKey && !e->metaKey) {
        // A single printable character (the keydown's key string): typed text.
        const unsigned char c = static_cast<unsigned char>(e->key[0]);
        if (c >= 32 && c < 127) push({InputEvent::Char, 0, 0, 0, false, c});
    }
    const ImGuiIO& io = ImGui::GetIO();
    const bool navigation = code == kKeyLeft || code == kKeyRight || code == kKeyUp || code == kKeyDown ||
                            code == kKeySpace || code == kKeyEnter || code == kKeyHome || code == kKeyEnd ||
                            code == kKeyPageUp || code == kKeyPageDown;
    // Only the canvas receives these (it has focus): keep the page from scrolling
    // while the reader works the controls; leave shortcuts (Ctrl/Cmd) alone.
    if (e->ctrlKey || e->metaKey) return io.WantTextInput ? EM_TRUE : EM_FALSE;
    return (navigation || io.WantTextInput || code == kKeyBackspace || code == kKeyDelete) ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void*) {
    push({InputEvent::FocusLost});
    return EM_FALSE;
}

EM_BOOL on_focus(int, const EmscriptenFocusEvent*, void*) {
    request_frames();
    return EM_FALSE;
}

//-----------------------------------------------------------------------------
// [SECTION] Page callbacks
//-----------------------------------------------------------------------------
EM_BOOL on_context_lost(int, const void*, void*) {
    g.gl_lost = true;
    if (g.renderer_ready) {
        // Calls on a lost context are silent no-ops: this frees the backend's state
        // without touching the (gone) GL objects' owner.
        ImGui_ImplOpenGL3_Shutdown();
        g.renderer_ready = g.device_objects = false;
    }
    schedule_model();  // the model goes on without frames
    return EM_TRUE;  // preventDefault: we want the context back
}

EM_BOOL on_context_restored(int, const void*, void*) {
    g.gl_lost = false;
    emscripten_webgl_make_context_current(g.gl);
    g.renderer_ready = ImGui_ImplOpenGL3_Init("#version 300 es");
    query_gpu_limits();
    g.fb_width = g.fb_height = 0;  // force a size pass
    request_frames();
    return EM_TRUE;
}

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
    g.page_visible = !e->hidden;
    if (g.page_visible) request_frames();
    schedule_model();
    return EM_FALSE;
}

//-----------------------------------------------------------------------------
// [SECTION] Publishing to the page, and the model without frames
//-----------------------------------------------------------------------------
// The theme and a producer's accent in it ("dark", "dark #0b5cad #ffffff"): the page restyles when it changes.
std::string current_look() {
    const bool dark = g.app->dark_for(rs_js_prefers_dark() != 0);
    std::string accent, on_accent;
    const std::string theme = ui::theme_mode_name(dark ? ui::ThemeMode::Dark : ui::ThemeMode::Light);
    return g.app->custom_accent(dark, &accent, &on_accent) ? theme + " " + accent + " " + on_accent : theme;
}

// True while the page shows something older than the model: work pending,
// results or theme not yet published, or the API not yet handed out.
bool page_behind_model() {
    return g.runner->busy() || g.runner->generation() != g.published_generation || current_look() != g.last_theme ||
           !g.ready_sent;
}

// The numbers the DOM twin shows (layout in js_bridge.h): a few dozen, not the results JSON.
// The regions' results cross as text (ui/detail.h twin_rows), laid out by the reader's language.
void fill_twin(const Results& r, std::vector<double>& out) {
    out.clear();
    out.push_back(r.bands_ready ? 0.0 : 1.0);
    const Preset* preset = matching_preset(r.inputs);
    out.push_back(preset ? static_cast<double>(preset - presets().data()) : -1.0);
    for (const InputField& f : input_fields()) out.push_back(get_field(r.inputs, f));
}

// New results and theme to the DOM twin, aria-live and onChange (no frame needed).
void publish_results() {
    ui::ModelRunner& runner = *g.runner;
    const std::string look = current_look();
    if (look != g.last_theme) {
        g.last_theme = look;
        rs_js_theme_changed(look.c_str());
    }
    if (runner.generation() == 0 || runner.generation() == g.published_generation) return;
    g.published_generation = runner.generation();
    const Results& r = runner.results();
    fill_twin(r, g.twin);
    const std::string rows = ui::twin_rows(r, g.app->language());
    rs_js_results_changed(static_cast<double>(runner.generation()), g.twin.data(), static_cast<int>(g.twin.size()),
                          g.app->summary().c_str(), rows.c_str());
}

// The API goes to the page once there are results to give: after the first
// frame drawn at its settled height when frames are drawn (no blank canvas, no
// height still to change), else after the first model run (a calculator that
// loads offscreen or in a hidden tab).
void send_ready_once() {
    if (g.ready_sent || g.runner->generation() == 0) return;
    g.ready_sent = true;
    rs_js_ready();
}

void model_task() {
    g.model_task_posted = false;
    if (frames_possible()) {  // frames are back: they drive the model
        schedule_frames(1);
        return;
    }
    g.runner->advance(g.desc.task_model_budget_ms);
    publish_results();
    send_ready_once();
    schedule_model();  // the next slice, if any, after the page had its turn
}

//-----------------------------------------------------------------------------
// [SECTION] Canvas size
//-----------------------------------------------------------------------------
// The canvas is as tall as the content (the page scrolls, not the canvas), so its
// drawing buffer is CSS size × scale, where the scale is the devicePixelRatio
// unless that would pass the largest buffer side (the GPU's, at most kMaxBufferSide) or
// kMaxCanvasPixels; then the canvas renders at a lower resolution than the screen. The browser may give
// a smaller drawing buffer still: the scale follows what it gives.
constexpr double kMaxCanvasPixels = 8.0 * 1024 * 1024;  // 8 Mi pixels, 32 MiB a buffer: half iOS Safari's 16.7-megapixel canvas limit
// A buffer side never passes 8,192 px, the largest renderbuffer many phone GPUs (and
// Chromium's software renderer) allow, even where the GPU allows more (iPhones: 16,384):
// a tall phone canvas then has the same pixels in every engine and on every device.
constexpr int kMaxBufferSide = 8192;
// Glyphs are rasterised for the buffer's scale, in quarter steps, at most 3× (a DPR 4
// screen gets 3× glyphs): the font atlas, 5 bytes a pixel while it is uploaded, stays small.
constexpr float kMaxFontScale = 3.0f;
// A new content height is published once two frames in a row measure it (new
// content takes ImGui a frame or two to measure), or after this many frames.
constexpr int kMaxSettleFrames = 8;

void query_gpu_limits() {
    GLint renderbuffer = 0, texture = 0, viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    int side = 0;
    for (GLint v : {renderbuffer, texture, viewport[0], viewport[1]})
        if (v > 0) side = side == 0 ? static_cast<int>(v) : std::min(side, static_cast<int>(v));
    g.max_buffer_side = side > 0 ? std::min(side, kMaxBufferSide) : 4096;
}

// Sizes the drawing buffer for the canvas's CSS size within the limits above (unless
// `resize` is false: the scale only), and rebuilds the font atlas when the glyphs' scale
// changes (returns true then). The renderer's GL objects are made with the atlas's texture
// the first time, unless `defer_device_objects` (start_task makes them).
bool size_drawing_buffer(bool resize, bool defer_device_objects = false) {
    const double w = std::max(1.0, g.css_width), h = std::max(1.0, g.css_height);
    const double side = static_cast<double>(g.max_buffer_side);
    double scale = std::min({static_cast<double>(g.dpr), side / w, side / h, std::sqrt(kMaxCanvasPixels / (w * h))});
    auto buffer = [&](double s, int& fw, int& fh) {
        fw = std::clamp(static_cast<int>(std::floor(w * s)), 1, g.max_buffer_side);
        fh = std::clamp(static_cast<int>(std::floor(h * s)), 1, g.max_buffer_side);
    };
    int fb_w = 0, fb_h = 0;
    buffer(scale, fb_w, fb_h);
    if (resize && (fb_w != g.fb_width || fb_h != g.fb_height)) {
        g.draws_owed = std::max(g.draws_owed, 1);  // a resized canvas is blank until drawn
        emscripten_set_canvas_element_size(g.desc.canvas_selector, fb_w, fb_h);
        int got_w = 0, got_h = 0;
        emscripten_webgl_get_drawing_buffer_size(g.gl, &got_w, &got_h);
        if (got_w > 0 && got_h > 0 && (got_w < fb_w || got_h < fb_h)) {
            // The browser clamped the buffer (memory, its own limits): draw at what it gave.
            scale = std::min(got_w / w, got_h / h);
            buffer(scale, fb_w, fb_h);
            emscripten_set_canvas_element_size(g.desc.canvas_selector, fb_w, fb_h);
        }
        g.fb_width = fb_w;
        g.fb_height = fb_h;
    }
    g.scale = static_cast<float>(scale);
    const float font_scale = std::clamp(std::ceil(g.scale * 4.0f - 0.01f) / 4.0f, 1.0f, kMaxFontScale);
    if (g.app->fonts_dpr() != font_scale || g.app->fonts_stale()) {  // a new scale, or the Japanese face arrived
        g.app->build_fonts(font_scale);
        if (g.renderer_ready) {
            // The backend's first NewFrame would make its device objects, font texture
            // included: making them here (the first time, in start_task's first step)
            // uploads the atlas once, and compiles the shaders before the frame that draws.
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            if (g.device_objects) ImGui_ImplOpenGL3_CreateFontsTexture();
            else if (!defer_device_objects) g.device_objects = ImGui_ImplOpenGL3_CreateDeviceObjects();
        }
        return true;
    }
    return false;
}

// Publishes the content's height (the canvas's CSS height, which the page and the
// embed's resize messages follow) only once it has settled; until then keeps
// drawing. Returns true when the frame just drawn had the published height.
bool settle_height() {
    const float measured = std::ceil(g.app->content_height());
    const bool same_as_before = std::fabs(measured - g.measured_height) < 0.5f;
    g.measured_height = measured;
    if (std::fabs(measured - g.css_height) < 0.5) {
        g.unsettled_frames = 0;
        return true;
    }
    if (same_as_before || ++g.unsettled_frames >= kMaxSettleFrames) {
        g.unsettled_frames = 0;
        g.css_height = measured;
        rs_js_content_height(static_cast<double>(measured));
    }
    request_frames(1);  // measure again, or draw at the new height
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------
// The canvas's size and device pixel ratio (a zoom changes both). The height is the last
// settled one (at first, the height the page reserved).
void read_canvas_size() {
    g.css_width = canvas_css_width();
    g.dpr = std::clamp(static_cast<float>(emscripten_get_device_pixel_ratio()), 0.5f, 8.0f);
    if (g.css_height <= 0) g.css_height = std::max(1.0, rs_js_canvas_css_height());
}

// One frame of the interface, up to the draw lists (ImGui::Render); the reader's queued
// input goes in when `with_input`.
void interface_frame(double time_ms, bool with_input) {
    ImGuiIO& io = ImGui::GetIO();
    ui::Environment env;
    env.width_px = static_cast<float>(g.css_width);
    env.device_pixel_ratio = g.dpr;
    env.system_prefers_dark = rs_js_prefers_dark() != 0;
    env.reduced_motion = rs_js_reduced_motion() != 0;
    env.coarse_pointer = rs_js_coarse_pointer() != 0;
    env.time_seconds = time_ms / 1000.0;
    env.today_day = day_of_unix_ms(emscripten_date_now());

    if (with_input) apply_input_queue(io);
    io.DisplaySize = ImVec2(static_cast<float>(g.css_width), static_cast<float>(g.css_height));
    // The backend sizes its viewport as (int)(DisplaySize × scale): a quarter pixel more keeps that the whole buffer.
    io.DisplayFramebufferScale = ImVec2(static_cast<float>((g.fb_width + 0.25) / g.css_width),
                                        static_cast<float>((g.fb_height + 0.25) / g.css_height));
    const double dt = g.last_frame_time_ms > 0 ? (time_ms - g.last_frame_time_ms) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1.0 / 240.0, 0.25));
    g.last_frame_time_ms = time_ms;

    ImGui_ImplOpenGL3_NewFrame();
    g.device_objects = true;  // made by NewFrame if they were not
    // The atlas's pixels are on the GPU now: free the CPU copies (megabytes at 3×);
    // a context restore or a new scale builds them again.
    if (io.Fonts->TexPixelsAlpha8 || io.Fonts->TexPixelsRGBA32) io.Fonts->ClearTexData();
    ImGui::NewFrame();
    g.app->draw(env);
    ImGui::Render();
}

// Returns true if it drew (a frame may only carry the model, or wait for start-up).
bool render_frame(double time_ms) {
    read_canvas_size();
    // Start-up in slices, so that no one task holds the page's main thread long: the first
    // atlas's glyphs rasterised in one frame; then the steps of start_task (its upload and
    // the shaders first), each a task of its own; then the first drawing. The atlas frame
    // leaves the canvas as it is: a resized canvas is a new picture for the compositor to
    // take (a software compositor reads megapixels back for it). Later atlases (a zoom,
    // the Japanese face) are built in the frame that draws with them.
    if (!g.first_atlas_sliced) {
        g.first_atlas_sliced = true;  // once: a face the atlas cannot take must not hold the drawing back
        const bool built = size_drawing_buffer(false, /*defer_device_objects=*/true);  // start_task makes them
        if (built) {
            g.start_steps = kStartSteps;
            rs_js_post_start_task();  // its last step asks for the drawing frame
            return false;
        }
    }
    // Until the start-up steps are done, a frame (asked for by the model, a resize, input)
    // waits for them: it would make the same first calls in one task.
    if (g.start_steps > 0) return false;
    size_drawing_buffer(true);

    g.runner->advance(g.desc.frame_model_budget_ms);
    // A frame that would draw what the canvas shows already (the model's slices only, its
    // results unchanged: the Monte Carlo at work) draws nothing: on a phone, a redraw of a
    // megapixel canvas, and in a software compositor its readback, for no change.
    if (g.draws_owed == 0 && g.frames_rendered > 0 && g.runner->generation() == g.drawn_generation) {
        publish_results();
        return false;
    }

    interface_frame(time_ms, true);

    emscripten_webgl_make_context_current(g.gl);
    glViewport(0, 0, g.fb_width, g.fb_height);
    // The renderer leaves its state as it drew (IMGUI_IMPL_OPENGL_NO_STATE_BACKUP): the last
    // clip rectangle's scissor would hold the clear to it.
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    // Glyph quads often have their edges exactly on pixel centres (x.5 device px), where
    // which pixel a GL implementation fills comes down to its rounding: SwiftShader
    // (Chromium) and Mesa (Firefox) filled the stems of the same glyph a pixel apart. A
    // shift of 1/64 device px, far below what the eye sees, breaks every such tie the
    // same way in every engine.
    ImDrawData* draw = ImGui::GetDrawData();
    const float tie_break = 1.0f / (64.0f * (draw->FramebufferScale.x > 0.0f ? draw->FramebufferScale.x : 1.0f));
    draw->DisplayPos.x -= tie_break;
    draw->DisplayPos.y -= tie_break;
    ImGui_ImplOpenGL3_RenderDrawData(draw);
    g.frames_rendered += 1;
    g.drawn_generation = g.runner->generation();
    if (g.draws_owed > 0) --g.draws_owed;
    if (g.first_frame_ms == 0) g.first_frame_ms = emscripten_get_now();
    if (g.desc.after_render) g.desc.after_render();

    rs_js_set_cursor(ImGui::GetMouseCursor());
    const bool settled = settle_height();
    publish_results();
    // The page gets the API with the canvas at its settled height, in this frame: the
    // placeholder goes as the calculator shows. (In a task of its own, the page's layout
    // without the placeholder would leave this one shorter, but in a software compositor
    // the calculator would show a frame and a readback of the canvas later.)
    if (settled) send_ready_once();
    return true;
}

EM_BOOL frame_callback(double time_ms, void*) {
    g.frame_scheduled = false;
    if (!frames_possible()) {
        schedule_model();  // no frame after all: the model goes on in a task
        return EM_FALSE;
    }
    const double t0 = emscripten_get_now();
    g.frames_run += 1;
    if (render_frame(time_ms)) g.last_frame_cpu_ms = emscripten_get_now() - t0;
    if (g.frames_pending > 0) --g.frames_pending;
    // Input still queued (trickled) or an animation: draw on; model work: go on.
    if (!g.queue.empty() || g.app->animating()) g.draws_owed = std::max(g.draws_owed, 1);
    if (!g.queue.empty() || g.app->wants_frames()) g.frames_pending = std::max(g.frames_pending, 1);
    if (g.frames_pending > 0) schedule_frames(0);
    return EM_FALSE;
}

// Between the atlas frame and the first drawing, kStartSteps steps, each a task of its
// own, make the first calls of the code that drawing runs. A browser compiles a WebAssembly
// function when it is first called (V8 lazily, with its baseline compiler): in the first
// drawing frame, at 4× CPU, those compilations took 100–200 ms on top of the drawing,
// which a software compositor's readback of the canvas already makes long. The steps:
// the renderer's shaders, buffers and font texture (the atlas frame rasterised the
// glyphs; the program's statuses and locations, which wait for the GPU process to compile
// and link, are read at the next NewFrame, IMGUI_IMPL_OPENGL_DEFER_PROGRAM_QUERIES); the
// model's central estimate; a first slice of its Monte Carlo; a frame of the
// interface that is not drawn (at the canvas's present size: the drawing frame resizes it,
// since a software compositor would read a canvas resized in a task before back blank,
// hundreds of milliseconds at 4× CPU); the results to the page. The last one asks for
// the drawing frame; frames asked for meanwhile wait for it (render_frame).
void start_task() {
    if (g.start_steps <= 0) return;
    if (!g.renderer_ready || g.gl_lost) {  // lost meanwhile: the restore draws
        g.start_steps = 0;
        request_frames(1);
        return;
    }
    const int step = kStartSteps - g.start_steps--;
    if (step == 0) {
        if (!g.device_objects) g.device_objects = ImGui_ImplOpenGL3_CreateDeviceObjects();
    } else if (step == 1) {
        g.runner->advance(0.0);  // the central estimate (whatever the budget)
    } else if (step == 2) {
        g.runner->advance(1e-3);  // and the Monte Carlo's first, smallest slice
    } else if (step == 3) {
        read_canvas_size();
        interface_frame(emscripten_get_now(), false);
    } else {
        publish_results();  // the DOM twin and the live region, before the canvas shows the same results
    }
    if (g.start_steps > 0) rs_js_post_start_task();
    else request_frames(1);
}

const char* get_clipboard(void*) { return ""; }  // reading the clipboard needs a permission prompt: not offered
void set_clipboard(void*, const char* text) { rs_js_copy_text(text, 0); }

}  // namespace

void schedule_frames(int frames) {
    g.frames_pending = std::max(g.frames_pending, frames);
    if (g.frame_scheduled || !g.page_visible || !g.onscreen || g.gl_lost) return;
    g.frame_scheduled = true;
    emscripten_request_animation_frame(frame_callback, nullptr);
}

void request_frames(int settle) {
    if (settle < 0) settle = g.desc.settle_frames;
    g.draws_owed = std::max(g.draws_owed, settle);
    schedule_frames(settle);
}

void schedule_model() {
    if (!g.runner || !page_behind_model()) return;
    if (frames_possible()) {
        schedule_frames(1);  // frames carry the model's slices (and draw its results when they land)
        return;
    }
    if (g.model_task_posted) return;
    g.model_task_posted = true;
    rs_js_post_model_task();
}

bool draw_frame_now() {
    if (g.gl_lost || !g.renderer_ready) return false;
    render_frame(emscripten_get_now());
    return true;
}

double frames_rendered() { return g.frames_rendered; }
double frames_run() { return g.frames_run; }
double first_frame_ms() { return g.first_frame_ms; }
double last_frame_cpu_ms() { return g.last_frame_cpu_ms; }

//-----------------------------------------------------------------------------
// [SECTION] Init
//-----------------------------------------------------------------------------
bool platform_init(ui::App& app, ui::ModelRunner& runner, const PlatformDesc& desc) {
    g.desc = desc;
    g.app = &app;
    g.runner = &runner;
    const char* canvas = g.desc.canvas_selector;

    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_TRUE;  // the page's background shows through
    attrs.premultipliedAlpha = EM_TRUE;
    attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own geometry
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    g.gl = emscripten_webgl_create_context(canvas, &attrs);
    if (g.gl <= 0) return false;
    emscripten_webgl_make_context_current(g.gl);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "rareshock_html5";
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.IniFilename = nullptr;  // no storage
    io.LogFilename = nullptr;
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.KeyMap[ImGuiKey_Tab] = kKeyTab;
    io.KeyMap[ImGuiKey_LeftArrow] = kKeyLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kKeyRight;
    io.KeyMap[ImGuiKey_UpArrow] = kKeyUp;
    io.KeyMap[ImGuiKey_DownArrow] = kKeyDown;
    io.KeyMap[ImGuiKey_PageUp] = kKeyPageUp;
    io.KeyMap[ImGuiKey_PageDown] = kKeyPageDown;
    io.KeyMap[ImGuiKey_Home] = kKeyHome;
    io.KeyMap[ImGuiKey_End] = kKeyEnd;
    io.KeyMap[ImGuiKey_Insert] = kKeyInsert;
    io.KeyMap[ImGuiKey_Delete] = kKeyDelete;
    io.KeyMap[ImGuiKey_Backspace] = kKeyBackspace;
    io.KeyMap[ImGuiKey_Space] = kKeySpace;
    io.KeyMap[ImGuiKey_Enter] = kKeyEnter;
    io.KeyMap[ImGuiKey_Escape] = kKeyEscape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = kKeyEnter;
    io.KeyMap[ImGuiKey_A] = 'A';
    io.KeyMap[ImGuiKey_C] = 'C';
    io.KeyMap[ImGuiKey_V] = 'V';
    io.KeyMap[ImGuiKey_X] = 'X';
    io.KeyMap[ImGuiKey_Y] = 'Y';
    io.KeyMap[ImGuiKey_Z] = 'Z';

    g.renderer_ready = ImGui_ImplOpenGL3_Init("#version 300 es");
    if (!g.renderer_ready) return false;
    query_gpu_limits();

    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, on_mouse_down);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse_up);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse_move);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch_start);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch_move);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch_end);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch_end);
    emscripten_set_keydown_callback(canvas, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(canvas, nullptr, EM_FALSE, on_key);
    emscripten_set_blur_callback(canvas, nullptr, EM_FALSE, on_blur);
    emscripten_set_focus_callback(canvas, nullptr, EM_FALSE, on_focus);
    emscripten_set_webglcontextlost_callback(canvas, nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(canvas, nullptr, EM_FALSE, on_context_restored);
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);

    EmscriptenVisibilityChangeEvent vis;
    if (emscripten_get_visibility_status(&vis) == EMSCRIPTEN_RESULT_SUCCESS) g.page_visible = !vis.hidden;

    g.twin.reserve(2 + input_fields().size());
    rs_js_init();
    request_frames();
    schedule_model();  // loaded in a hidden tab or offscreen: the model runs all the same
    return true;
}

}  // namespace rareshock::web

//-----------------------------------------------------------------------------
// Called from library.js
//-----------------------------------------------------------------------------
extern "C" {
// The window resized (`window_resized`), or the canvas's box changed size (ResizeObserver,
// also once when it starts observing): the canvas is drawn again, for the box only when
// its width changed (a new height alone is the one the calculator published, settle_height,
// and already drew at).
EMSCRIPTEN_KEEPALIVE void rs_on_page_resize(int window_resized) {
    using rareshock::web::g;
    if (window_resized || g.frames_rendered == 0 || std::fabs(rareshock::web::canvas_css_width() - g.css_width) >= 0.5)
        rareshock::web::request_frames();
}
// The canvas came near the viewport or left it (IntersectionObserver, also once when it
// starts observing): drawn again when it comes back.
EMSCRIPTEN_KEEPALIVE void rs_on_onscreen(int onscreen) {
    using rareshock::web::g;
    const bool was = g.onscreen;
    g.onscreen = onscreen != 0;
    if (g.onscreen && !was) rareshock::web::request_frames();
    rareshock::web::schedule_model();
}
EMSCRIPTEN_KEEPALIVE void rs_on_environment_change() {
    rareshock::web::request_frames();
    rareshock::web::schedule_model();  // a new colour scheme reaches the page without a frame
}
EMSCRIPTEN_KEEPALIVE void rs_on_model_task() { rareshock::web::model_task(); }
EMSCRIPTEN_KEEPALIVE void rs_on_start_task() { rareshock::web::start_task(); }
EMSCRIPTEN_KEEPALIVE void rs_on_touch_cancelled() { rareshock::web::cancel_touch(); }
EMSCRIPTEN_KEEPALIVE void rs_on_wheel(double dx, double dy, int mode) { rareshock::web::on_wheel(dx, dy, mode); }
}
