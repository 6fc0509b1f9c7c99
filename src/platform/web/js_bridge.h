// Rare Earth Shock — the C side of library.js (the browser JavaScript; the JS API and the twin are in page.js).
#pragma once

extern "C" {
// Page and canvas
void rs_js_init();                               // observers and the DOM twin, for Module.canvas
double rs_js_canvas_css_width();
double rs_js_canvas_css_height();  // the canvas's height on the page now (the reserved one before the first publish)
void rs_js_set_cursor(int imgui_cursor);
int rs_js_canvas_point(double client_x, double client_y, double* out_x, double* out_y);  // client → canvas CSS px
int rs_js_mouse_follows_touch();  // 1 if the latest pointer event was a touch's: mouse events now are a tap's compatibility events
int rs_js_prefers_dark();
int rs_js_reduced_motion();
int rs_js_coarse_pointer();
// Services
// Clipboard: 1 copied, 0 failed, 2 pending (with report: the outcome comes back via rs_on_copy_result).
int rs_js_copy_text(const char* text, int report);
void rs_js_download_text(const char* filename, const char* mime, const char* data);
// Rasterises an SVG document (width × height CSS px) on a 2D canvas at `scale` and offers it as a PNG.
void rs_js_download_image(const char* filename, const char* svg, double width, double height, double scale);
// The char* functions return malloc'd strings the caller frees, or null when the heap
// has no room for them (the page has warned); callers check.
char* rs_js_share_url(const char* query);  // malloc'd; caller frees
char* rs_js_page_query();                  // malloc'd; the page's query string (URL or data-attributes)
char* rs_js_translation();                 // malloc'd; "<code>\n<table JSON>" the page brought (strings.h set_translation), or null
void rs_js_warn(const char* message);
int rs_js_has_method_section();   // the page has "Method and sources" (#rs-method) beside the canvas
void rs_js_show_method_section(); // opens it and brings it into view
// Publishing state to the page (DOM twin, aria-live, onChange, embed height)
// New results, without the results JSON (page.js asks for it when it needs it,
// once per generation). `twin` holds `count` numbers for the DOM twin:
//   [0]            1 while provisional (the central estimate only), else 0
//   [1]            index of the preset the inputs match (presets() order, as RS_FACTS.presets), or -1
//   [2, 2 + F)     the inputs, one per input field (input_fields() order, as RS_FACTS.fields)
// `summary` is the sentence (aria-live); `rows` the twin's table of results as text, one
// line per region, its cells separated by tabs, every number laid out in the reader's
// language by C++ (ui/detail.h twin_rows): the page formats no number.
void rs_js_results_changed(double generation, const double* twin, int count, const char* summary, const char* rows);
// The theme in effect, then a producer's accent and the text on it when one applies:
// "light", "dark #7cb4f0 #16181d".
void rs_js_theme_changed(const char* look);
void rs_js_status(const char* text);          // a short message after an action ("Link copied …")
void rs_js_content_height(double css_height);
void rs_js_ready();
void rs_js_post_model_task();  // calls rs_on_model_task() from a new task (MessageChannel: not throttled when hidden)
void rs_js_post_start_task();  // calls rs_on_start_task() from a new task (the same way)
void rs_js_failed(const char* message);
char* rs_js_canvas_selector();  // malloc'd; a name for Module.canvas that needs no DOM id
}
