#include "engine/core/ids_and_time.hpp"

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace bran {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lowercase_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); }

// Reads a text left to right, one character per step: the whole check is a loop, whatever the length.
class Scanner {
public:
    explicit Scanner(const std::string& text) : m_text(text) {}

    bool at_end() const { return m_position == m_text.size(); }

    bool literal(char wanted) {
        if (at_end() || m_text[m_position] != wanted) return false;
        ++m_position;
        return true;
    }

    // Exactly `width` digits, read as a number no greater than `most`.
    bool number(std::size_t width, int most, int& value) {
        if (m_text.size() - m_position < width) return false;
        value = 0;
        for (std::size_t i = 0; i < width; ++i) {
            const char c = m_text[m_position + i];
            if (!is_digit(c)) return false;
            value = value * 10 + (c - '0');
        }
        m_position += width;
        return value <= most;
    }

    // As many digits as follow; says how many.
    std::size_t digit_run() {
        const std::size_t start = m_position;
        while (!at_end() && is_digit(m_text[m_position])) ++m_position;
        return m_position - start;
    }

private:
    const std::string& m_text;
    std::size_t m_position = 0;
};

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0);
}

// YYYY-MM-DD, and the day must exist: 30 February and 31 April are refused.
bool read_calendar_date(Scanner& scan) {
    int year = 0, month = 0, day = 0;
    return scan.number(4, 9999, year) && scan.literal('-') && scan.number(2, 12, month) && month >= 1 &&
           scan.literal('-') && scan.number(2, 31, day) && day >= 1 && day <= days_in_month(year, month);
}

// hh:mm:ss; a second of 60 is a leap second, which ISO 8601 and FHIR allow.
bool read_time_of_day(Scanner& scan) {
    int hour = 0, minute = 0, second = 0;
    return scan.number(2, 23, hour) && scan.literal(':') && scan.number(2, 59, minute) && scan.literal(':') &&
           scan.number(2, 60, second);
}

// Z, or ±hh:mm from 00:00 to 14:00 (the widest offset in use, Kiribati's +14:00).
bool read_utc_offset(Scanner& scan) {
    if (scan.literal('Z')) return true;
    if (!scan.literal('+') && !scan.literal('-')) return false;
    int hours = 0, minutes = 0;
    if (!scan.number(2, 14, hours) || !scan.literal(':') || !scan.number(2, 59, minutes)) return false;
    return hours < 14 || minutes == 0;
}

}  // namespace

namespace {

// 16 bytes as a lowercase UUID of the given version (RFC 9562 variant).
std::string uuid_text(unsigned char* b, int version) {
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | (version << 4));
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2],
                  b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

}  // namespace

std::string new_uuid() {
    if (sodium_init() < 0) std::abort();  // libsodium cannot fail to initialise on Linux
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    return uuid_text(b, 4);
}

std::string uuid_from_name(const std::string& name) {
    if (sodium_init() < 0) std::abort();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(name.data()), name.size());
    return uuid_text(digest, 8);
}

bool is_uuid(const std::string& text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool hyphen_here = i == 8 || i == 13 || i == 18 || i == 23;
        if (hyphen_here ? text[i] != '-' : !is_lowercase_hex(text[i])) return false;
    }
    return true;
}

std::string now_iso() {
    if (const char* fixed = std::getenv("BRAN_FIXED_TIME")) return fixed;
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm local{};
    localtime_r(&seconds, &local);
    char date[32], offset[8];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &local);
    std::strftime(offset, sizeof offset, "%z", &local);  // +hhmm
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03d%.3s:%.2s", date, static_cast<int>(millis), offset, offset + 3);
    return out;
}

bool is_calendar_date(const std::string& text) {
    Scanner scan(text);
    return read_calendar_date(scan) && scan.at_end();
}

bool is_iso_timestamp(const std::string& text) {
    Scanner scan(text);
    if (!read_calendar_date(scan) || !scan.literal('T') || !read_time_of_day(scan)) return false;
    if (scan.literal('.') && scan.digit_run() == 0) return false;
    return read_utc_offset(scan) && scan.at_end();
}

}  // namespace bran
