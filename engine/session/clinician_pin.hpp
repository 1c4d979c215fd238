// The clinician PIN that guards leaving kiosk mode and the clinician views. Only an Argon2id hash
// (libsodium crypto_pwhash_str) is stored, never the PIN.
#pragma once
#include "engine/store/database.hpp"

#include <string>

namespace bran {

// A PIN is 6 to 12 digits. Returns what is wrong with it, or empty.
std::string check_new_pin(const std::string& pin);
void set_clinician_pin(Database& db, const std::string& pin);
bool has_clinician_pin(const Database& db);
bool verify_clinician_pin(const Database& db, const std::string& pin);

// A PIN typed at the kiosk or for the staff views, with guessing slowed down: after five wrong
// PINs the next try waits 30 seconds. The count and the wait are kept in the database, so closing
// and opening bran again does not reset them. wall_seconds: the time, in seconds since 1970.
// A try is in three parts, so that the slow part (the Argon2id hash, about 0.6 s) can run off the
// thread that owns the database and draws the window:
//   begin_pin_try (database thread): not_set or wait, or the stored hash to check the PIN against;
//   pin_matches_hash (any thread): the check itself;
//   finish_pin_try (database thread): counts a wrong PIN, or clears the count.
enum class PinTry { accepted, wrong, wait, not_set };
struct PinGate {
    PinTry refused = PinTry::accepted;  // not_set or wait; accepted: go on with `hash`
    std::string hash;
};
PinGate begin_pin_try(const Database& db, double wall_seconds);
bool pin_matches_hash(const std::string& hash, const std::string& pin);
PinTry finish_pin_try(Database& db, bool matched, double wall_seconds);

// `bran pin` without the old PIN, on a database that has one: recorded (with the time), so an
// auditor can see that the PIN was reset rather than changed by someone who knew it.
void record_pin_reset(Database& db, const std::string& at);

}  // namespace bran
