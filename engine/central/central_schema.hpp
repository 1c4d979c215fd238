// The central audit database's schema (PostgreSQL, schema "bran"): the site tables' shape with
// the site each row came from, the chain heads each site signed when it pushed, and the roles
// that keep each site to its own rows. Versioned and migrated like the SQLite schema.
#pragma once
#include "engine/central/pg_connection.hpp"

#include <string>
#include <vector>

namespace bran {

// Steps 1..N; the schema's version is the number of steps applied.
const std::vector<std::string>& central_schema_steps();
inline int central_schema_version() { return static_cast<int>(central_schema_steps().size()); }

// Creates or migrates the schema and sets the roles' rights (run by the database's owner):
// the version before and after.
struct InitReport {
    int from = 0, to = 0;
};
InitReport init_central(PgConnection& db);

// Refuses a database with no bran schema (run `bran db init`), an older one (the same), or a
// newer one (this bran is too old to read it): CentralError naming the database.
void require_current_central_schema(PgConnection& db);

}  // namespace bran
