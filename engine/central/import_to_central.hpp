// Records brought to the central database on a stick go through this computer's own site
// database for it, then a push (app/cli/cmd_import.cpp). A record of a session that another site
// already sent must be refused before it goes in there: once in, the central database refuses its
// push, and with it every later import through that site database.
#pragma once
#include "engine/central/pg_connection.hpp"
#include "engine/content/library.hpp"
#include "engine/core/diagnostic.hpp"

#include <string>

namespace bran {

// Adds a located error to `problems` for each session in `file` that the central database holds
// from a site other than `site`. Reads the file one session at a time and asks the server about a
// few hundred at once; what else is wrong with the file is left for the import to say.
void refuse_sessions_held_elsewhere(PgConnection& central, const std::string& site, const std::string& file, const Library& aids,
                                    Diagnostics& problems);

}  // namespace bran
