// Rare Earth Shock — number formatting for the interface (words and dates: model/results.h, text.h).
#pragma once

#include <optional>
#include <string>

namespace rareshock::ui {

std::string format_day(std::optional<double> day);  // 62 → "62", nullopt → "–"

}  // namespace rareshock::ui
