// numbers.h against the C library: reading decimals as strtod does, writing them as snprintf
// does. Natively that is glibc; the WebAssembly test build (scripts/test.sh's wasm stage)
// runs the same tests against musl.
#include "model/numbers.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <random>
#include <string>
#include <vector>

namespace rareshock {
namespace {

std::string libc(const char* fmt, double v) {
    char buf[2048];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}
std::string ours(const char* fmt, double v) {
    char buf[2048];
    format(buf, sizeof buf, fmt, v);
    return buf;
}

double from_bits(std::uint64_t bits) {
    double d = 0.0;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

// Finite doubles of every exponent, and the values where rounding is decided by a tie.
std::vector<double> sample_doubles() {
    std::vector<double> v = {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e22, 1e23, 9.5, 99.5, 0.05, 0.15, 0.25, 0.35,
                             1.0 / 3, 2.0 / 3, 123456.789, 71234.5, 1e-7, 1e21, 5e-324, DBL_MIN, DBL_MAX, 4.35, 0.1 + 0.2,
                             1e15 + 0.5, 9007199254740993.0, 0.999999, 9.9999999, 999999.5, 1e100, 1e-100};
    std::mt19937_64 rng(20261207);
    for (int i = 0; i < 4000; ++i) {
        double d = from_bits(rng());
        if (std::isfinite(d)) v.push_back(d);
    }
    std::uniform_real_distribution<double> moderate(-1e7, 1e7);
    for (int i = 0; i < 2000; ++i) v.push_back(moderate(rng));
    for (int i = 0; i < 500; ++i) v.push_back(std::round(moderate(rng) * 8) / 8);  // exact binary ties at 1 to 3 places
    return v;
}

TEST(NumbersTest, EveryConversionPrintsWhatTheCLibraryPrints) {
    const char* formats[] = {"%f",     "%.0f",  "%.1f",   "%.2f",  "%.3f",    "%.10f",  "%.17f", "%.25f", "%12.3f|", "%-12.3f|",
                             "%+.2f",  "% .1f", "%012.2f", "%#.0f", "%e",     "%.0e",   "%.3E",  "%.16e", "%+14.4e", "%g",
                             "%.1g",   "%.3g",  "%.10g",  "%.17g", "%G",     "%#.0f",  "%#.0e", "%.0g",  "%-10g|",  "%F",
                             "%.20e",  "%010g"};
    for (double v : sample_doubles()) {
        for (const char* f : formats) {
            ASSERT_EQ(ours(f, v), libc(f, v)) << "format " << f << ", value bits " << std::hexfloat << v;
        }
    }
    // '#' keeps a %g's zeros: the C standard's "1.00000e+06" where glibc's carry prints "1.e+06".
    EXPECT_EQ(ours("%#g", 1.5), "1.50000");
    EXPECT_EQ(ours("%#g", 999999.5), "1.00000e+06");
    EXPECT_EQ(ours("%#.3g", 0.0001), "0.000100");
    EXPECT_EQ(ours("%#.0g", 3.0), "3.");
    for (double v : std::initializer_list<double>{HUGE_VAL, -HUGE_VAL, NAN, -NAN}) {
        for (const char* f : {"%f", "%e", "%g", "%F", "%E", "%G", "%8f|", "%-8f|", "%+f", "%08f"}) EXPECT_EQ(ours(f, v), libc(f, v)) << f;
    }
}

TEST(NumbersTest, IntegersStringsAndFlagsPrintWhatTheCLibraryPrints) {
    char a[256], b[256];
    for (long long v : {0LL, 1LL, -1LL, 7LL, 42LL, -42LL, 255LL, 65535LL, 2147483647LL, -2147483647LL - 1, 123456789012LL,
                        -9223372036854775807LL - 1}) {
        const int i = static_cast<int>(v);
        for (const char* f : {"%d", "%5d|", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%.0d", "%8.3d|", "%i", "%x", "%X", "%08X", "%#x",
                              "%#X", "%o", "%#o", "%u", "%02d", "%hhd", "%hd", "%hhu", "%hx"}) {
            format(a, sizeof a, f, i);
            std::snprintf(b, sizeof b, f, i);
            EXPECT_STREQ(a, b) << f << " " << v;
        }
        for (const char* f : {"%lld", "%llx", "%llu", "%20lld|", "%-20llo|", "%jd", "%ld", "%lu"}) {
            format(a, sizeof a, f, v);
            std::snprintf(b, sizeof b, f, v);
            EXPECT_STREQ(a, b) << f << " " << v;
        }
        format(a, sizeof a, "%zu %td", static_cast<std::size_t>(i & 0xFFFF), static_cast<std::ptrdiff_t>(i));
        std::snprintf(b, sizeof b, "%zu %td", static_cast<std::size_t>(i & 0xFFFF), static_cast<std::ptrdiff_t>(i));
        EXPECT_STREQ(a, b);
    }
    for (const char* f : {"%s", "%.3s", "%10s|", "%-10s|", "%.0s|", "[%*s]", "[%-*s]"}) {
        if (std::strchr(f, '*')) {
            format(a, sizeof a, f, 9, "Tage");
            std::snprintf(b, sizeof b, f, 9, "Tage");
        } else {
            format(a, sizeof a, f, "Rare Earth");
            std::snprintf(b, sizeof b, f, "Rare Earth");
        }
        EXPECT_STREQ(a, b) << f;
    }
    // What the app and Dear ImGui format.
    format(a, sizeof a, "%s/%s_%08X|##Tooltip_%02d|%c|%.*f%%|%.*s|#%02x%02x%02x", "Main", "child", 0xBEEFu, 3, 'x', 1, 62.45, 3, "abcdef",
           18, 52, 86);
    std::snprintf(b, sizeof b, "%s/%s_%08X|##Tooltip_%02d|%c|%.*f%%|%.*s|#%02x%02x%02x", "Main", "child", 0xBEEFu, 3, 'x', 1, 62.45, 3,
                  "abcdef", 18, 52, 86);
    EXPECT_STREQ(a, b);
    int x = 0;
    format(a, sizeof a, "%p", static_cast<void*>(&x));
    std::snprintf(b, sizeof b, "%p", static_cast<void*>(&x));
    EXPECT_STREQ(a, b);
    format(a, sizeof a, "%p", static_cast<void*>(nullptr));
    EXPECT_STREQ(a, "(nil)");  // glibc's; musl writes "0"
}

TEST(NumbersTest, ALongTextIsCutAtTheBufferAndItsLengthReturned) {
    char buf[5] = "xxxx";
    EXPECT_EQ(format(buf, sizeof buf, "%d", 123456), 6);
    EXPECT_STREQ(buf, "1234");
    EXPECT_EQ(format(nullptr, 0, "%s and %d", "this", 42), 11);
    char one[1] = {'x'};
    EXPECT_EQ(format(one, 1, "abc"), 3);
    EXPECT_EQ(one[0], '\0');
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
TEST(NumbersTest, AnUnknownDirectiveEndsTheFormattingAndIsWrittenAsItStands) {
    char buf[64];
    EXPECT_EQ(format(buf, sizeof buf, "n=%d %a then %d", 5, 1.0, 7), 14);
    EXPECT_STREQ(buf, "n=5 %a then %d");
    format(buf, sizeof buf, "%Lf|%n");
    EXPECT_STREQ(buf, "%Lf|%n");
    format(buf, sizeof buf, "50%");
    EXPECT_STREQ(buf, "50%");
}
#pragma GCC diagnostic pop

TEST(NumbersTest, FixedTextIsPrintfsFixedNotation) {
    for (double v : sample_doubles()) {
        for (int decimals : {-1, 0, 1, 2, 3, 6}) {  // a negative precision is printf's default (6)
            char b[512];
            std::snprintf(b, sizeof b, "%.*f", decimals, v);
            ASSERT_EQ(fixed_text(v, decimals), b) << std::hexfloat << v;
        }
    }
    EXPECT_EQ(fixed_text(2.5, 0), "2");  // half to even, as printf
    EXPECT_EQ(fixed_text(3.5, 0), "4");
    EXPECT_EQ(fixed_text(0.125, 2), "0.12");
    EXPECT_EQ(fixed_text(-0.4, 0), "-0");
    EXPECT_EQ(fixed_text(1e300, 0).size(), 301u);
    EXPECT_EQ(fixed_text(HUGE_VAL, 2), "inf");
    EXPECT_EQ(fixed_text(-HUGE_VAL, 2), "-inf");
    EXPECT_EQ(fixed_text(std::nan(""), 2), "nan");
}

// The reference: the fewest digits of the C library's "%.*e" that strtod reads back.
void libc_shortest(double v, std::string* digits, int* exponent) {
    char buf[64];
    for (int p = 0; p <= 16; ++p) {
        std::snprintf(buf, sizeof buf, "%.*e", p, v);
        if (std::strtod(buf, nullptr) == v || p == 16) break;
    }
    digits->clear();
    const char* e = std::strchr(buf, 'e');
    for (const char* c = buf; c < e; ++c) {
        if (*c >= '0' && *c <= '9') digits->push_back(*c);
    }
    *exponent = std::atoi(e + 1);
    while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

TEST(NumbersTest, ShortestDigitsAreTheFewestPrintfDigitsThatReadBack) {
    for (double v : sample_doubles()) {
        v = std::fabs(v);
        if (v == 0.0) continue;
        std::string a, b;
        int ea = 0, eb = 0;
        shortest_digits(v, &a, &ea);
        libc_shortest(v, &b, &eb);
        ASSERT_EQ(a, b) << std::hexfloat << v;
        ASSERT_EQ(ea, eb) << std::hexfloat << v;
    }
}

void expect_reads_like_strtod(const std::string& text) {
    const double reference = std::strtod(text.c_str(), nullptr);
    double value = 12345.0;
    const DecimalRead r = read_decimal(text, &value);
    if (std::isinf(reference) || (reference == 0.0 && text.find_first_of("123456789") < text.find_first_of("eE"))) {
        // Out of range: beyond the largest double, or a non-zero digit read as 0.
        ASSERT_EQ(r, DecimalRead::OutOfRange) << text;
        ASSERT_EQ(value, 12345.0) << text;
        return;
    }
    ASSERT_EQ(r, DecimalRead::Ok) << text;
    ASSERT_EQ(std::memcmp(&value, &reference, sizeof value), 0) << text << ": " << std::hexfloat << value << " vs " << reference;
}

TEST(NumbersTest, DecimalsReadAsStrtodReadsThem) {
    char buf[1024];
    for (double v : sample_doubles()) {
        for (const char* f : {"%.17g", "%.16g", "%.15g", "%.6g", "%.1e", "%.25e", "%.3f", "%.0f"}) {
            std::snprintf(buf, sizeof buf, f, v);
            if (std::strchr(buf, 'n') == nullptr) expect_reads_like_strtod(buf);
        }
    }
    // Random digit strings: up to 40 digits, a point anywhere, exponents across the range.
    std::mt19937_64 rng(7);
    for (int i = 0; i < 20000; ++i) {
        std::string s = rng() % 2 ? "-" : "";
        const int digits = 1 + static_cast<int>(rng() % 40);
        const int point = static_cast<int>(rng() % static_cast<unsigned>(digits + 1));
        for (int d = 0; d < digits; ++d) {
            if (d == point && d > 0) s += '.';
            s += static_cast<char>('0' + rng() % 10);
        }
        s += 'e';
        s += std::to_string(static_cast<int>(rng() % 660) - 330);
        expect_reads_like_strtod(s);
    }
    // Exactly halfway between two neighbouring doubles, and a hair either side: the ties.
    for (double v : sample_doubles()) {
        v = std::fabs(v);
        if (v >= DBL_MAX) continue;
        const long double mid = (static_cast<long double>(v) + static_cast<long double>(std::nextafter(v, HUGE_VAL))) / 2;
        std::snprintf(buf, sizeof buf, "%.800Le", mid);
        std::string exact = buf;
        expect_reads_like_strtod(exact);
        const std::size_t e = exact.find('e');
        std::string above = exact;
        above.insert(e, 1, '1');
        expect_reads_like_strtod(above);
    }
}

TEST(NumbersTest, TheGrammarIsDecimalOnly) {
    double v = 0.0;
    for (const char* bad : {"", "+", "-", ".", "-.", "1e", "1e+", "e5", " 1", "1 ", "inf", "nan", "0x10", "1.2.3", "1,5", "--1"}) {
        EXPECT_EQ(read_decimal(bad, &v), DecimalRead::NotANumber) << '"' << bad << '"';
    }
    EXPECT_EQ(read_decimal("5.", &v), DecimalRead::Ok);
    EXPECT_EQ(v, 5.0);
    EXPECT_EQ(read_decimal(".5", &v), DecimalRead::Ok);
    EXPECT_EQ(v, 0.5);
    EXPECT_EQ(read_decimal("+1E+2", &v), DecimalRead::Ok);
    EXPECT_EQ(v, 100.0);
    EXPECT_EQ(read_decimal("-0", &v), DecimalRead::Ok);
    EXPECT_TRUE(v == 0.0 && std::signbit(v));
    EXPECT_EQ(read_decimal("0e99999999999", &v), DecimalRead::Ok);
    EXPECT_EQ(v, 0.0);
    EXPECT_EQ(decimal_prefix("45 Tage"), 2u);
    EXPECT_EQ(decimal_prefix("25%"), 2u);
    EXPECT_EQ(decimal_prefix("1e5x"), 3u);
    EXPECT_EQ(decimal_prefix("1e"), 1u);
    EXPECT_EQ(decimal_prefix("-.5e-3 "), 6u);
    EXPECT_EQ(decimal_prefix("Tage"), 0u);
    EXPECT_EQ(decimal_prefix("."), 0u);
}

TEST(NumbersTest, ValuesBeyondTheDoublesAreOutOfRange) {
    double v = 7.0;
    for (const char* far : {"1e309", "-1e309", "1e-330", "2.4e-324", "2.4703282292062327e-324", "1.7976931348623159e308",
                            "1e99999999999", "1e-99999999999"}) {
        EXPECT_EQ(read_decimal(far, &v), DecimalRead::OutOfRange) << far;
    }
    EXPECT_EQ(v, 7.0);
    EXPECT_EQ(read_decimal("1.7976931348623157e308", &v), DecimalRead::Ok);
    EXPECT_EQ(v, DBL_MAX);
    EXPECT_EQ(read_decimal("2.2250738585072014e-308", &v), DecimalRead::Ok);
    EXPECT_EQ(v, DBL_MIN);
    EXPECT_EQ(read_decimal("5e-324", &v), DecimalRead::Ok);  // the smallest subnormal
    EXPECT_EQ(v, std::nextafter(0.0, 1.0));
    EXPECT_EQ(read_decimal("2.4703282292062328e-324", &v), DecimalRead::Ok);  // just above half of it
    EXPECT_EQ(v, std::nextafter(0.0, 1.0));
    // More digits than a double's exact value has: the sticky rest still decides the tie.
    std::string many = "1." + std::string(2000, '0') + "1";
    EXPECT_EQ(read_decimal(many, &v), DecimalRead::Ok);
    EXPECT_EQ(v, 1.0);
}

}  // namespace
}  // namespace rareshock
