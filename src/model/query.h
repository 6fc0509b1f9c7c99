// Rare Earth Shock — query-string codec for share links and URL parameters.
//
// Share links reproduce a result exactly: they carry the model version ("v"),
// every input that differs from the base (or the preset), and the seed.
// Decoding never throws and never crashes: malformed, out-of-range, NaN, huge
// or unknown values become messages, and the field keeps its previous value.
#pragma once

#include "inputs.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rareshock {

inline constexpr int kQueryFormatVersion = 1;

struct QueryMessage {
    std::string key;      // the parameter as given ("" when the message is about the whole string)
    std::string message;  // "approval: 'abc' is not a number; expected 0 to 100 %"
};

struct DecodedQuery {
    Inputs inputs;                       // base inputs with every valid parameter applied
    std::string preset;                  // the preset id if "preset=" was valid, else ""
    std::string theme;                   // "light" | "dark" | "auto" if given and valid, else ""
    std::string language;                // "en" | "de" | "ja" if "lang=" was given and valid, else ""
    std::string model_version;           // the model version a share link was made with ("model="), else ""
    // Producer options (how the calculator looks on a host page; never part of a
    // share link): "accent=0b5cad" (or "%230b5cad"), "bg=transparent",
    // "headline=off". Invalid values are errors and leave the default.
    std::string accent;                  // "#rrggbb", lower case, when valid; else ""
    bool transparent = false;            // bg=transparent: the host page's background shows through
    bool headline = true;                // headline=off: the host writes its own headline
    // Parameters of the page's or the embed's address that are no input ("share",
    // "origins", "resize", …): accepted without a message in a link, and listed here
    // for callers that take inputs only (setInputs), which say they are ignored.
    std::vector<std::string> page_options;
    std::vector<QueryMessage> errors;    // values that were rejected (field left unchanged)
    std::vector<QueryMessage> warnings;  // unknown keys, version mismatch (ignored)
    bool ok() const { return errors.empty(); }
};

// Encodes inputs as "v=1&model=1.0.0&approval=25&…&seed=…" ("model" is the model
// version: a link made with another version decodes with a warning). Only fields that
// differ from the defaults are written, plus v and seed; when `preset_id` is
// given, "preset=<id>" is written and only fields that differ from it.
std::string encode_query(const Inputs& in, std::string_view preset_id = {});

// Approval paths as text: "61:25,83:60" (day:percent pairs, shortest numbers).
std::string path_text(const ApprovalPath& path);
// Parses that text; on failure returns false and says why in *problem.
bool parse_path_text(std::string_view text, ApprovalPath* path, std::string* problem);

// Percent-encodes everything but RFC 3986's unreserved characters.
std::string percent_encode(std::string_view s);

// A field's unit as it reads after a value: "days" after 80 or a range, "day" after 1.
std::string unit_after(const InputField& f, double value);
// "0 to 100 %", "0 to 730 days", "1 to 5000": a field's valid range, as the messages give it.
std::string range_text(const InputField& f);

// "#0b5cad" for "0b5cad", "#0B5CAD" or "#0b5" (CSS's short form); "" for anything else.
std::string parse_hex_colour(std::string_view text);

// The longest query decode_query takes, in bytes; a longer one is refused whole.
inline constexpr std::size_t kMaxQueryBytes = 8192;
// What decode_query says of a query `bytes` long, over kMaxQueryBytes.
std::string query_too_long_message(std::size_t bytes);

// Decodes "a=1&b=2" (a leading '?' or '#' is skipped; '+' and %XX are decoded).
// "preset=" is applied first, then the other fields, in any order. "theme" and
// the producer options (accent, bg, headline) are decoded into their members;
// the embed's own keys (origins, share, resize, …) are accepted without warning. A
// query longer than kMaxQueryBytes is rejected as a whole.
DecodedQuery decode_query(std::string_view query, const Inputs& base = Inputs{});

}  // namespace rareshock
