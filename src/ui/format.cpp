// Rare Earth Shock — number and date formatting (see format.h).
#include "format.h"

#include "model/model.h"

#include <cmath>
#include <cstdio>

namespace rareshock::ui {
namespace {
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) return "–";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

std::string format_percent(double share) {
    if (!std::isfinite(share)) return "–";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", share * 100.0);
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
