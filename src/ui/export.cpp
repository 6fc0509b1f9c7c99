// Rare Earth Shock — the exported picture (see export.h).
//
// [SECTION] Text: measuring, wrapping, XML
// [SECTION] SVG writer
// [SECTION] Chart
// [SECTION] Composition (picture and social card)
#include "export.h"

#include "chart.h"
#include "text.h"
#include "theme.h"

#include "model/model.h"
#include "model/numbers.h"

#include "imgui.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rareshock::ui {

//-----------------------------------------------------------------------------
// [SECTION] Text
//-----------------------------------------------------------------------------
std::string xml_escaped(std::string_view text) {
    std::string s;
    s.reserve(text.size() + 8);
    for (char c : text) {
        switch (c) {
        case '&': s += "&amp;"; break;
        case '<': s += "&lt;"; break;
        case '>': s += "&gt;"; break;
        case '"': s += "&quot;"; break;
        case '\'': s += "&#39;"; break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') s += c;  // no control characters in XML 1.0
        }
    }
    return s;
}

namespace {

// A link broken anywhere a line is full (it has no spaces to break at).
std::vector<std::string> wrap_anywhere(std::string_view text, float width, float size, const TextMeasure& measure) {
    std::vector<std::string> lines;
    std::string line;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;  // one UTF-8 character
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
        const std::string next = line + std::string(text.substr(i, n));
        if (!line.empty() && measure.width(next, size, false) > width) {
            lines.push_back(line);
            line = std::string(text.substr(i, n));
        } else {
            line = next;
        }
        i += n;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

//-----------------------------------------------------------------------------
// [SECTION] SVG writer
//-----------------------------------------------------------------------------
std::string num(double v) {  // a coordinate: one decimal, never NaN
    if (!(v == v) || v > 1e6 || v < -1e6) v = 0.0;
    char buf[32];
    rareshock::format(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s == "-0" ? "0" : s;
}

// Appends " x,y" to a list of points (no space before the first).
void point(std::string& list, float x, float y) {
    if (!list.empty() && list.back() != 'M') list += ' ';
    list += num(x);
    list += ',';
    list += num(y);
}

// The points of a line or an outline without the inner points of a horizontal run
// (the timelines count whole plants: flat for weeks at a time), as point() writes them.
class Points {
public:
    void add(float x, float y) {
        const std::size_t n = v_.size();
        if (n >= 2 && v_[n - 1].second == y && v_[n - 2].second == y) {
            v_[n - 1].first = x;
            return;
        }
        v_.emplace_back(x, y);
    }
    void write(std::string& list) const {
        for (const auto& [x, y] : v_) point(list, x, y);
    }

private:
    std::vector<std::pair<float, float>> v_;
};

std::string hex(ImU32 c) {
    char buf[8];
    rareshock::format(buf, sizeof buf, "#%02x%02x%02x", static_cast<unsigned>((c >> IM_COL32_R_SHIFT) & 0xFF),
                  static_cast<unsigned>((c >> IM_COL32_G_SHIFT) & 0xFF), static_cast<unsigned>((c >> IM_COL32_B_SHIFT) & 0xFF));
    return buf;
}

std::string base64(const unsigned char* data, std::size_t size) {
    static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string s;
    s.reserve((size + 2) / 3 * 4);
    for (std::size_t i = 0; i < size; i += 3) {
        const std::uint32_t b = static_cast<std::uint32_t>(data[i]) << 16 | (i + 1 < size ? data[i + 1] << 8 : 0) |
                                (i + 2 < size ? data[i + 2] : 0);
        s += k[b >> 18 & 63];
        s += k[b >> 12 & 63];
        s += i + 1 < size ? k[b >> 6 & 63] : '=';
        s += i + 2 < size ? k[b & 63] : '=';
    }
    return s;
}

// The colours a picture painted by class uses: each role's class name, the page's CSS
// variable that gives its theme colour (theme.css, facts.cpp), and its palette colour.
struct PictureRole {
    std::string name;     // "fg", "muted", "grid", "r0" … "r4"
    std::string css_var;  // "--rs-fg", "--rs-region-0" …
    ImU32 Palette::*colour = nullptr;  // the palette's, or (regions) nullptr
    int region = -1;
};
const std::vector<PictureRole>& picture_roles() {
    static const std::vector<PictureRole> roles = [] {
        std::vector<PictureRole> v{{"fg", "--rs-fg", &Palette::text}, {"muted", "--rs-muted", &Palette::muted},
                                   {"grid", "--rs-grid", &Palette::grid}};
        for (int i = 0; i < kExportRegionCount; ++i) {
            const std::string index = std::to_string(i);
            PictureRole role{"r", "--rs-region-", nullptr, i};
            role.name += index;
            role.css_var += index;
            v.push_back(role);
        }
        return v;
    }();
    return roles;
}

struct Svg {
    std::string s;
    const TextMeasure& measure;
    const Palette& p;
    Language lang;
    // Painted by class (chart_picture_svg): the page's style sheet gives each role its
    // theme colour, so one picture serves the light and the dark theme.
    bool classes = false;
    // The root's font-size (chart_picture_svg), which a text of that size need not repeat; 0: none.
    float base_size = 0.0f;

    // ` fill="#rrggbb"`, or by class: ` class="rs-pc-f-fg"` (f: fill, s: stroke; the roles
    // of picture_roles()).
    std::string paint(const char* attr, ImU32 c) const {
        if (classes)
            for (const PictureRole& role : picture_roles())
                if ((role.colour && c == p.*(role.colour)) || (role.region >= 0 && c == p.region[role.region]))
                    return std::string(" class=\"rs-pc-") + attr[0] + "-" + role.name + "\"";
        return std::string(" ") + attr + "=\"" + hex(c) + "\"";
    }

    enum class Anchor { Start, End, Middle };
    // One line of text; y is its baseline.
    void text(float x, float y, std::string_view t, float size, ImU32 colour, bool semibold = false, Anchor anchor = Anchor::Start,
              std::string_view extra = {}) {
        s += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"";
        if (size != base_size) s += " font-size=\"" + num(size) + "\"";
        if (semibold) s += " font-weight=\"600\"";
        if (anchor == Anchor::End) s += " text-anchor=\"end\"";
        if (anchor == Anchor::Middle) s += " text-anchor=\"middle\"";
        s += paint("fill", colour);
        if (!extra.empty()) s += ' ' + std::string(extra);
        s += '>' + xml_escaped(t) + "</text>\n";
    }
    // Wrapped text from the top `y`; returns the y below its last line.
    float paragraph(float x, float y, float width, std::string_view t, float size, float line_height, ImU32 colour,
                    bool semibold = false) {
        for (const std::string& line : wrap_text(t, width, size, semibold, measure)) {
            text(x, y + line_height * 0.5f + size * 0.36f, line, size, colour, semibold);
            y += line_height;
        }
        return y;
    }
    void line(float x0, float y0, float x1, float y1, ImU32 colour, float width, std::string_view extra = {}) {
        s += "<line x1=\"" + num(x0) + "\" y1=\"" + num(y0) + "\" x2=\"" + num(x1) + "\" y2=\"" + num(y1) + "\"" +
             paint("stroke", colour);
        if (!(classes && width == 1.0f)) s += " stroke-width=\"" + num(width) + "\"";  // 1: SVG's own default
        if (!extra.empty()) s += ' ' + std::string(extra);
        s += "/>\n";
    }
    void rect(float x, float y, float w, float h, ImU32 colour, float radius = 0.0f) {
        s += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\"";
        if (radius > 0) s += " rx=\"" + num(radius) + "\"";
        s += paint("fill", colour) + "/>\n";
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Chart
//-----------------------------------------------------------------------------
// The legend: a swatch and a name per export region, flowing over rows. Returns the y below it.
float legend(Svg& svg, float x, float y, float width, float size) {
    float cx = 0.0f;
    const float row_h = size * 1.6f;
    for (int i = 0; i < kExportRegionCount; ++i) {
        const std::string name = region_name(i, svg.lang);
        const float w = svg.measure.width(name, size, false) + 26.0f;
        if (cx > 0.0f && cx + w > width) {
            cx = 0.0f;
            y += row_h;
        }
        svg.rect(x + cx, y + row_h * 0.5f - 1.5f, 14.0f, 3.0f, svg.p.region[i], 1.5f);
        svg.text(x + cx + 18.0f, y + row_h * 0.5f + size * 0.36f, name, size, svg.p.text);
        cx += w;
    }
    return y + row_h;
}

// The timeline: P10–P90 band of the most affected region, P50 lines (the central
// estimate while the bands are not there), y grid in percent, months on the x axis.
void chart(Svg& svg, const Results& r, float x, float y, float width, float height, float size) {
    const Palette& p = svg.p;
    const int days = std::max(1, timeline_shown_days(r));
    const float y_top = std::max(0.01f, timeline_y_max(r));
    const float left = svg.measure.width("100%", size, false) + 8.0f;
    const float top = 6.0f, bottom = size * 2.6f + 6.0f;
    const float ox = x + left, oy = y + top, w = width - left - 8.0f, h = height - top - bottom;
    auto at_x = [&](double day) { return ox + w * static_cast<float>(day) / static_cast<float>(days); };
    auto at_y = [&](double share) { return oy + h * (1.0f - std::clamp(static_cast<float>(share) / y_top, 0.0f, 1.0f)); };

    const float step = timeline_y_step(y_top);
    for (int k = 0; static_cast<float>(k) * step <= y_top + 1e-4f; ++k) {
        const float s = static_cast<float>(k) * step;
        const float gy = at_y(s);
        svg.line(ox, gy, ox + w, gy, k == 0 ? p.muted : p.grid, 1.0f);
        svg.text(ox - 6.0f, gy + size * 0.36f, percent_text(static_cast<double>(s) * 100.0, 0, svg.lang), size, p.muted, false,
                 Svg::Anchor::End);
    }
    float last_label_end = -1e9f;
    for (int d = 0; d <= days; ++d) {
        if (date_of_day(d).day != 1 && d != 0) continue;
        const float tx = at_x(d);
        svg.line(tx, oy + h, tx, oy + h + 4.0f, p.muted, 1.0f);
        const std::string label = timeline_month_label(d, svg.lang);
        const float lw = svg.measure.width(label, size, false);
        if (tx < last_label_end + 8.0f || tx + lw > ox + w + 8.0f) continue;
        svg.text(tx + 2.0f, oy + h + 5.0f + size, label, size, p.muted);
        last_label_end = tx + 2.0f + lw;
    }
    svg.text(ox, oy + h + 10.0f + size * 2.2f, timeline_x_title(r, true, svg.lang), size, p.muted);

    const bool bands = r.bands_ready;
    const int shaded = timeline_shaded_region(r);
    if (bands) {
        const RegionTimeline& t = r.timeline[static_cast<std::size_t>(shaded)];
        const int n = std::min(days + 1, static_cast<int>(std::min(t.p10.size(), t.p90.size())));
        if (n > 1) {
            Points outline;
            for (int i = 0; i < n; ++i) outline.add(at_x(i), at_y(t.p90[static_cast<std::size_t>(i)]));
            for (int i = n - 1; i >= 0; --i) outline.add(at_x(i), at_y(t.p10[static_cast<std::size_t>(i)]));
            std::string d = "M";
            outline.write(d);
            svg.s += "<path d=\"" + d + " Z\"" + svg.paint("fill", p.region[shaded]) + " fill-opacity=\"0.22\"/>\n";
        }
    }
    for (int ri = kExportRegionCount - 1; ri >= 0; --ri) {
        const RegionTimeline& t = r.timeline[static_cast<std::size_t>(ri)];
        const std::vector<float>& v = bands ? t.p50 : t.central;
        const int n = std::min(days + 1, static_cast<int>(v.size()));
        if (n < 2) continue;
        Points line;
        for (int i = 0; i < n; ++i) line.add(at_x(i), at_y(v[static_cast<std::size_t>(i)]));
        std::string pts;
        line.write(pts);
        svg.s += "<polyline points=\"" + pts + "\" fill=\"none\"" + svg.paint("stroke", p.region[ri]) +
                 " stroke-width=\"2.25\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n";
    }
    if (timeline_last_stop_day(r) < 0)
        svg.text(ox + w * 0.5f, oy + h * 0.5f, ui_text(svg.lang, "ui.chart.no_stops"), size * 1.1f, p.text, false,
                 Svg::Anchor::Middle);
}

// Where and when: per export region and for the world, the first stop, the most
// plants stopped at once and the vehicles lost (median, likely range). Returns the y below it.
float regions_table(Svg& svg, const Results& r, float x, float y, float width, float size) {
    const Palette& p = svg.p;
    const float row_h = size * 1.75f;
    const float col[4] = {x, x + width * 0.21f, x + width * 0.45f, x + width * 0.69f};
    const Language lang = svg.lang;
    const char* header[4] = {"export.col.region", "export.col.first_stop", "export.col.most_stopped", "export.col.vehicles"};
    for (int c = 0; c < 4; ++c) svg.text(col[c], y + row_h * 0.5f + size * 0.36f, ui_text(lang, header[c]), size, p.muted);
    y += row_h;
    const auto regions = region_data();
    auto row = [&](int region, std::string_view name, const std::string& first, const std::string& most, const Range& lost) {
        svg.line(x, y, x + width, y, p.rule, 1.0f);
        const float base = y + row_h * 0.5f + size * 0.36f;
        if (region >= 0) svg.rect(x, y + row_h * 0.5f - size * 0.45f, 4.0f, size * 0.9f, p.region[region]);
        svg.text(col[0] + (region >= 0 ? 10.0f : 0.0f), base, name, size, p.text, region < 0);
        svg.text(col[1], base, first, size, p.text, region < 0);
        svg.text(col[2], base, most, size, p.text, region < 0);
        std::string vehicles = vehicles_text(lost.p50, lang);
        if (r.bands_ready && lost.p90 > 0.5) vehicles += " (" + vehicles_range_text(lost.p10, lost.p90, lang) + ")";
        svg.text(col[3], base, vehicles, size, p.text, region < 0);
        y += row_h;
    };
    const auto first_text = [lang](const std::optional<double>& day) {
        return day ? date_text(static_cast<int>(std::lround(*day)), lang) : std::string(ui_text(lang, "export.not_within"));
    };
    const auto plants_of = [lang](double plants, double total) {
        return ui_format(lang, "plants.of", {{"plants", plants_text(plants, lang)}, {"total", number_text(total, 0, lang)}});
    };
    std::optional<double> world_first;
    for (int i = 0; i < kExportRegionCount; ++i) {
        const RegionResult& rr = r.regions[static_cast<std::size_t>(i)];
        const RegionData& rd = regions[static_cast<std::size_t>(i)];
        const std::optional<double>& first = rr.first_halt_day.p50;
        if (first && (!world_first || *first < *world_first)) world_first = first;
        row(i, region_name(i, lang), first_text(first), plants_of(rr.peak_halted_share_p50 * rd.plants, rd.plants), rr.vehicles_lost);
    }
    const PlantsPeak peak = world_plants_peak(r);
    row(-1, ui_text(lang, "export.all_regions"), first_text(world_first), plants_of(peak.plants, export_plants_total()),
        r.world_vehicles_lost);
    svg.line(x, y, x + width, y, p.rule, 1.0f);
    return y;
}

//-----------------------------------------------------------------------------
// [SECTION] Composition
//-----------------------------------------------------------------------------
std::string font_faces(bool embed, const std::vector<unsigned char>* extra) {
    if (!embed) return {};
    std::string s = "<style>@font-face{font-family:'RS Inter';font-weight:400;src:url(data:font/otf;base64," +
                    base64(rs_font_inter_regular, rs_font_inter_regular_size) +
                    ") format('opentype')}@font-face{font-family:'RS Inter';font-weight:600;src:url(data:font/otf;base64," +
                    base64(rs_font_inter_semibold, rs_font_inter_semibold_size) + ") format('opentype')}";
    // The characters Inter lacks fall back to this face, for either weight.
    if (extra && !extra->empty())
        s += "@font-face{font-family:'RS Extra';src:url(data:font/ttf;base64," + base64(extra->data(), extra->size()) +
             ") format('truetype')}";
    return s + "</style>\n";
}

// The foot: a rule, the credit line, then "Made <date> · <link>". Returns its height.
// "Made 1 December 2026 · " before the link ("" when no date is printed).
std::string made_lead(const ExportOptions& o) {
    if (o.made_day < 0) return {};
    return ui_format(o.lang, "export.made", {{"date", date_text(o.made_day, o.lang)}}) + (o.link.empty() ? "" : " \u00b7 ");
}
float foot_height(const ExportOptions& o, float width, float size, float line_h, const TextMeasure& m) {
    float h = 12.0f + line_h * static_cast<float>(wrap_text(credit_line(o.lang), width, size, false, m).size());
    if (o.made_day >= 0 || !o.link.empty()) {
        h += line_h * static_cast<float>(wrap_anywhere(made_lead(o) + o.link, width, size, m).size());
    }
    return h;
}
void foot(Svg& svg, const ExportOptions& o, float x, float y, float width, float size, float line_h) {
    svg.line(x, y, x + width, y, svg.p.rule, 1.0f);
    y = svg.paragraph(x, y + 12.0f, width, credit_line(o.lang), size, line_h, svg.p.muted);
    if (o.made_day < 0 && o.link.empty()) return;
    const std::string lead = made_lead(o);
    bool first = true;
    for (const std::string& line : wrap_anywhere(lead + o.link, width, size, svg.measure)) {
        // The date in the muted colour, the link in the accent colour.
        const float baseline = y + line_h * 0.5f + size * 0.36f;
        if (first && !lead.empty()) {
            svg.text(x, baseline, lead, size, svg.p.muted);
            if (line.size() > lead.size())
                svg.text(x + svg.measure.width(lead, size, false), baseline, std::string_view(line).substr(lead.size()), size,
                         svg.p.accent);
        } else {
            svg.text(x, baseline, line, size, svg.p.accent);
        }
        first = false;
        y += line_h;
    }
}

}  // namespace

float FontMeasure::width(std::string_view utf8, float font_size_px, bool semibold) const {
    ImFont* font = semibold ? fonts_.label : fonts_.body;
    if (!font || utf8.empty()) return 0.0f;
    return font->CalcTextSizeA(font_size_px * line_height_per_em(), FLT_MAX, 0.0f, utf8.data(), utf8.data() + utf8.size()).x;
}

namespace {
// One code point of UTF-8 at `i` (advancing i); U+FFFD for a malformed byte.
char32_t next_code_point(std::string_view t, std::size_t& i) {
    const unsigned char c = static_cast<unsigned char>(t[i++]);
    const int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0) return 0xFFFD;
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= t.size() || (static_cast<unsigned char>(t[i]) >> 6) != 2) return 0xFFFD;
        cp = cp << 6 | (static_cast<unsigned char>(t[i++]) & 0x3F);
    }
    return cp;
}
}  // namespace

std::vector<std::string> wrap_text(std::string_view text, float width, float size, bool semibold, const TextMeasure& measure) {
    // The text as pieces that may not be broken, each with whether a space preceded it.
    struct Piece { std::string text; bool after_space; };
    std::vector<Piece> pieces;
    bool space = false;
    char32_t prev = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const char32_t c = next_code_point(text, i);
        if (c == U' ') {
            space = !pieces.empty();
            prev = 0;
            continue;
        }
        const bool breakable = space || pieces.empty() || may_break_between(prev, c);  // text.h
        if (breakable) pieces.push_back({{}, space});
        pieces.back().text.append(text.substr(at, i - at));
        space = false;
        prev = c;
    }
    std::vector<std::string> lines;
    std::string line;
    for (const Piece& piece : pieces) {
        const std::string next = line.empty() ? piece.text : line + (piece.after_space ? " " : "") + piece.text;
        if (!line.empty() && measure.width(next, size, semibold) > width) {  // a piece wider than the line stands alone
            lines.push_back(line);
            line = piece.text;
        } else {
            line = next;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

ExportImage scenario_svg(const Results& r, const ExportOptions& o, const TextMeasure& measure) {
    const Palette& p = palette(o.dark);
    const bool card = o.layout == ExportLayout::SocialCard;
    const float W = card ? kSocialCardWidthPx : kExportPictureWidthPx;
    const float pad = card ? 56.0f : 32.0f;
    const float inner = W - 2 * pad;
    const std::string sentence = o.lang != Language::English || r.summary.empty() ? summary_sentence(r, o.lang) : r.summary;
    // A card is seen small, beside a link: a short title with the key figure; the picture has the whole sentence.
    const std::string headline = card ? card_title(r, o.lang) : sentence;
    Svg body{{}, measure, p, o.lang};

    float y = pad;
    const float kicker = card ? 18.0f : 13.0f;
    body.text(pad, y + kicker * 0.8f, "RARE EARTH SHOCK", kicker, p.accent, true, Svg::Anchor::Start, "letter-spacing=\"1\"");
    y += kicker + (card ? 14.0f : 10.0f);

    // The headline: on the card, the largest size that keeps it to three lines (28 px at least: a card is seen small).
    float hs = card ? 40.0f : 24.0f;
    if (card)
        while (hs > 28.0f && wrap_text(headline, inner, hs, true, measure).size() > 3) hs -= 2.0f;
    y = body.paragraph(pad, y, inner, headline, hs, hs * 1.25f, p.text, true) + (card ? 16.0f : 12.0f);

    const float small = card ? 17.0f : 13.0f, small_lh = small * 1.4f;
    if (!card) {
        // The scenario's inputs in words.
        bool first = true;
        for (const std::string& line : scenario_lines(r.inputs, o.lang)) {
            y = body.paragraph(pad, y, inner, line, 14.0f, 20.0f, p.text, first);
            first = false;
        }
        y += 16.0f;
        y = body.paragraph(pad, y, inner, std::string(ui_text(o.lang, "ui.chart.title")), 17.0f, 24.0f, p.text, true);
        y = body.paragraph(pad, y, inner, timeline_subtitle(r, o.lang), small, small_lh, p.muted);
        y += 4.0f;
    }
    y = legend(body, pad, y, inner, small) + 6.0f;

    const float foot_size = card ? 15.0f : 12.0f, foot_lh = foot_size * 1.45f;
    const float foot_h = foot_height(o, inner, foot_size, foot_lh, measure);
    float chart_h = 300.0f;
    if (card) chart_h = std::max(120.0f, kSocialCardHeightPx - pad * 0.75f - foot_h - 12.0f - y);
    chart(body, r, pad, y, inner, chart_h, small);
    y += chart_h + 12.0f;
    if (!card) y = regions_table(body, r, pad, y + 4.0f, inner, 13.0f) + 20.0f;
    foot(body, o, pad, y, inner, foot_size, foot_lh);
    y += foot_h;
    const float H = card ? kSocialCardHeightPx : std::ceil(y + pad * 0.75f);

    ExportImage image;
    image.width = W;
    image.height = H;
    std::string& s = image.svg;
    s.reserve(body.s.size() + 200 * 1024);
    s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    // IPAGothic: the system's copy of the Japanese face, for the social card, which
    // rsvg-convert draws at build time with the system's fonts (no embedded faces).
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(W) + "\" height=\"" + num(H) + "\" viewBox=\"0 0 " + num(W) +
         " " + num(H) + "\" font-family=\"'RS Inter', Inter, 'RS Extra', IPAGothic, 'Helvetica Neue', Arial, sans-serif\">\n";
    s += "<title>" + xml_escaped(sentence) + "</title>\n<desc>";
    for (const std::string& line : scenario_lines(r.inputs, o.lang)) s += xml_escaped(line) + " ";
    s += xml_escaped(credit_line(o.lang)) + "</desc>\n";
    s += font_faces(o.embed_fonts, o.extra_face);
    s += "<rect width=\"100%\" height=\"100%\" fill=\"" + hex(p.background) + "\"/>\n";
    s += body.s;
    s += "</svg>\n";
    return image;
}

std::string chart_picture_svg(const Results& r, Language lang, float width, float height, const TextMeasure& measure) {
    Svg body{{}, measure, palette(false), lang};
    body.classes = true;
    const float size = 13.0f;
    body.base_size = size;
    float y = body.paragraph(0.0f, 0.0f, width, std::string(ui_text(lang, "ui.chart.title")), 15.0f, 21.0f, body.p.text, true);
    y = legend(body, 0.0f, y + 2.0f, width, size) + 4.0f;
    chart(body, r, 0.0f, y, width, height - y - size * 0.4f, size);  // room for the x title's descenders
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" width=\"" + num(width) +
           "\" height=\"" + num(height) + "\" font-size=\"" + num(size) + "\" class=\"rs-pc\" aria-hidden=\"true\">\n" + body.s + "</svg>\n";
}

std::string chart_picture_css() {
    std::string css;
    for (const PictureRole& role : picture_roles())
        css += ".rs-pc-f-" + role.name + "{fill:var(" + role.css_var + ")}.rs-pc-s-" + role.name + "{stroke:var(" + role.css_var + ")}";
    return css;
}

}  // namespace rareshock::ui
