// Rare Earth Shock — number formatting (see format.h).
#include "format.h"

#include "model/numbers.h"

#include <cmath>

namespace rareshock::ui {

std::string format_day(std::optional<double> day) {
    if (!day || !std::isfinite(*day)) return "\u2013";
    char buf[32];
    rareshock::format(buf, sizeof buf, "%.0f", *day);
    return buf;
}

}  // namespace rareshock::ui
