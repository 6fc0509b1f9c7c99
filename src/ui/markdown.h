// Rare Earth Shock — a small Markdown renderer for the "Method and sources"
// panel, so the panel shows docs/methodology.md itself (one source of truth).
//
// Handles what that document uses: #/##/### headings, paragraphs, "- " bullets
// with indented continuation lines, pipe tables, `code` and **bold** (shown as
// plain text) and [links](url) (shown as "text (url)").
#pragma once

#include "theme.h"

#include <string>
#include <string_view>

namespace rareshock::ui {

// Inline markup removed: `code` → code, **bold** → bold, [text](url) → text (url).
std::string markdown_plain_text(std::string_view inline_markdown);

void draw_markdown(std::string_view markdown, float width, const Fonts& fonts, const Palette& p);

// The methodology document embedded in the build.
std::string_view methodology_markdown();

}  // namespace rareshock::ui
