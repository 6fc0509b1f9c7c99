// Rare Earth Shock — the facts shared beyond the app (see facts.h).
#include "facts.h"

#include "app.h"
#include "export.h"
#include "method_tables.h"
#include "page_options.h"
#include "theme.h"

#include "model/model.h"
#include "model/query.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace rareshock::ui {
namespace {

// Shortest text that reads back as the same double ("0.5", "4294967295").
// A build tool's number: printf in the C locale (no setlocale here).
std::string facts_number(double v) {
    char buf[32];
    if (v == std::floor(v) && std::fabs(v) < 1e15) {  // whole numbers without an exponent
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

std::string hex(ImU32 c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", (c >> IM_COL32_R_SHIFT) & 0xFF, (c >> IM_COL32_G_SHIFT) & 0xFF,
                  (c >> IM_COL32_B_SHIFT) & 0xFF);
    return buf;
}

const char* kind_name(FieldKind k) {
    switch (k) {
    case FieldKind::Real: return "real";
    case FieldKind::Integer: return "integer";
    case FieldKind::Seed: return "seed";
    case FieldKind::Path: return "path";
    }
    return "real";
}

// The theme colours the page uses, with their CSS names and JSON keys.
struct ThemeColour {
    const char* json;
    const char* css;
    ImU32 Palette::*colour;
};
constexpr ThemeColour kThemeColours[] = {
    {"background", "--rs-bg", &Palette::background}, {"surface", "--rs-surface", &Palette::surface},
    {"text", "--rs-fg", &Palette::text},             {"muted", "--rs-muted", &Palette::muted},
    {"rule", "--rs-rule", &Palette::rule},           {"accent", "--rs-accent", &Palette::accent},
    {"on_accent", "--rs-on-accent", &Palette::on_accent},
};

std::string css_colours(bool dark) {
    std::string s;
    for (const ThemeColour& c : kThemeColours) s += std::string(c.css) + ":" + hex(palette(dark).*(c.colour)) + ";";
    s += "--rs-grid:" + hex(palette(dark).grid) + ";";  // the chart's grid (the loading placeholder's picture)
    // The regions' colours (the chart's lines), for the detail's keys (detail.h: rs-region-<index>).
    for (int i = 0; i < kRegionCount; ++i) s += "--rs-region-" + std::to_string(i) + ":" + hex(palette(dark).region[i]) + ";";
    return s + (dark ? "color-scheme:dark" : "color-scheme:light");
}

// A JSON object written in order: members separated by commas, closed when it goes out of scope.
class JsonObject {
public:
    explicit JsonObject(std::string& out) : s_(out) { s_ += '{'; }
    ~JsonObject() { s_ += '}'; }
    JsonObject(const JsonObject&) = delete;
    JsonObject& operator=(const JsonObject&) = delete;
    void text(const char* key, std::string_view value) { append_json_string(member(key), value); }
    void number(const char* key, double value) { member(key) += facts_number(value); }
    void boolean(const char* key, bool value) { member(key) += value ? "true" : "false"; }
    std::string& member(const char* key) {  // the key, then the caller writes the value
        if (!first_) s_ += ',';
        first_ = false;
        append_json_string(s_, key);
        return s_ += ':';
    }

private:
    std::string& s_;
    bool first_ = true;
};

// A JSON array of one object per item.
template <typename Items, typename Write>
void json_array(std::string& s, const Items& items, Write write) {
    s += '[';
    bool first = true;
    for (const auto& item : items) {
        if (!first) s += ',';
        first = false;
        JsonObject o(s);
        write(o, item);
    }
    s += ']';
}

// The pages' Content-Security-Policy. kPagePolicy: the page and the embed (their <meta>,
// with kDocumentPolicy, which only a document's own policy needs) and the header the
// site's server sends with --csp (tools/server.mjs). kMethodPagePolicy: a method page
// (style sheet only). kOfflinePolicy: the offline single file, to which the site
// generator adds its inline scripts' and styles' hashes (script-src, style-src).
constexpr std::string_view kPagePolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'";
constexpr std::string_view kDocumentPolicy = "base-uri 'none'; form-action 'none'";
constexpr std::string_view kMethodPagePolicy = "default-src 'none'; style-src 'self'; img-src 'self'";
constexpr std::string_view kOfflinePolicy = "default-src 'none'; script-src 'wasm-unsafe-eval'; style-src; img-src data:";

}  // namespace

std::string facts_json(bool with_sources) {
    std::string s;
    {
        JsonObject facts(s);
        facts.text("model_version", kModelVersion);
        const Inputs defaults{};
        json_array(facts.member("fields"), input_fields(), [&](JsonObject& o, const InputField& f) {
            o.text("key", f.key);
            o.text("label", f.label);
            o.text("unit", f.unit);
            o.number("min", f.min_value);
            o.number("max", f.max_value);
            o.number("step", f.step);
            o.text("kind", kind_name(f.kind));
            o.boolean("advanced", f.advanced);
            if (f.numeric()) o.number("default", get_field(defaults, f));
            else o.text("default", path_text(get_path(defaults, f)));
            o.text("help", f.help);
            if (with_sources) o.text("source", f.source);
        });
        json_array(facts.member("presets"), presets(), [](JsonObject& o, const Preset& p) {
            o.text("id", p.id);
            o.text("label", p.label);
            o.text("description", p.description);
        });
        json_array(facts.member("regions"), region_data(), [](JsonObject& o, const RegionData& r) {
            o.text("key", r.key);
            o.text("name", r.name);
            o.boolean("export", static_cast<int>(r.id) < kExportRegionCount);
        });
        {
            JsonObject themes(facts.member("themes"));
            for (bool dark : {false, true}) {
                JsonObject theme(themes.member(dark ? "dark" : "light"));
                for (const ThemeColour& c : kThemeColours) theme.text(c.json, hex(palette(dark).*(c.colour)));
            }
        }
        {
            std::string& modes = facts.member("theme_modes");  // what theme= and setTheme take
            modes += '[';
            for (const ThemeModeName& t : kThemeModes) {
                if (modes.back() != '[') modes += ',';
                append_json_string(modes, t.name);
            }
            modes += ']';
        }
        {
            std::string& keys = facts.member("page_options");  // the page's own query keys, not the scenario's
            keys += '[';
            for (const std::string_view key : page_option_keys()) {
                if (keys.back() != '[') keys += ',';
                append_json_string(keys, key);
            }
            keys += ']';
        }
        json_array(facts.member("actions"), std::span<const ActionInfo>(kActions), [](JsonObject& o, const ActionInfo& a) {
            o.text("name", a.name);
            o.number("id", static_cast<int>(a.action));
            o.text("text", a.text_key);
        });
        {
            JsonObject breakpoints(facts.member("breakpoints"));
            breakpoints.number("narrow_below_px", kNarrowLayoutBelowPx);
            breakpoints.number("wide_from_px", kWideLayoutFromPx);
        }
        if (with_sources) {  // for the site generator and the tests, not the reader's download
            std::string& languages = facts.member("languages");  // the model's, English first
            languages += '[';
            for (int i = 0; i < kLanguageCount; ++i) {
                if (i > 0) languages += ',';
                append_json_string(languages, language_code(static_cast<Language>(i)));
            }
            languages += ']';
            if (has_method_tables(Language::English)) {
                // The methodology's tables of model facts, per language whose strings table
                // this program has with its "method.*" texts (method_tables.h; the native
                // build's: the web app's tables leave them out): the site generator writes them
                // into docs/methodology*.md, and facts_copies fails when an edition differs.
                JsonObject tables(facts.member("method_tables"));
                for (int i = 0; i < kLanguageCount; ++i) {
                    const Language lang = static_cast<Language>(i);
                    if (!has_method_tables(lang)) continue;
                    JsonObject edition(tables.member(std::string(language_code(lang)).c_str()));
                    for (std::string_view name : method_table_names())
                        edition.text(std::string(name).c_str(), method_table(name, lang));
                }
            }
            JsonObject csp(facts.member("csp"));
            csp.text("page", kPagePolicy);
            csp.text("document", kDocumentPolicy);
            csp.text("method_page", kMethodPagePolicy);
            csp.text("offline", kOfflinePolicy);
        }
    }
    return s;
}

// Each region's key colour for the detail's rows (detail.h: class rs-region-<index>), as --rs-key.
static std::string region_keys_css() {
    std::string s;
    for (int i = 0; i < kRegionCount; ++i) {
        const std::string n = std::to_string(i);
        s += ".rs-region-" + n + "{--rs-key:var(--rs-region-" + n + ")}";
    }
    return s + "\n";
}

std::string theme_css() {
    // On the page's root, or on one element (a calculator's twin on someone else's page).
    return "/* Generated from src/ui/theme.cpp by rareshock_facts: the themes' colours. */\n"
           ":root,[data-rs-theme=\"light\"]{" + css_colours(false) + "}\n"
           "[data-rs-theme=\"dark\"]{" + css_colours(true) + "}\n"
           "@media (prefers-color-scheme: dark){:root:not([data-rs-theme=\"light\"]){" + css_colours(true) + "}}\n" +
           region_keys_css() + chart_picture_css() + "\n";
}

}  // namespace rareshock::ui
