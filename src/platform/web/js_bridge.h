// Rare Earth Shock — the C side of library.js (all browser JavaScript lives there).
#pragma once

extern "C" {
// Page and canvas
void rs_js_init(const char* canvas_selector);   // observers, DOM twin, API object
double rs_js_canvas_css_width();
void rs_js_set_cursor(int imgui_cursor);
int rs_js_canvas_point(double client_x, double client_y, double* out_x, double* out_y);  // client → canvas CSS px
int rs_js_prefers_dark();
int rs_js_reduced_motion();
int rs_js_coarse_pointer();
// Services
int rs_js_copy_text(const char* text);
void rs_js_download_text(const char* filename, const char* mime, const char* data);
void rs_js_download_png(const char* filename, double x, double y, double w, double h);
char* rs_js_share_url(const char* query);  // malloc'd; caller frees
char* rs_js_page_query();                  // malloc'd; the page's query string (URL or data-attributes)
void rs_js_warn(const char* message);
// Publishing state to the page (DOM twin, aria-live, onChange, embed height)
void rs_js_results_changed(const char* results_json, const char* summary, const char* theme);
void rs_js_content_height(double css_height);
void rs_js_ready();
void rs_js_post_model_task();  // calls rs_on_model_task() from a new task (MessageChannel: not throttled when hidden)
void rs_js_failed(const char* message);
char* rs_js_canvas_selector();  // malloc'd
}
