// The page's options (theme, lang, accent, bg, headline): parsed by the UI from
// what the model's codec hands over, never by the model.
#include "ui/page_options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rareshock::ui {
namespace {

// A query's page options as App::apply_query reads them: the model's codec
// splits the query once, with the page options as the caller's own keys.
PageOptions parse(std::string_view query, std::vector<QueryMessage>* errors) {
    const DecodedQuery d = decode_query(query, Inputs{}, page_option_keys());
    return parse_page_options(d.others, errors);
}

TEST(PageOptions, Theme) {
    for (const auto& [text, mode] : {std::pair{"light", ThemeMode::Light}, {"dark", ThemeMode::Dark}, {"auto", ThemeMode::Auto}}) {
        std::vector<QueryMessage> errors;
        const PageOptions o = parse(std::string("theme=") + text, &errors);
        EXPECT_TRUE(errors.empty()) << text;
        ASSERT_TRUE(o.theme.has_value()) << text;
        EXPECT_EQ(*o.theme, mode) << text;
    }
    std::vector<QueryMessage> errors;
    EXPECT_EQ(parse("theme=d%61rk", &errors).theme, ThemeMode::Dark);  // percent-decoded by the codec
    const PageOptions bad = parse("theme=Dark", &errors);
    EXPECT_FALSE(bad.theme.has_value());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].key, "theme");
    EXPECT_EQ(errors[0].message, "theme: 'Dark' is not a theme (expected light, dark or auto)");
}

TEST(PageOptions, Language) {
    std::vector<QueryMessage> errors;
    EXPECT_EQ(parse("lang=de", &errors).language, Language::German);
    EXPECT_EQ(parse("lang=ja", &errors).language, Language::Japanese);
    EXPECT_TRUE(errors.empty());
    EXPECT_FALSE(parse("lang=fr", &errors).language.has_value());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].message, "lang: 'fr' is not a language (expected en, de or ja)");
}

TEST(PageOptions, ProducerOptions) {
    std::vector<QueryMessage> errors;
    const PageOptions none = parse("approval=30", &errors);
    EXPECT_EQ(none.accent, "");
    EXPECT_FALSE(none.transparent);
    EXPECT_TRUE(none.headline);
    for (const char* form : {"accent=8a1538", "accent=%238A1538", "accent=#8a1538"}) {
        const PageOptions o = parse(form, &errors);
        EXPECT_TRUE(errors.empty()) << form;
        EXPECT_EQ(o.accent, "#8a1538") << form;
    }
    EXPECT_EQ(parse("accent=a13", &errors).accent, "#aa1133");  // CSS's short form
    const PageOptions on = parse("bg=transparent&headline=off", &errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_TRUE(on.transparent);
    EXPECT_FALSE(on.headline);
    EXPECT_FALSE(parse("bg=theme", &errors).transparent);
    EXPECT_TRUE(parse("headline=on", &errors).headline);
    EXPECT_TRUE(errors.empty());
    // Bad values: an error each, the default kept.
    const std::vector<std::pair<const char*, const char*>> bad = {
        {"accent=red", "accent: 'red' is not a colour (expected six hex digits, e.g. 0b5cad or #0b5cad)"},
        {"accent=%23ggg000", "accent: '#ggg000' is not a colour (expected six hex digits, e.g. 0b5cad or #0b5cad)"},
        {"accent=12345", "accent: '12345' is not a colour (expected six hex digits, e.g. 0b5cad or #0b5cad)"},
        {"accent=url(x)", "accent: 'url(x)' is not a colour (expected six hex digits, e.g. 0b5cad or #0b5cad)"},
        {"accent=", "accent: '' is not a colour (expected six hex digits, e.g. 0b5cad or #0b5cad)"},
        {"bg=none", "bg: 'none' is not a background (expected transparent or theme)"},
        {"headline=no", "headline: 'no' is not on or off"},
        {"headline=OFF", "headline: 'OFF' is not on or off"}};
    for (const auto& [query, message] : bad) {
        errors.clear();
        const PageOptions o = parse(query, &errors);
        ASSERT_EQ(errors.size(), 1u) << query;
        EXPECT_EQ(errors[0].message, message);
        EXPECT_EQ(o.accent, "") << query;
        EXPECT_FALSE(o.transparent) << query;
        EXPECT_TRUE(o.headline) << query;
    }
}

// Only the page's options: a scenario's key or another caller's is left alone.
TEST(PageOptions, OtherParametersAreLeftAlone) {
    std::vector<QueryMessage> errors;
    const std::vector<QueryParam> params = {{"share", "https://x.example/"}, {"approval", "abc"}, {"theme", "dark"}};
    const PageOptions o = parse_page_options(params, &errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(o.theme, ThemeMode::Dark);
}

TEST(PageOptions, Messages) {
    // Values are quoted as printable ASCII, at most 40 characters.
    std::vector<QueryMessage> errors;
    parse("theme=%E2%9C%93" + std::string(60, 'x'), &errors);
    ASSERT_EQ(errors.size(), 1u);
    for (const char c : errors[0].message) EXPECT_TRUE(c >= 0x20 && c < 0x7f) << errors[0].message;
    EXPECT_NE(errors[0].message.find("..."), std::string::npos);
}

}  // namespace
}  // namespace rareshock::ui
