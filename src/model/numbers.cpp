// Rare Earth Shock — numbers as text, exactly (see numbers.h).
//
// Both directions go through the exact value. A double is m·2^e, and its decimal
// value is m·5^-e / 10^-e (e < 0) or m·2^e (e ≥ 0): an integer of at most about 770
// digits with a known point, which rounds like printf (half to even) at any place.
// A decimal with more than 15 digits, or a power of ten beyond 10^22, becomes the
// ratio of two big integers, divided to 56 bits and rounded once to 53 bits (fewer
// for a subnormal; half to even, with the remainder as the sticky bit); shorter ones take one exact IEEE
// multiplication or division of two exact doubles (Clinger's fast path).
#include "numbers.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace rareshock {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Big unsigned integers
//-----------------------------------------------------------------------------
// Little-endian 32-bit words, no leading zero word (zero is empty).
class Big {
public:
    Big() = default;
    explicit Big(std::uint64_t v) {
        for (; v != 0; v >>= 32) w_.push_back(static_cast<std::uint32_t>(v));
    }
    bool zero() const { return w_.empty(); }
    unsigned bits() const {
        return w_.empty() ? 0u : 32u * static_cast<unsigned>(w_.size() - 1) + (32u - static_cast<unsigned>(__builtin_clz(w_.back())));
    }
    void mul(std::uint32_t m) {
        std::uint64_t carry = 0;
        for (std::uint32_t& x : w_) {
            const std::uint64_t t = std::uint64_t{x} * m + carry;
            x = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        if (carry != 0) w_.push_back(static_cast<std::uint32_t>(carry));
        trim();
    }
    void add(std::uint32_t a) {
        for (std::uint32_t& x : w_) {
            const std::uint64_t t = std::uint64_t{x} + a;
            x = static_cast<std::uint32_t>(t);
            a = static_cast<std::uint32_t>(t >> 32);
            if (a == 0) return;
        }
        if (a != 0) w_.push_back(a);
    }
    // × base^n for base 5 or 10.
    void mul_pow(std::uint32_t base, int n) {
        const int step = base == 5 ? 13 : 9;                          // 5^13 and 10^9 fit 32 bits
        const std::uint32_t big = base == 5 ? 1220703125u : 1000000000u;
        for (; n >= step; n -= step) mul(big);
        std::uint32_t rest = 1;
        for (; n > 0; --n) rest *= base;
        if (rest != 1) mul(rest);
    }
    void shl(unsigned n) {
        if (zero() || n == 0) return;
        const unsigned b = n % 32;
        if (b != 0) {
            std::uint32_t carry = 0;
            for (std::uint32_t& x : w_) {
                const std::uint32_t next = x >> (32 - b);
                x = x << b | carry;
                carry = next;
            }
            if (carry != 0) w_.push_back(carry);
        }
        w_.insert(w_.begin(), n / 32, 0u);
    }
    void shr1() {
        for (std::size_t i = 0; i < w_.size(); ++i) w_[i] = w_[i] >> 1 | (i + 1 < w_.size() ? w_[i + 1] << 31 : 0u);
        trim();
    }
    int compare(const Big& o) const {
        if (w_.size() != o.w_.size()) return w_.size() < o.w_.size() ? -1 : 1;
        for (std::size_t i = w_.size(); i-- > 0;) {
            if (w_[i] != o.w_[i]) return w_[i] < o.w_[i] ? -1 : 1;
        }
        return 0;
    }
    // *this -= o, for o ≤ *this.
    void subtract(const Big& o) {
        std::int64_t borrow = 0;
        for (std::size_t i = 0; i < w_.size(); ++i) {
            std::int64_t t = static_cast<std::int64_t>(w_[i]) - borrow - (i < o.w_.size() ? static_cast<std::int64_t>(o.w_[i]) : 0);
            borrow = t < 0 ? 1 : 0;
            if (t < 0) t += std::int64_t{1} << 32;
            w_[i] = static_cast<std::uint32_t>(t);
        }
        trim();
    }
    // Divides by d (> 0) and returns the remainder.
    std::uint32_t divide(std::uint32_t d) {
        std::uint64_t r = 0;
        for (std::size_t i = w_.size(); i-- > 0;) {
            const std::uint64_t cur = r << 32 | w_[i];
            w_[i] = static_cast<std::uint32_t>(cur / d);
            r = cur % d;
        }
        trim();
        return static_cast<std::uint32_t>(r);
    }
    // Decimal digits, no leading zero ("0" for zero).
    std::string decimal() const {
        Big t = *this;
        std::string reversed;
        while (!t.zero()) {
            std::uint32_t chunk = t.divide(1000000000u);
            for (int i = 0; i < 9; ++i, chunk /= 10) reversed.push_back(static_cast<char>('0' + chunk % 10));
        }
        while (!reversed.empty() && reversed.back() == '0') reversed.pop_back();
        if (reversed.empty()) return "0";
        return std::string(reversed.rbegin(), reversed.rend());
    }

private:
    void trim() {
        while (!w_.empty() && w_.back() == 0) w_.pop_back();
    }
    std::vector<std::uint32_t> w_;
};

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits beyond this many are folded into one sticky digit: a double's exact
// value has at most 767 significant digits, so rounding is still decided exactly.
constexpr std::size_t kMaxDigits = 800;
constexpr long kMaxExponent = 100000;  // |exponent| saturates here (far out of range anyway)

// digits (no leading or trailing zero, at most 15) × 10^exp10 in one IEEE operation.
double fast_path(const std::string& digits, long exp10) {
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    std::uint64_t m = 0;
    for (char c : digits) m = m * 10 + static_cast<std::uint64_t>(c - '0');
    const double d = static_cast<double>(m);  // exact: m < 10^15 < 2^53
    return exp10 >= 0 ? d * kPow10[exp10] : d / kPow10[-exp10];
}

// digits × 10^exp10, correctly rounded, for a normal result (the caller checks the range).
double slow_path(const std::string& digits, long exp10) {
    Big a, b(1);
    for (std::size_t i = 0; i < digits.size(); i += 9) {
        const std::size_t len = std::min<std::size_t>(9, digits.size() - i);
        std::uint32_t chunk = 0, scale = 1;
        for (std::size_t j = 0; j < len; ++j) {
            chunk = chunk * 10 + static_cast<std::uint32_t>(digits[i + j] - '0');
            scale *= 10;
        }
        a.mul(scale);
        a.add(chunk);
    }
    if (exp10 >= 0) a.mul_pow(10, static_cast<int>(exp10));
    else b.mul_pow(10, static_cast<int>(-exp10));
    // a·2^s / b in [2^54, 2^56).
    const int s = 55 - static_cast<int>(a.bits()) + static_cast<int>(b.bits());
    if (s > 0) a.shl(static_cast<unsigned>(s));
    else b.shl(static_cast<unsigned>(-s));
    Big t = b;
    t.shl(56);
    std::uint64_t q = 0;
    for (int bit = 56; bit >= 0; --bit) {
        if (a.compare(t) >= 0) {
            a.subtract(t);
            q |= std::uint64_t{1} << bit;
        }
        t.shr1();
    }
    const bool sticky = !a.zero();
    int drop = (64 - __builtin_clzll(q)) - 53;
    if (drop - s < -1074) drop = s - 1074;  // subnormal: its last place is 2^-1074
    if (drop > 60) return 0.0;              // below half the smallest subnormal
    std::uint64_t mant = q >> drop;
    const std::uint64_t low = q & ((std::uint64_t{1} << drop) - 1), half = std::uint64_t{1} << (drop - 1);
    if (low > half || (low == half && (sticky || (mant & 1) != 0))) ++mant;
    if (mant == std::uint64_t{1} << 53) {
        mant >>= 1;
        ++drop;
    }
    return std::ldexp(static_cast<double>(mant), drop - s);
}

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------
// |v| (finite) = digits × 10^-scale exactly; digits without a leading zero ("0" for zero).
struct Exact {
    std::string digits;
    int scale = 0;
    int first_exponent() const { return static_cast<int>(digits.size()) - scale - 1; }  // of digits[0]
};

Exact exact_decimal(double v) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    const int biased = static_cast<int>(bits >> 52 & 0x7FF);
    std::uint64_t m = bits & ((std::uint64_t{1} << 52) - 1);
    int e = -1074;
    if (biased != 0) {
        m |= std::uint64_t{1} << 52;
        e = biased - 1075;
    }
    if (m == 0) return {"0", 0};
    for (; (m & 1) == 0; m >>= 1) ++e;
    Big n(m);
    if (e >= 0) {
        n.shl(static_cast<unsigned>(e));
        return {n.decimal(), 0};
    }
    n.mul_pow(5, -e);
    return {n.decimal(), -e};
}

// The first `keep` digits rounded half to even by the rest (keep ≤ 0: the digits
// are below half a kept unit, or exactly half of one (keep 0), which rounds to the
// even 0). Fewer digits than `keep` are padded with zeros. *carried: a carry added a
// digit in front ("99" → "100").
std::string round_digits(const std::string& digits, int keep, bool* carried) {
    *carried = false;
    const int n = static_cast<int>(digits.size());
    if (keep >= n) return digits + std::string(static_cast<std::size_t>(keep - n), '0');
    bool up = false;
    if (keep >= 0) {
        const char next = digits[static_cast<std::size_t>(keep)];
        if (next != '5') {
            up = next > '5';
        } else {
            bool rest = false;
            for (int i = keep + 1; i < n && !rest; ++i) rest = digits[static_cast<std::size_t>(i)] != '0';
            up = rest || (keep > 0 && (digits[static_cast<std::size_t>(keep - 1)] - '0') % 2 == 1);
        }
    }
    std::string kept = keep > 0 ? digits.substr(0, static_cast<std::size_t>(keep)) : std::string();
    if (up) {
        int i = static_cast<int>(kept.size()) - 1;
        for (; i >= 0 && kept[static_cast<std::size_t>(i)] == '9'; --i) kept[static_cast<std::size_t>(i)] = '0';
        if (i >= 0) {
            ++kept[static_cast<std::size_t>(i)];
        } else {
            kept.insert(kept.begin(), '1');
            *carried = true;
        }
    }
    return kept;
}

// printf's %f body of x (no sign): its digits rounded at `precision` places.
std::string fixed_body(const Exact& x, int precision, bool point_always) {
    const int keep = static_cast<int>(x.digits.size()) - x.scale + precision;
    bool carried = false;
    std::string kept = round_digits(x.digits, keep, &carried);
    const std::size_t p = static_cast<std::size_t>(precision);
    if (kept.size() < p + 1) kept.insert(0, p + 1 - kept.size(), '0');
    std::string out = kept.substr(0, kept.size() - p);
    if (precision > 0 || point_always) out += '.';
    out += kept.substr(kept.size() - p);
    return out;
}

// printf's %e body of x: precision + 1 significant digits, and their exponent.
std::string scientific_digits(const Exact& x, int precision, int* exponent) {
    bool carried = false;
    std::string kept = round_digits(x.digits, precision + 1, &carried);
    *exponent = x.digits == "0" ? 0 : x.first_exponent();
    if (carried) {
        kept.pop_back();
        ++*exponent;
    }
    return kept;
}

std::string scientific_body(const Exact& x, int precision, bool point_always, bool upper) {
    int exponent = 0;
    const std::string kept = scientific_digits(x, precision, &exponent);
    std::string out(1, kept[0]);
    if (precision > 0 || point_always) out += '.';
    out.append(kept, 1, std::string::npos);
    out += upper ? 'E' : 'e';
    out += exponent < 0 ? '-' : '+';
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10) out += '0';
    out += std::to_string(magnitude);
    return out;
}

std::string general_body(const Exact& x, int precision, bool alt, bool upper) {
    const int p = precision == 0 ? 1 : precision;
    int exponent = 0;
    scientific_digits(x, p - 1, &exponent);
    std::string out = (p > exponent && exponent >= -4) ? fixed_body(x, p - 1 - exponent, alt) : scientific_body(x, p - 1, alt, upper);
    if (!alt) {
        const std::size_t e = out.find_first_of("eE");
        std::string tail = e == std::string::npos ? std::string() : out.substr(e);
        std::string head = out.substr(0, e);
        if (head.find('.') != std::string::npos) {
            while (head.back() == '0') head.pop_back();
            if (head.back() == '.') head.pop_back();
        }
        out = head + tail;
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] printf
//-----------------------------------------------------------------------------
class Sink {
public:
    Sink(char* buf, std::size_t size) : buf_(buf), size_(size) {}
    void put(char c) {
        if (n_ + 1 < size_) buf_[n_] = c;
        ++n_;
    }
    void put(const char* s, std::size_t len) {
        for (std::size_t i = 0; i < len; ++i) put(s[i]);
    }
    void repeat(char c, int count) {
        for (; count > 0; --count) put(c);
    }
    int finish() {
        if (size_ > 0) buf_[n_ < size_ ? n_ : size_ - 1] = '\0';
        return static_cast<int>(n_);
    }

private:
    char* buf_;
    std::size_t size_;
    std::size_t n_ = 0;
};

struct Spec {
    bool minus = false, plus = false, space = false, alt = false, zero = false;
    int width = 0;
    int precision = -1;
};

// A field: sign or prefix, then the body, padded to the width (zeros go between the two).
void emit(Sink& out, const Spec& spec, const std::string& prefix, const std::string& body, bool zero_pad) {
    const int pad = spec.width - static_cast<int>(prefix.size() + body.size());
    if (!spec.minus && !zero_pad) out.repeat(' ', pad);
    out.put(prefix.data(), prefix.size());
    if (!spec.minus && zero_pad) out.repeat('0', pad);
    out.put(body.data(), body.size());
    if (spec.minus) out.repeat(' ', pad);
}

std::string sign_of(bool negative, const Spec& spec) {
    if (negative) return "-";
    if (spec.plus) return "+";
    if (spec.space) return " ";
    return "";
}

void emit_integer(Sink& out, const Spec& spec, std::uint64_t magnitude, bool negative, char conversion) {
    const unsigned base = conversion == 'o' ? 8u : (conversion == 'x' || conversion == 'X') ? 16u : 10u;
    const char* digit_set = conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string body;
    for (std::uint64_t m = magnitude; m != 0; m /= base) body.insert(body.begin(), digit_set[m % base]);
    const std::size_t min_digits = spec.precision < 0 ? 1u : static_cast<std::size_t>(spec.precision);
    if (body.size() < min_digits) body.insert(0, min_digits - body.size(), '0');
    std::string prefix = (conversion == 'd' || conversion == 'i') ? sign_of(negative, spec) : "";
    if (spec.alt && base == 8 && (body.empty() || body[0] != '0')) body.insert(body.begin(), '0');
    if (spec.alt && base == 16 && magnitude != 0) prefix = conversion == 'X' ? "0X" : "0x";
    emit(out, spec, prefix, body, spec.zero && !spec.minus && spec.precision < 0);
}

void emit_real(Sink& out, const Spec& spec, double v, char conversion) {
    const bool upper = conversion == 'F' || conversion == 'E' || conversion == 'G';
    const std::string prefix = sign_of(std::signbit(v), spec);
    if (!std::isfinite(v)) {
        emit(out, spec, prefix, std::isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), false);
        return;
    }
    const Exact x = exact_decimal(std::fabs(v));
    const int precision = spec.precision < 0 ? 6 : spec.precision;
    std::string body;
    switch (conversion) {
    case 'f': case 'F': body = fixed_body(x, precision, spec.alt); break;
    case 'e': case 'E': body = scientific_body(x, precision, spec.alt, upper); break;
    default: body = general_body(x, precision, spec.alt, upper); break;
    }
    emit(out, spec, prefix, body, spec.zero && !spec.minus);
}

enum class Length { None, Char, Short, Long, LongLong, Max, Size, Diff };

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Public
//-----------------------------------------------------------------------------
std::size_t decimal_prefix(std::string_view s) {
    const std::size_t n = s.size();
    std::size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    for (; i < n && is_digit(s[i]); ++i) ++digits;
    if (i < n && s[i] == '.') {
        std::size_t j = i + 1, fraction = 0;
        for (; j < n && is_digit(s[j]); ++j) ++fraction;
        if (digits + fraction > 0) {
            i = j;
            digits += fraction;
        }
    }
    if (digits == 0) return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1, exponent_digits = 0;
        if (j < n && (s[j] == '+' || s[j] == '-')) ++j;
        for (; j < n && is_digit(s[j]); ++j) ++exponent_digits;
        if (exponent_digits > 0) i = j;
    }
    return i;
}

DecimalRead read_decimal(std::string_view s, double* out) {
    if (s.empty() || decimal_prefix(s) != s.size()) return DecimalRead::NotANumber;
    std::size_t i = 0;
    bool negative = false;
    if (s[i] == '+' || s[i] == '-') negative = s[i++] == '-';
    std::string digits;
    long exp10 = 0;
    bool point = false, dropped = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '.') {
            point = true;
            continue;
        }
        if (!is_digit(c)) break;
        if (digits.empty() && c == '0') {
            if (point) --exp10;
        } else if (digits.size() < kMaxDigits) {
            digits.push_back(c);
            if (point) --exp10;
        } else {
            dropped |= c != '0';
            if (!point) ++exp10;
        }
    }
    if (i < s.size()) {  // the exponent
        ++i;
        bool minus = false;
        if (s[i] == '+' || s[i] == '-') minus = s[i++] == '-';
        long e = 0;
        for (; i < s.size(); ++i) e = std::min(kMaxExponent, e * 10 + (s[i] - '0'));
        exp10 += minus ? -e : e;
    }
    double value = 0.0;
    if (!digits.empty()) {
        if (dropped) {  // the digits beyond kMaxDigits were more than zero
            digits.push_back('1');
            --exp10;
        }
        while (digits.back() == '0') {
            digits.pop_back();
            ++exp10;
        }
        const long first = exp10 + static_cast<long>(digits.size()) - 1;  // the exponent of the leading digit
        if (first > 308 || first < -330) return DecimalRead::OutOfRange;
        value = digits.size() <= 15 && exp10 >= -22 && exp10 <= 22 ? fast_path(digits, exp10) : slow_path(digits, exp10);
        if (!std::isfinite(value) || value == 0.0) return DecimalRead::OutOfRange;
    }
    *out = negative ? -value : value;
    return DecimalRead::Ok;
}

std::string fixed_text(double v, int decimals) {  // printf's "%.*f"
    const std::string sign = std::signbit(v) ? "-" : "";
    if (!std::isfinite(v)) return sign + (std::isnan(v) ? "nan" : "inf");
    return sign + fixed_body(exact_decimal(std::fabs(v)), decimals < 0 ? 6 : decimals, false);
}

void shortest_digits(double v, std::string* digits, int* exponent) {
    const Exact x = exact_decimal(v);
    for (int precision = 0; precision <= 16; ++precision) {  // 17 significant digits always read back
        *digits = scientific_digits(x, precision, exponent);
        double back = 0.0;
        const std::string text = *digits + "e" + std::to_string(*exponent - precision);
        if (precision == 16 || (read_decimal(text, &back) == DecimalRead::Ok && back == v)) break;
    }
    while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

int format_v(char* buf, std::size_t size, const char* fmt, va_list args) {
    Sink out(buf, size);
    for (const char* p = fmt; *p != '\0';) {
        if (*p != '%') {
            out.put(*p++);
            continue;
        }
        const char* start = p++;
        Spec spec;
        for (;; ++p) {
            if (*p == '-') spec.minus = true;
            else if (*p == '+') spec.plus = true;
            else if (*p == ' ') spec.space = true;
            else if (*p == '#') spec.alt = true;
            else if (*p == '0') spec.zero = true;
            else break;
        }
        if (*p == '*') {
            spec.width = va_arg(args, int);
            if (spec.width < 0) {
                spec.minus = true;
                spec.width = -spec.width;
            }
            ++p;
        } else {
            for (; is_digit(*p); ++p) spec.width = std::min(spec.width * 10 + (*p - '0'), 100000);
        }
        if (*p == '.') {
            ++p;
            if (*p == '*') {
                spec.precision = va_arg(args, int);
                if (spec.precision < 0) spec.precision = -1;
                ++p;
            } else {
                spec.precision = 0;
                for (; is_digit(*p); ++p) spec.precision = std::min(spec.precision * 10 + (*p - '0'), 100000);
            }
        }
        Length length = Length::None;
        if (p[0] == 'h' && p[1] == 'h') length = Length::Char;
        else if (p[0] == 'h') length = Length::Short;
        else if (p[0] == 'l' && p[1] == 'l') length = Length::LongLong;
        else if (p[0] == 'l') length = Length::Long;
        else if (p[0] == 'j') length = Length::Max;
        else if (p[0] == 'z') length = Length::Size;
        else if (p[0] == 't') length = Length::Diff;
        p += (length == Length::Char || length == Length::LongLong) ? 2 : length == Length::None ? 0 : 1;
        const char conversion = *p;
        bool known = true;
        switch (conversion) {
        case 'd': case 'i': {
            long long v = 0;
            switch (length) {
            case Length::Char: v = static_cast<signed char>(va_arg(args, int)); break;
            case Length::Short: v = static_cast<short>(va_arg(args, int)); break;
            case Length::Long: v = va_arg(args, long); break;
            case Length::LongLong: v = va_arg(args, long long); break;
            case Length::Max: v = va_arg(args, std::intmax_t); break;
            case Length::Size: case Length::Diff: v = va_arg(args, std::ptrdiff_t); break;
            default: v = va_arg(args, int); break;
            }
            const std::uint64_t magnitude = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
            emit_integer(out, spec, magnitude, v < 0, conversion);
            break;
        }
        case 'u': case 'o': case 'x': case 'X': {
            std::uint64_t v = 0;
            switch (length) {
            case Length::Char: v = static_cast<unsigned char>(va_arg(args, unsigned)); break;
            case Length::Short: v = static_cast<unsigned short>(va_arg(args, unsigned)); break;
            case Length::Long: v = va_arg(args, unsigned long); break;
            case Length::LongLong: v = va_arg(args, unsigned long long); break;
            case Length::Max: v = va_arg(args, std::uintmax_t); break;
            case Length::Size: v = va_arg(args, std::size_t); break;
            case Length::Diff: v = static_cast<std::uint64_t>(va_arg(args, std::ptrdiff_t)); break;
            default: v = va_arg(args, unsigned); break;
            }
            emit_integer(out, spec, v, false, conversion);
            break;
        }
        case 'c': {
            const std::string body(1, static_cast<char>(va_arg(args, int)));
            emit(out, spec, "", body, false);
            break;
        }
        case 's': {
            const char* s = va_arg(args, const char*);
            if (s == nullptr) s = "(null)";
            std::size_t len = 0;
            while ((spec.precision < 0 || len < static_cast<std::size_t>(spec.precision)) && s[len] != '\0') ++len;
            emit(out, spec, "", std::string(s, len), false);
            break;
        }
        case 'p': {
            const void* ptr = va_arg(args, void*);
            if (ptr == nullptr) {
                emit(out, spec, "", "(nil)", false);
            } else {
                Spec hex = spec;
                hex.alt = true;
                emit_integer(out, hex, static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(ptr)), false, 'x');
            }
            break;
        }
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
            emit_real(out, spec, va_arg(args, double), conversion);
            break;
        case '%':
            out.put('%');
            break;
        default:
            known = false;
            break;
        }
        if (!known) {  // the rest as it stands
            out.put(start, std::strlen(start));
            break;
        }
        ++p;
    }
    return out.finish();
}

int format(char* buf, std::size_t size, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const int n = format_v(buf, size, fmt, args);
    va_end(args);
    return n;
}

}  // namespace rareshock
