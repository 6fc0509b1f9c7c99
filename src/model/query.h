// Rare Earth Shock — query-string codec for share links and URL parameters.
//
// Share links reproduce a result exactly: they carry the model version ("v"),
// every input that differs from the base (or the preset), and the seed.
// Decoding never throws and never crashes: malformed, out-of-range, NaN, huge
// or unknown values become messages, and the field keeps its previous value.
#pragma once

#include "inputs.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rareshock {

inline constexpr int kQueryFormatVersion = 1;

struct QueryMessage {
    std::string key;      // the parameter as given ("" when the message is about the whole string)
    std::string message;  // "approval: 'abc' is not a number; expected 0 to 100 %"
};

// One parameter of a query string, percent-decoded.
struct QueryParam {
    std::string key;
    std::string value;
};

// A query's scenario. The model knows the scenario only: page options (theme,
// lang, accent, …) are read by the UI or the page from `others`.
struct DecodedQuery {
    Inputs inputs;                       // base inputs with every valid parameter applied
    std::string preset;                  // the preset id if "preset=" was valid, else ""
    std::string model_version;           // the model version a share link was made with ("model="), else ""
    // The parameters the caller named as its own (decode_query's `own_keys`): the
    // last value of each, in the order of the query, for the caller to read.
    std::vector<QueryParam> others;
    std::vector<QueryMessage> errors;    // values that were rejected (field left unchanged)
    std::vector<QueryMessage> warnings;  // unknown keys, repeated keys, version mismatch (ignored)
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

// A value as a message quotes it: printable ASCII only (anything else becomes
// '?'), at most 40 characters (then "...").
std::string shown_text(std::string_view s);

// Percent-encodes everything but RFC 3986's unreserved characters.
std::string percent_encode(std::string_view s);

// A field's unit as it reads after a value: "days" after 80 or a range, "day" after 1.
std::string unit_after(const InputField& f, double value);
// "0 to 100 %", "0 to 730 days", "1 to 5000": a field's valid range, as the messages give it.
std::string range_text(const InputField& f);

// Parses one input's value as a link or the command line writes it ("25",
// "61:25,83:60") into *in. Returns "" when it was taken; otherwise why not, without
// the field's name, and *in is unchanged: "'abc' is not a number (expected 0 to 100 %)".
std::string parse_input_value(const InputField& f, std::string_view text, Inputs* in);

// The longest query decode_query takes, in bytes; a longer one is refused whole.
inline constexpr std::size_t kMaxQueryBytes = 8192;
// What decode_query says of a query `bytes` long, over kMaxQueryBytes.
std::string query_too_long_message(std::size_t bytes);

// Decodes "a=1&b=2" (a leading '?' or '#' is skipped; '+' and %XX are decoded).
// "preset=" is applied first, then the other fields, in any order; a repeated key
// is warned about once and its last value used. A key in `own_keys` (the caller's
// own parameters, e.g. the page's theme=) goes to `others` without a word; any other
// key that is no part of the scenario is warned about and ignored. A query longer
// than kMaxQueryBytes is rejected as a whole.
DecodedQuery decode_query(std::string_view query, const Inputs& base = Inputs{},
                          std::span<const std::string_view> own_keys = {});

// How many query strings decode_query has read since the program started (for
// tests that count how often a query is parsed).
std::size_t queries_decoded();

}  // namespace rareshock
