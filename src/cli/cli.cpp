// Rare Earth Shock — the rareshock command line: option parsing and help.
//
// [SECTION] Text helpers
// [SECTION] Option table (fixed options; input options come from input_fields())
// [SECTION] parse_cli
// [SECTION] help_text, version_text
//
// Values of input options are parsed by the model's parse_input_value, which the
// query codec uses for each value of a link, so the command line and share links
// accept exactly the same numbers and give the same messages.
#include "cli/cli.h"

#include "model/model.h"
#include "model/query.h"

#include <charconv>
#include <initializer_list>
#include <cstdint>
#include <optional>

#ifndef RARESHOCK_VERSION
#define RARESHOCK_VERSION "0.0.0"
#endif
#ifndef RARESHOCK_SHARE_BASE
#define RARESHOCK_SHARE_BASE "https://graphics.example.com/rareshock/"
#endif

namespace rareshock::cli {

const std::string_view kDefaultShareBase = RARESHOCK_SHARE_BASE;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Text helpers
//-----------------------------------------------------------------------------

// Concatenation without `"literal" + std::string` (GCC 12 warns falsely: -Wrestrict, PR 105329).
std::string cat(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (const std::string_view part : parts) out += part;
    return out;
}

// Shortest round-trip text ("25", "0.5"); the CLI is native, so <charconv> has doubles.
std::string number_text(double v) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, result.ptr);
}

// " days" after 80, " day" after 1, " %" after 25, "" for unitless fields.
std::string unit_suffix(const InputField& f, double value) {
    return f.unit.empty() ? std::string() : cat({" ", unit_after(f, value)});
}

std::string preset_list() {
    std::string text;
    for (const Preset& p : presets()) text += (text.empty() ? "" : ", ") + std::string(p.id);
    return text;
}

//-----------------------------------------------------------------------------
// [SECTION] Option table
//-----------------------------------------------------------------------------
enum class Fixed { Preset, Query, Format, Lang, Output, ShareBase, Help, Version };

struct FixedOption {
    std::string_view name;  // without "--"
    Fixed id;
    bool takes_value;
    std::string_view metavar;
    std::string_view help;
};

constexpr FixedOption kFixedOptions[] = {
    {"preset", Fixed::Preset, true, "ID", "start from a preset scenario (applied first)"},
    {"query", Fixed::Query, true, "QUERY", "evaluate a share link or its parameters, e.g. 'approval=25&inventory=45' (applied after --preset)"},
    {"format", Fixed::Format, true, "FORMAT", "output format: text, json or csv (default text)"},
    {"lang", Fixed::Lang, true, "LANG", "language of the summary, numbers and dates: en, de or ja (default en)"},
    {"output", Fixed::Output, true, "FILE", "write the results to FILE instead of standard output"},
    {"share-base", Fixed::ShareBase, true, "URL", "page of the reproduce link that ends the text report (an http: or https: URL;"},
    {"help", Fixed::Help, false, "", "print this help and exit"},
    {"version", Fixed::Version, false, "", "print the version and exit"},
};

const FixedOption* find_fixed(std::string_view name) {
    for (const FixedOption& o : kFixedOptions) {
        if (o.name == name) return &o;
    }
    return nullptr;
}

const InputField* find_field_option(std::string_view name) {
    for (const InputField& f : input_fields()) {
        if (option_name(f) == name) return &f;
    }
    return nullptr;
}

std::string_view metavar(const InputField& f) {
    if (f.kind == FieldKind::Seed) return "SEED";
    if (f.kind == FieldKind::Path) return "PATH";
    if (f.unit.starts_with("%")) return "PCT";     // "%", "% of gap"
    if (f.unit.starts_with("day")) return "DAYS";  // "days", "day"
    return "N";
}

}  // namespace

std::string option_name(const InputField& field) {
    std::string name(field.key);
    for (char& c : name) {
        if (c == '_') c = '-';
    }
    return name;
}

bool is_http_url(std::string_view url) {
    constexpr std::size_t kMaxUrlChars = 2048;
    if (url.size() > kMaxUrlChars) return false;
    for (const char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f) return false;
    }
    auto lower_prefix = [&](std::string_view prefix) {
        if (url.size() < prefix.size()) return false;
        for (std::size_t i = 0; i < prefix.size(); ++i) {
            const char c = url[i];
            if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != prefix[i]) return false;
        }
        return true;
    };
    std::size_t host = 0;
    if (lower_prefix("https://")) host = 8;
    else if (lower_prefix("http://")) host = 7;
    else return false;
    const std::size_t end = url.find_first_of("/?#", host);
    return (end == std::string_view::npos ? url.size() : end) > host;
}

std::string share_link(std::string_view base, std::string_view query) {
    const bool has_fragment = base.find('#') != std::string_view::npos;
    const bool has_query = base.find('?') != std::string_view::npos;
    std::string_view joint = "?";
    if (!has_fragment && has_query) joint = (base.back() == '?' || base.back() == '&') ? "" : "&";
    return cat({base, joint, query});
}

//-----------------------------------------------------------------------------
// [SECTION] parse_cli
//-----------------------------------------------------------------------------
CliParse parse_cli(std::span<const std::string_view> args) {
    CliParse parse;
    parse.options.share_base = std::string(kDefaultShareBase);
    std::optional<std::string> preset_arg, query_arg;
    struct Assignment {
        const InputField* field;
        std::string value;
    };
    std::vector<Assignment> assignments;  // explicit input options, in command-line order
    bool lang_given = false;               // --lang wins over a query's lang=

    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (options_ended || arg.size() < 2 || arg[0] != '-') {
            parse.errors.push_back(cat({"'", shown_text(arg), "': unexpected argument (options start with --)"}));
            continue;
        }
        if (arg == "--") {
            options_ended = true;
            continue;
        }
        if (arg == "-h") {
            parse.help = true;
            continue;
        }
        if (arg[1] != '-') {
            parse.errors.push_back(shown_text(arg) + ": unknown option");
            continue;
        }
        // "--name" or "--name=value"
        std::string_view name = arg.substr(2);
        std::optional<std::string_view> inline_value;
        if (const std::size_t equals = name.find('='); equals != std::string_view::npos) {
            inline_value = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        const FixedOption* fixed = find_fixed(name);
        const InputField* field = fixed ? nullptr : find_field_option(name);
        if (!fixed && !field) {
            parse.errors.push_back(cat({"--", shown_text(name), ": unknown option"}));
            continue;
        }
        const std::string shown = cat({"--", name});
        const bool takes_value = field || fixed->takes_value;
        if (!takes_value) {
            if (inline_value) {
                parse.errors.push_back(shown + ": takes no value");
                continue;
            }
            (fixed->id == Fixed::Help ? parse.help : parse.version) = true;
            continue;
        }
        std::string_view value;
        if (inline_value) {
            value = *inline_value;
        } else if (i + 1 < args.size() && !(args[i + 1].size() >= 2 && args[i + 1].substr(0, 2) == "--")) {
            value = args[++i];
        } else {
            const std::string expected = field ? " (expected " + range_text(*field) + ")"
                                         : fixed->id == Fixed::Preset ? " (expected one of " + preset_list() + ")"
                                         : fixed->id == Fixed::Format ? std::string(" (expected text, json or csv)")
                                         : fixed->id == Fixed::Lang ? std::string(" (expected en, de or ja)")
                                         : fixed->id == Fixed::ShareBase ? std::string(" (expected an http: or https: URL)")
                                                                      : std::string();
            parse.errors.push_back(shown + ": missing value" + expected);
            continue;
        }
        if (field) {
            assignments.push_back({field, std::string(value)});
            continue;
        }
        switch (fixed->id) {
        case Fixed::Preset: preset_arg = std::string(value); break;
        case Fixed::Query: query_arg = std::string(value); break;
        case Fixed::Output:
            if (value.empty()) parse.errors.push_back("--output: missing file name");
            parse.options.output_path = std::string(value);
            break;
        case Fixed::Lang:
            if (!parse_language(value, &parse.options.language))
                parse.errors.push_back("--lang: " + language_problem(value));
            else lang_given = true;
            break;
        case Fixed::ShareBase:
            if (is_http_url(value)) parse.options.share_base = std::string(value);
            else parse.errors.push_back("--share-base: '" + shown_text(value) + "' is not an http: or https: URL (e.g. " + std::string(kDefaultShareBase) + ")");
            break;
        case Fixed::Format:
            if (value == "text") parse.options.format = OutputFormat::Text;
            else if (value == "json") parse.options.format = OutputFormat::Json;
            else if (value == "csv") parse.options.format = OutputFormat::Csv;
            else parse.errors.push_back("--format: '" + shown_text(value) + "' is not a format (expected text, json or csv)");
            break;
        case Fixed::Help:
        case Fixed::Version: break;
        }
    }

    // 1. preset
    Inputs& inputs = parse.options.inputs;
    if (preset_arg) {
        if (const Preset* preset = find_preset(*preset_arg)) {
            inputs = preset->inputs;
            parse.options.preset = std::string(preset->id);
        } else {
            parse.errors.push_back("--preset: '" + shown_text(*preset_arg) + "' is not a known preset (expected one of " + preset_list() + ")");
        }
    }
    // 2. query
    if (query_arg) {
        parse.options.query = *query_arg;
        // A whole link (the text report's reproduce line) gives its share query: after its last '?'.
        std::string_view query = *query_arg;
        if (is_http_url(query)) {
            const std::size_t mark = query.rfind('?');
            query = mark == std::string_view::npos ? std::string_view() : query.substr(mark + 1);
            if (query.empty()) parse.warnings.push_back("--query: the link '" + shown_text(*query_arg) + "' has no share query; nothing applied");
        }
        // The model's codec reads the scenario; lang= (the reader's language, which a
        // page's link may name) is the command line's own --lang, read here.
        constexpr std::string_view kOwnKeys[] = {"lang"};
        DecodedQuery decoded = decode_query(query, inputs, kOwnKeys);
        for (const QueryMessage& m : decoded.errors) parse.errors.push_back("--query: " + m.message);
        for (const QueryMessage& m : decoded.warnings) parse.warnings.push_back("--query: " + m.message);
        inputs = decoded.inputs;
        for (const QueryParam& p : decoded.others) {  // lang=
            Language lang = Language::English;
            if (!parse_language(p.value, &lang)) parse.errors.push_back("--query: lang: " + language_problem(p.value));
            else if (!lang_given) parse.options.language = lang;
        }
        if (!decoded.preset.empty()) parse.options.preset = decoded.preset;
    }
    // 3. explicit options, each value parsed as its field's (the same rules and words as a link's).
    for (const Assignment& a : assignments) {
        const std::string problem = parse_input_value(*a.field, a.value, &inputs);
        if (!problem.empty()) parse.errors.push_back(cat({"--", option_name(*a.field), ": ", problem}));
    }
    return parse;
}

//-----------------------------------------------------------------------------
// [SECTION] help_text, version_text
//-----------------------------------------------------------------------------
namespace {
constexpr std::size_t kHelpColumn = 30;

void append_option(std::string& out, std::string_view name, std::string_view meta, std::string_view first_line,
                   std::string_view second_line) {
    constexpr std::size_t kColumn = kHelpColumn;
    std::string head = cat({"  --", name});
    if (!meta.empty()) head += cat({" ", meta});
    out += head;
    if (head.size() + 2 <= kColumn) {
        out.append(kColumn - head.size(), ' ');
    } else {
        out += "\n";
        out.append(kColumn, ' ');
    }
    out += first_line;
    out += "\n";
    if (!second_line.empty()) {
        out.append(kColumn, ' ');
        out += second_line;
        out += "\n";
    }
}
}  // namespace

std::string help_text() {
    std::string out;
    out += "Usage: rareshock [OPTIONS]\n"
           "Simulates China's rare-earth export licences and car factories: which\n"
           "regions halt, when, and how many vehicles are lost (P10/P50/P90).\n"
           "Options take a value as '--opt VALUE' or '--opt=VALUE'. Inputs are resolved\n"
           "in this order, whatever the order given: --preset, then --query, then the\n"
           "input options; a repeated option takes its last value.\n"
           "\nScenario and output:\n";
    const Inputs defaults{};
    for (const FixedOption& o : kFixedOptions) {
        std::string second;
        if (o.id == Fixed::ShareBase) second = cat({"default ", kDefaultShareBase, ")"});
        if (o.id == Fixed::Preset) {
            for (const Preset& p : presets()) {
                if (!second.empty()) second += cat({"\n", std::string(kHelpColumn, ' ')});
                second += std::string(p.id) + ": " + std::string(p.label);
            }
        }
        append_option(out, o.name, o.metavar, o.help, second);
    }
    out += "\nInputs (range; default is the '2025 as reported' scenario):\n";
    for (const InputField& f : input_fields()) {
        const double value = get_field(defaults, f);
        const std::string default_text = f.kind == FieldKind::Path ? path_text(get_path(defaults, f))
                                                                    : number_text(value) + unit_suffix(f, value);
        const std::string first = std::string(f.label) + ": " + range_text(f) + ", default " + default_text;
        append_option(out, option_name(f), metavar(f), first, f.help);
    }
    out += "\nExit status: 0 on success, 1 if the output could not be written,\n"
           "2 for a bad option or value (the message names the option and its range).\n";
    return out;
}

std::string version_text() {
    return std::string("rareshock ") + RARESHOCK_VERSION + " (model " + std::string(kModelVersion) + ")\n";
}

}  // namespace rareshock::cli
