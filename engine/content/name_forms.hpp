// The forms of an aid's names: its ids, its version and its locale tags.
// Each check is one loop over the characters, never a recursive matcher, so a name of any length is safe.
#pragma once
#include <cstddef>
#include <string>

namespace bran {

// Ids are keys in every reference and audit row: short enough to read in a report.
constexpr std::size_t max_id_length = 64;

// Lowercase ASCII letters and digits joined by single hyphens, at most max_id_length characters,
// e.g. "watchful-waiting".
bool is_content_id(const std::string& text);

// MAJOR.MINOR.PATCH without leading zeros, then optionally -PRERELEASE and +BUILD, each one or more
// of [0-9A-Za-z.-] (as the pattern this replaces allowed; semver.org is stricter about dots).
bool is_semantic_version(const std::string& text);

// Two or three lowercase letters, optionally a hyphen and two capitals: "cy", "en-GB".
bool is_locale_tag(const std::string& text);

}  // namespace bran
