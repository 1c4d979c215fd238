// UI words for one locale, from i18n/<locale>.json (flat keys → ICU MessageFormat patterns),
// falling back from the requested locale to its language and then to en-GB.
#pragma once
#include "engine/core/diagnostic.hpp"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace bran {

using MessageValue = std::variant<long long, double, std::string>;
using MessageArgs = std::vector<std::pair<std::string, MessageValue>>;

class Catalog {
public:
    // Loads en-GB and, if different, the requested locale and its language. Problems in the
    // files become diagnostics; a missing en-GB catalog is an error.
    static Catalog load(const std::string& folder, const std::string& locale, Diagnostics& out);
    ~Catalog();
    Catalog(Catalog&&) noexcept;
    Catalog& operator=(Catalog&&) noexcept;

    const std::string& locale() const { return m_locale; }

    // The formatted message. A key missing in the locale falls back to en-GB; a key missing
    // everywhere shows the key itself (never a blank), and both are remembered for checks.
    std::string text(const std::string& key, const MessageArgs& args = {}) const;
    bool has(const std::string& key) const;

    // Keys that had to fall back or were missing, in the order they were first asked for.
    std::vector<std::string> fallbacks_used() const;

    // Every key in en-GB, and the keys the locale's own file lacks.
    std::vector<std::string> keys() const;
    std::vector<std::string> missing_translations() const;

private:
    Catalog();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_locale;
};

// Locale tags bran has a UI catalog for, from the files in the folder (e.g. {"cy", "en-GB"}).
std::vector<std::string> available_locales(const std::string& folder);

// Locale-aware formatting through ICU.
std::string format_integer(const std::string& locale, long long value);
// "23 November 2026" / "23 Tachwedd 2026" from an ISO date or timestamp (YYYY-MM-DD...).
std::string format_long_date(const std::string& locale, const std::string& iso);

// "A, B and C" / "A, B a C": a list joined the way the locale does it (ICU ListFormatter).
std::string format_list(const std::string& locale, const std::vector<std::string>& items);

// The plural keywords a locale uses (Welsh: zero one two few many other).
std::set<std::string> plural_keywords(const std::string& locale);

}  // namespace bran
