// Rare Earth Shock — the reader's actions and the status line (see actions.h).
#include "actions.h"

#include "export.h"
#include "format.h"
#include "model/query.h"
#include "text.h"

#include <algorithm>

namespace rareshock::ui {

void Actions::set_status(const std::string& s, double seconds) {
    status_ = s;
    status_until_ = now_ + seconds;
    host_.show_status(s);
}

// Success only once the clipboard has the link; a refusal stays up while the page
// offers the link in a field under it to copy by hand.
void Actions::copy_status(bool ok, Language lang) {
    const char* key = !ok ? "ui.status.copy_failed" : link_local_ ? "ui.status.copied_local" : "ui.status.copied";
    set_status(std::string(ui_text(lang, key)), ok && !link_local_ ? 3.0 : 10.0);
}

void Actions::copy_finished(bool ok, Language lang, double time_seconds) {
    now_ = std::max(now_, time_seconds);
    copy_status(ok, lang);
}

void Actions::finish_model() {
    runner_.ensure_current();
    while (runner_.advance(100.0)) {
    }
}

ExportImage Actions::picture(const ActionContext& c, bool dark, bool embed_fonts) {
    finish_model();
    const Inputs& inputs = runner_.inputs();
    ExportOptions o;
    o.dark = dark;
    o.embed_fonts = embed_fonts;
    o.link = host_.share_url(encode_query(inputs));
    o.made_day = c.today_day >= 0 ? c.today_day : host_.today_day();  // before any frame, the host's clock
    o.lang = c.lang;
    if (c.lang == Language::Japanese) o.extra_face = c.japanese_face;
    return scenario_svg(runner_.results(), o, FontMeasure(*c.fonts));
}

std::string Actions::print_svg(const ActionContext& c) { return picture(c, false, false).svg; }

void Actions::run(Action a, const ActionContext& c) {
    const Inputs& inputs = runner_.inputs();
    switch (a) {
    case Action::CopyLink: {
        const std::string url = host_.share_url(encode_query(inputs));
        link_local_ = !url.starts_with("http://") && !url.starts_with("https://");
        const Host::CopyOutcome o = host_.copy_text(url);
        if (o != Host::CopyOutcome::Pending) copy_status(o == Host::CopyOutcome::Copied, c.lang);
        break;
    }
    case Action::Reset:
        runner_.set_inputs(Inputs{});
        set_status(ui_format(c.lang, "ui.status.reset", {{"preset", preset_label(c.lang, *find_preset("2025"))}}));
        break;
    case Action::DownloadCsv:
        finish_model();
        // With a byte-order mark: Excel reads a CSV as UTF-8 only then (Japanese Excel
        // would read Shift_JIS, German Excel Windows-1252). The CLI's CSV, for scripts, has none.
        host_.download_text(export_file_name(inputs, ".csv"), "text/csv",
                            "\xEF\xBB\xBF" + results_to_csv(runner_.results(), host_.share_url(encode_query(inputs)), c.lang));
        break;
    case Action::DownloadPng:
    case Action::DownloadPngPrint: {
        const ExportImage image = picture(c, c.dark_picture, true);  // light, unless dark was asked for
        const bool print = a == Action::DownloadPngPrint;
        host_.download_image(export_file_name(inputs, print ? "@2x.png" : ".png"), image.svg, image.width, image.height,
                             print ? 2.0f : 1.0f);
        break;
    }
    }
}

}  // namespace rareshock::ui
