// Rare Earth Shock — the calibration report: the fit of the shared mechanics
// and the model-vs-record table of docs/methodology.md, reproducible.
//   build/native/bench/calibration            (scripts/calibrate.sh builds and runs it)
// Prints Markdown. The record's facts and their sources are written here once,
// next to the model's figure for each.
#include "model/model.h"
#include "model/results.h"

#include <cstdio>
#include <string>

namespace {

using namespace rareshock;

constexpr int kDraws = 1000;
constexpr int kEurope = static_cast<int>(Region::Europe);
constexpr int kNorthAmerica = static_cast<int>(Region::NorthAmerica);
constexpr int kJapan = static_cast<int>(Region::Japan);
constexpr int kKorea = static_cast<int>(Region::SouthKorea);
constexpr int kIndia = static_cast<int>(Region::India);

std::string day_text(const std::optional<double>& d) { return d ? date_text(static_cast<int>(*d + 0.5)) : std::string("none"); }

std::string first_stop(const Results& r, int region) {
    const OptionalRange& f = r.regions[static_cast<std::size_t>(region)].first_halt_day;
    if (!f.p50) return f.p10 ? "after the horizon in most draws (P10 " + day_text(f.p10) + ")" : "none";
    return day_text(f.p50) + " (P10-P90 " + day_text(f.p10) + " - " + day_text(f.p90) + ")";
}

std::string peak_plants(const Results& r, int region) {
    const RegionResult& rr = r.regions[static_cast<std::size_t>(region)];
    const double plants = region_data()[static_cast<std::size_t>(region)].plants;
    return plants_text(rr.peak_halted_share_p50 * plants) + " of " + std::to_string(static_cast<int>(plants));
}

std::string supplier_lines(const Results& r, int region) {
    const RegionResult& rr = r.regions[static_cast<std::size_t>(region)];
    const OptionalRange& f = rr.supplier_first_stop_day;
    return "first stop " + (f.p50 ? day_text(f.p50) : std::string("none")) + "; " + plants_text(rr.peak_supplier_lines_stopped.p50) +
           " of " + std::to_string(static_cast<int>(rr.supplier_lines)) + " at the worst";
}

std::string lost(const Range& v) { return vehicles_text(v.p50) + " (" + vehicles_range_text(v.p10, v.p90) + ")"; }

// Share of supply chains holding a licence, averaged over days [begin, end),
// weighted by each export region's vehicles and China dependence (or one region).
double licensed_share(const Inputs& in, int begin, int end, int only_region = -1) {
    double weight_sum = 0.0, sum = 0.0;
    for (int r = 0; r < kExportRegionCount; ++r) {
        if (only_region >= 0 && r != only_region) continue;
        const double weight = region_data()[static_cast<std::size_t>(r)].vehicles_per_year * in.china_dependence_pct[static_cast<std::size_t>(r)];
        for (int t = begin; t < end; ++t) {
            sum += weight * licensed_share_on_day(in, r, t);
            weight_sum += weight;
        }
    }
    return sum / weight_sum;
}

}  // namespace

int main() {
    Simulator sim;
    Results r;
    Inputs in = find_preset("2025")->inputs;
    in.draws = kDraws;

    // 1. The fit: the cover distribution's shape, the one shared mechanic the
    //    first recorded stops can pin down (Ford, Chicago, day 46; Suzuki, day 52).
    std::printf("## Fit of the cover shape on the first recorded stops (%d draws, seed %u)\n\n", kDraws, in.seed);
    std::printf("| shape | North America first stop (P50 day) | Japan first stop (P50 day) | squared error (days^2) |\n");
    std::printf("|---|---|---|---|\n");
    const Mechanics defaults = default_mechanics();
    int best_quarters = 0;
    double best_error = 1e300;
    for (int quarters = 1; quarters <= 20; ++quarters) {
        Mechanics m = defaults;
        m.cover_shape_quarters = quarters;
        sim.set_mechanics(m);
        sim.run(in, r);
        const auto& na = r.regions[kNorthAmerica].first_halt_day.p50;
        const auto& jp = r.regions[kJapan].first_halt_day.p50;
        const double e_na = na ? *na - 46.0 : 365.0, e_jp = jp ? *jp - 52.0 : 365.0;
        const double error = e_na * e_na + e_jp * e_jp;
        if (error < best_error) {
            best_error = error;
            best_quarters = quarters;
        }
        std::printf("| %.2f | %s | %s | %.0f |\n", quarters / 4.0, na ? std::to_string(static_cast<int>(*na + 0.5)).c_str() : "none",
                    jp ? std::to_string(static_cast<int>(*jp + 0.5)).c_str() : "none", error);
    }
    std::printf("\nBest shape: %.2f (the model uses %.2f; each draw takes it or a quarter either side).\n\n", best_quarters / 4.0,
                defaults.cover_shape_quarters / 4.0);
    sim.set_mechanics(defaults);

    // 2. The 2025 preset against the record.
    sim.run(in, r);
    const PlantsPeak peak = world_plants_peak(r);
    std::printf("## \"2025 as reported\" against the record (%d draws)\n\n", kDraws);
    std::printf("| | The record | The model: P50 (P10-P90) |\n|---|---|---|\n");
    std::printf("| **Fitted** | | |\n");
    std::printf("| First stop, North America | Ford idles the Explorer line in Chicago, 20 May 2025 (day 46; Bloomberg/Fortune) | %s |\n",
                first_stop(r, kNorthAmerica).c_str());
    std::printf("| First stop, Japan | Suzuki halts the Swift at Sagara, 26 May (day 52; Reuters) | %s |\n", first_stop(r, kJapan).c_str());
    std::printf("| Approvals, Europe | about 25%% by 4 June, about 60%% by late June (CLEPA) | the path's points (inputs) |\n");
    std::printf("| **Not fitted** | | |\n");
    std::printf("| Supplier lines, Europe | CLEPA, 4 June (day 61): several supplier plants and lines already shut, more expected "
                "within three to four weeks | %s |\n", supplier_lines(r, kEurope).c_str());
    std::printf("| Supplier lines, North America / Japan | the Ford and Suzuki stops came from suppliers' shortages | %s / %s |\n",
                supplier_lines(r, kNorthAmerica).c_str(), supplier_lines(r, kJapan).c_str());
    std::printf("| First stop, Europe | no carmaker stop reported; CLEPA, 4 June: several supplier plants and lines shut; "
                "BMW, Mercedes, VW: own plants normal | %s |\n", first_stop(r, kEurope).c_str());
    std::printf("| Plants with a line stopped at once | two named single-model stops (Ford, Suzuki) | %s of %s at the worst (%s) |\n",
                plants_text(peak.plants).c_str(), std::to_string(static_cast<int>(export_plants_total())).c_str(),
                peak.day >= 0 ? date_text(peak.day).c_str() : "-");
    std::printf("| ... Europe / North America / Japan | none / one / one | %s / %s / %s |\n", peak_plants(r, kEurope).c_str(),
                peak_plants(r, kNorthAmerica).c_str(), peak_plants(r, kJapan).c_str());
    std::printf("| Restart | Ford's line restarted after a week, Suzuki's after about two | recovery: North America %s, "
                "Japan %s |\n", day_text(r.regions[kNorthAmerica].recovery_day.p50).c_str(), day_text(r.regions[kJapan].recovery_day.p50).c_str());
    std::printf("| Vehicles lost, world | tens of thousands while plants stood (a week of Explorers, two weeks of Swifts; "
                "Maruti's e-Vitara plan cut by 18,300 for April-September) | %s while plants stood; %s not built within the "
                "year after make-up |\n", lost(r.world_gross_vehicles_lost).c_str(), lost(r.world_vehicles_lost).c_str());
    std::printf("| India | no direct licence until 30 October (day 209); no car plant stop reported; Maruti: \"no impact "
                "on production\" (9 June) | first stop %s; %s plants at the worst; %s vehicles |\n", first_stop(r, kIndia).c_str(),
                peak_plants(r, kIndia).c_str(), lost(r.regions[kIndia].vehicles_lost).c_str());
    std::printf("| South Korea | no stop reported (Hyundai held about a year of magnets, which the model uses as an input) | first stop %s |\n",
                first_stop(r, kKorea).c_str());
    static constexpr struct { const char* month; int begin, end; double record; } kMonths[] = {
        {"April", 0, 27, -51.0}, {"May", 27, 58, -74.0}, {"June", 58, 88, -38.0}, {"July", 88, 119, 6.0}};
    for (const auto& m : kMonths)
        std::printf("| Magnet exports, %s | %+.0f%% year on year (China customs) | %.0f%% of supply chains licensed |\n", m.month, m.record,
                    100.0 * licensed_share(in, m.begin, m.end));
    std::printf("| Applications, EU Chamber, 17 Sep (day 166) | 19 of 141 approved, 121 pending, 1 rejected | Europe's supply chains "
                "licensed: %.0f%% |\n", 100.0 * licensed_share(in, 166, 167, kEurope));
    std::printf("| Applications, EU, Nov (day 215) | about 2,000, just over half approved (European Commission) | %.0f%% |\n",
                100.0 * licensed_share(in, 215, 216, kEurope));

    // Kinds of parts, in the order their supplier lines run out.
    std::printf("\n## Kinds of parts, in the order their supplier lines run out (%d draws)\n\n", kDraws);
    std::printf("| Part | First supplier line stops, P50 (P10-P90) | Supplier lines at the worst, P50 (P10-P90) | Supply recovers (day) |\n"
                "|---|---|---|---|\n");
    for (int rank = 1; rank <= kComponentCount; ++rank) {
        for (int c = 0; c < kComponentCount; ++c) {
            const ComponentResult& cr = r.components[static_cast<std::size_t>(c)];
            if (cr.rank != rank) continue;
            const OptionalRange& f = cr.first_stop_day;
            std::printf("| %s | %s (%s - %s) | %s of %d (%.0f-%.0f) | %.0f |\n", component_name(c).c_str(), day_text(f.p50).c_str(),
                        day_text(f.p10).c_str(), day_text(f.p90).c_str(), plants_text(cr.peak_lines_stopped.p50).c_str(),
                        static_cast<int>(cr.supplier_lines), cr.peak_lines_stopped.p10, cr.peak_lines_stopped.p90, cr.time_to_recover_days);
        }
    }

    // 3. What moves the answer: the drawn assumptions, from the simulations themselves.
    std::printf("\n## What moves the answer (world vehicles not built, P50 of the fifth of the %d draws with the assumption lowest / highest)\n\n", kDraws);
    std::printf("| Assumption | Low end | High end |\n|---|---|---|\n");
    for (int i = 0; i < r.driver_count; ++i) {
        const DriverResult& d = r.drivers[static_cast<std::size_t>(i)];
        std::printf("| %s | %s | %s |\n", driver_name(d.id).c_str(), vehicles_text(d.low).c_str(), vehicles_text(d.high).c_str());
    }

    // 4. What the unsourced mechanics do: each varied alone.
    std::printf("\n## Sensitivity to the assumptions (world vehicles not built, P50; car plants and supplier lines at the worst)\n\n");
    std::printf("| Assumption | Value | Vehicles not built | Car plants at the worst | Supplier lines at the worst |\n|---|---|---|---|---|\n");
    auto row = [&](const char* name, const std::string& value, const Mechanics& m, const Inputs& inputs) {
        sim.set_mechanics(m);
        sim.run(inputs, r);
        std::printf("| %s | %s | %s | %s | %s |\n", name, value.c_str(), lost(r.world_vehicles_lost).c_str(),
                    plants_text(world_plants_peak(r).plants).c_str(), plants_text(r.world_peak_supplier_lines_stopped.p50).c_str());
    };
    row("(as published)", "-", defaults, in);
    for (double w : {7.0, 28.0}) {
        Mechanics m = defaults;
        m.warning_days = w;
        row("Warning before a stop", std::to_string(static_cast<int>(w)) + " days (14)", m, in);
    }
    for (double day : {46.0, 83.0}) {
        Mechanics m = defaults;
        m.escalation_day = day;
        row("Expedited licences from", date_text(static_cast<int>(day)) + " (7 June)", m, in);
    }
    for (const auto& [lo, hi] : {std::pair{2.0, 6.0}, std::pair{15.0, 25.0}}) {
        Mechanics m = defaults;
        m.parts_buffer_days_min = lo;
        m.parts_buffer_days_max = hi;
        row("Finished parts between supplier and car plant", std::to_string(static_cast<int>(lo)) + "-" +
            std::to_string(static_cast<int>(hi)) + " days (5-15)", m, in);
    }
    for (const auto& [lo, hi] : {std::pair{0.0, 0.2}, std::pair{0.8, 1.0}}) {
        Mechanics m = defaults;
        m.other_supplier_share_min = lo;
        m.other_supplier_share_max = hi;
        row("Share other suppliers make up", std::to_string(static_cast<int>(lo * 100)) + "-" +
            std::to_string(static_cast<int>(hi * 100)) + "% (30-70%)", m, in);
    }
    for (const auto& [lo, hi] : {std::pair{0.1, 0.3}, std::pair{0.8, 1.0}}) {
        Mechanics m = defaults;
        m.spare_capacity_share_min = lo;
        m.spare_capacity_share_max = hi;
        row("Share of lost output made up later", std::to_string(static_cast<int>(lo * 100)) + "-" +
            std::to_string(static_cast<int>(hi * 100)) + "% (40-80%)", m, in);
    }
    for (int lines : {1, 3}) {
        Mechanics m = defaults;
        m.lines_per_plant = lines;
        row("Lines per plant", std::to_string(lines) + " (2)", m, in);
    }
    for (double e : {5.0, 20.0}) {
        Inputs x = in;
        x.expedite_days = e;
        row("Emergency supply", std::to_string(static_cast<int>(e)) + " days (10)", defaults, x);
    }
    for (double inv : {45.0, 90.0}) {
        Inputs x = in;
        x.inventory_days = inv;
        row("Stock at the start", std::to_string(static_cast<int>(inv)) + " days (65)", defaults, x);
    }
    return 0;
}
