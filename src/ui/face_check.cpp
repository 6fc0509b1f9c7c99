// Rare Earth Shock — is a font file safe to hand to Dear ImGui? (see face_check.h)
//
// Every check follows a read stb_truetype (imstb_truetype.h) makes: stbtt_InitFont
// (the table directory, cmap's encoding records, head, maxp), the atlas's metrics
// (hhea, hmtx), stbtt_FindGlyphIndex (the cmap subtable), stbtt__GetGlyfOffset
// (loca) and stbtt__GetGlyphShapeTT (each glyph's outline, composites recursively).
#include "face_check.h"

#include <cstdint>
#include <vector>

namespace rareshock::ui {
namespace {

struct Table {
    std::size_t offset = 0;
    std::size_t length = 0;
    bool found = false;
};

// A table's tag or a file's first bytes as text, unprintable bytes as '?'.
std::string printable(const unsigned char* p, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += p[i] >= 0x20 && p[i] < 0x7F ? static_cast<char>(p[i]) : '?';
    return s;
}

class FaceChecker {
public:
    FaceChecker(const unsigned char* data, std::size_t size) : d_(data), n_(size) {}

    std::string problem() {
        if (n_ == 0) return "it is empty";
        if (n_ > kMaxFaceBytes)  // before any read: the bytes need not be there
            return "it is " + std::to_string(n_) + " bytes long; at most " + std::to_string(kMaxFaceBytes) + " are taken";
        if (!d_) return "it is empty";
        if (n_ < 12) return "it is " + std::to_string(n_) + " bytes long, too short for a font";
        const std::uint32_t version = u32(0);
        if (version == 0x4F54544Fu) return "it has CFF outlines; only TrueType (glyf) outlines are taken";  // 'OTTO'
        if (version == 0x74746366u) return "it is a font collection (.ttc), not one font";                // 'ttcf'
        if (version != 0x00010000u && version != 0x74727565u)  // TrueType: 1.0 or 'true'
            return "it is not a TrueType font (it starts with \"" + printable(d_, 4) + "\")";
        if (std::string p = directory(); !p.empty()) return p;
        for (const char* tag : {"cmap", "head", "hhea", "hmtx", "maxp", "loca", "glyf"})
            if (!find(tag).found) return std::string("it has no '") + tag + "' table";
        if (std::string p = head(); !p.empty()) return p;
        if (std::string p = maxp(); !p.empty()) return p;
        if (std::string p = metrics(); !p.empty()) return p;
        if (std::string p = loca(); !p.empty()) return p;
        if (std::string p = glyphs(); !p.empty()) return p;
        return cmap();
    }

private:
    const unsigned char* d_;
    std::size_t n_;
    unsigned num_glyphs_ = 0;
    unsigned units_per_em_ = 0;
    bool long_loca_ = false;
    std::vector<std::size_t> glyph_at_;  // numGlyphs + 1 offsets into glyf (from loca)

    // Big-endian reads; callers check the bounds first.
    unsigned u16(std::size_t at) const { return static_cast<unsigned>(d_[at]) << 8 | d_[at + 1]; }
    int s16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
    std::uint32_t u32(std::size_t at) const { return static_cast<std::uint32_t>(u16(at)) << 16 | u16(at + 2); }

    Table find(const char* tag) const {  // the first record with the tag, as stbtt__find_table takes it
        const unsigned count = u16(4);
        for (unsigned i = 0; i < count; ++i) {
            const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
            if (d_[rec] == tag[0] && d_[rec + 1] == tag[1] && d_[rec + 2] == tag[2] && d_[rec + 3] == tag[3])
                return {u32(rec + 8), u32(rec + 12), true};
        }
        return {};
    }

    std::string directory() const {
        const unsigned count = u16(4);
        if (count == 0) return "its table directory is empty";
        if (12 + 16 * static_cast<std::size_t>(count) > n_)
            return "its table directory (" + std::to_string(count) + " tables) runs past the end of the file (" +
                   std::to_string(n_) + " bytes)";
        for (unsigned i = 0; i < count; ++i) {
            const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
            const std::uint64_t offset = u32(rec + 8), length = u32(rec + 12);
            if (offset + length > n_)
                return "its table '" + printable(d_ + rec, 4) + "' (bytes " + std::to_string(offset) + " to " +
                       std::to_string(offset + length) + ") lies outside the file (" + std::to_string(n_) + " bytes)";
        }
        return "";
    }

    std::string head() {
        const Table t = find("head");
        if (t.length < 54) return "its 'head' table is " + std::to_string(t.length) + " bytes long (54 needed)";
        if (u32(t.offset + 12) != 0x5F0F3CF5u) return "its 'head' table lacks the TrueType magic number";
        units_per_em_ = u16(t.offset + 18);
        if (units_per_em_ < 16 || units_per_em_ > 16384)
            return "its units per em (" + std::to_string(units_per_em_) + ") are not between 16 and 16384";
        const unsigned format = u16(t.offset + 50);
        if (format > 1) return "its glyph-offset format (" + std::to_string(format) + ") is neither 0 nor 1";
        long_loca_ = format == 1;
        return "";
    }

    std::string maxp() {
        const Table t = find("maxp");
        if (t.length < 6) return "its 'maxp' table is " + std::to_string(t.length) + " bytes long (6 needed)";
        num_glyphs_ = u16(t.offset + 4);
        if (num_glyphs_ == 0) return "it has no glyphs";
        return "";
    }

    std::string metrics() const {
        const Table hhea = find("hhea"), hmtx = find("hmtx");
        if (hhea.length < 36) return "its 'hhea' table is " + std::to_string(hhea.length) + " bytes long (36 needed)";
        const unsigned long_metrics = u16(hhea.offset + 34);
        if (long_metrics == 0) return "its 'hhea' table gives no horizontal metrics";
        const std::size_t needed = 4 * static_cast<std::size_t>(long_metrics) +
                                   (num_glyphs_ > long_metrics ? 2 * static_cast<std::size_t>(num_glyphs_ - long_metrics) : 0);
        if (hmtx.length < needed)
            return "its 'hmtx' table is " + std::to_string(hmtx.length) + " bytes long; " + std::to_string(num_glyphs_) +
                   " glyphs need " + std::to_string(needed);
        return "";
    }

    std::string loca() {
        const Table t = find("loca"), glyf = find("glyf");
        const std::size_t entry = long_loca_ ? 4 : 2, entries = static_cast<std::size_t>(num_glyphs_) + 1;
        if (t.length < entry * entries)
            return "its glyph-offset table (loca) is " + std::to_string(t.length) + " bytes long; " +
                   std::to_string(num_glyphs_) + " glyphs need " + std::to_string(entry * entries);
        glyph_at_.resize(entries);
        for (std::size_t i = 0; i < entries; ++i) {
            const std::size_t at = t.offset + entry * i;
            glyph_at_[i] = long_loca_ ? u32(at) : 2 * static_cast<std::size_t>(u16(at));
            if (i > 0 && glyph_at_[i] < glyph_at_[i - 1])
                return "its glyph-offset table (loca) goes backwards at glyph " + std::to_string(i - 1);
        }
        if (glyph_at_.back() > glyf.length)
            return "its glyph-offset table (loca) points past the glyph table (glyf): the glyphs end at byte " +
                   std::to_string(glyph_at_.back()) + " of " + std::to_string(glyf.length);
        return "";
    }

    // Every glyph's outline within its bytes (as stbtt__GetGlyphShapeTT reads it);
    // composite glyphs name real glyphs, at most kMaxDepth deep, without a cycle.
    std::string glyphs() const {
        const std::size_t glyf = find("glyf").offset;
        std::vector<std::vector<unsigned>> parts(num_glyphs_);
        for (unsigned g = 0; g < num_glyphs_; ++g) {
            if (glyph_at_[g] == glyph_at_[g + 1]) continue;  // no outline (a space)
            if (std::string p = glyph(g, glyf + glyph_at_[g], glyph_at_[g + 1] - glyph_at_[g], parts[g]); !p.empty())
                return "its glyph " + std::to_string(g) + " " + p;
        }
        // Depth-first over the composites: 0 not seen, 1 on the path, 2 done.
        std::vector<unsigned char> state(num_glyphs_, 0);
        for (unsigned g = 0; g < num_glyphs_; ++g)
            if (std::string p = composite(g, parts, state, 0); !p.empty()) return p;
        return "";
    }

    static constexpr int kMaxDepth = 8;
    std::string composite(unsigned g, const std::vector<std::vector<unsigned>>& parts, std::vector<unsigned char>& state,
                          int depth) const {
        if (state[g] == 2) return "";
        if (state[g] == 1) return "its composite glyph " + std::to_string(g) + " contains itself";
        if (depth > kMaxDepth) return "its composite glyphs nest more than " + std::to_string(kMaxDepth) + " deep";
        state[g] = 1;
        for (unsigned part : parts[g])
            if (std::string p = composite(part, parts, state, depth + 1); !p.empty()) return p;
        state[g] = 2;
        return "";
    }

    std::string glyph(unsigned g, std::size_t at, std::size_t len, std::vector<unsigned>& parts) const {
        if (len < 10) return "is " + std::to_string(len) + " bytes long, shorter than its header";
        const int contours = s16(at);
        const long x0 = s16(at + 2), y0 = s16(at + 4), x1 = s16(at + 6), y1 = s16(at + 8);
        const long limit = 4L * units_per_em_;  // a box far beyond the em would make the atlas huge
        if (x0 > x1 || y0 > y1 || x1 - x0 > limit || y1 - y0 > limit)
            return "has an unreasonable box (" + std::to_string(x0) + ", " + std::to_string(y0) + ") to (" + std::to_string(x1) +
                   ", " + std::to_string(y1) + ")";
        if (contours > 0) {
            std::size_t p = 10 + 2 * static_cast<std::size_t>(contours);
            if (p + 2 > len) return "has " + std::to_string(contours) + " contours, more than its bytes hold";
            long last = -1;
            for (int c = 0; c < contours; ++c) {
                const long end = u16(at + 10 + 2 * static_cast<std::size_t>(c));
                if (end <= last) return "has contour ends out of order";
                last = end;
            }
            p += 2 + u16(at + p);  // the instructions
            const std::size_t points = static_cast<std::size_t>(last) + 1;
            std::size_t xy_bytes = 0;
            for (std::size_t i = 0; i < points;) {
                if (p >= len) return "has flags that run past its end";
                const unsigned flags = d_[at + p++];
                std::size_t count = 1;
                if (flags & 8) {
                    if (p >= len) return "has flags that run past its end";
                    count += d_[at + p++];
                }
                for (std::size_t k = 0; k < count && i < points; ++k, ++i)
                    xy_bytes += ((flags & 2) ? 1 : (flags & 16) ? 0 : 2) + ((flags & 4) ? 1 : (flags & 32) ? 0 : 2);
            }
            if (p + xy_bytes > len) return "has points that run past its end";
        } else if (contours == -1) {
            std::size_t p = 10;
            unsigned flags = 0;
            do {
                if (p + 4 > len) return "has a component that runs past its end";
                flags = u16(at + p);
                const unsigned part = u16(at + p + 2);
                p += 4;
                if (!(flags & 2)) return "places a component by matching points, which is not read";
                p += (flags & 1) ? 4 : 2;
                p += (flags & 8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0;
                if (p > len) return "has a component that runs past its end";
                if (part >= num_glyphs_)
                    return "names glyph " + std::to_string(part) + " as a component; there are " + std::to_string(num_glyphs_);
                if (part == g) return "contains itself";
                parts.push_back(part);
            } while (flags & 0x20);
        } else if (contours < 0) {
            return "has an outline of an unknown kind (" + std::to_string(contours) + " contours)";
        }
        return "";
    }

    // The Unicode subtable stbtt_InitFont picks (the last Windows Unicode or Unicode-platform
    // record), in a format stbtt_FindGlyphIndex reads, with every read it makes within the table.
    std::string cmap() const {
        const Table t = find("cmap");
        if (t.length < 4) return "its character map (cmap) is " + std::to_string(t.length) + " bytes long";
        const unsigned records = u16(t.offset + 2);
        if (4 + 8 * static_cast<std::size_t>(records) > t.length)
            return "its character map (cmap) lists " + std::to_string(records) + " subtables, more than it holds";
        std::size_t sub = 0;
        bool found = false;
        for (unsigned i = 0; i < records; ++i) {
            const std::size_t rec = t.offset + 4 + 8 * static_cast<std::size_t>(i);
            const unsigned platform = u16(rec), encoding = u16(rec + 2);
            if (platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))) {
                sub = u32(rec + 4);
                found = true;
            }
        }
        if (!found) return "its character map (cmap) has no Unicode subtable";
        const std::string where = "its character map (cmap) ";
        if (sub + 8 > t.length) return where + "points past its end";
        const std::size_t at = t.offset + sub, room = t.length - sub;  // the subtable's bytes to the table's end
        const unsigned format = u16(at);
        switch (format) {
        case 0: {
            const std::size_t len = u16(at + 2);
            if (len < 6 || len > room) return where + "has a format 0 subtable longer than the table";
            return "";
        }
        case 4: {
            const std::size_t len = u16(at + 2), segs = u16(at + 6) / 2;
            if (len > room || segs == 0 || 16 + 8 * segs > len) return where + "has a format 4 subtable that does not fit";
            std::size_t range = 2;
            unsigned selector = 0;
            while (range * 2 <= 2 * segs) range *= 2, ++selector;  // searchRange: 2 × the largest power of 2 ≤ segments
            if (u16(at + 8) != range || u16(at + 10) != selector || u16(at + 12) != 2 * segs - range)
                return where + "has a format 4 subtable whose search fields do not match its segments";
            for (std::size_t i = 0; i < segs; ++i) {
                const std::size_t end = u16(at + 14 + 2 * i), start = u16(at + 16 + 2 * segs + 2 * i);
                const std::size_t offset_at = 16 + 6 * segs + 2 * i, offset = u16(at + offset_at);
                if (offset != 0 && start <= end && offset_at + offset + 2 * (end - start) + 2 > len)
                    return where + "maps characters " + std::to_string(start) + " to " + std::to_string(end) +
                           " to glyph numbers past its end";
            }
            return "";
        }
        case 6: {
            const std::size_t len = u16(at + 2), count = u16(at + 8);
            if (len > room || 10 + 2 * count > len) return where + "has a format 6 subtable that does not fit";
            return "";
        }
        case 12:
        case 13: {
            if (room < 16) return where + "has a format " + std::to_string(format) + " subtable that does not fit";
            const std::uint64_t len = u32(at + 4), groups = u32(at + 12);
            if (len > room || 16 + 12 * groups > len)
                return where + "has a format " + std::to_string(format) + " subtable that does not fit";
            return "";
        }
        default:
            return where + "is in format " + std::to_string(format) + ", which is not read";
        }
    }
};

}  // namespace

std::string face_problem(const unsigned char* data, std::size_t size) { return FaceChecker(data, size).problem(); }

}  // namespace rareshock::ui
