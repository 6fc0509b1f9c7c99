// Rare Earth Shock — the model's own random numbers (private header).
//
// xoshiro128** (Blackman & Vigna) seeded per draw with splitmix64, integer
// arithmetic only, so a seed gives the same stream natively and in
// WebAssembly. Each draw has its own stream (seed, draw index): draw k is the
// same whatever the number of draws.
#pragma once

#include <cstdint>

namespace rareshock::detail {

inline std::uint64_t splitmix64_next(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Xoshiro128 {
public:
    Xoshiro128(std::uint32_t seed, std::uint32_t stream) {
        std::uint64_t sm = (static_cast<std::uint64_t>(seed) << 32) | stream;
        const std::uint64_t a = splitmix64_next(sm);
        const std::uint64_t b = splitmix64_next(sm);
        s_[0] = static_cast<std::uint32_t>(a);
        s_[1] = static_cast<std::uint32_t>(a >> 32);
        s_[2] = static_cast<std::uint32_t>(b);
        s_[3] = static_cast<std::uint32_t>(b >> 32);
        if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // the all-zero state is a fixed point
    }

    std::uint32_t next() {
        const std::uint32_t result = rotl(s_[1] * 5u, 7) * 9u;
        const std::uint32_t t = s_[1] << 9;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 11);
        return result;
    }

    // Uniform in [0, 1) with 24 bits: exact in float and double.
    double uniform() { return static_cast<double>(next() >> 8) * (1.0 / 16777216.0); }

private:
    static std::uint32_t rotl(std::uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
    std::uint32_t s_[4];
};

}  // namespace rareshock::detail
