// Rare Earth Shock — query-string codec for share links and URL parameters.
//
// Share links reproduce a result exactly: they carry the model version ("v"),
// every input that differs from the base (or the preset), and the seed.
// Decoding never throws and never crashes: malformed, out-of-range, NaN, huge
// or unknown values become messages, and the field keeps its previous value.
#pragma once

#include "inputs.h"

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

// Decodes "a=1&b=2" (a leading '?' or '#' is skipped; '+' and %XX are decoded).
// "preset=" is applied first, then the other fields, in any order. Keys "theme"
// and "origins"/"allow" (embed options) are accepted without warning. Inputs
// larger than 8 KiB are rejected as a whole.
DecodedQuery decode_query(std::string_view query, const Inputs& base = Inputs{});

}  // namespace rareshock
