// Rare Earth Shock — deterministic math for the model (private header).
//
// Only +, -, *, / and comparisons: no libm (exp, log, pow, sin...), whose
// results differ between platforms. With -ffp-contract=off these give the
// same bits natively and in WebAssembly.
//
// [SECTION] Log-logistic inventory distribution (shape 4)
// [SECTION] Partial expectation table
#pragma once

#include <array>

namespace rareshock::detail {

//-----------------------------------------------------------------------------
// [SECTION] Log-logistic inventory distribution (shape 4)
//-----------------------------------------------------------------------------
// Plants' days of cover d follow a log-logistic distribution with shape
// beta = 4 and scale alpha: F(x) = x^4 / (alpha^4 + x^4). Its mean is
// alpha * (pi/4) / sin(pi/4) = alpha * pi / (2 sqrt 2), its coefficient of
// variation sqrt((pi/2) / (pi/(2 sqrt 2))^2 - 1) = 0.52 (docs/methodology.md).
inline constexpr double kLogLogisticMeanOverScale = 1.1107207345395915;  // pi / (2 sqrt 2)

inline double pow4(double x) {
    const double x2 = x * x;
    return x2 * x2;
}

//-----------------------------------------------------------------------------
// [SECTION] Partial expectation table
//-----------------------------------------------------------------------------
// J(z) = integral from 0 to z of du / (1 + u^4), so that for the log-logistic
// above  integral_0^x F(y) dy = x - alpha * J(x / alpha)  (the expected days of
// shortage of a plant whose cumulative shortfall is x). Tabulated once by
// Simpson's rule on [0, 8] and interpolated linearly (monotone, concave, error
// < 1e-5); beyond 8 the asymptotic tail 1/(3z^3) - 1/(7z^7) continues it.
class IntegralTable {
public:
    static constexpr int kCells = 1024;
    static constexpr double kMaxZ = 8.0;
    static constexpr double kStep = kMaxZ / kCells;

    IntegralTable() {
        auto f = [](double u) { return 1.0 / (1.0 + pow4(u)); };
        values_[0] = 0.0;
        constexpr int kSub = 8;  // Simpson sub-intervals per cell (even)
        for (int i = 0; i < kCells; ++i) {
            const double a = i * kStep;
            const double h = kStep / kSub;
            double sum = f(a) + f(a + kStep);
            for (int j = 1; j < kSub; ++j) sum += f(a + j * h) * ((j % 2) ? 4.0 : 2.0);
            values_[i + 1] = values_[i] + sum * h / 3.0;
        }
        tail_at_max_ = tail(kMaxZ);
    }

    double J(double z) const {
        if (z <= 0.0) return 0.0;
        if (z >= kMaxZ) return values_[kCells] + (tail_at_max_ - tail(z));
        const double pos = z * (1.0 / kStep);
        int i = static_cast<int>(pos);
        if (i >= kCells) i = kCells - 1;
        const double frac = pos - i;
        return values_[i] + (values_[i + 1] - values_[i]) * frac;
    }

    // integral_0^x F(y) dy for scale alpha (x - alpha J(x/alpha)); x when alpha = 0.
    double shortage_days(double x, double alpha) const {
        if (x <= 0.0) return 0.0;
        if (alpha <= 0.0) return x;
        const double v = x - alpha * J(x / alpha);
        return v > 0.0 ? v : 0.0;
    }

private:
    static double tail(double z) {
        const double z3 = z * z * z;
        const double z7 = z3 * z3 * z;
        return 1.0 / (3.0 * z3) - 1.0 / (7.0 * z7);
    }
    std::array<double, kCells + 1> values_{};
    double tail_at_max_ = 0.0;
};

}  // namespace rareshock::detail
