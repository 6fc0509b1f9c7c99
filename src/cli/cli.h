// Rare Earth Shock — the rareshock command line: option parsing and help.
//
// [SECTION] Options (what the command line asks for)
// [SECTION] Parsing (pure: no I/O, never throws; the fuzzer calls it)
// [SECTION] Help and version text
//
// Inputs are resolved in a fixed order, whatever the order on the command line:
//   1. --preset ID          the starting inputs (default: the "2025" defaults)
//   2. --query 'a=1&b=2'    a share link's parameters, decoded on top (a
//                           preset= inside the link replaces the starting inputs)
//   3. --approval, --inventory, … --seed   explicit options, applied last
// Every input option, its unit, range and default come from input_fields():
// key "path_india" is the option --path-india.
#pragma once

#include "model/inputs.h"
#include "model/strings.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rareshock::cli {

//-----------------------------------------------------------------------------
// [SECTION] Options
//-----------------------------------------------------------------------------
enum class OutputFormat { Text, Json, Csv };

struct CliOptions {
    Inputs inputs;                         // fully resolved: preset, then query, then options
    OutputFormat format = OutputFormat::Text;
    std::string output_path;               // --output FILE; empty: standard output
    std::string preset;                    // --preset ID (or the query's preset=), "" if none
    std::string query;                     // --query as given, "" if none
    Language language = Language::English; // --lang en|de|ja (or the query's lang=)
    std::string share_base;                // --share-base URL: the reproduce link's page (default kDefaultShareBase)
};

// Where the calculator's page is published (CMake cache variable RS_PUBLIC_URL):
// the reproduce link's page unless --share-base names another.
extern const std::string_view kDefaultShareBase;

struct CliParse {
    CliOptions options;
    std::vector<std::string> errors;    // one line each, naming the option: "--approval: '150' is out of range (expected 0 to 100 %)"
    std::vector<std::string> warnings;  // ignored parts of --query, e.g. "--query: unknown parameter 'x' ignored"
    bool help = false;                  // --help / -h: print help_text(), exit 0
    bool version = false;               // --version: print version_text(), exit 0

    // The process exit status this parse calls for before any output is
    // written: 0 to proceed (or after help/version), 2 for bad usage.
    int exit_status() const { return (help || version) ? 0 : (errors.empty() ? 0 : 2); }
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitOutputFailed = 1;  // the output (--output or standard output) could not be written
inline constexpr int kExitUsage = 2;         // bad option or value

//-----------------------------------------------------------------------------
// [SECTION] Parsing
//-----------------------------------------------------------------------------
// args are the arguments after the program name. Accepts "--opt value" and
// "--opt=value"; a repeated option takes its last value. --help and --version
// win over errors.
CliParse parse_cli(std::span<const std::string_view> args);

// The option name of an input field: "path_india" → "path-india".
std::string option_name(const InputField& field);

// True for an absolute http: or https: URL with a host, printable ASCII only
// (no spaces), at most 2,048 characters: what --share-base accepts.
bool is_http_url(std::string_view url);

// The link that opens `query` (a share query, "v=1&…") on the page at `base`:
// "base?query"; "base&query" when the base has a query already; and when the
// base has a fragment (an article's embed, "…/article#rareshock"), the query goes
// after it, "…#rareshock?v=1&…", which the host loader on that page reads.
std::string share_link(std::string_view base, std::string_view query);

//-----------------------------------------------------------------------------
// [SECTION] Help and version text
//-----------------------------------------------------------------------------
std::string help_text();     // generated from input_fields() and presets()
std::string version_text();  // "rareshock 1.0.0 (model 1.0.0)\n"

}  // namespace rareshock::cli
