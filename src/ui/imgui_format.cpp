// Rare Earth Shock — Dear ImGui's text formatting through numbers.h instead of the C
// library's vsnprintf (IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS): the same text,
// without musl's printf and its long double arithmetic in the WebAssembly. The
// contract is imgui.cpp's own: with a buffer, the length written (cut to fit);
// without one, the length the whole text needs.
#include "model/numbers.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdarg>

int ImFormatStringV(char* buf, size_t buf_size, const char* fmt, va_list args) {
    const int w = rareshock::format_v(buf, buf_size, fmt, args);
    if (buf == nullptr) return w;
    return w >= static_cast<int>(buf_size) ? static_cast<int>(buf_size) - 1 : w;
}

int ImFormatString(char* buf, size_t buf_size, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const int w = ImFormatStringV(buf, buf_size, fmt, args);
    va_end(args);
    return w;
}
