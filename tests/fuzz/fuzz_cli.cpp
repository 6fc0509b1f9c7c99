// libFuzzer target: the bytes, split on NUL, are the command line given to
// parse_cli. It must not crash, and its result must be coherent: resolved
// inputs in range, exit status 0 or 2, every message printable ASCII.
#include "cli/cli.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_cli: %s: %s\n", what, detail.c_str());
    std::abort();
}

bool printable(const std::string& s) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rareshock;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> args;
    std::size_t start = 0;
    while (start <= bytes.size()) {
        std::size_t end = bytes.find('\0', start);
        if (end == std::string_view::npos) end = bytes.size();
        args.push_back(bytes.substr(start, end - start));
        start = end + 1;
    }
    const cli::CliParse parse = cli::parse_cli(args);

    const int status = parse.exit_status();
    if (status != 0 && status != 2) fail("exit status", std::to_string(status));
    if (status == 2 && parse.errors.empty()) fail("exit 2 without a message", "");
    for (const std::string& e : parse.errors) {
        if (!printable(e)) fail("unprintable error", e);
    }
    for (const std::string& w : parse.warnings) {
        if (!printable(w)) fail("unprintable warning", w);
    }
    for (const InputField& f : input_fields()) {
        const bool valid = f.numeric() ? field_in_range(f, get_field(parse.options.inputs, f))
                                       : path_problem(get_path(parse.options.inputs, f)).empty();
        if (!valid) fail("field out of range", std::string(f.key));
    }
    return 0;
}
