// Rare Earth Shock — the browser platform layer.
//
// Turns html5.h events on the canvas into Dear ImGui input, owns the WebGL2
// context and the frame schedule (frames only when something changes), and
// publishes state to the page (DOM twin, JS API, embed height) via library.js.
// This is the only code that knows it runs in a browser.
#pragma once

namespace rareshock::ui { class App; }

namespace rareshock::web {

// Descriptor: zero/defaults are applied in one place (platform_init).
struct PlatformDesc {
    const char* canvas_selector = "#rareshock-canvas";
    // Frames drawn after the last input or change, so hover and release states settle.
    int settle_frames = 3;
    // Called right after each frame is drawn, while the drawing buffer still
    // holds it (reading pixels later would see a cleared buffer).
    void (*after_render)() = nullptr;
};

// Wires everything and starts listening. Returns false if WebGL2 is unavailable
// (the page then keeps its static fallback).
bool platform_init(ui::App& app, const PlatformDesc& desc);

// Asks for `settle` more frames (at least). Safe to call any time.
void request_frames(int settle = -1);

// Counters for stats().
double frames_rendered();
// CPU time of the last frame (model, UI and GL submission), in ms.
double last_frame_cpu_ms();

}  // namespace rareshock::web
