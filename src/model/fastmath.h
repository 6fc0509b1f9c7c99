// Rare Earth Shock — deterministic math for the model (private header).
//
// Only +, -, *, /, sqrt, comparisons and integer bit manipulation: no libm
// (exp, log, pow...), whose results differ between platforms. IEEE 754 rounds
// each of these operations exactly, so with -ffp-contract=off (no fused
// multiply-add) they give the same bits natively and in WebAssembly.
//
// [SECTION] exp and log
// [SECTION] Powers with half-integer exponents
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace rareshock::detail {

//-----------------------------------------------------------------------------
// [SECTION] exp and log
//-----------------------------------------------------------------------------
// ln 2 split so that n * kLn2High is exact for |n| < 2^11.
inline constexpr double kLn2High = 6.93147180369123816490e-01;
inline constexpr double kLn2Low = 1.90821492927058770002e-10;
inline constexpr double kLn2 = 0.69314718055994530942;

// The bits of a double and back (Emscripten 3.1.6's libc++ has no std::bit_cast).
inline std::uint64_t bits_of(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}
inline double double_of(std::uint64_t b) {
    double x;
    std::memcpy(&x, &b, sizeof x);
    return x;
}

// 2^n for -1022 <= n <= 1023, built from its bits.
inline double two_to(int n) { return double_of(static_cast<std::uint64_t>(n + 1023) << 52); }

// 1 / k for k = 0..13 (k = 0 unused), rounded once by the compiler: the same bits everywhere.
inline constexpr double kInverse[14] = {0.0,       1.0,       1.0 / 2,  1.0 / 3,  1.0 / 4,  1.0 / 5,  1.0 / 6,
                                        1.0 / 7,   1.0 / 8,   1.0 / 9,  1.0 / 10, 1.0 / 11, 1.0 / 12, 1.0 / 13};

// e^x: range reduction by ln 2, then a Taylor polynomial of degree 13 on
// |r| <= ln2 / 2 (truncation error below 1e-17 relative). 0 below -700.
inline double exp_det(double x) {
    if (!(x > -700.0)) return 0.0;
    if (x > 700.0) x = 700.0;
    const double scaled = x * (1.0 / kLn2);
    const int n = static_cast<int>(scaled < 0.0 ? scaled - 0.5 : scaled + 0.5);
    const double r = (x - n * kLn2High) - n * kLn2Low;
    double sum = 1.0;
    for (int k = 13; k >= 1; --k) sum = 1.0 + sum * r * kInverse[k];  // r / k: a division costs ten products
    return sum * two_to(n);
}

// ln x for x > 0 (normal numbers): x = m * 2^e with m in [sqrt(1/2), sqrt(2)),
// ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172, series to s^21.
inline double log_det(double x) {
    if (!(x > 0.0)) return -1.0e300;
    std::uint64_t bits = bits_of(x);
    int e = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
    bits = (bits & 0x000fffffffffffffull) | 0x3ff0000000000000ull;  // m in [1, 2)
    double m = double_of(bits);
    if (m > 1.4142135623730951) {
        m *= 0.5;
        ++e;
    }
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    double series = 0.0;
    for (int k = 21; k >= 3; k -= 2) series = series * s2 + 1.0 / k;
    const double log_m = 2.0 * s + 2.0 * s * s2 * series;
    return e * kLn2High + (log_m + e * kLn2Low);
}

//-----------------------------------------------------------------------------
// [SECTION] Powers with half-integer exponents
//-----------------------------------------------------------------------------
// x^(quarters / 4) for x >= 0: repeated multiplication and correctly rounded
// square roots (the same bits in every build).
inline double pow_quarters(double x, int quarters) {
    const double half = (quarters & 3) ? std::sqrt(x) : 1.0;
    double out = (quarters & 2) ? half : 1.0;
    if (quarters & 1) out *= std::sqrt(half);
    for (int i = 0; i < quarters / 4; ++i) out *= x;
    return out;
}

}  // namespace rareshock::detail
