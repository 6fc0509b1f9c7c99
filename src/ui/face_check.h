// Rare Earth Shock — is a font file safe to hand to Dear ImGui?
//
// Dear ImGui rasterises with stb_truetype, which trusts every offset it reads: a
// face that is not a font (an HTML error page served with status 200, random
// bytes) or one with a corrupt table (a glyph-offset table that points past the
// glyphs) makes it read outside the file, which in WebAssembly traps ("memory
// access out of bounds") on every rebuild of the atlas, or fails the whole atlas
// build (a black canvas). The Japanese face (font-ja.ttf) comes over the network,
// so it is checked here first, against everything stb_truetype reads from it.
#pragma once

#include <cstddef>
#include <string>

namespace rareshock::ui {

// The largest face taken: the full IPA Gothic (the face font-ja.ttf may be
// replaced by, as its licence allows) is about 6 MiB.
inline constexpr std::size_t kMaxFaceBytes = 32u << 20;

// Why `data` cannot be used as a face for Dear ImGui's atlas, in words ("its
// glyph-offset table (loca) goes backwards at glyph 12"); "" when it can. A size
// over kMaxFaceBytes is refused before `data` is read (it may be null). Takes
// TrueType outlines only (glyf and loca: what the build's font-ja.ttf has): the
// CFF reader in stb_truetype bounds its reads by 512 MiB instead of the table,
// so a CFF face cannot be shown safe short of checking every charstring.
// Checked: the size; the table directory; every table within the file; the
// tables the atlas reads (cmap, head, hhea, hmtx, maxp, loca, glyf) at their
// sizes; head's magic number, units per em and glyph-offset format; the number
// of glyphs against loca and hmtx; loca's offsets in order and within glyf; each
// glyph's outline (contour ends, flags and coordinates) within its bytes, its
// box within reason, and composite glyphs naming real glyphs without a cycle; the
// Unicode cmap subtable stb_truetype picks, in a format it reads, within bounds.
std::string face_problem(const unsigned char* data, std::size_t size);

}  // namespace rareshock::ui
