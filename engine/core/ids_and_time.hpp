// Session ids and timestamps: random UUIDs (libsodium) and ISO 8601 times with their offset.
#pragma once
#include <string>

namespace bran {

// A random (version 4) UUID, lowercase.
std::string new_uuid();
bool is_uuid(const std::string& text);

// Now as ISO 8601 with milliseconds and the local offset, e.g. 2026-11-23T18:04:05.123+00:00.
// BRAN_FIXED_TIME overrides it (for tests that need known times).
std::string now_iso();

// True for YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm), the form FHIR's dateTime requires with a time.
bool is_iso_timestamp(const std::string& text);

}  // namespace bran
