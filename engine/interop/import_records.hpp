// `bran import`: a record file is imported whole or not at all; importing it again changes nothing.
#pragma once
#include "engine/content/library.hpp"
#include "engine/core/progress.hpp"
#include "engine/store/session_store.hpp"

#include <string>

namespace bran {

struct ImportReport {
    int imported = 0;   // new sessions stored
    int unchanged = 0;  // sessions already recorded with exactly these answers
};

// Problems go to `out` (located in the file); on any error nothing from the file is stored. A
// file of any size is read in the memory of one session (and a set of the file's session ids).
ImportReport import_record_file(const std::string& path, SessionStore& store, const Library& aids, Diagnostics& out,
                                Progress* progress = nullptr);

// The bundled aids plus every aid version the database's sessions were shown.
Library aids_for_records(const std::string& content_dir, const SessionStore& store);

}  // namespace bran
