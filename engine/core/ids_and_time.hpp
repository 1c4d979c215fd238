// Session ids and timestamps: random UUIDs (libsodium) and ISO 8601 times with their offset.
// The checks here read one character at a time and never recurse, so input of any length is safe
// (std::regex recursed once per character and overflowed the stack on long input).
#pragma once
#include <string>

namespace bran {

// A random (version 4) UUID, lowercase.
std::string new_uuid();
// The same UUID for the same name, every time: the first 16 bytes of the name's SHA-256 as a
// version 8 UUID (RFC 9562's form for a name-based UUID with a hash other than SHA-1).
std::string uuid_from_name(const std::string& name);
// True for a lowercase 8-4-4-4-12 hexadecimal UUID, any version.
bool is_uuid(const std::string& text);

// Now as ISO 8601 with milliseconds and the local offset, e.g. 2026-11-23T18:04:05.123+00:00.
// BRAN_FIXED_TIME overrides it (for tests that need known times).
std::string now_iso();

// True for YYYY-MM-DD naming a day that exists in the Gregorian calendar (so not 2025-02-29).
bool is_calendar_date(const std::string& text);

// True for YYYY-MM-DDThh:mm:ss[.f…](Z|±hh:mm), the form FHIR's dateTime requires with a time: a day that
// exists, seconds up to 60 (a leap second), any number of fractional digits, offsets from -14:00 to +14:00.
bool is_iso_timestamp(const std::string& text);

}  // namespace bran
