// Rare Earth Shock — number and date formatting for the interface.
#pragma once

#include <optional>
#include <string>

namespace rareshock::ui {

std::string format_thousands(double value);           // 312456 → "312,000" (3 significant figures)
std::string format_compact(double value);             // 312456 → "312k", 1.2e6 → "1.2M", 850 → "850"
std::string format_percent(double share_0_1);         // 0.254 → "25%"
std::string format_usd_compact(double usd);           // 5.6e9 → "$5.6 bn", 3.56e8 → "$356 m", 9e5 → "$0.9 m"
std::string format_day(std::optional<double> day);    // 62 → "62", nullopt → "–"
std::string format_date_short(int day);               // day 62 since 4 Apr 2025 → "5 Jun"
std::string format_date_long(int day);                // "5 Jun 2025"
std::string format_number(double value, int decimals);  // locale-free "%.*f"

}  // namespace rareshock::ui
