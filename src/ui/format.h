// Rare Earth Shock — number and date formatting for the interface.
#pragma once

#include <optional>
#include <string>

namespace rareshock::ui {

std::string format_percent(double share_0_1);         // 0.254 → "25%"
std::string format_day(std::optional<double> day);    // 62 → "62", nullopt → "–"
std::string format_date_short(int day);               // day 62 since 4 Apr 2025 → "5 Jun"
std::string format_date_long(int day);                // "5 Jun 2025"
std::string format_number(double value, int decimals);  // locale-free "%.*f"

}  // namespace rareshock::ui
