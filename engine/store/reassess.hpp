// Sessions recorded by a bran from before docs/value-concordance.md carry concordance facts from
// the older rule. Schema 6 marks such a database; the first bran that can write to it assesses
// every session again from its recorded answers, so that one database never mixes two rules.
#pragma once
#include "engine/core/progress.hpp"
#include "engine/store/database.hpp"

namespace bran {

// Whether the database's facts are from the older rule: schema 5 or older (a read-only open
// does not migrate), or marked by schema 6 and not yet assessed again.
bool facts_from_older_value_rule(const Database& db);

// Assesses every session again from its answers and the aid it was shown, in one transaction
// (interrupted, nothing changes and the next open starts again); nothing when not marked.
// Returns how many sessions it assessed.
std::uint64_t assess_sessions_from_older_value_rule(Database& db, Progress* progress = nullptr);

}  // namespace bran
