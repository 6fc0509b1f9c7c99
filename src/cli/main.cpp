// rareshock: the native command-line tool. Wires the option parser to the
// model and the one set of result formatters (results.h); formats nothing itself.
#include "cli/cli.h"

#include "model/model.h"
#include "model/query.h"
#include "model/results.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

bool write_all(std::FILE* file, const std::string& text) {
    return std::fwrite(text.data(), 1, text.size(), file) == text.size();
}

// Writes text to standard output and flushes it: a full disk or a closed pipe
// (e.g. into /dev/full) is an error here, not something lost at exit.
int write_stdout(const std::string& text, const char* what) {
    errno = 0;
    if (write_all(stdout, text) && std::fflush(stdout) == 0) return rareshock::cli::kExitOk;
    std::fprintf(stderr, "rareshock: could not write %s to standard output%s%s\n", what, errno ? ": " : "",
                 errno ? std::strerror(errno) : "");
    return rareshock::cli::kExitOutputFailed;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace rareshock;
    // A reader that closes the pipe early (`rareshock --format csv | head`) is a write
    // error, reported with exit status 1 as the README says, not a silent death by
    // SIGPIPE (status 141): with the signal ignored, the write fails with EPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    std::vector<std::string_view> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);

    const cli::CliParse parse = cli::parse_cli(args);
    if (parse.help) return write_stdout(cli::help_text(), "the help");
    if (parse.version) return write_stdout(cli::version_text(), "the version");
    for (const std::string& w : parse.warnings) std::fprintf(stderr, "rareshock: warning: %s\n", w.c_str());
    if (!parse.errors.empty()) {
        for (const std::string& e : parse.errors) std::fprintf(stderr, "rareshock: %s\n", e.c_str());
        std::fprintf(stderr, "Try 'rareshock --help'.\n");
        return parse.exit_status();
    }

    const cli::CliOptions& options = parse.options;
    Simulator simulator;
    Results results;
    const auto start = std::chrono::steady_clock::now();
    simulator.run(options.inputs, results);
    results.model_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    std::string text;
    switch (options.format) {
    case cli::OutputFormat::Text: text = results_to_text(results, options.language, cli::share_link(options.share_base, encode_query(options.inputs))); break;
    case cli::OutputFormat::Json: text = results_to_json(results, options.language); break;
    case cli::OutputFormat::Csv: text = results_to_csv(results, cli::share_link(options.share_base, encode_query(options.inputs)), options.language); break;
    }
    if (!text.empty() && text.back() != '\n') text.push_back('\n');

    if (options.output_path.empty()) return write_stdout(text, "the results");
    std::FILE* file = std::fopen(options.output_path.c_str(), "wb");
    if (!file) {
        std::perror(("rareshock: --output: " + options.output_path).c_str());
        return cli::kExitOutputFailed;
    }
    const bool written = write_all(file, text);
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed) {
        std::fprintf(stderr, "rareshock: --output: could not write %s\n", options.output_path.c_str());
        return cli::kExitOutputFailed;
    }
    return cli::kExitOk;
}
