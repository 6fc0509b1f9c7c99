// Rare Earth Shock — the canvas's fonts: the atlas built for a device pixel ratio
// and the reader's language, with the face for Japanese a page hands over
// (checked first, face_check.h). The faces and sizes themselves are theme.h's.
#pragma once

#include "model/strings.h"
#include "ui/theme.h"

#include <cstddef>
#include <string>
#include <vector>

namespace rareshock::ui {

class FontSet {
public:
    // (Re)builds the atlas: the renderer must upload the font texture afterwards.
    void build(float device_pixel_ratio, Language lang);
    // Checks and copies a TrueType face for the characters of Japanese; returns why
    // it was refused ("" if taken). A refused face leaves the one before in place.
    std::string set_japanese_face(const unsigned char* data, std::size_t size);
    // A build is due: a new face, or a language that needs one the atlas lacks.
    bool stale(Language lang) const;
    float dpr() const { return fonts_.dpr; }
    const Fonts& fonts() const { return fonts_; }
    const std::vector<unsigned char>& japanese_face() const { return japanese_face_; }

private:
    Fonts fonts_;
    std::vector<unsigned char> japanese_face_;  // TrueType, for the characters of Japanese
    bool with_japanese_ = false;                // the atlas holds them
};

}  // namespace rareshock::ui
