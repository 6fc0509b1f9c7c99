// Rare Earth Shock — query-string codec for share links and URL parameters.
//
// [SECTION] Number text (strict parsing, shortest round-trip formatting)
// [SECTION] Messages (sanitised values, valid ranges)
// [SECTION] Percent-decoding and splitting
// [SECTION] Approval paths as text
// [SECTION] encode_query
// [SECTION] decode_query
//
// Pure C++: no I/O, no exceptions (the web build uses -fno-exceptions), no
// locale. Numbers are read and written by numbers.h, the same code natively and
// in WebAssembly (whose libc++ has no floating-point <charconv>).
#include "query.h"

#include "model.h"
#include "numbers.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <system_error>

namespace rareshock {
namespace {

constexpr std::size_t kMaxValueChars = 64;    // one value; the longest shortest-form double is 24
constexpr std::size_t kMaxPathChars = 6 * (2 * 24 + 2);  // six points of two shortest-form doubles

//-----------------------------------------------------------------------------
// [SECTION] Number text
//-----------------------------------------------------------------------------

// Why a value was rejected.
enum class ParseFailure { None, Empty, TooLong, NotANumber, NotWhole, OutOfRange };

// Strict decimal grammar: numbers.h's, without a leading '+' (a space, once a query
// string is decoded): [-] (digits [. digits*] | . digits) [(e|E) [+|-] digits].
bool is_decimal_number(std::string_view s) { return !s.empty() && s[0] != '+' && decimal_prefix(s) == s.size(); }

// Parses a finite double from the whole of s. "1e400" and "1e-400" (which
// would become inf or a silent 0) are OutOfRange.
ParseFailure parse_real(std::string_view s, double* out) {
    if (s.empty()) return ParseFailure::Empty;
    if (s.size() > kMaxValueChars) return ParseFailure::TooLong;
    if (!is_decimal_number(s)) return ParseFailure::NotANumber;
    double value = 0.0;
    if (read_decimal(s, &value) != DecimalRead::Ok) return ParseFailure::OutOfRange;
    *out = value;
    return ParseFailure::None;
}

// Parses a whole number ([-]digits) from the whole of s.
ParseFailure parse_whole(std::string_view s, double* out) {
    if (s.empty()) return ParseFailure::Empty;
    if (s.size() > kMaxValueChars) return ParseFailure::TooLong;
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc::result_out_of_range) return ParseFailure::OutOfRange;
    if (ec != std::errc{} || ptr != s.data() + s.size()) {
        // A real number where a whole one is expected gets the clearer message.
        return is_decimal_number(s) ? ParseFailure::NotWhole : ParseFailure::NotANumber;
    }
    // Values beyond 2^53 are out of every integer field's range; keep the
    // conversion exact so field_in_range sees the true value's side.
    constexpr std::int64_t kExactLimit = std::int64_t{1} << 53;
    if (value > kExactLimit || value < -kExactLimit) return ParseFailure::OutOfRange;
    *out = static_cast<double>(value);
    return ParseFailure::None;
}

// The shortest text that parse_real reads back bit-exactly. Fixed notation
// for 1e-7 < |v| < 1e21 (as JavaScript prints numbers), else "1.5e-9" /
// "2e300": never a '+', which a query string would turn into a space.
std::string format_real(double v) {
    std::string text;
    if (std::signbit(v)) text.push_back('-');
    v = std::fabs(v);
    if (v == 0.0) {
        text.push_back('0');
        return text;
    }
    std::string digits;
    int exponent = 0;
    shortest_digits(v, &digits, &exponent);
    const int count = static_cast<int>(digits.size());
    if (exponent >= 21 || exponent <= -7) {
        text.push_back(digits[0]);
        if (count > 1) {
            text.push_back('.');
            text.append(digits, 1, std::string::npos);
        }
        text.push_back('e');
        text += std::to_string(exponent);
    } else if (exponent >= 0) {
        const int integer_digits = exponent + 1;
        for (int i = 0; i < integer_digits; ++i) text.push_back(i < count ? digits[static_cast<std::size_t>(i)] : '0');
        if (count > integer_digits) {
            text.push_back('.');
            text.append(digits, static_cast<std::size_t>(integer_digits), std::string::npos);
        }
    } else {
        text += "0.";
        text.append(static_cast<std::size_t>(-exponent - 1), '0');
        text += digits;
    }
    return text;
}

std::string format_field_value(const InputField& f, double v) {
    if (f.kind != FieldKind::Real) {
        char buffer[32];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(v));
        return std::string(buffer, result.ptr);
    }
    return format_real(v);
}

//-----------------------------------------------------------------------------
// [SECTION] Messages
//-----------------------------------------------------------------------------

std::string failure_text(ParseFailure failure) {
    switch (failure) {
    case ParseFailure::Empty: return "is empty";
    case ParseFailure::TooLong: return "is too long";
    case ParseFailure::NotANumber: return "is not a number";
    case ParseFailure::NotWhole: return "is not a whole number";
    case ParseFailure::OutOfRange: return "is out of range";
    case ParseFailure::None: break;
    }
    return "is invalid";
}

void add_message(std::vector<QueryMessage>& list, std::string_view key, std::string text) {
    list.push_back(QueryMessage{shown_text(key), std::move(text)});
}

//-----------------------------------------------------------------------------
// [SECTION] Percent-decoding and splitting
//-----------------------------------------------------------------------------

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// '+' → space, %XX → byte. A malformed escape ("%", "%zz") is kept as written,
// so the value it belongs to is then rejected with its own message.
std::string percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}


struct Pair {
    std::string key, value;
    bool has_value = false;  // "debug" vs "debug="
};

std::vector<Pair> split_pairs(std::string_view query) {
    std::vector<Pair> pairs;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view part = query.substr(start, end - start);
        if (!part.empty()) {
            const std::size_t equals = part.find('=');
            Pair pair;
            pair.key = percent_decode(part.substr(0, equals));
            if (equals != std::string_view::npos) {
                pair.value = percent_decode(part.substr(equals + 1));
                pair.has_value = true;
            }
            pairs.push_back(std::move(pair));
        }
        start = end + 1;
    }
    return pairs;
}

bool same_bits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

// Unreserved characters (RFC 3986) pass; everything else is %XX.
std::string percent_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : s) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '_' || c == '.' || c == '~';
        if (unreserved) {
            out.push_back(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0x0f]);
        }
    }
    return out;
}

std::string shown_text(std::string_view s) {
    constexpr std::size_t kMaxShownChars = 40;
    std::string out;
    const std::size_t shown = std::min(s.size(), kMaxShownChars);
    out.reserve(shown + 3);
    for (std::size_t i = 0; i < shown; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?');
    }
    if (s.size() > kMaxShownChars) out += "...";
    return out;
}

std::string unit_after(const InputField& f, double value) {
    if (f.unit == "day" || f.unit == "days") return value == 1.0 ? "day" : "days";
    return std::string(f.unit);
}

std::string range_text(const InputField& f) {
    if (f.kind == FieldKind::Path) return "up to " + std::to_string(kMaxPathPoints) + " day:percent points";
    std::string text = format_field_value(f, f.min_value) + " to " + format_field_value(f, f.max_value);
    if (!f.unit.empty()) {
        text.push_back(' ');
        text += unit_after(f, f.max_value);
    }
    return text;
}

//-----------------------------------------------------------------------------
// [SECTION] Approval paths as text
//-----------------------------------------------------------------------------
std::string path_text(const ApprovalPath& path) {
    std::string out;
    for (int i = 0; i < path.count && i < kMaxPathPoints; ++i) {
        const PathPoint& p = path.points[static_cast<std::size_t>(i)];
        if (i) out.push_back(',');
        out += format_real(p.day);
        out.push_back(':');
        out += format_real(p.approved_pct);
    }
    return out;
}

bool parse_path_text(std::string_view text, ApprovalPath* path, std::string* problem) {
    ApprovalPath parsed;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view point = text.substr(start, end - start);
        const std::size_t colon = point.find(':');
        if (colon == std::string_view::npos) {
            *problem = "each point must be day:percent";
            return false;
        }
        if (parsed.count == kMaxPathPoints) {
            *problem = "a path has at most " + std::to_string(kMaxPathPoints) + " points";
            return false;
        }
        PathPoint p;
        if (parse_real(point.substr(0, colon), &p.day) != ParseFailure::None ||
            parse_real(point.substr(colon + 1), &p.approved_pct) != ParseFailure::None) {
            *problem = "each point must be day:percent with numbers";
            return false;
        }
        parsed.points[static_cast<std::size_t>(parsed.count++)] = p;
        start = end + 1;
    }
    const std::string_view why = path_problem(parsed);
    if (!why.empty()) {
        *problem = std::string(why);
        return false;
    }
    *path = parsed;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] encode_query
//-----------------------------------------------------------------------------
std::string encode_query(const Inputs& in, std::string_view preset_id) {
    const Preset* preset = preset_id.empty() ? nullptr : find_preset(preset_id);
    const Inputs reference = preset ? preset->inputs : Inputs{};
    std::string out = "v=" + std::to_string(kQueryFormatVersion) + "&model=" + percent_encode(kModelVersion);
    if (preset) {  // an unknown id is not written: the link is then relative to the defaults
        out += "&preset=";
        out += percent_encode(preset->id);
    }
    for (const InputField& f : input_fields()) {
        if (f.kind == FieldKind::Path) {
            if (get_path(in, f) == get_path(reference, f)) continue;
            out += '&' + percent_encode(f.key) + '=' + percent_encode(path_text(get_path(in, f)));
            continue;
        }
        const double value = get_field(in, f);
        // Bitwise, so that -0 survives against a reference of 0.
        if (f.kind != FieldKind::Seed && same_bits(value, get_field(reference, f))) continue;
        out.push_back('&');
        out += percent_encode(f.key);
        out.push_back('=');
        out += format_field_value(f, value);
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] decode_query
//-----------------------------------------------------------------------------
std::string query_too_long_message(std::size_t bytes) {
    return "query string is too long (" + std::to_string(bytes) + " bytes; at most " + std::to_string(kMaxQueryBytes) +
           "); nothing was applied";
}

std::string parse_input_value(const InputField& f, std::string_view text, Inputs* in) {
    if (f.kind == FieldKind::Path) {
        ApprovalPath path;
        std::string problem;
        if (text.size() > kMaxPathChars) problem = "is too long";
        else if (!parse_path_text(text, &path, &problem)) problem = "is not a valid path: " + problem;
        if (!problem.empty()) return "'" + shown_text(text) + "' " + problem + " (expected day:percent points, e.g. 61:25,83:60)";
        set_path(*in, f, path);
        return {};
    }
    double parsed = 0.0;
    ParseFailure failure = f.kind == FieldKind::Real ? parse_real(text, &parsed) : parse_whole(text, &parsed);
    if (failure == ParseFailure::None && !field_in_range(f, parsed)) failure = ParseFailure::OutOfRange;
    if (failure != ParseFailure::None) return "'" + shown_text(text) + "' " + failure_text(failure) + " (expected " + range_text(f) + ")";
    set_field(*in, f, parsed);
    return {};
}

namespace {
std::atomic<std::size_t> g_queries_decoded{0};
}  // namespace

std::size_t queries_decoded() { return g_queries_decoded.load(); }

DecodedQuery decode_query(std::string_view query, const Inputs& base, std::span<const std::string_view> own_keys) {
    ++g_queries_decoded;
    DecodedQuery result;
    result.inputs = base;
    if (query.size() > kMaxQueryBytes) {
        add_message(result.errors, "", query_too_long_message(query.size()));
        return result;
    }
    if (!query.empty() && (query.front() == '?' || query.front() == '#')) query.remove_prefix(1);

    const std::vector<Pair> pairs = split_pairs(query);

    // Last occurrence wins; a repeated key is warned about once.
    std::map<std::string_view, std::size_t> last_index;
    for (std::size_t i = 0; i < pairs.size(); ++i) last_index[pairs[i].key] = i;
    std::vector<bool> last(pairs.size());
    std::map<std::string_view, bool> warned;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        last[i] = last_index[pairs[i].key] == i;
        if (!last[i] && !warned[pairs[i].key]) {
            warned[pairs[i].key] = true;
            add_message(result.warnings, pairs[i].key, shown_text(pairs[i].key) + ": given more than once; the last value is used");
        }
    }

    // 1. preset, wherever it appears.
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (!last[i] || pairs[i].key != "preset") continue;
        if (const Preset* preset = find_preset(pairs[i].value)) {
            result.inputs = preset->inputs;
            result.preset = std::string(preset->id);
        } else {
            std::string known;
            for (const Preset& p : presets()) known += (known.empty() ? "" : ", ") + std::string(p.id);
            add_message(result.errors, "preset", "preset: '" + shown_text(pairs[i].value) + "' is not a known preset (expected one of " + known + ")");
        }
    }

    // 2. everything else, in order.
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (!last[i]) continue;
        const std::string& key = pairs[i].key;
        const std::string& value = pairs[i].value;
        if (key == "preset") continue;
        if (key == "v") {
            double version = 0.0;
            if (parse_whole(value, &version) != ParseFailure::None) {
                add_message(result.warnings, key, "v: '" + shown_text(value) + "' is not a link format version; read as version " + std::to_string(kQueryFormatVersion));
            } else if (version != kQueryFormatVersion) {
                add_message(result.warnings, key, "v: link format version " + format_real(version) + " is not " + std::to_string(kQueryFormatVersion) + "; values may not reproduce exactly");
            }
            continue;
        }
        if (key == "model") {  // the model version the link was made with
            result.model_version = shown_text(value);
            if (value != kModelVersion)
                add_message(result.warnings, key, "model: this link was made with model version '" + shown_text(value) +
                                                      "'; this is " + std::string(kModelVersion) + ", so results may differ");
            continue;
        }
        const InputField* field = find_input_field(key);
        if (!field) {
            if (std::find(own_keys.begin(), own_keys.end(), key) != own_keys.end()) {
                result.others.push_back(QueryParam{key, value});
            } else if (key.empty()) {
                add_message(result.warnings, key, "parameter without a name ignored");
            } else {
                add_message(result.warnings, key, "unknown parameter '" + shown_text(key) + "' ignored");
            }
            continue;
        }
        const std::string problem = parse_input_value(*field, value, &result.inputs);
        if (!problem.empty()) add_message(result.errors, key, std::string(field->key) + ": " + problem);
    }
    return result;
}

}  // namespace rareshock
