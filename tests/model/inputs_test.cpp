// The input field table, presets, calendar, events and the data rows.
#include "model/inputs.h"
#include "model/model.h"

#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <string>

namespace {

using namespace rareshock;

const char* const kExpectedKeys[] = {"approval",   "inventory",         "lag",          "transit",
                                     "path_europe", "path_north_america", "path_japan",  "path_south_korea",
                                     "path_india", "dep_europe",        "dep_north_america", "dep_japan",
                                     "dep_south_korea", "dep_india",    "alt_supply",   "alt_ramp",
                                     "controlled", "expedite",          "horizon",      "draws",
                                     "seed"};

TEST(InputFields, KeysAreThePublicNamesInOrder) {
    const auto fields = input_fields();
    ASSERT_EQ(fields.size(), std::size(kExpectedKeys));
    for (std::size_t i = 0; i < fields.size(); ++i) EXPECT_EQ(fields[i].key, kExpectedKeys[i]);
    EXPECT_EQ(find_input_field("dep_china"), nullptr);
    EXPECT_EQ(find_input_field("nope"), nullptr);
    EXPECT_EQ(find_input_field("approval"), &fields[0]);
}

TEST(InputFields, EveryRowIsDocumentedAndItsDefaultInRange) {
    const Inputs defaults;
    for (const InputField& f : input_fields()) {
        SCOPED_TRACE(std::string(f.key));
        EXPECT_FALSE(f.label.empty());
        EXPECT_FALSE(f.help.empty());
        EXPECT_FALSE(f.source.empty());
        if (f.kind == FieldKind::Path) {
            EXPECT_TRUE(path_problem(get_path(defaults, f)).empty());
            continue;
        }
        EXPECT_LT(f.min_value, f.max_value);
        EXPECT_GT(f.step, 0.0);
        EXPECT_TRUE(field_in_range(f, get_field(defaults, f)));
        EXPECT_EQ(f.advanced, !(f.key == "approval" || f.key == "inventory"));
    }
}

TEST(InputFields, SetThenGetRoundTripsEveryField) {
    for (const InputField& f : input_fields()) {
        SCOPED_TRACE(std::string(f.key));
        if (f.kind == FieldKind::Path) {
            Inputs in;
            const ApprovalPath path = make_path({{30, 10}, {90, 70}});
            set_path(in, f, path);
            EXPECT_EQ(get_path(in, f), path);
            EXPECT_EQ(in.approval_paths[static_cast<std::size_t>(f.region_index)], path);
            continue;
        }
        Inputs in;
        const double v = f.kind == FieldKind::Real ? (f.min_value + f.max_value) / 3.0 : f.min_value + 7.0;
        set_field(in, f, v);
        EXPECT_EQ(get_field(in, f), v);
    }
    Inputs in;
    set_field(in, *find_input_field("seed"), 4294967295.0);
    EXPECT_EQ(in.seed, 4294967295u);
    set_field(in, *find_input_field("dep_japan"), 33.0);
    EXPECT_EQ(in.china_dependence_pct[static_cast<int>(Region::Japan)], 33.0);
}

TEST(InputFields, RangeCheckRejectsNonFiniteOutOfRangeAndFractionalCounts) {
    const InputField& approval = *find_input_field("approval");
    EXPECT_TRUE(field_in_range(approval, 0.0));
    EXPECT_TRUE(field_in_range(approval, 100.0));
    EXPECT_TRUE(field_in_range(approval, 37.25));
    EXPECT_FALSE(field_in_range(approval, -0.001));
    EXPECT_FALSE(field_in_range(approval, 100.001));
    EXPECT_FALSE(field_in_range(approval, std::numeric_limits<double>::quiet_NaN()));
    EXPECT_FALSE(field_in_range(approval, std::numeric_limits<double>::infinity()));
    const InputField& draws = *find_input_field("draws");
    EXPECT_TRUE(field_in_range(draws, 1.0));
    EXPECT_TRUE(field_in_range(draws, 5000.0));
    EXPECT_FALSE(field_in_range(draws, 0.0));
    EXPECT_FALSE(field_in_range(draws, 2.5));
    EXPECT_FALSE(field_in_range(draws, 5001.0));
    const InputField& seed = *find_input_field("seed");
    EXPECT_TRUE(field_in_range(seed, 4294967295.0));
    EXPECT_FALSE(field_in_range(seed, 4294967296.0));
    EXPECT_FALSE(field_in_range(seed, -1.0));
}

TEST(InputFields, ClampRepairsEveryFieldAndLeavesValidInputsAlone) {
    Inputs in;
    EXPECT_FALSE(clamp_inputs(in));
    EXPECT_EQ(in, Inputs{});
    in.approval_pct = std::numeric_limits<double>::quiet_NaN();
    in.inventory_days = -5.0;
    in.licence_lag_days = 1e9;
    in.alt_ramp_days = 0.0;
    in.horizon_days = 5;
    in.draws = 100000;
    in.china_dependence_pct[0] = std::numeric_limits<double>::infinity();
    EXPECT_TRUE(clamp_inputs(in));
    EXPECT_EQ(in.approval_pct, Inputs{}.approval_pct);
    EXPECT_EQ(in.inventory_days, 0.0);
    EXPECT_EQ(in.licence_lag_days, 180.0);
    EXPECT_EQ(in.alt_ramp_days, 1.0);
    EXPECT_EQ(in.horizon_days, 30);
    EXPECT_EQ(in.draws, 5000);
    EXPECT_EQ(in.china_dependence_pct[0], Inputs{}.china_dependence_pct[0]);
    for (const InputField& f : input_fields()) {
        if (f.numeric()) {
            EXPECT_TRUE(field_in_range(f, get_field(in, f))) << f.key;
        }
    }
}

TEST(Presets, FourPublicIdsWithLabelsSourcesAndValidInputs) {
    const auto all = presets();
    ASSERT_EQ(all.size(), 4u);
    const char* ids[] = {"2025", "fast-track", "embargo", "truce"};
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(all[i].id, ids[i]);
        EXPECT_EQ(find_preset(ids[i]), &all[i]);
        EXPECT_FALSE(all[i].label.empty());
        EXPECT_FALSE(all[i].description.empty());
        EXPECT_FALSE(all[i].sources.empty());
        Inputs in = all[i].inputs;
        EXPECT_FALSE(clamp_inputs(in)) << ids[i];
    }
    EXPECT_EQ(find_preset("2024"), nullptr);
    EXPECT_EQ(all[0].label, "2025 as reported");
    EXPECT_EQ(all[0].inputs, Inputs{});  // the defaults are the 2025 preset
    EXPECT_EQ(find_preset("embargo")->inputs.approval_pct, 0.0);
    EXPECT_EQ(find_preset("truce")->inputs.approval_paths[0].points[1].approved_pct, 100.0);
}

TEST(ApprovalPaths, ValidPathsAndEveryProblemNamed) {
    EXPECT_TRUE(path_problem(make_path({{61, 25}, {83, 60}})).empty());
    EXPECT_TRUE(path_problem(make_path({{0, 100}})).empty());
    EXPECT_FALSE(path_problem(ApprovalPath{}).empty());                         // no points
    EXPECT_FALSE(path_problem(make_path({{83, 25}, {61, 60}})).empty());        // days fall
    EXPECT_FALSE(path_problem(make_path({{61, 25}, {61, 60}})).empty());        // days repeat
    EXPECT_FALSE(path_problem(make_path({{61, 60}, {83, 25}})).empty());        // shares fall
    EXPECT_FALSE(path_problem(make_path({{61, 101}})).empty());
    EXPECT_FALSE(path_problem(make_path({{-1, 10}})).empty());
    EXPECT_FALSE(path_problem(make_path({{731, 10}})).empty());
    EXPECT_FALSE(path_problem(make_path({{std::numeric_limits<double>::quiet_NaN(), 10}})).empty());
    ApprovalPath too_many = make_path({{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}, {7, 7}});
    EXPECT_EQ(too_many.count, kMaxPathPoints);  // make_path keeps the first six
    ApprovalPath stray = make_path({{61, 25}});
    stray.points[3] = {100, 50};
    EXPECT_FALSE(path_problem(stray).empty());
    Inputs in;
    in.approval_paths[2] = make_path({{83, 25}, {61, 60}});
    EXPECT_TRUE(clamp_inputs(in));
    EXPECT_EQ(in.approval_paths[2], Inputs{}.approval_paths[2]);
}

TEST(Presets, MatchingIgnoresDrawsAndSeedOnly) {
    Inputs in = find_preset("truce")->inputs;
    in.draws = 1234;
    in.seed = 99;
    ASSERT_NE(matching_preset(in), nullptr);
    EXPECT_EQ(matching_preset(in)->id, "truce");
    in.inventory_days += 1.0;
    EXPECT_EQ(matching_preset(in), nullptr);
    EXPECT_EQ(matching_preset(Inputs{})->id, "2025");
}

TEST(Calendar, DayNumbersBecomeDatesAcrossMonthsYearsAndLeapDays) {
    auto is = [](int day, int y, int m, int d) {
        const Date date = date_of_day(day);
        return date.year == y && date.month == m && date.day == d;
    };
    EXPECT_TRUE(is(0, 2025, 4, 4));
    EXPECT_TRUE(is(27, 2025, 5, 1));
    EXPECT_TRUE(is(46, 2025, 5, 20));
    EXPECT_TRUE(is(61, 2025, 6, 4));
    EXPECT_TRUE(is(271, 2025, 12, 31));
    EXPECT_TRUE(is(272, 2026, 1, 1));
    EXPECT_TRUE(is(365, 2026, 4, 4));
    EXPECT_TRUE(is(730, 2027, 4, 4));
    EXPECT_TRUE(is(1061, 2028, 2, 29));
    EXPECT_TRUE(is(1062, 2028, 3, 1));
    EXPECT_TRUE(is(-4, 2025, 3, 31));
}

TEST(Events, DatedShortLabelledAndSourced) {
    const auto events = events_2025();
    ASSERT_GE(events.size(), 5u);
    EXPECT_EQ(events[0].day, 0);
    int previous = -1;
    for (const Event& e : events) {
        EXPECT_GE(e.day, previous);
        previous = e.day;
        EXPECT_FALSE(e.label.empty());
        EXPECT_LE(e.label.size(), 30u) << e.label;
        EXPECT_FALSE(e.source.empty());
    }
}

TEST(Data, RegionsAndComponentsInEnumOrderWithSourcedRows) {
    const auto regions = region_data();
    ASSERT_EQ(regions.size(), static_cast<std::size_t>(kRegionCount));
    const char* keys[] = {"europe", "north_america", "japan", "south_korea", "india", "china"};
    double world = 0.0;
    for (int i = 0; i < kRegionCount; ++i) {
        const RegionData& r = regions[static_cast<std::size_t>(i)];
        EXPECT_EQ(static_cast<int>(r.id), i);
        EXPECT_EQ(r.key, keys[i]);
        EXPECT_FALSE(r.sources.empty());
        EXPECT_GT(r.plants, 1.0);
        EXPECT_GT(r.vehicle_value_usd, 0.0);
        EXPECT_GT(r.ev_hybrid_share, 0.0);
        EXPECT_LE(r.ev_hybrid_share, 1.0);
        world += r.vehicles_per_year;
    }
    EXPECT_EQ(regions[0].vehicles_per_year, 15.87e6);  // OICA 2024
    EXPECT_EQ(regions[0].plants, 137.0);               // ACEA
    EXPECT_LT(world, 92.5e6);                          // OICA world total
    const auto components = component_data();
    ASSERT_EQ(components.size(), static_cast<std::size_t>(kComponentCount));
    std::set<std::string_view> component_keys;
    for (int i = 0; i < kComponentCount; ++i) {
        const ComponentData& c = components[static_cast<std::size_t>(i)];
        EXPECT_EQ(static_cast<int>(c.id), i);
        EXPECT_FALSE(c.sources.empty());
        EXPECT_GT(c.licence_exposure_share, 0.0);
        EXPECT_LE(c.licence_exposure_share, 1.0);
        EXPECT_GT(c.inventory_multiplier, 0.0);
        component_keys.insert(c.key);
    }
    EXPECT_EQ(component_keys.size(), static_cast<std::size_t>(kComponentCount));
    EXPECT_TRUE(components[0].fitted_share_is_ev_share);
}

}  // namespace
