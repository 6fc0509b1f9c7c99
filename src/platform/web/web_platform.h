// Rare Earth Shock — the browser platform layer.
//
// Turns html5.h events on the canvas into Dear ImGui input, owns the WebGL2
// context and the frame schedule (frames only when something changes), drives
// the model with or without frames, and publishes state to the page (DOM twin,
// JS API, embed height) via library.js.
// This is the only code that knows it runs in a browser.
//
// Limits, so that no page, zoom or GPU can break the canvas (web_platform.cpp,
// [SECTION] Canvas size):
//   - the drawing buffer is CSS size × devicePixelRatio, but never more than
//     8 Mi pixels (8,388,608: 32 MiB a buffer, half the 16.7-megapixel canvas
//     limit of iOS Safari) nor a side beyond the GPU's MAX_RENDERBUFFER_SIZE,
//     MAX_TEXTURE_SIZE or MAX_VIEWPORT_DIMS, nor more than the drawing buffer the
//     browser actually gives; beyond a limit the canvas renders at a lower scale;
//   - the canvas height reaches the page (and the embed's resize messages) only
//     once two frames in a row measure the same content height (at most 8 frames);
//   - glyphs are rasterised at most at 3× (a DPR 4 screen gets 3× text) and the
//     font atlas's CPU copy is freed once it is on the GPU;
//   - the WebAssembly heap starts at 32 MiB and may grow to 128 MiB, no further.
#pragma once

namespace rareshock::ui {
class App;
class ModelRunner;
}

namespace rareshock::web {

// Descriptor: zero/defaults are applied in one place (platform_init).
struct PlatformDesc {
    const char* canvas_selector = "#rareshock-canvas";
    // Frames drawn after the last input or change, so hover and release states settle.
    int settle_frames = 3;
    // Model work per frame: half of a 60 fps frame, leaving the rest to the UI and GL.
    // The central estimate always runs whole (well under 1 ms), so a drag shows its result at once.
    double frame_model_budget_ms = 8.0;
    // Model work per task when no frame is drawn (canvas offscreen, tab hidden,
    // WebGL context lost): the same budget, so the page stays responsive between tasks.
    double task_model_budget_ms = 8.0;
    // Called right after each frame is drawn, while the drawing buffer still
    // holds it (reading pixels later would see a cleared buffer).
    void (*after_render)() = nullptr;
};

// Wires everything and starts listening. Returns false if WebGL2 is unavailable
// (the page then keeps its static fallback).
bool platform_init(ui::App& app, ui::ModelRunner& runner, const PlatformDesc& desc);

// Asks for `settle` more frames (at least), which draw. Safe to call any time.
void request_frames(int settle = -1);

// Asks for `frames` more frames (at least) that carry the model's slices: they draw only
// when something asked for a drawing (request_frames) or the model's results changed.
void schedule_frames(int frames);

// Keeps the model going after new inputs (or a results request): frames drive
// it when they can be drawn; otherwise a task (library.js, MessageChannel) runs
// it in slices of task_model_budget_ms and publishes the results to the page
// (DOM twin, aria-live, onChange). Safe to call any time.
void schedule_model();

// Draws one frame now, even offscreen or in a hidden tab (a PNG the reader asked
// for from the page's twin). Returns false if the WebGL context is lost.
bool draw_frame_now();

// Counters for stats().
double frames_rendered();
double frames_run();  // animation frames run, drawn or not (render_frame skips the drawing of a model-only frame)
// performance.now() when the first frame was drawn (0 until then), in ms.
double first_frame_ms();
// CPU time of the last frame (model, UI and GL submission), in ms.
double last_frame_cpu_ms();

}  // namespace rareshock::web
