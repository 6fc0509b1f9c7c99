// libFuzzer target: decode_query on arbitrary bytes must not crash, must keep
// every field in range, and whatever it accepted must survive a round trip:
// decode(encode(decoded)) has no errors, no warnings and bit-identical inputs.
#include "model/inputs.h"
#include "model/query.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

bool same_bits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_query: %s: %s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rareshock;
    const std::string_view query(reinterpret_cast<const char*>(data), size);
    const DecodedQuery first = decode_query(query);

    for (const InputField& f : input_fields()) {
        const bool valid = f.numeric() ? field_in_range(f, get_field(first.inputs, f)) : path_problem(get_path(first.inputs, f)).empty();
        if (!valid) fail("field out of range", std::string(f.key));
    }

    const std::string link = encode_query(first.inputs, first.preset);
    const DecodedQuery second = decode_query(link);
    if (!second.errors.empty()) fail("re-decoding gave an error", link + " -> " + second.errors.front().message);
    if (!second.warnings.empty()) fail("re-decoding gave a warning", link + " -> " + second.warnings.front().message);
    for (const InputField& f : input_fields()) {
        if (f.numeric() && !same_bits(get_field(first.inputs, f), get_field(second.inputs, f))) fail("round trip changed a field", link);
    }
    if (!(first.inputs == second.inputs)) fail("round trip changed the inputs", link);
    if (second.preset != first.preset) fail("round trip changed the preset", link);
    return 0;
}
