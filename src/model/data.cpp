// Rare Earth Shock — the model's facts: regions and component classes, with a
// source (or the word "Assumption") beside every number.
//
// [SECTION] Regions
// [SECTION] Components
//
// One source of truth: docs/methodology.md and the app's "Method and sources"
// panel describe these rows; the simulation reads them from here only.
#include "model.h"

#include <array>

namespace rareshock {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Regions
//-----------------------------------------------------------------------------
// vehicles_per_year: OICA 2024 production statistics (all vehicles).
// plants: assembly plants that can stop; a region's first halt is the day the
//   halted share reaches one plant in `plants`.
// ev_hybrid_share: share of vehicles with an electric traction motor (BEV, PHEV,
//   full and mild hybrids with a magnet motor), 2024, rounded.
// inventory_multiplier: regional magnet cover relative to Inputs::inventory_days.
// vehicle_value_usd: average ex-factory value of a vehicle (assumption, rounded).
// embedded_share: share of the region's magnets that arrive inside China-made
//   motors and sub-assemblies; the April 2025 licences covered magnets, not the
//   parts that contain them (ICRA, June 2025: Indian makers turned to importing
//   assembled motors for this reason).
constexpr std::array<RegionData, kRegionCount> kRegions{{
    {
        .id = Region::Europe,
        .key = "europe",
        .name = "Europe",
        .vehicles_per_year = 15.87e6,  // OICA 2024
        .plants = 137.0,               // ACEA: 137 passenger-car assembly plants (of 309 automotive plants)
        .sources = "OICA 2024 production; ACEA plant map (137 car assembly plants); "
                   "ACEA 2024 registrations (~52% BEV+PHEV+HEV); value: assumption",
        .ev_hybrid_share = 0.50,       // ACEA 2024: BEV 13.6% + PHEV 7.2% + HEV 30.9% of EU registrations
        .inventory_multiplier = 1.0,   // the reader's inventory input is the reference
        .vehicle_value_usd = 35000.0,  // Assumption
        .embedded_share = 0.5,         // Assumption: about half of the content comes as parts (see India)
    },
    {
        .id = Region::NorthAmerica,
        .key = "north_america",
        .name = "North America",
        .vehicles_per_year = 16.11e6,  // OICA 2024
        .plants = 100.0,               // ~72 US light-vehicle assembly plants (press, weak) + ~28 in Mexico and Canada (assumption)
        .sources = "OICA 2024 production; ~72 US plants (press) + Mexico/Canada (assumption); "
                   "US EV+hybrid ~20% of 2024 sales (Cox Automotive, EIA); value: assumption",
        .ev_hybrid_share = 0.20,       // US 2024: BEV ~8%, HEV ~10%, PHEV ~2% of sales
        .inventory_multiplier = 1.0,   // Assumption: same cover as Europe
        .vehicle_value_usd = 45000.0,  // Assumption (US average transaction price ~USD 48,000, KBB 2024)
        .embedded_share = 0.5,         // Assumption: as Europe
    },
    {
        .id = Region::Japan,
        .key = "japan",
        .name = "Japan",
        .vehicles_per_year = 8.23e6,   // OICA 2024
        .plants = 50.0,                // Assumption: ~50 vehicle assembly plants of the eight makers
        .sources = "OICA 2024 production; plants: assumption; hybrids ~55% (JADA 2024, rounded); "
                   "60-day national stockpile target (press 2025) -> cover x1.3 (assumption)",
        .ev_hybrid_share = 0.55,       // JADA 2024: hybrids are over half of domestic passenger-car sales
        .inventory_multiplier = 1.3,   // Assumption from Japan's 60-day national stockpile target (press 2025)
        .vehicle_value_usd = 25000.0,  // Assumption
        .embedded_share = 0.5,         // Assumption: as Europe
    },
    {
        .id = Region::SouthKorea,
        .key = "south_korea",
        .name = "South Korea",
        .vehicles_per_year = 4.13e6,   // OICA 2024
        .plants = 20.0,                // Assumption: Hyundai, Kia, GM Korea, Renault Korea, KGM assembly plants
        .sources = "OICA 2024 production; Hyundai held about a year of magnets (Reuters, June 2025); "
                   "plants, EV share and value: assumption",
        .ev_hybrid_share = 0.30,       // Assumption (hybrids and EVs ~30% of output, rounded)
        .inventory_multiplier = 4.0,   // Hyundai-Kia, ~80% of Korean output, held about a year (Reuters, Jun 2025); others assumed as Europe
        .vehicle_value_usd = 28000.0,  // Assumption
        .embedded_share = 0.5,         // Assumption: as Europe
    },
    {
        .id = Region::India,
        .key = "india",
        .name = "India",
        .vehicles_per_year = 6.01e6,   // OICA 2024
        .plants = 40.0,                // Assumption
        .sources = "OICA 2024 production; stock: Crisil and ICRA, June 2025; magnet imports ~540 t "
                   "(Crisil, FY2025) against the vehicles' content; plants, EV share and value: assumption",
        .ev_hybrid_share = 0.05,       // Assumption (EVs + strong hybrids ~5% of cars)
        .inventory_multiplier = 1.0,   // Crisil/ICRA figures are Indian: the reference
        .vehicle_value_usd = 12000.0,  // Assumption
        .embedded_share = 0.9,         // Crisil: India imported ~540 t of magnets in FY2025 for all uses; its
                                       // 6 M vehicles hold ~1,500 t of rare earths (~0.25 kg each, IEA), about
                                       // 5,000 t of magnet: at most a tenth can arrive as loose magnets
    },
    {
        .id = Region::China,
        .key = "china",
        .name = "China (reference)",
        .vehicles_per_year = 31.28e6,  // OICA 2024
        .plants = 150.0,               // Assumption; not used (domestic supply is not export-licensed)
        .sources = "OICA 2024 production; reference row: domestic magnets need no export licence",
        .ev_hybrid_share = 0.45,       // CAAM 2024: NEVs ~41% of sales, plus hybrids (rounded; display only)
        .inventory_multiplier = 1.0,
        .vehicle_value_usd = 25000.0,  // Assumption
    },
}};

//-----------------------------------------------------------------------------
// [SECTION] Components
//-----------------------------------------------------------------------------
// fitted_share: share of vehicles that carry the part (traction motors: the
//   region's ev_hybrid_share). A plant out of a part can still build the
//   vehicles that do not need it.
// licence_exposure_share: share of the part's magnets that fall under the
//   regime (heavy rare earths Dy/Tb, Sm-Co, and ordinary NdFeB held under the
//   same customs code). Multiplied by Inputs::controlled_pct / 100.
// inventory_multiplier, parts_buffer_multiplier: the magnet stock and the
//   finished-parts buffer of the class's supplier lines, relative to the drawn
//   stock (Inputs::inventory_days, the draw's multiplier) and the drawn buffer
//   (Mechanics::parts_buffer_days_*). No source gives either by class (CLEPA,
//   MEMA and JAPIA name the parts, not their weeks of stock): all 1, so the
//   classes differ only by the share of their magnets under the regime and
//   the share of vehicles fitted, i.e. by how many of their supplier lines
//   depend on licensed magnets.
// fitted_share and licence_exposure_share are assumptions, described in
// docs/methodology.md.
constexpr std::array<ComponentData, kComponentCount> kComponents{{
    {
        .id = Component::TractionMotor,
        .key = "traction_motor",
        .name = "EV/hybrid traction motors",
        .sources = "VDA Oct 2025: 0.8-4.4 kg NdFeB per traction motor, Dy/Tb for heat resistance; "
                   "fitted share = EV+hybrid share of the region; exposure: assumption",
        .fitted_share = 1.0,
        .fitted_share_is_ev_share = true,
        .licence_exposure_share = 1.0,   // Assumption: high-temperature magnets need Dy/Tb
        .inventory_multiplier = 1.0,     // No source by class: equal (see above)
        .parts_buffer_multiplier = 1.0,  // No source by class: equal (see above)
    },
    {
        .id = Component::PowerSteering,
        .key = "power_steering",
        .name = "Electric power steering",
        .sources = "US industry letter May 2025 names power steering; fitted ~95% of new cars "
                   "(assumption); exposure: assumption",
        .fitted_share = 0.95,            // Assumption: EPS in ~95% of new cars
        .licence_exposure_share = 1.0,   // Assumption: NdFeB with Dy
        .inventory_multiplier = 1.0,     // No source by class: equal (see above)
        .parts_buffer_multiplier = 1.0,  // No source by class: equal (see above)
    },
    {
        .id = Component::SmallMotors,
        .key = "small_motors",
        .name = "Small motors and actuators",
        .sources = "US industry letter May 2025 (motors, seat belts, throttle bodies); seats, windows, "
                   "wipers, pumps, fans; exposure and cover: assumption",
        .fitted_share = 1.0,
        .licence_exposure_share = 0.9,   // Assumption: some ferrite motors
        .inventory_multiplier = 1.0,     // No source by class: equal (see above)
        .parts_buffer_multiplier = 1.0,  // No source by class: equal (see above)
    },
    {
        .id = Component::Sensors,
        .key = "sensors",
        .name = "Sensors (ABS, position)",
        .sources = "US industry letter May 2025 (sensors); exposure and cover: assumption",
        .fitted_share = 1.0,
        .licence_exposure_share = 0.9,   // Assumption: Sm-Co and NdFeB sensor magnets
        .inventory_multiplier = 1.0,     // No source by class: equal (see above)
        .parts_buffer_multiplier = 1.0,  // No source by class: equal (see above)
    },
    {
        .id = Component::Audio,
        .key = "audio",
        .name = "Speakers",
        .sources = "US industry letter May 2025 (speakers); many speakers use ferrite: exposure 0.6 (assumption)",
        .fitted_share = 1.0,
        .licence_exposure_share = 0.6,   // Assumption
        .inventory_multiplier = 1.0,     // No source by class: equal (see above)
        .parts_buffer_multiplier = 1.0,  // No source by class: equal (see above)
    },
    {
        .id = Component::Other,
        .key = "other",
        .name = "Other (lights, cameras, alternators)",
        .sources = "US industry letter May 2025 (lights, cameras, alternators, transmissions); "
                   "exposure: assumption",
        .fitted_share = 1.0,
        .licence_exposure_share = 0.8,   // Assumption
        .inventory_multiplier = 1.0,     // No source by class: equal (see above)
        .parts_buffer_multiplier = 1.0,  // No source by class: equal (see above)
    },
}};

}  // namespace

std::span<const RegionData> region_data() { return kRegions; }
std::span<const ComponentData> component_data() { return kComponents; }

const Mechanics& default_mechanics() {
    static const Mechanics mechanics{};  // the values and their sources are in model.h
    return mechanics;
}

}  // namespace rareshock
