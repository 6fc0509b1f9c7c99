// Rare Earth Shock — the reader's actions (share link, reset, CSV, PNG, print
// picture) and the status line that reports them. The canvas's buttons, the
// page's buttons and the twin all run them through App::run_action; the list of
// actions is one table (kActions), which the facts hand to the page.
//
// [SECTION] Host (what the UI asks of its surroundings; the web platform implements it)
// [SECTION] Actions
#pragma once

#include "model/model.h"
#include "model/strings.h"
#include "ui/model_runner.h"

#include <string>
#include <vector>

namespace rareshock::ui {

struct Fonts;
struct ExportImage;

//-----------------------------------------------------------------------------
// [SECTION] Host
//-----------------------------------------------------------------------------
struct Host {
    virtual ~Host() = default;
    // Puts text on the clipboard (share link). Returns false if the browser refused.
    // Copied or Failed when known at once, Pending when the answer comes later (a
    // browser's clipboard promise), through App::copy_finished.
    enum class CopyOutcome { Copied, Failed, Pending };
    virtual CopyOutcome copy_text(const std::string& text) = 0;
    // Offers a file to the reader (CSV).
    virtual void download_text(const std::string& filename, const std::string& mime, const std::string& data) = 0;
    // Offers a picture as a PNG: an SVG document of width × height CSS px (export.h),
    // rasterised at `scale` device pixels per CSS px (1, or 2 for print).
    virtual void download_image(const std::string& filename, const std::string& svg, float width, float height, float scale) = 0;
    // The page's own address with this query string (for share links).
    virtual std::string share_url(const std::string& query) = 0;
    // A short message after an action ("Link copied …"), for the page's twin too.
    virtual void show_status(const std::string& text) { (void)text; }
    // "Method and sources" is a section of the page beside the canvas (real HTML,
    // generated from docs/methodology.md). Whether this page has it, and opening it.
    virtual bool has_method_section() const { return false; }
    virtual void show_method_section() {}
    // Today as a day number (model.h, day_of_unix_ms), for the exports' date; -1: unknown.
    virtual int today_day() { return -1; }
};

//-----------------------------------------------------------------------------
// [SECTION] Actions
//-----------------------------------------------------------------------------
enum class Action : int { CopyLink = 0, Reset = 1, DownloadCsv = 2, DownloadPng = 3, DownloadPngPrint = 4 };
// Every action in the order the canvas shows its buttons: its name (the control's id,
// the page's data-action) and its label's text key. The page's buttons come from this
// table too (the facts: rareshock_facts writes it as "actions").
struct ActionInfo { Action action; const char* name; const char* text_key; };
inline constexpr ActionInfo kActions[] = {
    {Action::CopyLink, "share", "ui.action.copy_link"}, {Action::Reset, "reset", "ui.action.reset"},
    {Action::DownloadCsv, "csv", "ui.action.csv"},      {Action::DownloadPng, "png", "ui.action.png"},
    {Action::DownloadPngPrint, "png2x", "ui.action.png2x"}};

// What an action needs of the App at the moment it runs.
struct ActionContext {
    Language lang = Language::English;
    bool dark_picture = false;  // the reader chose theme=dark: the PNG is dark too
    const Fonts* fonts = nullptr;  // the canvas's fonts measure the picture's words
    const std::vector<unsigned char>* japanese_face = nullptr;  // embedded in a Japanese picture
    int today_day = -1;  // the exports' date (-1: ask the host)
};

// Runs the actions against the Host and owns the status line ("Link copied", shown
// for a few seconds on the canvas and said by the page's twin).
class Actions {
public:
    Actions(Host& host, ModelRunner& runner) : host_(host), runner_(runner) {}

    void run(Action action, const ActionContext& c);
    // The scenario's picture (export.h) with its ranges and share link; the print
    // picture is light, with the page's fonts (no fonts inside).
    std::string print_svg(const ActionContext& c);
    // The host's late answer to a Pending copy: on failure it offers the link to copy by hand.
    void copy_finished(bool ok, Language lang, double time_seconds);

    // Shows a message on the status line for `seconds` (the host says it too).
    void set_status(const std::string& s, double seconds = 3.0);
    void set_clock(double time_seconds) { now_ = time_seconds; }
    // The status line while it shows ("" after its time).
    const std::string& status() const { return status_; }
    bool status_showing() const { return now_ < status_until_ && !status_.empty(); }

private:
    void copy_status(bool ok, Language lang);
    ExportImage picture(const ActionContext& c, bool dark, bool embed_fonts);
    // A download holds the ranges: the Monte Carlo in progress finishes now.
    void finish_model();

    Host& host_;
    ModelRunner& runner_;
    std::string status_;
    double status_until_ = 0.0;
    double now_ = 0.0;
    bool link_local_ = false;  // the last copied link is no http(s) address (the offline file, with no public page)
};

}  // namespace rareshock::ui
