// The rareshock option parser: every bad input is an error that names the
// option and its valid range (exit status 2); good input resolves to the
// inputs in the documented order: --preset, then --query, then options.
#include "cli/cli.h"

#include "model/model.h"
#include "model/query.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <random>
#include <regex>
#include <string>
#include <vector>

namespace rareshock::cli {
namespace {

CliParse parse(std::initializer_list<std::string_view> args) {
    const std::vector<std::string_view> list(args);
    return parse_cli(list);
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

TEST(CliParse, NoArgumentsGiveTheDefaults) {
    const CliParse p = parse({});
    EXPECT_TRUE(p.errors.empty());
    EXPECT_EQ(p.exit_status(), 0);
    EXPECT_EQ(p.options.inputs, Inputs{});
    EXPECT_EQ(p.options.format, OutputFormat::Text);
    EXPECT_TRUE(p.options.output_path.empty());
}

TEST(CliParse, SeparateAndAttachedValues) {
    const CliParse p = parse({"--approval", "30", "--inventory=60", "--format=json", "--output", "out.json"});
    ASSERT_TRUE(p.errors.empty()) << p.errors.front();
    EXPECT_EQ(p.options.inputs.approval_pct, 30.0);
    EXPECT_EQ(p.options.inputs.inventory_days, 60.0);
    EXPECT_EQ(p.options.format, OutputFormat::Json);
    EXPECT_EQ(p.options.output_path, "out.json");
}

TEST(CliParse, EveryInputFieldHasAnOption) {
    for (const InputField& f : input_fields()) {
        if (f.kind == FieldKind::Path) continue;  // below
        const std::string option = "--" + option_name(f);
        const std::string value = std::to_string(static_cast<long long>(f.min_value));
        const CliParse p = parse({option, value});
        EXPECT_TRUE(p.errors.empty()) << option;
        EXPECT_EQ(get_field(p.options.inputs, f), static_cast<double>(static_cast<long long>(f.min_value))) << option;
    }
    EXPECT_EQ(parse({"--path-india", "100:10,200:80"}).options.inputs.approval_paths[4], make_path({{100, 10}, {200, 80}}));
    EXPECT_EQ(parse({"--expedite", "7"}).options.inputs.expedite_days, 7.0);
    EXPECT_EQ(parse({"--dep-europe", "50"}).options.inputs.china_dependence_pct[0], 50.0);
    EXPECT_EQ(parse({"--draws", "1000"}).options.inputs.draws, 1000);
    EXPECT_EQ(parse({"--seed", "4294967295"}).options.inputs.seed, 4294967295u);
}

TEST(CliParse, FormatsAndFlags) {
    EXPECT_EQ(parse({"--format", "csv"}).options.format, OutputFormat::Csv);
    EXPECT_EQ(parse({"--format", "text"}).options.format, OutputFormat::Text);
    EXPECT_TRUE(parse({"--help"}).help);
    EXPECT_TRUE(parse({"-h"}).help);
    EXPECT_TRUE(parse({"--version"}).version);
    // Help wins over errors: exit 0 with the help text.
    const CliParse p = parse({"--bogus", "--help"});
    EXPECT_TRUE(p.help);
    EXPECT_EQ(p.exit_status(), 0);
}

TEST(CliParse, RepeatedOptionTakesItsLastValue) {
    EXPECT_EQ(parse({"--approval", "10", "--approval=20"}).options.inputs.approval_pct, 20.0);
}

//-----------------------------------------------------------------------------
// Order: preset, then query, then options, whatever the order given
//-----------------------------------------------------------------------------
TEST(CliParse, PresetThenQueryThenOptions) {
    const Preset* embargo = find_preset("embargo");
    ASSERT_NE(embargo, nullptr);
    const CliParse p = parse({"--inventory", "20", "--query", "inventory=30&lag=10&transit=5", "--transit=7", "--preset", "embargo"});
    ASSERT_TRUE(p.errors.empty()) << p.errors.front();
    Inputs expected = embargo->inputs;
    expected.inventory_days = 20;   // option beats query
    expected.licence_lag_days = 10;  // from the query
    expected.transit_days = 7;       // option
    EXPECT_EQ(p.options.inputs, expected);
    EXPECT_EQ(p.options.preset, "embargo");
}

TEST(CliParse, QueryPresetReplacesTheStartingInputs) {
    const CliParse p = parse({"--query", "?preset=truce&approval=12"});
    ASSERT_TRUE(p.errors.empty());
    Inputs expected = find_preset("truce")->inputs;
    expected.approval_pct = 12;
    EXPECT_EQ(p.options.inputs, expected);
    EXPECT_EQ(p.options.preset, "truce");
}

TEST(CliParse, QueryWarningsAreNotErrors) {
    const CliParse p = parse({"--query", "approval=25&colour=red"});
    EXPECT_TRUE(p.errors.empty());
    ASSERT_EQ(p.warnings.size(), 1u);
    EXPECT_EQ(p.warnings[0], "--query: unknown parameter 'colour' ignored");
    EXPECT_EQ(p.exit_status(), 0);
}

// The options are parsed as options: no query string is built for them. Only
// --query, a share link, goes through the model's query codec, once.
TEST(CliParse, OptionsAreParsedDirectlyAndAQueryOnce) {
    std::size_t before = queries_decoded();
    const CliParse p = parse({"--approval", "30", "--inventory=40", "--path-india", "100:10,200:80", "--seed", "7"});
    EXPECT_EQ(queries_decoded() - before, 0u);
    EXPECT_TRUE(p.errors.empty());
    EXPECT_EQ(p.options.inputs.approval_pct, 30.0);
    EXPECT_EQ(p.options.inputs.inventory_days, 40.0);
    EXPECT_EQ(path_text(p.options.inputs.approval_paths[static_cast<std::size_t>(Region::India)]), "100:10,200:80");
    EXPECT_EQ(p.options.inputs.seed, 7u);
    before = queries_decoded();
    parse({"--query", "approval=25&inventory=45", "--lag", "70"});
    EXPECT_EQ(queries_decoded() - before, 1u);
}

// A link's lang= is the command line's own option (--lang wins); the page's other
// options are no part of the scenario, and the model says it ignores them.
TEST(CliParse, AQuerysLanguageIsTheCommandLinesOwn) {
    EXPECT_EQ(parse({"--query", "approval=25&lang=de"}).options.language, Language::German);
    EXPECT_EQ(parse({"--lang", "ja", "--query", "lang=de"}).options.language, Language::Japanese);
    const CliParse bad = parse({"--query", "lang=fr"});
    ASSERT_EQ(bad.errors.size(), 1u);
    EXPECT_EQ(bad.errors[0], "--query: lang: 'fr' is not a language (expected en, de or ja)");
    const CliParse theme = parse({"--query", "theme=dark&approval=30"});
    EXPECT_TRUE(theme.errors.empty());
    ASSERT_EQ(theme.warnings.size(), 1u);
    EXPECT_EQ(theme.warnings[0], "--query: unknown parameter 'theme' ignored");
    EXPECT_EQ(theme.options.inputs.approval_pct, 30.0);
}

//-----------------------------------------------------------------------------
// Bad input: exit status 2, a message naming the option and its range
//-----------------------------------------------------------------------------
struct BadArgs {
    std::vector<std::string_view> args;
    std::string message;
};

TEST(CliParse, BadInputNamesTheOptionAndItsRange) {
    const std::vector<BadArgs> cases = {
        {{"--approval", "150"}, "--approval: '150' is out of range (expected 0 to 100 %)"},
        {{"--approval", "abc"}, "--approval: 'abc' is not a number (expected 0 to 100 %)"},
        {{"--approval", "nan"}, "--approval: 'nan' is not a number (expected 0 to 100 %)"},
        {{"--approval=inf"}, "--approval: 'inf' is not a number (expected 0 to 100 %)"},
        {{"--approval", "1e400"}, "--approval: '1e400' is out of range (expected 0 to 100 %)"},
        {{"--approval", " 25"}, "--approval: ' 25' is not a number (expected 0 to 100 %)"},
        {{"--approval", "25&inventory=1"}, "--approval: '25&inventory=1' is not a number (expected 0 to 100 %)"},
        {{"--approval="}, "--approval: '' is empty (expected 0 to 100 %)"},
        {{"--approval"}, "--approval: missing value (expected 0 to 100 %)"},
        {{"--approval", "--inventory", "3"}, "--approval: missing value (expected 0 to 100 %)"},
        {{"--inventory", "-1"}, "--inventory: '-1' is out of range (expected 0 to 365 days)"},
        {{"--dep-japan", "101"}, "--dep-japan: '101' is out of range (expected 0 to 100 %)"},
        {{"--path-europe", "83:25,61:60"}, "--path-europe: '83:25,61:60' is not a valid path: days must increase along the path (expected day:percent points, e.g. 61:25,83:60)"},
        {{"--horizon", "10.5"}, "--horizon: '10.5' is not a whole number (expected 30 to 730 days)"},
        {{"--draws", "0"}, "--draws: '0' is out of range (expected 1 to 5000)"},
        {{"--seed", "4294967296"}, "--seed: '4294967296' is out of range (expected 0 to 4294967295)"},
        {{"--bogus"}, "--bogus: unknown option"},
        {{"--bogus=1"}, "--bogus: unknown option"},
        {{"--dep_europe=5"}, "--dep_europe: unknown option"},
        {{"-x"}, "-x: unknown option"},
        {{"stray"}, "'stray': unexpected argument (options start with --)"},
        {{"--", "--approval"}, "'--approval': unexpected argument (options start with --)"},
        {{"--format", "xml"}, "--format: 'xml' is not a format (expected text, json or csv)"},
        {{"--format"}, "--format: missing value (expected text, json or csv)"},
        {{"--lang", "fr"}, "--lang: 'fr' is not a language (expected en, de or ja)"},
        {{"--preset", "nope"}, "--preset: 'nope' is not a known preset (expected one of 2025, fast-track, embargo, truce)"},
        {{"--query", "approval=abc"}, "--query: approval: 'abc' is not a number (expected 0 to 100 %)"},
        {{"--query", "preset=nope"}, "--query: preset: 'nope' is not a known preset (expected one of 2025, fast-track, embargo, truce)"},
        {{"--output="}, "--output: missing file name"},
        {{"--help=yes"}, "--help: takes no value"},
    };
    for (const BadArgs& c : cases) {
        const CliParse p = parse_cli(c.args);
        ASSERT_EQ(p.errors.size(), 1u) << c.message;
        EXPECT_EQ(p.errors[0], c.message);
        EXPECT_EQ(p.exit_status(), kExitUsage) << c.message;
        EXPECT_FALSE(p.help);
    }
}

TEST(CliParse, AFieldWithABadValueKeepsItsPreviousValue) {
    const CliParse p = parse({"--preset", "embargo", "--approval", "abc", "--inventory", "10"});
    EXPECT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.options.inputs.approval_pct, find_preset("embargo")->inputs.approval_pct);
    EXPECT_EQ(p.options.inputs.inventory_days, 10.0);
}

TEST(CliParse, EveryErrorIsReported) {
    const CliParse p = parse({"--approval", "abc", "--bogus", "--format", "xml"});
    EXPECT_EQ(p.errors.size(), 3u);
    EXPECT_EQ(p.exit_status(), 2);
}

TEST(CliParse, GarbageArgumentsAreQuotedAsPrintableText) {
    const CliParse p = parse({"--\xff\x01name", "--approval", "\xe2\x9c\x93"});
    ASSERT_EQ(p.errors.size(), 2u);
    for (const std::string& e : p.errors) {
        for (const char c : e) EXPECT_TRUE(static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f) << e;
    }
}

TEST(CliParse, RandomArgumentsNeverCrash) {
    std::mt19937_64 rng(1);
    const std::vector<std::string> words = {"--approval", "--inventory", "--preset", "--query", "--format", "--seed",
                                            "--draws", "-", "--", "=", "25", "nan", "1e400", "embargo", "json", "",
                                            "--approval=", "--help", "approval=1&x", "-5"};
    for (int i = 0; i < 2000; ++i) {
        std::vector<std::string> storage(rng() % 8);
        for (std::string& s : storage) {
            s = words[rng() % words.size()];
            if (rng() % 4 == 0) s.push_back(static_cast<char>(rng() & 0xff));
        }
        const std::vector<std::string_view> args(storage.begin(), storage.end());
        const CliParse p = parse_cli(args);
        for (const InputField& f : input_fields())
            ASSERT_TRUE(f.kind == FieldKind::Path ? path_problem(get_path(p.options.inputs, f)).empty()
                                                  : field_in_range(f, get_field(p.options.inputs, f)));
        ASSERT_TRUE(p.exit_status() == 0 || p.exit_status() == 2);
    }
}

//-----------------------------------------------------------------------------
// Share links: --share-base, share_link, --query with a whole link
//-----------------------------------------------------------------------------
TEST(CliShare, DefaultBaseIsThePublishedPage) {
    const CliParse p = parse({});
    EXPECT_EQ(p.options.share_base, std::string(kDefaultShareBase));
    EXPECT_TRUE(is_http_url(kDefaultShareBase)) << kDefaultShareBase;
    EXPECT_TRUE(contains(help_text(), "--share-base URL"));
    EXPECT_TRUE(contains(help_text(), std::string(kDefaultShareBase)));
}

TEST(CliShare, ShareBaseAcceptsOnlyHttpUrls) {
    for (const std::string_view good : {"https://news.example.com/2025/rare-earths", "http://localhost:8080/",
                                        "HTTPS://Example.org", "https://a.example/p?id=5#calc"}) {
        const CliParse p = parse({"--share-base", good});
        EXPECT_TRUE(p.errors.empty()) << good;
        EXPECT_EQ(p.options.share_base, good);
    }
    for (const std::string_view bad : {"javascript:alert(1)", "ftp://example.org/", "https://", "https:///path", "example.org",
                                       "/relative", "https://exa mple.org/", "https://example.org/\x01", "data:text/html,x", ""}) {
        const CliParse p = parse({"--share-base=" + std::string(bad)});
        ASSERT_EQ(p.errors.size(), 1u) << bad;
        EXPECT_TRUE(contains(p.errors[0], "--share-base: '")) << p.errors[0];
        EXPECT_TRUE(contains(p.errors[0], "is not an http: or https: URL")) << p.errors[0];
        EXPECT_EQ(p.exit_status(), kExitUsage);
        EXPECT_EQ(p.options.share_base, std::string(kDefaultShareBase));
    }
    EXPECT_FALSE(is_http_url("https://example.org/" + std::string(2100, 'a')));
    const CliParse missing = parse({"--share-base"});
    ASSERT_EQ(missing.errors.size(), 1u);
    EXPECT_EQ(missing.errors[0], "--share-base: missing value (expected an http: or https: URL)");
}

TEST(CliShare, LinksJoinTheQueryToAnyBase) {
    EXPECT_EQ(share_link("https://g.example/rareshock/", "v=1&approval=30"), "https://g.example/rareshock/?v=1&approval=30");
    EXPECT_EQ(share_link("https://g.example/r/index.html", "v=1"), "https://g.example/r/index.html?v=1");
    EXPECT_EQ(share_link("https://news.example/a?id=5", "v=1"), "https://news.example/a?id=5&v=1");
    EXPECT_EQ(share_link("https://news.example/a?", "v=1"), "https://news.example/a?v=1");
    // An article's embed: the scenario follows the fragment, where the host loader reads it.
    EXPECT_EQ(share_link("https://news.example/a#rareshock", "v=1"), "https://news.example/a#rareshock?v=1");
    EXPECT_EQ(share_link("https://news.example/a?id=5#calc", "v=1"), "https://news.example/a?id=5#calc?v=1");
}

TEST(CliShare, QueryTakesAWholeLink) {
    const CliParse link = parse({"--query", "https://graphics.example.com/rareshock/?v=1&model=" + std::string(kModelVersion) + "&approval=30&seed=7"});
    EXPECT_TRUE(link.errors.empty());
    EXPECT_TRUE(link.warnings.empty()) << link.warnings.front();
    EXPECT_EQ(link.options.inputs.approval_pct, 30.0);
    EXPECT_EQ(link.options.inputs.seed, 7u);
    const CliParse article = parse({"--query", "https://news.example/a#rareshock?v=1&inventory=90"});
    EXPECT_TRUE(article.errors.empty());
    EXPECT_EQ(article.options.inputs.inventory_days, 90.0);
    const CliParse bare = parse({"--query", "https://news.example/a"});
    EXPECT_TRUE(bare.errors.empty());
    ASSERT_EQ(bare.warnings.size(), 1u);
    EXPECT_TRUE(contains(bare.warnings[0], "has no share query")) << bare.warnings[0];
    EXPECT_EQ(bare.options.inputs, Inputs{});
}

//-----------------------------------------------------------------------------
// Help and version
//-----------------------------------------------------------------------------
TEST(CliHelp, ListsEveryOptionWithUnitRangeAndDefault) {
    const std::string help = help_text();
    for (const InputField& f : input_fields()) {
        const std::string option = "--" + option_name(f);
        ASSERT_TRUE(contains(help, option)) << option;
        EXPECT_TRUE(contains(help, f.label)) << option;
        EXPECT_TRUE(contains(help, f.help)) << option;
    }
    EXPECT_TRUE(contains(help, "--approval PCT"));
    EXPECT_TRUE(contains(help, "0 to 100 %, default 25 %"));
    EXPECT_TRUE(contains(help, "0 to 365 days, default 65 days"));
    EXPECT_TRUE(contains(help, "--path-india PATH"));
    EXPECT_TRUE(contains(help, "default 180:1,209:13,242:13,272:63"));
    for (const std::string_view option : {"--preset", "--query", "--format", "--output", "--help", "--version"}) {
        EXPECT_TRUE(contains(help, option)) << option;
    }
    for (const Preset& p : presets()) EXPECT_TRUE(contains(help, p.id)) << p.id;
}

TEST(CliHelp, UnitsArePluralWherePlural) {
    const std::string help = help_text();
    EXPECT_TRUE(contains(help, "Emergency supply: 1 to 90 days, default 10 days")) << help;
    // A singular unit after a number other than 1 ("730 day,", "80 day" at a line's end).
    EXPECT_FALSE(std::regex_search(help, std::regex("([02-9]|[0-9]{2,}) day(,|\n|$)"))) << "a singular unit after a range or a value other than 1";
    const InputField* expedite = find_input_field("expedite");
    ASSERT_NE(expedite, nullptr);
    EXPECT_EQ(unit_after(*expedite, 1.0), "day");
    EXPECT_EQ(unit_after(*expedite, 0.0), "days");
    EXPECT_EQ(unit_after(*expedite, 80.0), "days");
    EXPECT_EQ(unit_after(*find_input_field("approval"), 1.0), "%");
    // The same unit in the errors the codec words for the CLI.
    const CliParse p = parse({"--expedite", "999"});
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0], "--expedite: '999' is out of range (expected 1 to 90 days)");
}

TEST(CliHelp, VersionNamesTheModelVersion) {
    EXPECT_TRUE(contains(version_text(), "rareshock "));
    EXPECT_TRUE(contains(version_text(), kModelVersion));
}

}  // namespace
}  // namespace rareshock::cli
