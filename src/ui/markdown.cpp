// Rare Earth Shock — Markdown for the method panel (see markdown.h).
#include "markdown.h"

#include "widgets.h"

#include "imgui.h"

#include <cstddef>
#include <string>
#include <vector>

extern const unsigned char rs_methodology_md[];
extern const std::size_t rs_methodology_md_size;

namespace rareshock::ui {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<std::string> table_cells(std::string_view row) {
    row = trim(row);
    if (!row.empty() && row.front() == '|') row.remove_prefix(1);
    if (!row.empty() && row.back() == '|') row.remove_suffix(1);
    std::vector<std::string> cells;
    size_t start = 0;
    for (size_t i = 0; i <= row.size(); ++i) {
        if (i == row.size() || row[i] == '|') {
            cells.push_back(markdown_plain_text(trim(row.substr(start, i - start))));
            start = i + 1;
        }
    }
    return cells;
}

bool is_separator_row(std::string_view row) {
    for (char c : row)
        if (c != '|' && c != '-' && c != ':' && c != ' ') return false;
    return true;
}

}  // namespace

std::string_view methodology_markdown() {
    return {reinterpret_cast<const char*>(rs_methodology_md), rs_methodology_md_size};
}

std::string markdown_plain_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '`') continue;
        if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') { ++i; continue; }
        if (c == '[') {
            const size_t close = s.find("](", i);
            const size_t end = close == std::string_view::npos ? close : s.find(')', close);
            if (end != std::string_view::npos) {
                out += markdown_plain_text(s.substr(i + 1, close - i - 1));
                out += " (";
                out += s.substr(close + 2, end - close - 2);
                out += ')';
                i = end;
                continue;
            }
        }
        out += c;
    }
    return out;
}

void draw_markdown(std::string_view md, float width, const Fonts& fonts, const Palette& p) {
    std::string paragraph, bullet;
    std::vector<std::vector<std::string>> table;
    int table_id = 0;
    const float x0 = ImGui::GetCursorPosX();

    auto flush_paragraph = [&] {
        if (!paragraph.empty()) {
            ImGui::SetCursorPosX(x0);
            wrapped_text(fonts.small, p.text, width, markdown_plain_text(paragraph));
            ImGui::Dummy(ImVec2(1, 4));
            paragraph.clear();
        }
    };
    auto flush_bullet = [&] {
        if (!bullet.empty()) {
            ImGui::SetCursorPosX(x0);
            ImGui::PushFont(fonts.small);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.muted), "-");
            ImGui::PopFont();
            ImGui::SameLine(0, 0);
            ImGui::SetCursorPosX(x0 + 14.0f);
            wrapped_text(fonts.small, p.text, width - 14.0f, markdown_plain_text(bullet));
            bullet.clear();
        }
    };
    auto flush_table = [&] {
        if (table.empty()) return;
        size_t columns = 0;
        for (const auto& row : table) columns = std::max(columns, row.size());
        ImGui::SetCursorPosX(x0);
        ImGui::PushFont(fonts.small);
        ImGui::PushID(table_id++);
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings;
        if (columns > 0 && ImGui::BeginTable("md_table", static_cast<int>(columns), flags, ImVec2(width, 0))) {
            for (size_t r = 0; r < table.size(); ++r) {
                ImGui::TableNextRow();
                for (size_t col = 0; col < columns; ++col) {
                    ImGui::TableSetColumnIndex(static_cast<int>(col));
                    const std::string& cell = col < table[r].size() ? table[r][col] : std::string();
                    ImGui::PushTextWrapPos(0.0f);  // wrap at the cell's edge
                    if (r == 0) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.muted), "%s", cell.c_str());
                    else ImGui::TextUnformatted(cell.c_str());
                    ImGui::PopTextWrapPos();
                }
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(1, 6));
        table.clear();
    };

    size_t pos = 0;
    while (pos <= md.size()) {
        size_t end = md.find('\n', pos);
        if (end == std::string_view::npos) end = md.size();
        const std::string_view raw = md.substr(pos, end - pos);
        const std::string_view line = trim(raw);
        pos = end + 1;

        if (!line.empty() && line.front() == '|') {
            flush_paragraph();
            flush_bullet();
            if (!is_separator_row(line)) table.push_back(table_cells(line));
            if (end == md.size()) break;
            continue;
        }
        flush_table();
        if (line.empty()) {
            flush_paragraph();
            flush_bullet();
        } else if (line.front() == '#') {
            flush_paragraph();
            flush_bullet();
            size_t level = 0;
            while (level < line.size() && line[level] == '#') ++level;
            const std::string text = markdown_plain_text(trim(line.substr(level)));
            ImGui::Dummy(ImVec2(1, level <= 2 ? 8.0f : 4.0f));
            ImGui::SetCursorPosX(x0);
            wrapped_text(level <= 2 ? fonts.label : fonts.label, level <= 2 ? p.text : p.muted, width, text);
        } else if (line.rfind("- ", 0) == 0) {
            flush_paragraph();
            flush_bullet();
            bullet = std::string(line.substr(2));
        } else if (!bullet.empty() && raw.rfind("  ", 0) == 0) {
            bullet += ' ';
            bullet += line;
        } else {
            flush_bullet();
            if (!paragraph.empty()) paragraph += ' ';
            paragraph += line;
        }
        if (end == md.size()) break;
    }
    flush_table();
    flush_paragraph();
    flush_bullet();
}

}  // namespace rareshock::ui
