// Rare Earth Shock — the reader's languages and their text tables (see strings.h).
//
// [SECTION] Embedded tables
// [SECTION] A flat-object JSON reader
// [SECTION] Lookup
#include "strings.h"

#include "query.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

// assets/strings/<code>.json, embedded by the build (assets/font/embed.cmake):
// English always, the others unless RS_EMBED_TRANSLATIONS is 0 (the web app,
// whose pages bring their language's table: set_translation()).
#ifndef RS_EMBED_TRANSLATIONS
#define RS_EMBED_TRANSLATIONS 1
#endif
extern const unsigned char rs_strings_en[];
extern const std::size_t rs_strings_en_size;
#if RS_EMBED_TRANSLATIONS
extern const unsigned char rs_strings_de[];
extern const std::size_t rs_strings_de_size;
extern const unsigned char rs_strings_ja[];
extern const std::size_t rs_strings_ja_size;
#endif

namespace rareshock {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Embedded tables
//-----------------------------------------------------------------------------
constexpr std::array<std::string_view, kLanguageCount> kCodes{"en", "de", "ja"};

std::string_view source(Language lang) {
    switch (lang) {
#if RS_EMBED_TRANSLATIONS
    case Language::German: return {reinterpret_cast<const char*>(rs_strings_de), rs_strings_de_size};
    case Language::Japanese: return {reinterpret_cast<const char*>(rs_strings_ja), rs_strings_ja_size};
#else
    case Language::German:
    case Language::Japanese: return "{}";  // until set_translation()
#endif
    case Language::English: break;
    }
    return {reinterpret_cast<const char*>(rs_strings_en), rs_strings_en_size};
}

struct Table {
    std::vector<std::pair<std::string, std::string>> entries;  // sorted by key
    std::string problem;
};

//-----------------------------------------------------------------------------
// [SECTION] A flat-object JSON reader
//-----------------------------------------------------------------------------
// { "key": "text", ... } with the escapes \" \\ \/ \b \f \n \r \t \uXXXX
// (surrogate pairs joined, written as UTF-8). Nothing else is accepted.
class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}

    bool read(Table& out) {
        space();
        if (!take('{')) return fail("expected '{'");
        space();
        if (take('}')) return end();
        for (;;) {
            std::string key, value;
            space();
            if (!string(key)) return false;
            space();
            if (!take(':')) return fail("expected ':' after \"" + key + "\"");
            space();
            if (!string(value)) return false;
            out.entries.emplace_back(std::move(key), std::move(value));
            space();
            if (take(',')) continue;
            if (take('}')) return end();
            return fail("expected ',' or '}'");
        }
    }
    std::string problem;

private:
    bool end() {
        space();
        return i_ == s_.size() ? true : fail("text after the object");
    }
    bool fail(std::string why) {
        problem = why + " at byte " + std::to_string(i_);
        return false;
    }
    void space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    bool take(char c) {
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    int hex4() {
        if (i_ + 4 > s_.size()) return -1;
        int v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s_[i_++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= c - '0';
            else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
            else return -1;
        }
        return v;
    }
    static void utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    bool string(std::string& out) {
        if (!take('"')) return fail("expected a string");
        while (i_ < s_.size()) {
            const char c = s_[i_++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) break;
            const char e = s_[i_++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                int cp = hex4();
                if (cp < 0) return fail("bad \\u escape");
                if (cp >= 0xD800 && cp < 0xDC00) {
                    if (!take('\\') || !take('u')) return fail("lone surrogate");
                    const int low = hex4();
                    if (low < 0xDC00 || low >= 0xE000) return fail("lone surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp < 0xE000) {
                    return fail("lone surrogate");
                }
                utf8(out, static_cast<std::uint32_t>(cp));
                break;
            }
            default: return fail("bad escape");
            }
        }
        return fail("unterminated string");
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

Table parse(std::string_view text) {
    Table t;
    Reader reader(text);
    if (!reader.read(t)) {
        t.entries.clear();
        t.problem = reader.problem;
    }
    std::stable_sort(t.entries.begin(), t.entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 1; k < t.entries.size() && t.problem.empty(); ++k)
        if (t.entries[k].first == t.entries[k - 1].first) t.problem = "key \"" + t.entries[k].first + "\" given twice";
    return t;
}

struct Tables {
    std::array<Table, kLanguageCount> tables;
    std::array<bool, kLanguageCount> loaded{};
};
Tables& all_tables() {
    static Tables t;
    return t;
}

const Table& table(Language lang) {
    Tables& all = all_tables();
    const std::size_t i = static_cast<std::size_t>(lang);
    if (!all.loaded[i]) {
        all.loaded[i] = true;
        all.tables[i] = parse(source(lang));
    }
    return all.tables[i];
}

const std::string* find(Language lang, std::string_view key) {
    const Table& t = table(lang);
    const auto it = std::lower_bound(t.entries.begin(), t.entries.end(), key,
                                     [](const auto& entry, std::string_view k) { return std::string_view(entry.first) < k; });
    return it != t.entries.end() && it->first == key ? &it->second : nullptr;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Lookup
//-----------------------------------------------------------------------------
std::string_view language_code(Language lang) { return kCodes[static_cast<std::size_t>(lang)]; }

std::string language_problem(std::string_view code) {
    std::string expected;
    for (int i = 0; i < kLanguageCount; ++i)
        expected += std::string(i == 0 ? "" : i + 1 == kLanguageCount ? " or " : ", ") + std::string(kCodes[static_cast<std::size_t>(i)]);
    return "'" + shown_text(code) + "' is not a language (expected " + expected + ")";
}

bool parse_language(std::string_view code, Language* out) {
    for (int i = 0; i < kLanguageCount; ++i)
        if (kCodes[static_cast<std::size_t>(i)] == code) {
            *out = static_cast<Language>(i);
            return true;
        }
    return false;
}

std::string_view tr(Language lang, std::string_view key) {
    if (const std::string* s = find(lang, key)) return *s;
    if (const std::string* s = find(Language::English, key)) return *s;
    return key;
}

std::string_view translated(Language lang, std::string_view key, std::string_view english) {
    if (lang == Language::English) return english;
    if (const std::string* s = find(lang, key)) return *s;
    return english;
}

std::string format_text(std::string_view pattern,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i + 1);
            if (close != std::string_view::npos) {
                const std::string_view name = pattern.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [k, v] : values)
                    if (k == name) {
                        out += v;
                        replaced = true;
                        break;
                    }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

std::vector<std::string_view> string_keys(Language lang) {
    std::vector<std::string_view> keys;
    for (const auto& [k, v] : table(lang).entries) keys.emplace_back(k);
    return keys;
}

std::string_view strings_problem(Language lang) { return table(lang).problem; }

bool set_translation(Language lang, std::string_view table_json) {
    Tables& all = all_tables();
    const std::size_t i = static_cast<std::size_t>(lang);
    if (table_json.size() > kMaxTranslationBytes) {
        all.tables[i] = Table{};
        all.tables[i].problem = "the table is " + std::to_string(table_json.size()) + " bytes long; at most " +
                                std::to_string(kMaxTranslationBytes) + " are taken";
    } else {
        all.tables[i] = parse(table_json);
    }
    all.loaded[i] = true;
    return all.tables[i].problem.empty();
}

bool has_translation(Language lang) { return lang == Language::English || !table(lang).entries.empty(); }

}  // namespace rareshock
