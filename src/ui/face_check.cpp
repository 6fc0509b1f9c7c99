// Rare Earth Shock — is a font file safe to hand to Dear ImGui? (see face_check.h)
//
// Every check follows a read stb_truetype (imstb_truetype.h) makes: stbtt_InitFont
// (the table directory, cmap's encoding records, head, maxp), the atlas's metrics
// (hhea, hmtx), stbtt_FindGlyphIndex (the cmap subtable), stbtt__GetGlyfOffset
// (loca) and stbtt__GetGlyphShapeTT (each glyph's outline, composites recursively).
// Written small: it ships in the WebAssembly, whose download has a budget.
#include "face_check.h"

#include "model/numbers.h"

#include <cstdarg>
#include <cstdint>

namespace rareshock::ui {
namespace {

using ull = unsigned long long;

struct Table {
    std::size_t at = 0, length = 0;
};

class FaceChecker {
public:
    FaceChecker(const unsigned char* data, std::size_t size) : d_(data), n_(size) {}

    std::string problem() {
        if (check()) return "";
        return problem_;
    }

private:
    const unsigned char* d_;
    std::size_t n_;
    char problem_[200] = "";
    unsigned glyphs_ = 0, units_per_em_ = 0;
    bool long_loca_ = false;
    Table loca_, glyf_;
    // Per glyph: 0 unchecked, 1 being checked (its components), 2 + its height when good (1 for
    // an outline, one more than its tallest component for a composite: stb_truetype recurses that deep).
    std::string state_;  // bytes (a std::string: no other container code in the WebAssembly)
    static constexpr int kMaxHeight = 8;

    // Says what is wrong, printf-style; always false.
    bool fail(const char* format, ...) {
        va_list args;
        va_start(args, format);
        rareshock::format_v(problem_, sizeof problem_, format, args);
        va_end(args);
        return false;
    }
    // Big-endian reads; callers check the bounds first.
    unsigned u16(std::size_t at) const { return static_cast<unsigned>(d_[at]) << 8 | d_[at + 1]; }
    int s16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
    std::uint32_t u32(std::size_t at) const { return static_cast<std::uint32_t>(u16(at)) << 16 | u16(at + 2); }
    char printable(std::size_t at) const { return d_[at] >= 0x20 && d_[at] < 0x7F ? static_cast<char>(d_[at]) : '?'; }

    // The first record with the tag, as stbtt__find_table takes it; length 0 if none.
    Table find(const char* tag) const {
        for (unsigned i = 0; i < u16(4); ++i) {
            const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
            if (d_[rec] == tag[0] && d_[rec + 1] == tag[1] && d_[rec + 2] == tag[2] && d_[rec + 3] == tag[3])
                return {u32(rec + 8), u32(rec + 12)};
        }
        return {};
    }
    std::size_t glyph_at(unsigned g) const {  // where glyph g starts in glyf (from loca)
        return long_loca_ ? u32(loca_.at + 4 * std::size_t{g}) : 2 * std::size_t{u16(loca_.at + 2 * std::size_t{g})};
    }

    bool check() {
        if (n_ == 0) return fail("it is empty");
        if (n_ > kMaxFaceBytes) return fail("it is %llu bytes long; at most %llu are taken", ull(n_), ull(kMaxFaceBytes));  // unread
        if (!d_) return fail("it is empty");
        if (n_ < 12) return fail("it is only %llu bytes long, too short for a font", ull(n_));
        const std::uint32_t version = u32(0);
        if (version == 0x4F54544Fu) return fail("it has CFF outlines; only TrueType (glyf) outlines are taken");  // 'OTTO'
        if (version != 0x00010000u && version != 0x74727565u)  // TrueType: 1.0 or 'true' ('ttcf', a collection, is not one font)
            return fail("it is not a TrueType font (it starts with \"%c%c%c%c\")", printable(0), printable(1), printable(2), printable(3));
        const unsigned count = u16(4);
        if (count == 0 || 12 + 16 * std::size_t{count} > n_)
            return fail("its table directory does not fit in it");
        for (unsigned i = 0; i < count; ++i) {
            const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
            if (ull(u32(rec + 8)) + u32(rec + 12) > n_)
                return fail("its table '%c%c%c%c' lies outside the file", printable(rec), printable(rec + 1), printable(rec + 2),
                            printable(rec + 3));
        }
        // The tables the atlas reads, each at least as long as what is read from it.
        const char* tags[] = {"cmap", "head", "hhea", "hmtx", "maxp", "loca", "glyf"};
        const std::size_t least[] = {4, 54, 36, 4, 6, 4, 1};
        Table t[7];
        for (int i = 0; i < 7; ++i)
            if ((t[i] = find(tags[i])).length < least[i]) return fail("its '%s' table is missing or short", tags[i]);
        const Table cmap = t[0], head = t[1], hhea = t[2], hmtx = t[3];
        loca_ = t[5];
        glyf_ = t[6];
        glyphs_ = u16(t[4].at + 4);
        units_per_em_ = u16(head.at + 18);
        const unsigned loca_format = u16(head.at + 50), long_metrics = u16(hhea.at + 34);
        if (u32(head.at + 12) != 0x5F0F3CF5u) return fail("its 'head' table lacks the TrueType magic number");
        if (units_per_em_ < 16 || units_per_em_ > 16384 || loca_format > 1 || glyphs_ == 0 || long_metrics == 0)
            return fail("its units per em, glyph-offset format, glyph count or metrics count is out of range");
        long_loca_ = loca_format == 1;
        const ull metrics = 4ull * long_metrics + (glyphs_ > long_metrics ? 2ull * (glyphs_ - long_metrics) : 0);
        if (hmtx.length < metrics || loca_.length < (long_loca_ ? 4ull : 2ull) * (glyphs_ + 1ull))
            return fail("its 'hmtx' or 'loca' table is too short for its %u glyphs", glyphs_);
        for (unsigned g = 0; g < glyphs_; ++g)
            if (glyph_at(g + 1) < glyph_at(g)) return fail("its glyph-offset table (loca) goes backwards at glyph %u", g);
        if (glyph_at(glyphs_) > glyf_.length)
            return fail("its glyph-offset table (loca) points past the glyph table (glyf)");
        state_.assign(glyphs_, '\0');
        for (unsigned g = 0; g < glyphs_; ++g)
            if (!glyph(g, 0)) return false;
        return unicode_map(cmap);
    }

    // Glyph g's outline within its bytes, as stbtt__GetGlyphShapeTT reads it; a composite's
    // components checked in turn (real glyphs, nested at most kMaxHeight deep, none containing itself).
    bool glyph(unsigned g, int depth) {
        if (state_[g] >= 2) return true;
        if (state_[g] == 1) return fail("its glyph %u contains itself", g);
        if (depth > kMaxHeight) return fail("its composite glyphs nest more than %d deep", kMaxHeight);
        state_[g] = 1;
        int height = 1;
        const std::size_t at = glyf_.at + glyph_at(g), len = glyph_at(g + 1) - glyph_at(g);
        if (len > 0) {
            if (len < 10) return fail("its glyph %u is shorter than a header", g);
            const int contours = s16(at);
            const long x0 = s16(at + 2), y0 = s16(at + 4), x1 = s16(at + 6), y1 = s16(at + 8), limit = 4L * units_per_em_;
            if (x0 > x1 || y0 > y1 || x1 - x0 > limit || y1 - y0 > limit)  // a box far beyond the em makes the atlas huge
                return fail("its glyph %u has an unreasonable box", g);
            if (contours > 0 && !outline(g, at, len, static_cast<std::size_t>(contours))) return false;
            if (contours == -1) {
                std::size_t p = 10;
                unsigned flags = 0;
                do {
                    // Within its bytes, placed by offsets (point matching is not read), a real glyph.
                    flags = p + 4 <= len ? u16(at + p) : 0;
                    const unsigned part = p + 4 <= len ? u16(at + p + 2) : glyphs_;
                    p += 4 + ((flags & 1) ? 4 : 2) + ((flags & 8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0);
                    if (p > len || !(flags & 2) || part >= glyphs_) return fail("its glyph %u has a broken component", g);
                    if (!glyph(part, depth + 1)) return false;
                    if (state_[part] - 1 > height) height = state_[part] - 1;
                } while (flags & 0x20);
                if (height > kMaxHeight) return fail("its composite glyphs nest more than %d deep", kMaxHeight);
            } else if (contours < 0) {
                return fail("its glyph %u has an outline of an unknown kind", g);
            }
        }
        state_[g] = static_cast<char>(2 + height);
        return true;
    }

    // A simple glyph: contour ends in order, then instructions, flags and coordinates in its bytes.
    bool outline(unsigned g, std::size_t at, std::size_t len, std::size_t contours) {
        std::size_t p = 10 + 2 * contours;
        if (p + 2 > len) return fail("its glyph %u has more contours than its bytes hold", g);
        long last = -1;
        for (std::size_t c = 0; c < contours; ++c) {
            const long end = u16(at + 10 + 2 * c);
            if (end <= last) return fail("its glyph %u has contour ends out of order", g);
            last = end;
        }
        p += 2 + u16(at + p);  // the instructions
        std::size_t xy = 0;
        for (std::size_t i = 0, points = static_cast<std::size_t>(last) + 1; i < points;) {
            if (p >= len || ((d_[at + p] & 8) && p + 1 >= len)) return fail("its glyph %u has points past its end", g);
            const unsigned flags = d_[at + p++];
            std::size_t count = 1 + ((flags & 8) ? d_[at + p++] : 0);
            for (; count > 0 && i < points; --count, ++i)
                xy += ((flags & 2) ? 1 : (flags & 16) ? 0 : 2) + ((flags & 4) ? 1 : (flags & 32) ? 0 : 2);
        }
        if (p + xy > len) return fail("its glyph %u has points past its end", g);
        return true;
    }

    // The Unicode subtable stbtt_InitFont picks (the last Windows Unicode or Unicode-platform
    // record), in a format stbtt_FindGlyphIndex reads, with every read it makes within the table.
    bool unicode_map(Table t) {
        const unsigned records = u16(t.at + 2);
        if (4 + 8 * std::size_t{records} > t.length) return fail("its character map (cmap) lists more subtables than it holds");
        std::size_t sub = t.length;
        for (unsigned i = 0; i < records; ++i) {
            const std::size_t rec = t.at + 4 + 8 * static_cast<std::size_t>(i);
            if (u16(rec) == 0 || (u16(rec) == 3 && (u16(rec + 2) == 1 || u16(rec + 2) == 10))) sub = u32(rec + 4);
        }
        if (sub == t.length) return fail("its character map (cmap) has no Unicode subtable");
        if (sub + 16 > t.length) return fail("its character map (cmap) points past its end");
        const std::size_t at = t.at + sub, room = t.length - sub;  // the subtable's bytes to the table's end
        const unsigned format = u16(at);
        ull len = u16(at + 2), need = 6;
        if (format == 4) {
            const std::size_t segs = u16(at + 6) / 2;
            std::size_t range = 2, selector = 0;
            while (range <= segs) range *= 2, ++selector;  // searchRange: 2 × the largest power of 2 ≤ segments
            if (segs == 0 || u16(at + 8) != range || u16(at + 10) != selector || u16(at + 12) != 2 * segs - range)
                return fail("its character map (cmap) has format 4 search fields that do not match its segments");
            need = 16 + 8 * segs;
            for (std::size_t i = 0; i < segs && need <= len && len <= room; ++i) {
                const std::size_t end = u16(at + 14 + 2 * i), start = u16(at + 16 + 2 * segs + 2 * i);
                const ull offset_at = 16 + 6 * segs + 2 * i, offset = u16(at + offset_at);
                if (offset != 0 && start <= end && offset_at + offset + 2 * (end - start) + 2 > len) need = len + 1;
            }
        } else if (format == 6) {
            need = 10 + 2ull * u16(at + 8);
        } else if (format == 12 || format == 13) {
            len = u32(at + 4);
            need = 16 + 12 * ull(u32(at + 12));
        } else if (format != 0) {
            return fail("its character map (cmap) is in format %u, which is not read", format);
        }
        if (len > room || need > len) return fail("its character map (cmap) has a format %u subtable that does not fit", format);
        return true;
    }
};

}  // namespace

std::string face_problem(const unsigned char* data, std::size_t size) { return FaceChecker(data, size).problem(); }

}  // namespace rareshock::ui
