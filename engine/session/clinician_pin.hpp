// The clinician PIN that guards leaving kiosk mode and the clinician views. Only an Argon2id hash
// (libsodium crypto_pwhash_str) is stored, never the PIN.
#pragma once
#include "engine/store/database.hpp"

#include <string>

namespace bran {

// A PIN is 4 to 12 digits. Returns what is wrong with it, or empty.
std::string check_new_pin(const std::string& pin);
void set_clinician_pin(Database& db, const std::string& pin);
bool has_clinician_pin(const Database& db);
bool verify_clinician_pin(const Database& db, const std::string& pin);

}  // namespace bran
