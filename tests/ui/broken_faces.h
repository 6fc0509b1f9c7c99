// Rare Earth Shock — broken copies of a real TrueType face (the build's font-ja.ttf),
// for the tests of the face check (face_check_test.cpp) and of the app that uses it
// (ui_test.cpp): what a page may get for font-ja.ttf from a server, a cache or a disk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace rareshock::ui::test {

using Bytes = std::vector<unsigned char>;

inline Bytes read_file(const char* path) {
    Bytes data;
    if (FILE* f = std::fopen(path, "rb")) {
        unsigned char buf[65536];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) data.insert(data.end(), buf, buf + n);
        std::fclose(f);
    }
    return data;
}

inline unsigned get16(const Bytes& f, std::size_t at) { return static_cast<unsigned>(f[at]) << 8 | f[at + 1]; }
inline std::uint32_t get32(const Bytes& f, std::size_t at) { return static_cast<std::uint32_t>(get16(f, at)) << 16 | get16(f, at + 2); }
inline void put16(Bytes& f, std::size_t at, unsigned v) {
    f[at] = static_cast<unsigned char>(v >> 8);
    f[at + 1] = static_cast<unsigned char>(v);
}
inline void put32(Bytes& f, std::size_t at, std::uint32_t v) {
    put16(f, at, v >> 16);
    put16(f, at + 2, v & 0xFFFF);
}
// Where the table directory's record of `tag` is (0: none).
inline std::size_t record_of(const Bytes& f, const char* tag) {
    for (unsigned i = 0; i < get16(f, 4); ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        if (std::string(f.begin() + static_cast<std::ptrdiff_t>(rec), f.begin() + static_cast<std::ptrdiff_t>(rec) + 4) == tag) return rec;
    }
    return 0;
}
inline std::size_t table_at(const Bytes& f, const char* tag) { return get32(f, record_of(f, tag) + 8); }

struct BrokenFace {
    std::string name;
    Bytes bytes;
    std::string expected;  // a part of the problem the check gives
};

// Broken copies of `face` (a TrueType face with short or long glyph offsets and a
// format 4 Unicode cmap, such as font-ja.ttf), each with what is wrong with it.
inline std::vector<BrokenFace> broken_faces(const Bytes& face) {
    std::vector<BrokenFace> out;
    std::mt19937 rng(19);
    auto random_bytes = [&](Bytes& b, std::size_t from) {
        for (std::size_t i = from; i < b.size(); ++i) b[i] = static_cast<unsigned char>(rng());
    };
    const std::size_t directory_end = 12 + 16 * static_cast<std::size_t>(get16(face, 4));
    const bool long_loca = get16(face, table_at(face, "head") + 50) == 1;
    const std::size_t entry = long_loca ? 4 : 2, loca = table_at(face, "loca"), glyf = table_at(face, "glyf");
    const unsigned glyphs = get16(face, table_at(face, "maxp") + 4);
    auto loca_get = [&](const Bytes& f, unsigned g) -> std::size_t {
        return long_loca ? get32(f, loca + 4 * g) : 2 * static_cast<std::size_t>(get16(f, loca + 2 * g));
    };
    auto loca_put = [&](Bytes& f, unsigned g, std::size_t v) {
        if (long_loca) put32(f, loca + 4 * g, static_cast<std::uint32_t>(v)); else put16(f, loca + 2 * g, static_cast<unsigned>(v / 2));
    };
    // The first glyph with an outline of contours, and its bytes.
    unsigned outlined = 0;
    while (outlined < glyphs && !(loca_get(face, outlined + 1) - loca_get(face, outlined) >= 20 &&
                                  static_cast<std::int16_t>(get16(face, glyf + loca_get(face, outlined))) > 0))
        ++outlined;
    const std::size_t outline = glyf + loca_get(face, outlined);

    out.push_back({"empty", {}, "it is empty"});
    out.push_back({"11 bytes", Bytes(face.begin(), face.begin() + 11), "too short for a font"});
    out.push_back({"cut in the table directory", Bytes(face.begin(), face.begin() + 20), "table directory"});
    out.push_back({"cut in half", Bytes(face.begin(), face.begin() + static_cast<std::ptrdiff_t>(face.size() / 2)), "lies outside the file"});
    {
        Bytes b(face.size());
        random_bytes(b, 0);
        out.push_back({"random bytes", b, "not a TrueType font"});
    }
    {
        const std::string page = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n";
        out.push_back({"an HTML page", Bytes(page.begin(), page.end()), "not a TrueType font (it starts with \"<!DO\")"});
    }
    {
        Bytes b = face;  // a good directory over random tables
        random_bytes(b, directory_end);
        out.push_back({"random tables", b, "magic number"});
    }
    {
        Bytes b = face;
        put32(b, record_of(b, "glyf") + 8, static_cast<std::uint32_t>(b.size()));
        out.push_back({"glyf at the end of the file", b, "its table 'glyf'"});
    }
    {
        Bytes b = face;
        put32(b, record_of(b, "hmtx") + 12, 0xFFFFFFF0u);
        out.push_back({"hmtx four gigabytes long", b, "its table 'hmtx'"});
    }
    {
        Bytes b = face;
        b[record_of(b, "cmap") + 3] = 'q';
        out.push_back({"no cmap", b, "'cmap' table is missing"});
    }
    {
        Bytes b = face;
        put32(b, 0, 0x4F54544Fu);  // 'OTTO'
        out.push_back({"CFF outlines", b, "CFF outlines"});
    }
    {
        Bytes b = face;
        put16(b, table_at(b, "maxp") + 4, glyphs + 1000);
        out.push_back({"1000 glyphs more than loca holds", b, "too short for its"});
    }
    {
        Bytes b = face;  // two glyphs' offsets swapped: loca goes backwards
        unsigned g = 1;
        while (g + 1 < glyphs && loca_get(b, g) == loca_get(b, g + 1)) ++g;
        const std::size_t a = loca_get(b, g), c = loca_get(b, g + 1);
        loca_put(b, g, c);
        loca_put(b, g + 1, a);
        out.push_back({"loca out of order", b, "goes backwards"});
    }
    {
        Bytes b = face;  // the last offset past the glyphs
        const std::size_t glyf_length = get32(b, record_of(b, "glyf") + 12);
        loca_put(b, glyphs, glyf_length + 2 * entry);
        out.push_back({"loca past glyf", b, "points past the glyph table"});
    }
    {
        Bytes b = face;
        put16(b, outline, 0x7FFF);
        out.push_back({"a glyph of 32767 contours", b, "more contours than its bytes hold"});
    }
    {
        Bytes b = face;  // a glyph made a composite of itself (stb_truetype would recurse for ever)
        put16(b, outline, 0xFFFF);
        put16(b, outline + 10, 0x0003);  // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, no more components
        put16(b, outline + 12, outlined);
        put32(b, outline + 14, 0);
        out.push_back({"a glyph that contains itself", b, "contains itself"});
    }
    {
        Bytes b = face;  // ten glyphs made composites, each of the one before: nested 11 deep, as stb_truetype would recurse
        unsigned previous = outlined, made = 0;
        for (unsigned g = outlined + 1; g < glyphs && made < 10; ++g) {
            if (loca_get(b, g + 1) - loca_get(b, g) < 18) continue;
            const std::size_t at = glyf + loca_get(b, g);
            put16(b, at, 0xFFFF);
            put16(b, at + 10, 0x0003);
            put16(b, at + 12, previous);
            put32(b, at + 14, 0);
            previous = g;
            ++made;
        }
        out.push_back({"composites nested 11 deep", b, "nest more than 8 deep"});
    }
    {
        Bytes b = face;  // the format 4 subtable's binary-search fields changed
        const std::size_t cmap = table_at(b, "cmap");
        for (unsigned i = 0; i < get16(b, cmap + 2); ++i) {
            const std::size_t sub = cmap + get32(b, cmap + 4 + 8 * i + 4);
            if (get16(b, sub) == 4) put16(b, sub + 8, get16(b, sub + 8) * 4);
        }
        out.push_back({"cmap search fields", b, "search fields"});
    }
    return out;
}

}  // namespace rareshock::ui::test
