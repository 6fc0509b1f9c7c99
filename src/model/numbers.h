// Rare Earth Shock — numbers as text, exactly, without the C library's scanf and printf.
//
// [SECTION] Reading
// [SECTION] Writing
//
// The WebAssembly build has no floating-point std::from_chars or fixed-precision
// std::to_chars (Emscripten 3.1.6's libc++), and musl's strtod, sscanf and printf
// bring about 27 kB of code with them (their 128-bit long double arithmetic in
// software). This file does what the app needs of them, with the same results as a
// correct C library: decimals read correctly rounded (round half to even), doubles
// written from their exact decimal value (printf's %f, %e and %g round it half to
// even), and a printf for the directives the app and Dear ImGui use (format()).
// Natively and in WebAssembly the same code runs, so both builds print the same
// text. tests/model/numbers_test.cpp compares both directions with glibc.
// Pure C++: no I/O, no locale (the point is always '.').
#pragma once

#include <cstdarg>
#include <cstddef>
#include <string>
#include <string_view>

namespace rareshock {

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------
enum class DecimalRead { Ok, NotANumber, OutOfRange };

// Reads the whole of `s` as [+|-] (digits [. digits*] | . digits) [(e|E) [+|-] digits]:
// no whitespace, no "inf", "nan" or hex. The nearest double (ties to even) goes to
// *out, subnormals included. A value that would become infinite, or 0 although a
// digit is not, is OutOfRange and leaves *out alone.
DecimalRead read_decimal(std::string_view s, double* out);
// How many characters at the start of `s` form such a number (0 if none): "45 Tage"
// gives 2, "25%" 2, "1e5x" 3, "1e" 1.
std::size_t decimal_prefix(std::string_view s);

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------
// printf's "%.*f" of v: its exact value rounded half to even at `decimals` places
// (0–40); "-0" for a negative value that rounds to zero, as printf; "inf", "nan".
std::string fixed_text(double v, int decimals);
// The fewest significant digits (1–17) that read_decimal reads back as v (finite, > 0):
// v ≈ d.ddd × 10^*exponent, `digits` without the point and without trailing zeros.
void shortest_digits(double v, std::string* digits, int* exponent);

// snprintf's contract (writes at most size - 1 characters and a NUL when size > 0;
// returns the length the whole text has) for the directives:
//   flags - + space # 0, a width and a precision (digits or *), the lengths hh h l
//   ll j z t, and the conversions d i u o x X c s p f F e E g G and %%.
// Anything else (%n, %a, %L…) ends the formatting: the rest of the format is
// written as it stands, and no further argument is read.
int format_v(char* buf, std::size_t size, const char* fmt, va_list args);
int format(char* buf, std::size_t size, const char* fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

}  // namespace rareshock
