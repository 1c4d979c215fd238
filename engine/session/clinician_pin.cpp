#include "engine/session/clinician_pin.hpp"

#include "engine/core/errors.hpp"
#include "engine/store/settings.hpp"

#include <sodium.h>

#include <algorithm>

namespace bran {

namespace {
constexpr const char* pin_key = "clinician_pin_hash";
constexpr const char* failures_key = "clinician_pin_failures";
constexpr const char* wait_until_key = "clinician_pin_wait_until";
constexpr const char* resets_key = "clinician_pin_resets";
constexpr int tries_before_wait = 5;
constexpr double wait_seconds = 30;

void require_sodium() {
    if (sodium_init() < 0) throw LibraryError("libsodium could not start");
}

double number_setting(const Database& db, const char* key) {
    const auto value = read_setting(db, key);
    if (!value) return 0;
    try {
        return std::stod(*value);
    } catch (const std::exception&) {
        return 0;
    }
}
}  // namespace

std::string check_new_pin(const std::string& pin) {
    if (pin.size() < 6 || pin.size() > 12) return "the PIN must have 6 to 12 digits";
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) return "the PIN must be digits only";
    return "";
}

void set_clinician_pin(Database& db, const std::string& pin) {
    require_sodium();
    const std::string problem = check_new_pin(pin);
    if (!problem.empty()) throw std::invalid_argument(problem);
    char hash[crypto_pwhash_STRBYTES];
    // Moderate limits (256 MiB, about 0.6 s a check here): a person waits for one check, but a
    // search of every 6-digit PIN from a copied database takes days of CPU (interactive limits
    // and 4 digits: 19 CPU-minutes).
    if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_MODERATE,
                          crypto_pwhash_MEMLIMIT_MODERATE) != 0) {
        throw LibraryError("not enough memory to hash the PIN");
    }
    write_setting(db, pin_key, hash);
    write_setting(db, failures_key, "0");
    write_setting(db, wait_until_key, "0");
}

bool has_clinician_pin(const Database& db) { return read_setting(db, pin_key).has_value(); }

bool verify_clinician_pin(const Database& db, const std::string& pin) {
    const auto hash = read_setting(db, pin_key);
    return hash && pin_matches_hash(*hash, pin);
}

bool pin_matches_hash(const std::string& hash, const std::string& pin) {
    require_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0;
}

PinGate begin_pin_try(const Database& db, double wall_seconds) {
    const auto hash = read_setting(db, pin_key);
    if (!hash) return {PinTry::not_set, ""};
    // A clock set back must not lengthen the wait beyond its 30 seconds.
    const double wait_until = std::min(number_setting(db, wait_until_key), wall_seconds + wait_seconds);
    if (wall_seconds < wait_until) return {PinTry::wait, ""};
    return {PinTry::accepted, *hash};
}

PinTry finish_pin_try(Database& db, bool matched, double wall_seconds) {
    if (matched) {
        write_setting(db, failures_key, "0");
        return PinTry::accepted;
    }
    const int failures = static_cast<int>(number_setting(db, failures_key)) + 1;
    if (failures >= tries_before_wait) {
        write_setting(db, wait_until_key, std::to_string(wall_seconds + wait_seconds));
        write_setting(db, failures_key, "0");
    } else {
        write_setting(db, failures_key, std::to_string(failures));
    }
    return PinTry::wrong;
}

void record_pin_reset(Database& db, const std::string& at) {
    const auto earlier = read_setting(db, resets_key);
    write_setting(db, resets_key, earlier && !earlier->empty() ? *earlier + " " + at : at);
}

}  // namespace bran
