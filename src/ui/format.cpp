// Rare Earth Shock — number and date formatting (see format.h).
#include "format.h"

#include "model/model.h"

#include <cmath>
#include <cstdio>

namespace rareshock::ui {
namespace {
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

double round_sig(double v, int digits) {
    if (v == 0.0 || !std::isfinite(v)) return 0.0;
    const double mag = std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(std::fabs(v)))));
    return std::round(v * mag) / mag;
}
}  // namespace

std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) return "–";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

std::string format_thousands(double value) {
    if (!std::isfinite(value)) return "–";
    const double r = value >= 1000.0 ? round_sig(value, 3) : std::round(value);
    long long n = static_cast<long long>(std::llround(std::fabs(r)));
    std::string digits = std::to_string(n), out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count > 0 && count % 3 == 0) out.insert(out.begin(), ',');
        out.insert(out.begin(), *it);
        ++count;
    }
    return (r < 0 ? "-" : "") + out;
}

std::string format_compact(double value) {
    if (!std::isfinite(value)) return "–";
    const double a = std::fabs(value);
    char buf[32];
    if (a >= 999500.0) std::snprintf(buf, sizeof buf, "%.*fM", a >= 9.995e6 ? 0 : 1, value / 1e6);
    else if (a >= 999.5) std::snprintf(buf, sizeof buf, "%.0fk", value / 1e3);
    else std::snprintf(buf, sizeof buf, "%.0f", value);
    return buf;
}

std::string format_percent(double share) {
    if (!std::isfinite(share)) return "–";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", share * 100.0);
    return buf;
}

std::string format_usd_compact(double usd) {
    if (!std::isfinite(usd) || usd < 0) return "–";
    char buf[32];
    if (usd >= 0.9995e9) std::snprintf(buf, sizeof buf, "$%.1f bn", usd / 1e9);
    else if (usd >= 9.995e6) std::snprintf(buf, sizeof buf, "$%.0f m", usd / 1e6);
    else std::snprintf(buf, sizeof buf, "$%.1f m", usd / 1e6);
    return buf;
}

std::string format_day(std::optional<double> day) {
    if (!day || !std::isfinite(*day)) return "–";
    return format_number(*day, 0);
}

std::string format_date_short(int day) {
    const Date d = date_of_day(day);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d %s", d.day, kMonths[(d.month + 11) % 12]);
    return buf;
}

std::string format_date_long(int day) {
    const Date d = date_of_day(day);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%d %s %d", d.day, kMonths[(d.month + 11) % 12], d.year);
    return buf;
}

}  // namespace rareshock::ui
