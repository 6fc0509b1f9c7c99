// Rare Earth Shock — presets, calendar arithmetic and the dated events of 2025.
//
// [SECTION] Presets
// [SECTION] Calendar
// [SECTION] Events of 2025
#include "model.h"

#include <array>

namespace rareshock {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Presets
//-----------------------------------------------------------------------------
Inputs fast_track_inputs() {
    Inputs in;
    in.approval_pct = 80.0;       // Assumption: a whitelist approves most requests of vetted firms
    in.licence_lag_days = 20.0;   // Assumption: general licences skip most of the 45-working-day review
    return in;
}

Inputs embargo_inputs() {
    Inputs in;
    in.approval_pct = 0.0;
    return in;
}

Inputs truce_inputs() {
    Inputs in;
    // As reported to 4 June, then every request by 11 June 2025 (US-China London framework), everywhere.
    for (ApprovalPath& path : in.approval_paths) path = make_path({{61, 25}, {68, 100}});
    return in;
}

const std::array<Preset, 4> kPresets{{
    {"2025", "2025 as reported",
     "The regime of 4 April 2025 as it went: a quarter of requests approved by June, 60% by late June, "
     "India waiting until October",
     "MOFCOM/GAC Announcement No. 18 (4 Apr 2025); CLEPA, 4 Jun 2025 (Reuters): ~25% approved; "
     "CLEPA via press: ~60% by late June; India: Business Standard, 30 Oct 2025; review 45 working days "
     "(Reuters, Oct 2025)",
     Inputs{}},
    {"fast-track", "Fast-track whitelist",
     "The European whitelist proposal: 80% of requests approved by June, with a review of about 20 days",
     "EU Chamber of Commerce in China / CLEPA whitelist proposal (June 2025, press); approval rate "
     "and lag: assumption",
     fast_track_inputs()},
    {"embargo", "Full embargo", "No licence is ever approved: only stock and alternative supply help",
     "Counterfactual (assumption)", embargo_inputs()},
    {"truce", "Truce",
     "A quarter approved by June, then every request by the US-China London framework of 11 June 2025",
     "US-China London framework, 10-11 Jun 2025 (Reuters): China to expedite rare-earth licences; "
     "100% approval from then on is an assumption",
     truce_inputs()},
}};

//-----------------------------------------------------------------------------
// [SECTION] Calendar
//-----------------------------------------------------------------------------
// Days since 1970-01-01 and back (Howard Hinnant's civil-calendar algorithms).
long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = yoe + era * 400;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp + (mp < 10 ? 3 : -9);
    return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

//-----------------------------------------------------------------------------
// [SECTION] Events of 2025
//-----------------------------------------------------------------------------
// Day numbers count from 4 April 2025 (day 0). Labels stay within 30 characters.
constexpr std::array<Event, 12> kEvents{{
    {0, "Licence regime starts", "MOFCOM/GAC Announcement No. 18 of 2025, 4 Apr 2025 (Holland & Knight alert)"},
    {38, "US-China Geneva truce", "US-China joint statement, Geneva, 12 May 2025"},
    {46, "Ford halts Explorer (Chicago)", "Reuters, 13 Jun 2025: Chicago Explorer line stopped a week from 20 May"},
    {52, "Suzuki halts Swift", "Reuters, 5 Jun 2025: Suzuki suspended Swift output from 26 May"},
    {61, "EU suppliers report halts", "CLEPA statement, 4 Jun 2025 (Reuters): lines halted, ~25% of requests approved"},
    {68, "US-China London framework", "Reuters, 11 Jun 2025: China to expedite rare-earth licences"},
    {83, "Approvals reach ~60%", "CLEPA figures for late June 2025 via secondary press"},
    {166, "EU Chamber: 19 of 141 approved", "Reuters, 17 Sep 2025: 19 approved, 121 pending, 1 rejected"},
    {188, "China widens controls", "MOFCOM Announcements No. 61/62 of 2025, 9 Oct 2025"},
    {209, "India's first licences", "Business Standard, 30 Oct 2025: four Indian firms licensed"},
    {217, "China suspends Oct rules", "MOFCOM Announcement No. 70 of 2025, 7 Nov 2025, after the 30 Oct Busan truce"},
    {242, "General licences issued", "Reuters, 2 Dec 2025: one-year general licences to large magnet makers"},
}};

}  // namespace

std::span<const Preset> presets() { return kPresets; }

const Preset* find_preset(std::string_view id) {
    for (const Preset& p : kPresets)
        if (p.id == id) return &p;
    return nullptr;
}

const Preset* matching_preset(const Inputs& in) {
    for (const Preset& p : kPresets) {
        Inputs a = in;
        a.draws = p.inputs.draws;
        a.seed = p.inputs.seed;
        if (a == p.inputs) return &p;
    }
    return nullptr;
}

Date date_of_day(int day) {
    return civil_from_days(days_from_civil(kRegimeStart.year, kRegimeStart.month, kRegimeStart.day) + day);
}

int day_of_unix_ms(double unix_ms) {
    if (!(unix_ms == unix_ms) || unix_ms > 1e15 || unix_ms < -1e15) return -1;
    long long unix_day = static_cast<long long>(unix_ms / 86400000.0);
    if (static_cast<double>(unix_day) * 86400000.0 > unix_ms) --unix_day;  // floor, before 1970 too
    return static_cast<int>(unix_day - days_from_civil(kRegimeStart.year, kRegimeStart.month, kRegimeStart.day));
}

std::span<const Event> events_2025() { return kEvents; }

}  // namespace rareshock
