// Output formats: the JSON shape of PRODUCT.md (checked with a small JSON
// parser), CSV, the summary sentence and the text report.
#include "model/model.h"
#include "model/results.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace {

using namespace rareshock;

//-----------------------------------------------------------------------------
// A strict little JSON parser (objects keep key order) for shape checks.
//-----------------------------------------------------------------------------
struct Json {
    enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
    double number = 0;
    std::string text;
    std::vector<Json> items;
    std::vector<std::string> keys;  // object members, in order (values in `items`)
    const Json& operator[](const std::string& key) const {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) return items[i];
        static const Json missing{};
        ADD_FAILURE() << "missing key " << key;
        return missing;
    }
};

class Parser {
public:
    explicit Parser(const std::string& s) : s_(s) {}
    bool parse(Json& out) {
        if (!value(out)) return false;
        space();
        return i_ == s_.size();
    }

private:
    void space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
    }
    bool literal(const char* word) {
        const std::string w(word);
        if (s_.compare(i_, w.size(), w) != 0) return false;
        i_ += w.size();
        return true;
    }
    bool string(std::string& out) {
        if (s_[i_] != '"') return false;
        ++i_;
        while (i_ < s_.size() && s_[i_] != '"') {
            if (static_cast<unsigned char>(s_[i_]) < 0x20) return false;
            if (s_[i_] == '\\') {
                ++i_;
                if (i_ >= s_.size()) return false;
                if (s_[i_] == 'u') {
                    i_ += 4;
                    out += '?';
                } else {
                    out += s_[i_];
                }
                ++i_;
                continue;
            }
            out += s_[i_++];
        }
        if (i_ >= s_.size()) return false;
        ++i_;
        return true;
    }
    bool number(double& out) {
        const std::size_t start = i_;
        if (s_[i_] == '-') ++i_;
        if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) return false;
        if (s_[i_] == '0' && i_ + 1 < s_.size() && isdigit(static_cast<unsigned char>(s_[i_ + 1]))) return false;
        while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) return false;
            while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
        }
        out = std::stod(s_.substr(start, i_ - start));
        return true;
    }
    bool value(Json& v) {
        space();
        if (i_ >= s_.size()) return false;
        const char c = s_[i_];
        if (c == '{') {
            v.kind = Json::Object;
            ++i_;
            space();
            if (s_[i_] == '}') return ++i_, true;
            for (;;) {
                space();
                std::string key;
                if (!string(key)) return false;
                space();
                if (s_[i_++] != ':') return false;
                Json member;
                if (!value(member)) return false;
                v.keys.push_back(key);
                v.items.push_back(std::move(member));
                space();
                if (s_[i_] == ',') {
                    ++i_;
                    continue;
                }
                if (s_[i_] == '}') return ++i_, true;
                return false;
            }
        }
        if (c == '[') {
            v.kind = Json::Array;
            ++i_;
            space();
            if (s_[i_] == ']') return ++i_, true;
            for (;;) {
                Json item;
                if (!value(item)) return false;
                v.items.push_back(std::move(item));
                space();
                if (s_[i_] == ',') {
                    ++i_;
                    continue;
                }
                if (s_[i_] == ']') return ++i_, true;
                return false;
            }
        }
        if (c == '"') return v.kind = Json::String, string(v.text);
        if (literal("null")) return v.kind = Json::Null, true;
        if (literal("true")) return v.kind = Json::Bool, v.number = 1, true;
        if (literal("false")) return v.kind = Json::Bool, v.number = 0, true;
        v.kind = Json::Number;
        return number(v.number);
    }
    const std::string& s_;
    std::size_t i_ = 0;
};

Json parse_or_fail(const std::string& s) {
    Json j;
    Parser p(s);
    EXPECT_TRUE(p.parse(j)) << s.substr(0, 300);
    return j;
}

std::vector<std::string> keys_of(const Json& object) { return object.keys; }

const Results& results_2025() {
    static const std::unique_ptr<Results> r = [] {
        auto res = std::make_unique<Results>();
        Simulator sim;
        sim.run(find_preset("2025")->inputs, *res);
        return res;
    }();
    return *r;
}

//-----------------------------------------------------------------------------
// JSON
//-----------------------------------------------------------------------------
TEST(Json, HasTheExactShapeOfProductMd) {
    const Results& r = results_2025();
    const Json j = parse_or_fail(results_to_json(r));
    EXPECT_EQ(keys_of(j), (std::vector<std::string>{"model_version", "language", "provisional", "inputs", "summary", "regions",
                                                    "world", "timeline", "components", "drivers"}));
    EXPECT_EQ(j["language"].text, "en");
    EXPECT_EQ(j["model_version"].text, std::string(kModelVersion));
    EXPECT_EQ(j["provisional"].kind, Json::Bool);
    EXPECT_EQ(j["provisional"].number, 0.0);
    EXPECT_EQ(j["summary"].text, r.summary);

    std::vector<std::string> field_keys;
    for (const InputField& f : input_fields()) field_keys.emplace_back(f.key);
    EXPECT_EQ(keys_of(j["inputs"]), field_keys);
    EXPECT_EQ(j["inputs"]["approval"].number, 25.0);
    EXPECT_EQ(j["inputs"]["seed"].number, 20250404.0);
    EXPECT_EQ(j["inputs"]["dep_europe"].number, 98.0);
    EXPECT_EQ(j["inputs"]["path_europe"].text, "61:25,83:60");
    EXPECT_EQ(j["inputs"]["path_india"].text, "180:1,209:13,242:13,272:63");

    const Json& regions = j["regions"];
    ASSERT_EQ(regions.items.size(), static_cast<std::size_t>(kRegionCount));
    for (int i = 0; i < kRegionCount; ++i) {
        const Json& region = regions.items[static_cast<std::size_t>(i)];
        EXPECT_EQ(keys_of(region), (std::vector<std::string>{"id", "name", "plants", "first_halt_day", "vehicles_lost",
                                                             "gross_vehicles_lost", "value_lost_usd", "recovery_day", "baseline_vehicles",
                                                             "peak_plants_stopped", "supplier_lines", "supplier_first_stop_day",
                                                             "peak_supplier_lines_stopped", "display"}));
        EXPECT_EQ(keys_of(region["display"]), (std::vector<std::string>{"vehicles_lost", "vehicles_lost_range", "name",
                                                                        "first_halt", "value_lost", "peak_plants_stopped",
                                                                        "gross_vehicles_lost", "supplier_first_stop",
                                                                        "peak_supplier_lines_stopped"}));
        // The one rounding: the display text is vehicles_text of the P50.
        EXPECT_EQ(region["display"]["vehicles_lost"].text, vehicles_text(r.regions[static_cast<std::size_t>(i)].vehicles_lost.p50));
        EXPECT_EQ(region["id"].text, region_data()[static_cast<std::size_t>(i)].key);
        for (const char* range : {"first_halt_day", "vehicles_lost", "gross_vehicles_lost", "value_lost_usd", "recovery_day", "supplier_first_stop_day",
                                  "peak_supplier_lines_stopped"})
            EXPECT_EQ(keys_of(region[range]), (std::vector<std::string>{"p10", "p50", "p90"}));
        EXPECT_EQ(region["vehicles_lost"]["p50"].number,
                  static_cast<double>(static_cast<long long>(r.regions[static_cast<std::size_t>(i)].vehicles_lost.p50 + 0.5)));
    }
    EXPECT_EQ(regions.items[0]["first_halt_day"]["p50"].kind, Json::Number);
    EXPECT_EQ(regions.items[5]["first_halt_day"]["p50"].kind, Json::Null);  // China never halts

    const Json& world = j["world"];
    EXPECT_EQ(keys_of(world), (std::vector<std::string>{"vehicles_lost", "gross_vehicles_lost", "value_lost_usd", "plants", "peak_plants_stopped",
                                                        "peak_day", "supplier_lines", "peak_supplier_lines_stopped", "display"}));
    EXPECT_EQ(keys_of(world["vehicles_lost"]), (std::vector<std::string>{"p10", "p50", "p90"}));
    EXPECT_EQ(world["vehicles_lost"]["p50"].number, static_cast<double>(static_cast<long long>(r.world_vehicles_lost.p50 + 0.5)));
    EXPECT_EQ(world["gross_vehicles_lost"]["p50"].number,
              static_cast<double>(static_cast<long long>(r.world_gross_vehicles_lost.p50 + 0.5)));
    EXPECT_LE(world["vehicles_lost"]["p50"].number, world["gross_vehicles_lost"]["p50"].number);
    EXPECT_EQ(world["plants"].number, 347.0);
    EXPECT_EQ(world["supplier_lines"].number, 694.0 * kComponentCount);  // one supplier line per car-plant line and class
    EXPECT_EQ(world["display"]["vehicles_lost_range"].text.empty(), false);

    const Json& timeline = j["timeline"];
    EXPECT_EQ(keys_of(timeline), (std::vector<std::string>{"start_date", "measure", "days", "regions"}));
    EXPECT_EQ(timeline["start_date"].text, "2025-04-04");
    EXPECT_EQ(timeline["days"].number, 366.0);
    ASSERT_EQ(timeline["regions"].items.size(), static_cast<std::size_t>(kRegionCount));
    for (const Json& tl : timeline["regions"].items) {
        EXPECT_EQ(keys_of(tl), (std::vector<std::string>{"id", "p10", "p50", "p90"}));
        ASSERT_EQ(tl["p50"].items.size(), 366u);
        for (const Json& v : tl["p90"].items) {
            EXPECT_GE(v.number, 0.0);
            EXPECT_LE(v.number, 1.0);
        }
    }
    const Json& components = j["components"];
    ASSERT_EQ(components.items.size(), static_cast<std::size_t>(kComponentCount));
    EXPECT_EQ(keys_of(components.items[0]),
              (std::vector<std::string>{"id", "name", "display_name", "rank", "supplier_lines", "first_stop_day", "first_stop",
                                        "peak_lines_stopped", "time_to_survive_days", "time_to_recover_days", "shortage_days"}));
    EXPECT_EQ(components.items[1]["id"].text, "power_steering");
}

TEST(Json, SharesHaveFourDecimalsAndNonFiniteNumbersBecomeNull) {
    Results r = results_2025();
    r.regions[0].vehicles_lost.p50 = std::numeric_limits<double>::quiet_NaN();
    r.regions[0].value_lost_usd.p90 = std::numeric_limits<double>::infinity();
    r.regions[1].first_halt_day.p10 = -std::numeric_limits<double>::infinity();
    r.timeline[0].p50[3] = 0.123456f;
    r.timeline[0].p10[3] = std::numeric_limits<float>::quiet_NaN();
    const std::string s = results_to_json(r);
    EXPECT_EQ(s.find("nan"), std::string::npos);
    EXPECT_EQ(s.find("inf"), std::string::npos);
    const Json j = parse_or_fail(s);
    EXPECT_EQ(j["regions"].items[0]["vehicles_lost"]["p50"].kind, Json::Null);
    EXPECT_EQ(j["regions"].items[0]["value_lost_usd"]["p90"].kind, Json::Null);
    EXPECT_EQ(j["regions"].items[1]["first_halt_day"]["p10"].kind, Json::Null);
    EXPECT_EQ(j["timeline"]["regions"].items[0]["p50"].items[3].number, 0.1235);
    EXPECT_EQ(j["timeline"]["regions"].items[0]["p10"].items[3].kind, Json::Null);
}

TEST(Json, EscapesStringsAndKeepsFractionalInputs) {
    Results r = results_2025();
    r.summary = "a \"quoted\" \\ line\nnext\x01";
    r.inputs.approval_pct = 37.25;
    r.inputs.inventory_days = 0.1;
    const Json j = parse_or_fail(results_to_json(r));
    EXPECT_EQ(j["inputs"]["approval"].number, 37.25);
    EXPECT_EQ(j["inputs"]["inventory"].number, 0.1);
    EXPECT_EQ(j["summary"].text, "a \"quoted\" \\ line?next?");  // the test parser shows \u escapes as ?
}

TEST(Json, CentralRunHasTheSameShape) {
    Simulator sim;
    Results r;
    Inputs in;
    in.horizon_days = 90;
    sim.run_central(in, r);
    const Json j = parse_or_fail(results_to_json(r));
    EXPECT_EQ(j["provisional"].kind, Json::Bool);
    EXPECT_EQ(j["provisional"].number, 1.0);
    EXPECT_EQ(j["world"]["display"]["vehicles_lost_range"].text, "");
    EXPECT_EQ(j["timeline"]["days"].number, 91.0);
    EXPECT_EQ(j["timeline"]["regions"].items[0]["p10"].items.size(), 91u);
    // Only the central estimate: P10 = P50 = P90, and the JSON says so.
    EXPECT_NE(results_to_json(r).find("\"provisional\":true,"), std::string::npos);
}

TEST(Json, TheOneEscaperQuotesBackslashesAndControlCharacters) {
    std::string s = "x";
    append_json_string(s, "a\"b\\c\nd\x1f\u00e9");
    EXPECT_EQ(s, "x\"a\\\"b\\\\c\\u000ad\\u001f\u00e9\"");
}

//-----------------------------------------------------------------------------
// CSV
//-----------------------------------------------------------------------------
// A strict RFC 4180 reader: rows of cells, quoted cells may hold commas,
// doubled quotes and line breaks. Fails on a stray quote.
bool read_csv(const std::string& text, std::vector<std::vector<std::string>>& rows) {
    rows.clear();
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { cell += '"'; ++i; }
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            if (!cell.empty() || was_quoted) return false;
            quoted = was_quoted = true;
        } else if (c == ',') {
            row.push_back(cell); cell.clear(); was_quoted = false;
        } else if (c == '\n') {
            row.push_back(cell); cell.clear(); was_quoted = false;
            rows.push_back(row); row.clear();
        } else if (c == '\r') {
            return false;  // we write "\n" only
        } else {
            if (was_quoted) return false;
            cell += c;
        }
    }
    return !quoted && cell.empty() && row.empty();  // ends with a line break
}

bool plain_number(const std::string& s) {  // "-12", "0.25": no separators, units or exponents
    std::size_t i = s[0] == '-' ? 1 : 0, digits = 0, points = 0;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') ++digits;
        else if (s[i] == '.' && ++points == 1) continue;
        else return false;
    }
    return digits > 0 && s.back() != '.';
}

struct CsvSection {
    std::string title;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::size_t column(const std::string& name) const {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return i;
        ADD_FAILURE() << title << ": no column " << name;
        return 0;
    }
};

// Sections are: a title alone on its row, a header, rows, then a blank line.
std::vector<CsvSection> csv_sections(const std::string& csv) {
    std::vector<std::vector<std::string>> rows;
    EXPECT_TRUE(read_csv(csv, rows)) << "not RFC 4180 CSV";
    std::vector<CsvSection> out;
    for (std::size_t i = 0; i < rows.size();) {
        EXPECT_EQ(rows[i].size(), 1u) << "a section starts with its title alone: row " << i;
        EXPECT_LT(i + 1, rows.size());
        if (i + 1 >= rows.size()) break;
        CsvSection s{rows[i][0], rows[i + 1], {}};
        i += 2;
        while (i < rows.size() && !(rows[i].size() == 1 && rows[i][0].empty())) s.rows.push_back(rows[i++]);
        ++i;  // the blank line
        out.push_back(s);
    }
    return out;
}

TEST(Csv, SectionsASpreadsheetOpensCleanly) {
    const Results& r = results_2025();
    const std::string csv = results_to_csv(r, "https://example.test/?approval=25&inventory=65");
    const std::vector<CsvSection> sections = csv_sections(csv);
    ASSERT_EQ(sections.size(), 5u);
    EXPECT_EQ(sections[0].title, "Scenario");
    EXPECT_EQ(sections[1].title, "Regions");
    EXPECT_EQ(sections[2].title, "World (export regions)");
    EXPECT_EQ(sections[3].title, "Components");
    EXPECT_EQ(sections[4].title, "Timeline");
    for (const CsvSection& s : sections)
        for (const auto& row : s.rows) ASSERT_EQ(row.size(), s.header.size()) << s.title << ": " << row[0];

    // Numbers are plain numbers or empty (no stop within the horizon), never display text.
    const auto numeric = [](const std::string& column) {
        return column.find("_p10") != std::string::npos || column.find("_p50") != std::string::npos ||
               column.find("_p90") != std::string::npos || column.find("_days") != std::string::npos || column == "plants" ||
               column == "p10" || column == "p50" || column == "p90" || column == "day" || column == "baseline_vehicles";
    };
    int numbers = 0;
    for (const CsvSection& s : sections)
        for (std::size_t c = 0; c < s.header.size(); ++c) {
            if (!numeric(s.header[c]) || s.header[c].find("date") != std::string::npos) continue;
            for (const auto& row : s.rows) {
                EXPECT_TRUE(row[c].empty() || plain_number(row[c])) << s.title << "." << s.header[c] << " = " << row[c];
                numbers += !row[c].empty();
            }
        }
    EXPECT_GT(numbers, 2000);

    // The scenario: every input field with its value as the share link writes it, and the link.
    const CsvSection& scenario = sections[0];
    std::map<std::string, std::string> values;
    for (const auto& row : scenario.rows) values[row[0]] = row[1];
    for (const InputField& f : input_fields()) EXPECT_EQ(values.count(std::string(f.key)), 1u) << f.key;
    EXPECT_EQ(values["approval"], "25");
    EXPECT_EQ(values["inventory"], "65");
    EXPECT_EQ(values["preset"], "2025");
    EXPECT_EQ(values["model_version"], std::string(kModelVersion));
    EXPECT_EQ(values["link"], "https://example.test/?approval=25&inventory=65");
    EXPECT_EQ(values["summary"], r.summary);  // commas and all: quoted
    EXPECT_EQ(values["path_europe"], "61:25,83:60");

    // Regions with P10/P50/P90 ranges, in order.
    const CsvSection& regions = sections[1];
    ASSERT_EQ(regions.rows.size(), static_cast<std::size_t>(kRegionCount));
    EXPECT_EQ(regions.rows[0][0], "europe");
    const std::size_t p10 = regions.column("vehicles_lost_p10"), p50 = regions.column("vehicles_lost_p50"),
                      p90 = regions.column("vehicles_lost_p90");
    EXPECT_LE(std::stod(regions.rows[0][p10]), std::stod(regions.rows[0][p50]));
    EXPECT_LE(std::stod(regions.rows[0][p50]), std::stod(regions.rows[0][p90]));
    EXPECT_EQ(std::stod(regions.rows[0][p50]), std::round(r.regions[0].vehicles_lost.p50));
    EXPECT_TRUE(regions.rows[kRegionCount - 1][regions.column("first_stop_day_p50")].empty());  // China never stops

    // World totals.
    const CsvSection& world = sections[2];
    ASSERT_GE(world.rows.size(), 2u);
    EXPECT_EQ(world.rows[0][0], "vehicles_lost");
    EXPECT_EQ(std::stod(world.rows[0][2]), std::round(r.world_vehicles_lost.p50));

    // The timeline: one row per region per day.
    const CsvSection& timeline = sections[4];
    EXPECT_EQ(timeline.header[0], "region");
    ASSERT_EQ(timeline.rows.size(), 366u * kRegionCount);
    EXPECT_EQ(timeline.rows[0][0], "europe");
    EXPECT_EQ(timeline.rows[0][2], "2025-04-04");
    EXPECT_EQ(timeline.rows[365][2], "2026-04-04");
    EXPECT_EQ(timeline.rows[366][0], "north_america");
}

// Every edition's spreadsheet: the reader's words in the reader's language (section
// titles, labels, names, the summary); keys, header rows and numbers the same in all.
TEST(Csv, InTheReadersLanguageWithTheSameColumns) {
    const Results& r = results_2025();
    const std::string en = results_to_csv(r, "https://example.test/");
    for (const auto& [lang, titles, region, label] :
         {std::tuple{Language::German, std::vector<std::string>{"Szenario", "Regionen", "Welt (Exportregionen)", "Bauteile", "Zeitverlauf"},
                     std::string("Europa"), std::string("Genehmigungsquote")},
          std::tuple{Language::Japanese, std::vector<std::string>{"シナリオ", "地域", "世界（輸出先地域の合計）", "部品", "推移"},
                     std::string("欧州"), std::string("輸出許可の承認率")}}) {
        const std::string csv = results_to_csv(r, "https://example.test/", lang);
        const std::vector<CsvSection> sections = csv_sections(csv), english = csv_sections(en);
        ASSERT_EQ(sections.size(), english.size());
        for (std::size_t i = 0; i < sections.size(); ++i) {
            EXPECT_EQ(sections[i].title, titles[i]);
            EXPECT_EQ(sections[i].header, english[i].header) << titles[i];
            ASSERT_EQ(sections[i].rows.size(), english[i].rows.size()) << titles[i];
            for (std::size_t k = 0; k < sections[i].rows.size(); ++k) EXPECT_EQ(sections[i].rows[k][0], english[i].rows[k][0]);
        }
        std::map<std::string, std::vector<std::string>> scenario;
        for (const auto& row : sections[0].rows) scenario[row[0]] = row;
        EXPECT_EQ(scenario["approval"][1], "25");       // the value as the link writes it
        EXPECT_EQ(scenario["approval"][3], label);      // the label in the reader's language
        EXPECT_EQ(scenario["summary"][1], summary_sentence(r, lang));
        EXPECT_EQ(sections[1].rows[0][1], region);
        EXPECT_EQ(sections[4].rows, english[4].rows);   // the timeline is all numbers and dates
    }
}

TEST(Csv, CellsAreQuotedOnlyWhenTheyMustBe) {
    EXPECT_EQ(csv_cell("plain"), "plain");
    EXPECT_EQ(csv_cell("a, b"), "\"a, b\"");
    EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_cell("two\nlines"), "\"two\nlines\"");
}

TEST(Csv, ProvisionalResultsSaySoAndStayValid) {
    Simulator sim;
    Results r;
    sim.run_central(Inputs{}, r);
    const std::vector<CsvSection> sections = csv_sections(results_to_csv(r));
    ASSERT_EQ(sections.size(), 5u);
    bool said = false, link = false;
    for (const auto& row : sections[0].rows) {
        said |= row[0] == "bands" && row[1] == "central estimate only";
        link |= row[0] == "link";
    }
    EXPECT_TRUE(said);
    EXPECT_FALSE(link);  // no link given, no row
}

//-----------------------------------------------------------------------------
// Exports: file names, the scenario in words, the credit
//-----------------------------------------------------------------------------
TEST(Exports, FileNamesCarryTheScenario) {
    Inputs in;
    EXPECT_EQ(export_file_name(in, ".png"), "rare-earth-shock_2025_approval-25_inventory-65.png");
    EXPECT_EQ(export_file_name(in, "@2x.png"), "rare-earth-shock_2025_approval-25_inventory-65@2x.png");
    in.draws = 50;  // draws and seed are not the scenario
    in.approval_pct = 40.5;
    in.inventory_days = 30;
    EXPECT_EQ(export_file_name(in, ".csv"), "rare-earth-shock_custom_approval-40.5_inventory-30.csv");
    EXPECT_EQ(export_file_name(find_preset("embargo")->inputs, ".csv").rfind("rare-earth-shock_embargo_approval-0_", 0), 0u);
}

TEST(Exports, TodayFromAClock) {
    EXPECT_EQ(day_of_unix_ms(1743724800000.0), 0);          // 2025-04-04T00:00:00Z
    EXPECT_EQ(day_of_unix_ms(1743724800000.0 - 1.0), -1);   // the last millisecond of 3 April
    EXPECT_EQ(day_of_unix_ms(1743724800000.0 + 86399999.0), 0);
    EXPECT_EQ(day_of_unix_ms(1796083200000.0), 606);        // 2026-12-01T00:00:00Z
    EXPECT_EQ(date_text(day_of_unix_ms(1796083200000.0)), "1 December 2026");
    EXPECT_EQ(day_of_unix_ms(std::numeric_limits<double>::quiet_NaN()), -1);
}

TEST(Exports, TheScenarioInWords) {
    Inputs in;
    std::vector<std::string> lines = scenario_lines(in);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], "Scenario: 2025 as reported");
    EXPECT_EQ(lines[1].rfind("Licence approval rate: 25", 0), 0u) << lines[1];
    EXPECT_NE(lines[1].find(". At this rate: Europe 25% by 4 June"), std::string::npos) << lines[1];
    EXPECT_EQ(lines[2], "Magnet stock at the start: 65 days");
    in.licence_lag_days = 90;
    in.alt_supply_pct = 20;
    lines = scenario_lines(in);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "Scenario: custom, starting from 2025 as reported");
    EXPECT_EQ(lines[3].rfind("Also changed: Licence review: 90 days; Alternative supply: 20", 0), 0u) << lines[3];
    EXPECT_NE(credit_line().find(kModelVersion), std::string::npos);
    EXPECT_NE(credit_line().find("Sources: "), std::string::npos);
}

TEST(Exports, TheScenarioInWordsInEveryLanguage) {
    Inputs in;
    in.licence_lag_days = 90;
    std::vector<std::string> de = scenario_lines(in, Language::German), ja = scenario_lines(in, Language::Japanese);
    ASSERT_EQ(de.size(), 4u);
    ASSERT_EQ(ja.size(), 4u);
    EXPECT_EQ(de[0], "Szenario: eigene Annahmen, ausgehend von „2025 wie berichtet“");
    EXPECT_EQ(de[1].rfind("Genehmigungsquote: 25", 0), 0u) << de[1];
    EXPECT_NE(de[1].find(". Bei dieser Quote: Europa "), std::string::npos) << de[1];
    EXPECT_NE(de[1].find("1. Juli"), std::string::npos) << de[1];   // dates in German
    EXPECT_EQ(de[3].rfind("Außerdem geändert: ", 0), 0u) << de[3];
    EXPECT_EQ(ja[0], "シナリオ：カスタム（「2025年の実際」をもとに変更）");
    EXPECT_EQ(ja[1].rfind("輸出許可の承認率：25", 0), 0u) << ja[1];
    EXPECT_NE(ja[1].find("7月1日"), std::string::npos) << ja[1];
    EXPECT_EQ(ja[3].rfind("その他の変更：", 0), 0u) << ja[3];
    for (const std::vector<std::string>* lines : {&de, &ja})
        for (const std::string& line : *lines) {
            for (const char* english : {"Scenario", "Also changed", "At this rate", "days", "June"})
                EXPECT_EQ(line.find(english), std::string::npos) << english << " in " << line;
        }
    EXPECT_NE(credit_line(Language::German).find("Quellen: "), std::string::npos);
    EXPECT_NE(credit_line(Language::Japanese).find("出典："), std::string::npos);
    EXPECT_NE(credit_line(Language::Japanese).find(kModelVersion), std::string::npos);
}

// What moves the answer: every drawn assumption once, largest swing first, each
// moving the world loss the way its mechanism says; none while provisional.
TEST(Drivers, EveryDrawnAssumptionOnceLargestSwingFirst) {
    const Results& r = results_2025();
    ASSERT_EQ(r.driver_count, kDriverCount);
    std::vector<bool> seen(kDriverCount, false);
    double previous = 1e300;
    auto find = [&](Driver id) -> const DriverResult& {
        for (const DriverResult& d : r.drivers)
            if (d.id == id) return d;
        return r.drivers[0];
    };
    for (const DriverResult& d : r.drivers) {
        const int i = static_cast<int>(d.id);
        ASSERT_TRUE(i >= 0 && i < kDriverCount);
        EXPECT_FALSE(seen[static_cast<std::size_t>(i)]) << driver_key(d.id);
        seen[static_cast<std::size_t>(i)] = true;
        const double swing = std::abs(d.high - d.low);
        EXPECT_LE(swing, previous) << driver_key(d.id);
        previous = swing;
        EXPECT_FALSE(driver_name(d.id).empty());
        EXPECT_NE(driver_name(d.id, Language::German), driver_name(d.id)) << driver_key(d.id);
    }
    EXPECT_GT(find(Driver::EmergencySupply).high, find(Driver::EmergencySupply).low);  // slower emergency supply: more lost
    EXPECT_LT(find(Driver::OtherSuppliers).high, find(Driver::OtherSuppliers).low);    // more made up: less lost
    EXPECT_LT(find(Driver::PartsBuffer).high, find(Driver::PartsBuffer).low);          // more finished parts: less lost
    EXPECT_GT(find(Driver::LooseMagnets).high, find(Driver::LooseMagnets).low);        // more loose magnets: more exposed

    const Json j = parse_or_fail(results_to_json(r));
    const Json& drivers = j["drivers"];
    ASSERT_EQ(drivers.items.size(), static_cast<std::size_t>(kDriverCount));
    EXPECT_EQ(keys_of(drivers.items[0]), (std::vector<std::string>{"id", "low", "high", "display"}));
    EXPECT_EQ(keys_of(drivers.items[0]["display"]), (std::vector<std::string>{"name", "low", "high"}));
    EXPECT_EQ(drivers.items[0]["id"].text, driver_key(r.drivers[0].id));

    Simulator sim;
    Results central;
    sim.run_central(Inputs{}, central);
    EXPECT_EQ(central.driver_count, 0);
    EXPECT_TRUE(parse_or_fail(results_to_json(central))["drivers"].items.empty());
}

//-----------------------------------------------------------------------------
// Summary sentence and text
//-----------------------------------------------------------------------------
TEST(Summary, OneSentenceWithTheKeyNumbersAndTheScenario) {
    const Results& r = results_2025();
    const std::string& s = r.summary;
    EXPECT_EQ(s, summary_sentence(r));
    EXPECT_EQ(s.rfind("From ", 0), 0u) << s;
    EXPECT_NE(s.find(" May 2025, "), std::string::npos) << s;  // the first stop, as a calendar date
    // The two tiers, told apart: supplier lines stop first, then (here) a few car plants.
    const std::size_t suppliers = s.find(", supplier lines stop, at the worst ");
    const std::size_t cars = s.find("; from ");
    EXPECT_NE(suppliers, std::string::npos) << s;
    EXPECT_NE(cars, std::string::npos) << s;
    EXPECT_LT(suppliers, cars) << s;
    EXPECT_NE(s.find(" of 347 at once; "), std::string::npos) << s;  // plants, the unit the record counts
    // The net figure, and the gross one beside it.
    EXPECT_NE(s.find(" vehicles are not built worldwide over a year (likely range "), std::string::npos) << s;
    EXPECT_NE(s.find(") after extra shifts make up part of the " + vehicles_text(r.world_gross_vehicles_lost.p50) +
                     " lost while plants stood, if "),
              std::string::npos)
        << s;
    EXPECT_NE(s.find("if 25% of licences are approved by 4 June, rising to 60% by late June, and supply chains hold 65 days of magnets."),
              std::string::npos)
        << s;
    EXPECT_EQ(s.find("day "), std::string::npos) << s;  // dates, never day numbers
    EXPECT_EQ(s.back(), '.');
    EXPECT_EQ(s.find(". "), std::string::npos) << s;  // a single sentence
    EXPECT_EQ(s.find("nan"), std::string::npos);
}

TEST(Summary, SaysSoWhenNothingStopsAndWhenMostStop) {
    Simulator sim;
    Results r;
    Inputs in;
    in.approval_pct = 100;
    in.licence_lag_days = 0;
    in.draws = 50;
    sim.run(in, r);
    EXPECT_EQ(r.summary, "No supplier line or car plant is likely to stop for want of magnets within 365 days and no "
                         "vehicles are lost if every licence is approved as soon as it is reviewed and supply chains hold "
                         "65 days of magnets.");
    in = find_preset("embargo")->inputs;
    in.draws = 50;
    sim.run(in, r);
    EXPECT_EQ(r.summary.rfind("From ", 0), 0u) << r.summary;
    EXPECT_NE(r.summary.find(", supplier lines stop, at the worst "), std::string::npos) << r.summary;
    EXPECT_NE(r.summary.find("; by "), std::string::npos) << r.summary;
    EXPECT_NE(r.summary.find(" European car plants have a line stopped; "), std::string::npos) << r.summary;
    EXPECT_NE(r.summary.find("if no licence is ever approved and supply chains hold 65 days"), std::string::npos) << r.summary;
    EXPECT_NE(r.summary.find("million"), std::string::npos) << r.summary;
}

// When the suppliers' finished parts and other suppliers carry every car
// plant through, the sentence says the supplier lines stop and the car plants
// keep running.
TEST(Summary, SaysSoWhenOnlySupplierLinesStop) {
    Simulator sim;
    Mechanics m = default_mechanics();
    m.other_supplier_share_min = m.other_supplier_share_max = 1.0;  // another supplier covers every stop
    sim.set_mechanics(m);
    Results r;
    Inputs in;
    in.draws = 50;
    sim.run(in, r);
    EXPECT_EQ(r.summary.rfind("From ", 0), 0u) << r.summary;
    EXPECT_NE(r.summary.find(", supplier lines stop, at the worst "), std::string::npos) << r.summary;
    EXPECT_NE(r.summary.find("; car plants keep running on finished parts and other suppliers, and no vehicles are lost if 25%"),
              std::string::npos)
        << r.summary;
    EXPECT_EQ(r.world_vehicles_lost.p90, 0.0);
    EXPECT_GE(r.world_peak_supplier_lines_stopped.p50, 1.0);
    for (Language lang : {Language::German, Language::Japanese}) {
        const std::string s = summary_sentence(r, lang);
        EXPECT_NE(s.find(lang == Language::German ? "die Autowerke laufen mit fertigen Teilen" : "自動車工場は完成部品と他の部品メーカーで操業を続け"),
                  std::string::npos)
            << s;
    }
}

TEST(Summary, TheMainSliderSpansEmbargoToNoDisruption) {
    Simulator sim;
    Results r;
    double previous = 1e300;
    for (double a : {0.0, 10.0, 25.0, 50.0, 75.0, 100.0}) {
        Inputs in;
        in.approval_pct = a;
        sim.run(in, r);
        EXPECT_LE(r.world_vehicles_lost.p50, previous) << a;
        previous = r.world_vehicles_lost.p50;
        if (a == 0.0) {
            EXPECT_GT(r.world_vehicles_lost.p50, 1.0e6);
        }
        if (a == 100.0) {
            EXPECT_LT(r.world_vehicles_lost.p50, 1000.0);
        }
    }
}

// The number on the slider is the number in the sentence: the approval rate is
// the share of requests approved by 4 June 2025, for every preset (the fast
// track's shorter review moves the date, not the number), every whole rate
// from 1 to 99 and every language; the model's own licensed share on that day
// agrees (less the few requests refused for good).
TEST(Summary, TheSlidersNumberIsTheSentencesNumber) {
    Simulator sim;
    Results r;
    for (const Preset& p : presets()) {
        for (int a = 1; a <= 99; ++a) {
            Inputs in = p.inputs;
            in.approval_pct = a;
            EXPECT_NEAR(path_share_at_rate(a, 25.0), a, 1e-9) << p.id;
            const double anchor_day = 61.0 + (in.licence_lag_days - kReferenceLagDays);
            EXPECT_NEAR(licensed_share_on_day(in, static_cast<int>(Region::Europe), anchor_day), a / 100.0, 0.01)
                << p.id << " at " << a << "%";
            sim.run_central(in, r);
            for (int l = 0; l < kLanguageCount; ++l) {
                const Language lang = static_cast<Language>(l);
                const std::string pct = format_text(tr(lang, "number.percent"), {{"n", std::to_string(a)}});
                const std::string first = format_text(tr(lang, "path.first"), {{"pct", pct}, {"when", day_month_text(static_cast<int>(anchor_day), lang)}});
                EXPECT_EQ(approval_path_text(in, static_cast<int>(Region::Europe), lang).rfind(first, 0), 0u)
                    << p.id << " at " << a << "%: " << approval_path_text(in, 0, lang);
                const std::string sentence = summary_sentence(r, lang);
                const std::string clause_start = lang == Language::Japanese ? day_month_text(static_cast<int>(anchor_day), lang) + "までに" + pct
                                                                            : pct;
                EXPECT_NE(sentence.find(clause_start), std::string::npos) << p.id << " at " << a << "%: " << sentence;
            }
        }
    }
    // Model 2.0.0 said 5 % at 10 % and 64 % at 50 %.
    Inputs in;
    in.approval_pct = 10.0;
    EXPECT_EQ(approval_path_text(in, 0), "10% by 4 June, rising to 20% by late June");
    in.approval_pct = 50.0;
    EXPECT_EQ(approval_path_text(in, 0).rfind("50% by 4 June", 0), 0u);
}

TEST(Display, OneRoundingForEveryNumber) {
    EXPECT_EQ(vehicles_text(30647.0), "31,000");
    EXPECT_EQ(vehicles_text(4321.0), "4,300");
    EXPECT_EQ(vehicles_text(1234567.0), "1.2 million");
    EXPECT_EQ(vehicles_range_text(25.5e6, 27.6e6), "25.5\u201327.6 million");
    EXPECT_EQ(plants_text(0.4), "0");
    EXPECT_EQ(plants_text(7.6), "8");
    EXPECT_EQ(plants_text(41.0), "about 40");
    EXPECT_EQ(date_text(46), "20 May 2025");
    EXPECT_NEAR(path_share_at_rate(25.0, 60.0), 60.0, 1e-9);  // the paths are stated at 25 %
    EXPECT_GT(path_share_at_rate(50.0, 25.0), 25.0);
    EXPECT_LT(path_share_at_rate(10.0, 25.0), 25.0);
    EXPECT_EQ(path_share_at_rate(0.0, 60.0), 0.0);
    EXPECT_EQ(path_share_at_rate(100.0, 1.0), 100.0);
    Inputs in;
    EXPECT_EQ(approval_path_text(in, 0), "25% by 4 June, rising to 60% by late June");
    in.approval_pct = 0.0;
    EXPECT_EQ(approval_path_text(in, 0), "none ever");
}

TEST(Text, QuotableReportWithRangesSeedAndShareQuery) {
    const Results& r = results_2025();
    const std::string text = results_to_text(r);
    EXPECT_NE(text.find(r.summary), std::string::npos);
    for (const RegionData& rd : region_data()) EXPECT_NE(text.find(std::string(rd.name)), std::string::npos) << rd.name;
    for (const ComponentData& cd : component_data()) EXPECT_NE(text.find(std::string(cd.name)), std::string::npos);
    EXPECT_NE(text.find("Model " + std::string(kModelVersion) + ", seed 20250404, 400 draws"), std::string::npos);
    EXPECT_NE(text.find("61:25,83:60  (25% by 4 June, rising to 60% by late June)"), std::string::npos);
    EXPECT_NE(text.find("65 days"), std::string::npos);
    EXPECT_NE(text.find("Reproduce: ?v=1"), std::string::npos);
    EXPECT_EQ(text.find("nan"), std::string::npos);
}

// Supplier lines are counted as lines, not plants, in every language (the
// Japanese report said "274工場中" — of 274 plants — for 274 supplier lines),
// and every name stands apart from the next column, however long.
TEST(Text, SupplierLinesAreCountedAsLinesInEveryLanguage) {
    const Results& r = results_2025();
    const std::string ja = results_to_text(r, Language::Japanese);
    auto grouped = [](double v, const char* mark) {  // 1644 -> "1,644" with the language's mark
        std::string digits = std::to_string(static_cast<long long>(v));
        for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), mark);
        return digits;
    };
    double world = 0.0;
    for (int i = 0; i < kExportRegionCount; ++i) {
        const double lines = r.regions[static_cast<std::size_t>(i)].supplier_lines;
        world += lines;
        const std::string total = grouped(lines, ",");
        EXPECT_EQ(ja.find(total + "工場中"), std::string::npos) << total;
        EXPECT_NE(ja.find(total + "本中"), std::string::npos) << total;
    }
    // Counts of a thousand and more are grouped as every other number is ("of 1,644", "4.164").
    ASSERT_GE(world, 1000.0);
    EXPECT_NE(results_to_text(r).find("of " + grouped(world, ",")), std::string::npos) << grouped(world, ",");
    const std::string de = results_to_text(r, Language::German);
    EXPECT_NE(de.find(grouped(world, ".")), std::string::npos) << grouped(world, ".");
    EXPECT_EQ(de.find("Lichtmaschinen)9"), std::string::npos);
    EXPECT_NE(de.find("Lichtmaschinen)  "), std::string::npos);
}

}  // namespace
