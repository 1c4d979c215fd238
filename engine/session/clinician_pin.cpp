#include "engine/session/clinician_pin.hpp"

#include "engine/core/errors.hpp"
#include "engine/store/settings.hpp"

#include <sodium.h>

#include <algorithm>

namespace bran {

namespace {
constexpr const char* pin_key = "clinician_pin_hash";
}

std::string check_new_pin(const std::string& pin) {
    if (pin.size() < 4 || pin.size() > 12) return "the PIN must have 4 to 12 digits";
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) return "the PIN must be digits only";
    return "";
}

void set_clinician_pin(Database& db, const std::string& pin) {
    if (sodium_init() < 0) throw LibraryError("libsodium could not start");
    const std::string problem = check_new_pin(pin);
    if (!problem.empty()) throw std::invalid_argument(problem);
    char hash[crypto_pwhash_STRBYTES];
    // Interactive limits: a kiosk checks the PIN while a person waits (well under a second).
    if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        throw LibraryError("not enough memory to hash the PIN");
    }
    write_setting(db, pin_key, hash);
}

bool has_clinician_pin(const Database& db) { return read_setting(db, pin_key).has_value(); }

bool verify_clinician_pin(const Database& db, const std::string& pin) {
    if (sodium_init() < 0) throw LibraryError("libsodium could not start");
    const auto hash = read_setting(db, pin_key);
    return hash && crypto_pwhash_str_verify(hash->c_str(), pin.c_str(), pin.size()) == 0;
}

}  // namespace bran
