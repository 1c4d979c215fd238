#include "engine/i18n/catalog.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/located_json.hpp"

#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/listformatter.h>
#include <unicode/msgfmt.h>
#include <unicode/numfmt.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <unordered_map>

namespace bran {

namespace {

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

icu::Locale icu_locale(const std::string& tag) {
    std::string icu_tag = tag;
    for (char& c : icu_tag) if (c == '-') c = '_';
    return icu::Locale(icu_tag.c_str());
}

std::map<std::string, std::string> load_messages(const std::string& path, Diagnostics& out) {
    std::map<std::string, std::string> messages;
    auto json = LocatedJson::load(path, out);
    if (!json) return messages;
    if (!json->root().is_object()) {
        out.add(json->error("", "a catalog must be one object of \"key\": \"pattern\" pairs"));
        return messages;
    }
    for (auto it = json->root().begin(); it != json->root().end(); ++it) {
        const std::string pointer = pointer_append("", it.key());
        if (!it->is_string()) {
            out.add(json->error(pointer, "must be a message pattern string"));
            continue;
        }
        const std::string& pattern = it->get_ref<const std::string&>();
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error{};
        icu::MessageFormat check(icu::UnicodeString::fromUTF8(pattern), icu::Locale("en_GB"), parse_error, status);
        if (U_FAILURE(status)) {
            out.add(json->error(pointer, std::string("not a valid ICU message pattern (") + u_errorName(status) +
                                             " at character " + std::to_string(parse_error.offset) + ")"));
            continue;
        }
        messages[it.key()] = pattern;
    }
    return messages;
}

}  // namespace

struct Catalog::Impl {
    // Most specific first: the locale, its language, en-GB.
    std::vector<std::pair<std::string, std::map<std::string, std::string>>> layers;
    mutable std::mutex mutex;
    mutable std::unordered_map<std::string, std::unique_ptr<icu::MessageFormat>> compiled;
    mutable std::vector<std::string> fallbacks;
};

Catalog::Catalog() : m_impl(std::make_unique<Impl>()) {}
Catalog::~Catalog() = default;
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;

Catalog Catalog::load(const std::string& folder, const std::string& locale, Diagnostics& out) {
    Catalog catalog;
    std::vector<std::string> chain{locale};
    if (auto dash = locale.find('-'); dash != std::string::npos) chain.push_back(locale.substr(0, dash));
    chain.push_back("en-GB");
    std::set<std::string> loaded;
    for (const std::string& tag : chain) {
        if (!loaded.insert(tag).second) continue;
        const std::string path = (std::filesystem::path(folder) / (tag + ".json")).string();
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            if (tag == "en-GB") out.add({path, 0, 0, "", Severity::error, "the English (en-GB) catalog is missing"});
            continue;
        }
        catalog.m_impl->layers.emplace_back(tag, load_messages(path, out));
    }
    catalog.m_locale = catalog.m_impl->layers.empty() ? "en-GB" : catalog.m_impl->layers.front().first;
    return catalog;
}

bool Catalog::has(const std::string& key) const {
    for (const auto& layer : m_impl->layers) {
        if (layer.second.count(key)) return true;
    }
    return false;
}

std::string Catalog::text(const std::string& key, const MessageArgs& args) const {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    const std::string* pattern = nullptr;
    std::string pattern_locale;
    for (const auto& [tag, messages] : m_impl->layers) {
        if (auto it = messages.find(key); it != messages.end()) {
            pattern = &it->second;
            pattern_locale = tag;
            break;
        }
    }
    if (!pattern || pattern_locale != m_locale) {
        if (std::find(m_impl->fallbacks.begin(), m_impl->fallbacks.end(), key) == m_impl->fallbacks.end()) {
            m_impl->fallbacks.push_back(key);
            std::cerr << "bran: message \"" << key << "\" is missing in " << m_locale
                      << (pattern ? ", showing " + pattern_locale : ", showing its key") << '\n';
        }
        if (!pattern) return key;
    }
    const std::string cache_key = pattern_locale + '\n' + key;
    auto& format = m_impl->compiled[cache_key];
    if (!format) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error{};
        format = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(*pattern), icu_locale(pattern_locale),
                                                      parse_error, status);
        if (U_FAILURE(status)) {
            format.reset();
            return key;
        }
    }
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const auto& [name, value] : args) {
        names.push_back(icu::UnicodeString::fromUTF8(name));
        if (std::holds_alternative<long long>(value)) values.emplace_back(static_cast<int64_t>(std::get<long long>(value)));
        else if (std::holds_alternative<double>(value)) values.emplace_back(std::get<double>(value));
        else values.emplace_back(icu::UnicodeString::fromUTF8(std::get<std::string>(value)));
    }
    icu::UnicodeString result;
    UErrorCode status = U_ZERO_ERROR;
    format->format(names.data(), values.data(), static_cast<int32_t>(values.size()), result, status);
    if (U_FAILURE(status)) return key;
    return to_utf8(result);
}

std::vector<std::string> Catalog::fallbacks_used() const {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    return m_impl->fallbacks;
}

std::vector<std::string> Catalog::keys() const {
    std::vector<std::string> result;
    for (const auto& [tag, messages] : m_impl->layers) {
        if (tag != "en-GB") continue;
        for (const auto& entry : messages) result.push_back(entry.first);
    }
    return result;
}

std::vector<std::string> Catalog::missing_translations() const {
    std::vector<std::string> result;
    if (m_impl->layers.empty() || m_impl->layers.front().first == "en-GB") return result;
    const auto& own = m_impl->layers.front().second;
    for (const std::string& key : keys()) {
        if (!own.count(key)) result.push_back(key);
    }
    return result;
}

std::vector<std::string> available_locales(const std::string& folder) {
    std::vector<std::string> result;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".json") result.push_back(entry.path().stem().string());
    }
    std::sort(result.begin(), result.end());
    return result;
}

std::string format_integer(const std::string& locale, long long value) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> format(icu::NumberFormat::createInstance(icu_locale(locale), status));
    if (U_FAILURE(status)) return std::to_string(value);
    icu::UnicodeString out;
    format->format(static_cast<int64_t>(value), out);
    return to_utf8(out);
}

std::string format_long_date(const std::string& locale, const std::string& iso) {
    if (iso.size() < 10) return iso;
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(icu::TimeZone::createTimeZone("UTC"), status);
    calendar.clear();
    calendar.set(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)) - 1, std::stoi(iso.substr(8, 2)), 12, 0);
    const UDate when = calendar.getTime(status);
    std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu_locale(locale)));
    if (U_FAILURE(status) || !format) return iso;
    format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    icu::UnicodeString out;
    format->format(when, out);
    return to_utf8(out);
}

std::string format_list(const std::string& locale, const std::vector<std::string>& items) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::ListFormatter> format(icu::ListFormatter::createInstance(icu_locale(locale), status));
    std::vector<icu::UnicodeString> parts;
    for (const std::string& item : items) parts.push_back(icu::UnicodeString::fromUTF8(item));
    icu::UnicodeString out;
    if (U_FAILURE(status) || !format) {
        std::string joined;
        for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
        return joined;
    }
    format->format(parts.data(), static_cast<int32_t>(parts.size()), out, status);
    std::string joined = to_utf8(out);
    if (locale == "cy" || locale.rfind("cy-", 0) == 0) {
        // ICU 72 writes Welsh "and" as "a(c)"; Welsh uses "ac" before a vowel and "a" otherwise.
        for (std::size_t at = joined.find("a(c) "); at != std::string::npos; at = joined.find("a(c) ", at)) {
            const char next = at + 5 < joined.size() ? static_cast<char>(std::tolower(static_cast<unsigned char>(joined[at + 5]))) : 'x';
            const bool vowel = std::string("aeiouwy").find(next) != std::string::npos;
            joined.replace(at, 5, vowel ? "ac " : "a ");
        }
    }
    return joined;
}

std::set<std::string> plural_keywords(const std::string& locale) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu_locale(locale), status));
    std::set<std::string> result;
    if (U_FAILURE(status)) return result;
    std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
    if (U_FAILURE(status)) return result;
    while (const icu::UnicodeString* keyword = keywords->snext(status)) result.insert(to_utf8(*keyword));
    return result;
}

}  // namespace bran
