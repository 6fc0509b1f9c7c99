// Rare Earth Shock — the canvas's fonts (see fonts.h).
#include "fonts.h"

#include "face_check.h"

namespace rareshock::ui {

void FontSet::build(float dpr, Language lang) {
    const bool japanese = lang == Language::Japanese && !japanese_face_.empty();
    // The ranges only when they are used: they come from the Japanese table, which a
    // web page installs at start, and are kept once made.
    const ExtraFace face{japanese_face_.data(), japanese_face_.size(), japanese ? japanese_glyph_ranges() : nullptr};
    // A face the atlas could not take after all is dropped (the atlas is built without it).
    if (!build_fonts(fonts_, dpr, japanese ? &face : nullptr)) japanese_face_.clear();
    with_japanese_ = japanese && !japanese_face_.empty();
}

std::string FontSet::set_japanese_face(const unsigned char* data, std::size_t size) {
    std::string problem = face_problem(data, size);
    if (problem.empty()) japanese_face_.assign(data, data + size);
    return problem;
}

bool FontSet::stale(Language lang) const {
    return with_japanese_ != (lang == Language::Japanese && !japanese_face_.empty());
}

}  // namespace rareshock::ui
