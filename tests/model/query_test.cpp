// Query-string codec: share links round-trip bit-exactly, and garbage never
// crashes, never reaches the inputs, and is reported in the documented words.
#include "model/model.h"
#include "model/query.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace rareshock {
namespace {

const InputField& field(std::string_view key) {
    const InputField* f = find_input_field(key);
    EXPECT_NE(f, nullptr) << key;
    return *f;
}

bool same_bits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Every field bit-for-bit (Inputs::operator== would take -0 for 0).
::testing::AssertionResult inputs_identical(const Inputs& a, const Inputs& b) {
    for (const InputField& f : input_fields()) {
        if (f.kind == FieldKind::Path) {
            const ApprovalPath &p = get_path(a, f), &q = get_path(b, f);
            for (int i = 0; i < kMaxPathPoints; ++i)
                if (!same_bits(p.points[static_cast<std::size_t>(i)].day, q.points[static_cast<std::size_t>(i)].day) ||
                    !same_bits(p.points[static_cast<std::size_t>(i)].approved_pct, q.points[static_cast<std::size_t>(i)].approved_pct))
                    return ::testing::AssertionFailure() << f.key << ": " << path_text(p) << " vs " << path_text(q);
            continue;
        }
        const double x = get_field(a, f), y = get_field(b, f);
        if (!same_bits(x, y)) {
            return ::testing::AssertionFailure() << f.key << ": " << std::hexfloat << x << " vs " << y;
        }
    }
    if (!(a == b)) return ::testing::AssertionFailure() << "Inputs differ outside the field table";
    return ::testing::AssertionSuccess();
}

bool printable_ascii(const std::string& s) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return false;
    }
    return true;
}

// A valid value for f, biased towards the awkward ones: bounds, neighbours of
// bounds, subnormals, negative zero, long mantissas.
double random_valid_value(const InputField& f, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    if (f.kind != FieldKind::Real) {
        const auto lo = static_cast<std::int64_t>(f.min_value), hi = static_cast<std::int64_t>(f.max_value);
        switch (rng() % 4) {
        case 0: return static_cast<double>(lo);
        case 1: return static_cast<double>(hi);
        default: return static_cast<double>(std::uniform_int_distribution<std::int64_t>(lo, hi)(rng));
        }
    }
    switch (rng() % 12) {
    case 0: return f.min_value;
    case 1: return f.max_value;
    case 2: return std::nextafter(f.max_value, f.min_value);
    case 3: return std::nextafter(f.min_value, f.max_value);
    case 4: return f.min_value == 0.0 ? std::numeric_limits<double>::denorm_min() : f.min_value;
    case 5: return f.min_value == 0.0 ? -0.0 : f.max_value;
    case 6: return f.min_value == 0.0 ? DBL_MIN : f.min_value;
    case 7: return std::round(f.min_value + unit(rng) * (f.max_value - f.min_value));  // a typical slider value
    case 8: return f.min_value + std::ldexp(unit(rng), -static_cast<int>(rng() % 1000)) * (f.max_value - f.min_value);
    default: return f.min_value + unit(rng) * (f.max_value - f.min_value);
    }
}

// A valid path of 1 to 6 points with awkward numbers.
ApprovalPath random_valid_path(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    ApprovalPath path;
    const int points = 1 + static_cast<int>(rng() % kMaxPathPoints);
    double day = (rng() % 2) ? std::round(unit(rng) * 100.0) : unit(rng) * 100.0;
    double pct = unit(rng) * 50.0;
    for (int i = 0; i < points && day <= 730.0; ++i) {
        path.points[static_cast<std::size_t>(path.count++)] = {day, pct};
        day += (rng() % 2) ? 1.0 + std::round(unit(rng) * 100.0) : std::nextafter(0.0, 1.0) + unit(rng) * 100.0;
        pct += (rng() % 3 == 0) ? 0.0 : unit(rng) * (100.0 - pct);
    }
    return path;
}

Inputs random_valid_inputs(std::mt19937_64& rng) {
    Inputs in;
    for (const InputField& f : input_fields()) {
        if (rng() % 3 == 0) continue;  // keep some defaults, so that "only what differs" is exercised
        if (f.kind == FieldKind::Path) {
            set_path(in, f, random_valid_path(rng));
            continue;
        }
        double v = random_valid_value(f, rng);
        if (!field_in_range(f, v)) v = f.min_value;
        set_field(in, f, v);
    }
    return in;
}

//-----------------------------------------------------------------------------
// Round trip
//-----------------------------------------------------------------------------
TEST(QueryRoundTrip, DefaultsEncodeAsVersionAndSeedOnly) {
    EXPECT_EQ(encode_query(Inputs{}), "v=1&model=" + std::string(kModelVersion) + "&seed=20250404");
    const DecodedQuery d = decode_query(encode_query(Inputs{}));
    EXPECT_TRUE(d.ok());
    EXPECT_TRUE(d.warnings.empty());
    EXPECT_TRUE(inputs_identical(d.inputs, Inputs{}));
}

TEST(QueryRoundTrip, TypicalLinkIsShortAndReadable) {
    Inputs in;
    in.approval_pct = 30;
    in.inventory_days = 60.5;
    EXPECT_EQ(encode_query(in), "v=1&model=" + std::string(kModelVersion) + "&approval=30&inventory=60.5&seed=20250404");
}

TEST(QueryRoundTrip, RandomValidInputsReproduceBitExactly) {
    std::mt19937_64 rng(20250404);
    for (int i = 0; i < 3000; ++i) {
        const Inputs in = random_valid_inputs(rng);
        const std::string query = encode_query(in);
        ASSERT_EQ(query.find('+'), std::string::npos) << query;
        ASSERT_LE(query.size(), 8192u);
        const DecodedQuery d = decode_query(query);
        ASSERT_TRUE(d.ok()) << query << " -> " << d.errors.front().message;
        ASSERT_TRUE(d.warnings.empty()) << query << " -> " << d.warnings.front().message;
        ASSERT_TRUE(inputs_identical(d.inputs, in)) << query;
        // Encoding is a function of the inputs: the same link again.
        ASSERT_EQ(encode_query(d.inputs), query);
    }
}

TEST(QueryRoundTrip, RandomValidInputsRelativeToEveryPreset) {
    std::mt19937_64 rng(7);
    for (const Preset& p : presets()) {
        for (int i = 0; i < 300; ++i) {
            const Inputs in = random_valid_inputs(rng);
            const std::string query = encode_query(in, p.id);
            const DecodedQuery d = decode_query(query);
            ASSERT_TRUE(d.ok()) << query;
            EXPECT_EQ(d.preset, p.id);
            ASSERT_TRUE(inputs_identical(d.inputs, in)) << query;
        }
    }
}

TEST(QueryRoundTrip, PresetsEncodeAsTheirIdAndDecodeToTheirInputs) {
    ASSERT_FALSE(presets().empty());
    for (const Preset& p : presets()) {
        const std::string query = encode_query(p.inputs, p.id);
        EXPECT_EQ(query, "v=1&model=" + std::string(kModelVersion) + "&preset=" + std::string(p.id) + "&seed=" + std::to_string(p.inputs.seed));
        const DecodedQuery d = decode_query(query);
        EXPECT_TRUE(d.ok()) << query;
        EXPECT_EQ(d.preset, p.id);
        EXPECT_TRUE(inputs_identical(d.inputs, p.inputs)) << p.id;
        // Without the preset id the link still reproduces the preset's inputs.
        EXPECT_TRUE(inputs_identical(decode_query(encode_query(p.inputs)).inputs, p.inputs)) << p.id;
    }
}

TEST(QueryRoundTrip, UnknownPresetIdIsNotWritten) {
    Inputs in;
    in.approval_pct = 3;
    EXPECT_EQ(encode_query(in, "nope"), "v=1&model=" + std::string(kModelVersion) + "&approval=3&seed=20250404");
}

TEST(QueryRoundTrip, ExtremeValuesUseShortExactText) {
    Inputs in;
    in.approval_pct = std::numeric_limits<double>::denorm_min();
    in.inventory_days = 0.1;
    in.licence_lag_days = std::nextafter(180.0, 0.0);
    in.transit_days = -0.0;
    in.alt_supply_pct = 1e-7;
    in.seed = 4294967295u;
    in.draws = 1;
    const std::string query = encode_query(in);
    EXPECT_NE(query.find("approval=5e-324"), std::string::npos) << query;
    EXPECT_NE(query.find("inventory=0.1&"), std::string::npos) << query;
    EXPECT_NE(query.find("lag=179.99999999999997"), std::string::npos) << query;
    EXPECT_NE(query.find("transit=-0&"), std::string::npos) << query;
    EXPECT_NE(query.find("alt_supply=1e-7"), std::string::npos) << query;
    EXPECT_NE(query.find("seed=4294967295"), std::string::npos) << query;
    const DecodedQuery d = decode_query(query);
    EXPECT_TRUE(d.ok());
    EXPECT_TRUE(inputs_identical(d.inputs, in));
}

//-----------------------------------------------------------------------------
// Syntax: separators, escapes, order, repeats
//-----------------------------------------------------------------------------
TEST(QueryDecode, SkipsLeadingQuestionMarkOrHash) {
    EXPECT_EQ(decode_query("?approval=30").inputs.approval_pct, 30.0);
    EXPECT_EQ(decode_query("#approval=31").inputs.approval_pct, 31.0);
    EXPECT_TRUE(decode_query("?").ok());
}

TEST(QueryDecode, PercentEscapesAndPlusAreDecoded) {
    EXPECT_EQ(decode_query("approval=2%35").inputs.approval_pct, 25.0);
    EXPECT_EQ(decode_query("appro%76al=26").inputs.approval_pct, 26.0);
    const std::string_view own[] = {"theme"};
    const DecodedQuery theme = decode_query("th%65me=d%61rk+mode", Inputs{}, own);
    ASSERT_EQ(theme.others.size(), 1u);
    EXPECT_EQ(theme.others[0].key, "theme");
    EXPECT_EQ(theme.others[0].value, "dark mode");
    // '+' is a space, and a space is not part of a number.
    const DecodedQuery d = decode_query("approval=+25");
    ASSERT_EQ(d.errors.size(), 1u);
    EXPECT_EQ(d.errors[0].message, "approval: ' 25' is not a number (expected 0 to 100 %)");
}

TEST(QueryDecode, EmptyPairsAreIgnored) {
    for (const char* q : {"", "&", "&&&", "&approval=40&&"}) {
        const DecodedQuery d = decode_query(q);
        EXPECT_TRUE(d.ok()) << q;
        EXPECT_TRUE(d.warnings.empty()) << q;
    }
    EXPECT_EQ(decode_query("&approval=40&&").inputs.approval_pct, 40.0);
}

TEST(QueryDecode, PairWithoutNameIsAWarning) {
    const DecodedQuery d = decode_query("=");
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.warnings.size(), 1u);
    EXPECT_TRUE(inputs_identical(d.inputs, Inputs{}));
}

TEST(QueryDecode, RepeatedKeyLastWinsWithOneWarning) {
    const DecodedQuery d = decode_query("approval=10&approval=20&approval=30");
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.inputs.approval_pct, 30.0);
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].key, "approval");
    EXPECT_NE(d.warnings[0].message.find("more than once"), std::string::npos);
}

TEST(QueryDecode, RepeatedKeyWithBadLastValueKeepsTheOldValue) {
    const DecodedQuery d = decode_query("approval=10&approval=abc");
    EXPECT_EQ(d.errors.size(), 1u);
    EXPECT_EQ(d.inputs.approval_pct, Inputs{}.approval_pct);
}

TEST(QueryDecode, KeysAreCaseSensitive) {
    const DecodedQuery d = decode_query("Approval=10");
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.inputs.approval_pct, Inputs{}.approval_pct);
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].message, "unknown parameter 'Approval' ignored");
}

TEST(QueryDecode, UnknownKeysAreWarnedAndIgnored) {
    const DecodedQuery d = decode_query("foo=1&approval=33&bar");
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.inputs.approval_pct, 33.0);
    ASSERT_EQ(d.warnings.size(), 2u);
    EXPECT_EQ(d.warnings[0].message, "unknown parameter 'foo' ignored");
    EXPECT_EQ(d.warnings[1].key, "bar");
}

// The model's codec knows the scenario only: the page's options (theme, lang,
// accent, bg, headline) and the embed's keys (share, origins, resize) are unknown
// to it, and their values are not its business (a bad theme= is no error here).
TEST(QueryDecode, PageOptionsAreNoPartOfTheScenario) {
    const DecodedQuery d = decode_query("theme=Dark&lang=fr&accent=red&bg=none&headline=maybe&approval=40"
                                        "&share=https%3A%2F%2Fnews.example%2Fa&origins=https%3A%2F%2Fexample.org&resize=host");
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.inputs.approval_pct, 40.0);
    EXPECT_TRUE(d.others.empty());
    std::vector<std::string> warned;
    for (const QueryMessage& m : d.warnings) warned.push_back(m.message);
    const std::vector<std::string> expected = {
        "unknown parameter 'theme' ignored",  "unknown parameter 'lang' ignored",  "unknown parameter 'accent' ignored",
        "unknown parameter 'bg' ignored",     "unknown parameter 'headline' ignored", "unknown parameter 'share' ignored",
        "unknown parameter 'origins' ignored", "unknown parameter 'resize' ignored"};
    EXPECT_EQ(warned, expected);
}

// A caller's own keys (the UI's page options, the page's share=) pass through
// untouched: percent-decoded, the last value of a repeated key, in query order,
// without a word from the model and never in a share link.
TEST(QueryDecode, TheCallersOwnKeysAreHandedOverUntouched) {
    const std::string_view own[] = {"theme", "accent", "share"};
    const DecodedQuery d = decode_query("accent=%23c00&theme=light&approval=40&theme=Dark&share=https%3A%2F%2Fnews.example%2Fa", Inputs{}, own);
    EXPECT_TRUE(d.ok());
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].message, "theme: given more than once; the last value is used");
    ASSERT_EQ(d.others.size(), 3u);
    EXPECT_EQ(d.others[0].key, "accent");
    EXPECT_EQ(d.others[0].value, "#c00");
    EXPECT_EQ(d.others[1].key, "theme");
    EXPECT_EQ(d.others[1].value, "Dark");
    EXPECT_EQ(d.others[2].key, "share");
    EXPECT_EQ(d.others[2].value, "https://news.example/a");
    EXPECT_EQ(d.inputs.approval_pct, 40.0);
    const std::string link = encode_query(d.inputs);
    for (const char* key : {"theme", "accent", "share"}) EXPECT_EQ(link.find(key), std::string::npos) << link;
}

// One input's value, as a link and the command line write it: the same parser, the same words.
TEST(QueryDecode, OneValueIsParsedAsTheLinkParsesIt) {
    Inputs in;
    EXPECT_EQ(parse_input_value(field("approval"), "40", &in), "");
    EXPECT_EQ(in.approval_pct, 40.0);
    EXPECT_EQ(parse_input_value(field("approval"), "abc", &in), "'abc' is not a number (expected 0 to 100 %)");
    EXPECT_EQ(parse_input_value(field("horizon"), "10.5", &in), "'10.5' is not a whole number (expected 30 to 730 days)");
    EXPECT_EQ(in.approval_pct, 40.0);  // unchanged by the bad value
    EXPECT_EQ(parse_input_value(field("path_india"), "100:10,200:80", &in), "");
    EXPECT_EQ(path_text(in.approval_paths[static_cast<std::size_t>(Region::India)]), "100:10,200:80");
    for (const char* text : {"abc", "1e400", "", "25&inventory=1"}) {
        Inputs a, b;
        const std::string problem = parse_input_value(field("approval"), text, &a);
        const DecodedQuery d = decode_query("approval=" + percent_encode(text), b);
        ASSERT_EQ(d.errors.size(), 1u) << text;
        EXPECT_EQ(d.errors[0].message, "approval: " + problem) << text;
        EXPECT_EQ(a, b);
    }
}

// Tests count how often a query is parsed.
TEST(QueryDecode, CountsTheQueriesItReads) {
    const std::size_t before = queries_decoded();
    decode_query("approval=40");
    decode_query(std::string(kMaxQueryBytes + 1, 'x'));
    EXPECT_EQ(queries_decoded() - before, 2u);
}

TEST(QueryDecode, AllInputKeysAreUnderstood) {
    for (const char* key : {"approval", "inventory", "lag", "transit", "dep_europe", "dep_north_america", "dep_japan",
                            "dep_south_korea", "dep_india", "alt_supply", "alt_ramp", "controlled", "expedite", "horizon",
                            "draws", "seed"}) {
        const InputField& f = field(key);
        const std::string q = std::string(key) + "=" + std::to_string(static_cast<long long>(f.max_value));
        const DecodedQuery d = decode_query(q);
        EXPECT_TRUE(d.ok()) << q;
        EXPECT_TRUE(d.warnings.empty()) << q;
        EXPECT_EQ(get_field(d.inputs, f), std::floor(f.max_value)) << q;
    }
}

TEST(QueryDecode, ApprovalPathsRoundTripAndBadOnesAreNamed) {
    DecodedQuery d = decode_query("path_india=100:10,200:80&path_europe=61:25");
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.inputs.approval_paths[4], make_path({{100, 10}, {200, 80}}));
    EXPECT_EQ(d.inputs.approval_paths[0], make_path({{61, 25}}));
    EXPECT_EQ(path_text(d.inputs.approval_paths[4]), "100:10,200:80");
    for (const char* bad : {"path_japan=", "path_japan=61", "path_japan=61:25,", "path_japan=83:25,61:60",
                            "path_japan=61:60,83:25", "path_japan=61:101", "path_japan=nan:3", "path_japan=1:1,2:2,3:3,4:4,5:5,6:6,7:7",
                            "path_japan=61%3A25%2C83%3A60%2C"}) {
        d = decode_query(bad);
        ASSERT_EQ(d.errors.size(), 1u) << bad;
        EXPECT_EQ(d.errors[0].message.rfind("path_japan: '", 0), 0u) << d.errors[0].message;
        EXPECT_NE(d.errors[0].message.find("(expected day:percent points, e.g. 61:25,83:60)"), std::string::npos);
        EXPECT_EQ(d.inputs.approval_paths[2], Inputs{}.approval_paths[2]) << bad;  // left unchanged
    }
    // A changed path is written (percent-encoded), an unchanged one is not.
    Inputs in;
    in.approval_paths[1] = make_path({{50, 20}, {70, 90}});
    EXPECT_EQ(encode_query(in), "v=1&model=" + std::string(kModelVersion) + "&path_north_america=50%3A20%2C70%3A90&seed=20250404");
}

//-----------------------------------------------------------------------------
// Values
//-----------------------------------------------------------------------------
struct BadValue {
    const char* query;
    const char* message;
};

TEST(QueryDecode, BadValuesAreErrorsAndTheFieldKeepsItsValue) {
    const BadValue cases[] = {
        {"approval=abc", "approval: 'abc' is not a number (expected 0 to 100 %)"},
        {"approval=nan", "approval: 'nan' is not a number (expected 0 to 100 %)"},
        {"approval=NaN", "approval: 'NaN' is not a number (expected 0 to 100 %)"},
        {"approval=inf", "approval: 'inf' is not a number (expected 0 to 100 %)"},
        {"approval=-inf", "approval: '-inf' is not a number (expected 0 to 100 %)"},
        {"approval=infinity", "approval: 'infinity' is not a number (expected 0 to 100 %)"},
        {"approval=0x10", "approval: '0x10' is not a number (expected 0 to 100 %)"},
        {"approval=25abc", "approval: '25abc' is not a number (expected 0 to 100 %)"},
        {"approval=25%20", "approval: '25 ' is not a number (expected 0 to 100 %)"},
        {"approval=%2B25", "approval: '+25' is not a number (expected 0 to 100 %)"},
        {"approval=1e", "approval: '1e' is not a number (expected 0 to 100 %)"},
        {"approval=.", "approval: '.' is not a number (expected 0 to 100 %)"},
        {"approval=-", "approval: '-' is not a number (expected 0 to 100 %)"},
        {"approval=%zz", "approval: '%zz' is not a number (expected 0 to 100 %)"},
        {"approval=%", "approval: '%' is not a number (expected 0 to 100 %)"},
        {"approval=", "approval: '' is empty (expected 0 to 100 %)"},
        {"approval", "approval: '' is empty (expected 0 to 100 %)"},
        {"approval=150", "approval: '150' is out of range (expected 0 to 100 %)"},
        {"approval=-1", "approval: '-1' is out of range (expected 0 to 100 %)"},
        {"approval=1e400", "approval: '1e400' is out of range (expected 0 to 100 %)"},
        {"approval=1e-400", "approval: '1e-400' is out of range (expected 0 to 100 %)"},
        {"approval=1e300", "approval: '1e300' is out of range (expected 0 to 100 %)"},
        {"inventory=400", "inventory: '400' is out of range (expected 0 to 365 days)"},
        {"horizon=365.5", "horizon: '365.5' is not a whole number (expected 30 to 730 days)"},
        {"horizon=3e2", "horizon: '3e2' is not a whole number (expected 30 to 730 days)"},
        {"horizon=29", "horizon: '29' is out of range (expected 30 to 730 days)"},
        {"draws=0", "draws: '0' is out of range (expected 1 to 5000)"},
        {"seed=-1", "seed: '-1' is out of range (expected 0 to 4294967295)"},
        {"seed=4294967296", "seed: '4294967296' is out of range (expected 0 to 4294967295)"},
        {"seed=99999999999999999999999999", "seed: '99999999999999999999999999' is out of range (expected 0 to 4294967295)"},
    };
    for (const BadValue& c : cases) {
        const DecodedQuery d = decode_query(c.query);
        ASSERT_EQ(d.errors.size(), 1u) << c.query;
        EXPECT_EQ(d.errors[0].message, c.message) << c.query;
        EXPECT_TRUE(inputs_identical(d.inputs, Inputs{})) << c.query;
    }
}

TEST(QueryDecode, ErrorsDoNotStopTheOtherFields) {
    const DecodedQuery d = decode_query("approval=abc&inventory=50&lag=nan&transit=10");
    EXPECT_EQ(d.errors.size(), 2u);
    EXPECT_EQ(d.inputs.approval_pct, Inputs{}.approval_pct);
    EXPECT_EQ(d.inputs.inventory_days, 50.0);
    EXPECT_EQ(d.inputs.licence_lag_days, Inputs{}.licence_lag_days);
    EXPECT_EQ(d.inputs.transit_days, 10.0);
}

TEST(QueryDecode, AcceptedNumberForms) {
    EXPECT_EQ(decode_query("approval=2.5e1").inputs.approval_pct, 25.0);
    EXPECT_EQ(decode_query("approval=2.5E1").inputs.approval_pct, 25.0);
    EXPECT_EQ(decode_query("approval=.5").inputs.approval_pct, 0.5);
    EXPECT_EQ(decode_query("approval=5.").inputs.approval_pct, 5.0);
    EXPECT_EQ(decode_query("approval=007").inputs.approval_pct, 7.0);
    EXPECT_EQ(decode_query("approval=1e-7").inputs.approval_pct, 1e-7);
    EXPECT_EQ(decode_query("seed=0").inputs.seed, 0u);
    EXPECT_EQ(decode_query("seed=4294967295").inputs.seed, 4294967295u);
    const DecodedQuery minus_zero = decode_query("approval=-0");
    EXPECT_TRUE(minus_zero.ok());
    EXPECT_EQ(minus_zero.inputs.approval_pct, 0.0);
    EXPECT_EQ(decode_query("horizon=-0").inputs.horizon_days, Inputs{}.horizon_days);  // out of range, kept
}

TEST(QueryDecode, LongValuesAreRejectedAndQuotedShortly) {
    const std::string digits(65, '1');
    const DecodedQuery d = decode_query("approval=" + digits);
    ASSERT_EQ(d.errors.size(), 1u);
    EXPECT_EQ(d.errors[0].message, "approval: '" + std::string(40, '1') + "...' is too long (expected 0 to 100 %)");
    // 64 characters are still read: "0.000…1" is a number in range.
    const std::string sixty_four = "0." + std::string(61, '0') + "1";
    ASSERT_EQ(sixty_four.size(), 64u);
    EXPECT_TRUE(decode_query("approval=" + sixty_four).ok());
}

TEST(QueryDecode, MessagesQuoteOnlyPrintableAscii) {
    const DecodedQuery d = decode_query("approval=%C3%A9%00%0A%7F&%E2%9C%93=1&%00=2");
    ASSERT_EQ(d.errors.size(), 1u);
    EXPECT_EQ(d.errors[0].message, "approval: '" + std::string(5, '?') + "' is not a number (expected 0 to 100 %)");
    ASSERT_EQ(d.warnings.size(), 2u);
    EXPECT_EQ(d.warnings[0].message, "unknown parameter '" + std::string(3, '?') + "' ignored");
    for (const QueryMessage& m : d.warnings) EXPECT_TRUE(printable_ascii(m.key) && printable_ascii(m.message));
}

TEST(QueryDecode, UnicodeDigitsAreNotNumbers) {
    const DecodedQuery d = decode_query("approval=\xd9\xa2\xd9\xa5");  // Arabic-Indic "25"
    ASSERT_EQ(d.errors.size(), 1u);
    EXPECT_EQ(d.errors[0].message, "approval: '" + std::string(4, '?') + "' is not a number (expected 0 to 100 %)");
}

//-----------------------------------------------------------------------------
// preset, v, size limit, base
//-----------------------------------------------------------------------------
TEST(QueryDecode, PresetIsAppliedFirstWherever) {
    const Preset* embargo = find_preset("embargo");
    ASSERT_NE(embargo, nullptr);
    const DecodedQuery d = decode_query("inventory=12&preset=embargo");
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.preset, "embargo");
    Inputs expected = embargo->inputs;
    expected.inventory_days = 12;
    EXPECT_TRUE(inputs_identical(d.inputs, expected));
}

TEST(QueryDecode, UnknownPresetIsAnError) {
    Inputs base;
    base.approval_pct = 77;
    const DecodedQuery d = decode_query("preset=nope&inventory=20", base);
    ASSERT_EQ(d.errors.size(), 1u);
    EXPECT_EQ(d.errors[0].key, "preset");
    EXPECT_NE(d.errors[0].message.find("'nope'"), std::string::npos);
    EXPECT_EQ(d.preset, "");
    EXPECT_EQ(d.inputs.approval_pct, 77.0);
    EXPECT_EQ(d.inputs.inventory_days, 20.0);
}

TEST(QueryDecode, OtherVersionsWarnButStillApply) {
    EXPECT_TRUE(decode_query("v=1&approval=5").warnings.empty());
    EXPECT_TRUE(decode_query("v=1&model=" + std::string(kModelVersion) + "&approval=5").warnings.empty());
    const DecodedQuery old_model = decode_query("v=1&model=0.9.0&approval=5");
    ASSERT_EQ(old_model.warnings.size(), 1u);
    EXPECT_NE(old_model.warnings[0].message.find("0.9.0"), std::string::npos);
    EXPECT_EQ(old_model.inputs.approval_pct, 5.0);  // still applied
    for (const char* q : {"v=2&approval=5", "v=abc&approval=5", "v=&approval=5", "v=1.5&approval=5"}) {
        const DecodedQuery d = decode_query(q);
        EXPECT_TRUE(d.ok()) << q;
        EXPECT_EQ(d.warnings.size(), 1u) << q;
        EXPECT_EQ(d.inputs.approval_pct, 5.0) << q;
    }
}

TEST(QueryDecode, OversizedQueryIsOneErrorAndTheBase) {
    Inputs base;
    base.inventory_days = 99;
    std::string q = "approval=10&";
    q.append(8192 - q.size() + 1, 'x');
    const DecodedQuery d = decode_query(q, base);
    ASSERT_EQ(d.errors.size(), 1u);
    EXPECT_EQ(d.errors[0].key, "");
    EXPECT_TRUE(d.warnings.empty());
    EXPECT_TRUE(inputs_identical(d.inputs, base));
    // 8192 bytes are still read.
    q.pop_back();
    EXPECT_EQ(decode_query(q, base).inputs.approval_pct, 10.0);
}

TEST(QueryDecode, BaseIsKeptForFieldsNotGiven) {
    Inputs base;
    base.inventory_days = 99;
    base.seed = 1;
    const DecodedQuery d = decode_query("approval=1", base);
    EXPECT_EQ(d.inputs.inventory_days, 99.0);
    EXPECT_EQ(d.inputs.seed, 1u);
    EXPECT_EQ(d.inputs.approval_pct, 1.0);
}

//-----------------------------------------------------------------------------
// Garbage
//-----------------------------------------------------------------------------
TEST(QueryGarbage, RandomBytesNeverCrashAndNeverProduceInvalidInputs) {
    std::mt19937_64 rng(99);
    const std::string alphabet = "approvalinventoryseed=&%+?#.-e0123456789abcdefxXnNiI \x01\xff";
    for (int i = 0; i < 3000; ++i) {
        std::string q(rng() % 200, '\0');
        for (char& c : q) {
            c = (rng() % 2) ? static_cast<char>(rng() & 0xff) : alphabet[rng() % alphabet.size()];
        }
        const DecodedQuery d = decode_query(q);
        for (const InputField& f : input_fields())
            ASSERT_TRUE(f.kind == FieldKind::Path ? path_problem(get_path(d.inputs, f)).empty()
                                                  : field_in_range(f, get_field(d.inputs, f)))
                << f.key;
        for (const QueryMessage& m : d.errors) {
            ASSERT_TRUE(printable_ascii(m.message) && printable_ascii(m.key));
            ASSERT_LT(m.message.size(), 200u);
        }
        for (const QueryMessage& m : d.warnings) ASSERT_TRUE(printable_ascii(m.message) && printable_ascii(m.key));
        // Whatever was accepted re-encodes to a clean link.
        const DecodedQuery again = decode_query(encode_query(d.inputs));
        ASSERT_TRUE(again.ok());
        ASSERT_TRUE(inputs_identical(again.inputs, d.inputs));
    }
}

TEST(QueryGarbage, ManyPairsStayFast) {
    std::string q;
    while (q.size() < 8180) q += "a=1&";
    const DecodedQuery d = decode_query(q);
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.warnings.size(), 2u);  // repeated, unknown
}

}  // namespace
}  // namespace rareshock
