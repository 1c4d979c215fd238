// `bran import`: a record file is imported whole or not at all; importing it again changes nothing.
#pragma once
#include "engine/content/library.hpp"
#include "engine/store/session_store.hpp"

#include <cstddef>
#include <string>

namespace bran {

struct ImportReport {
    int imported = 0;   // new sessions stored
    int unchanged = 0;  // sessions already recorded with exactly these answers
};

// The largest record file bran import reads (512 MiB): it is parsed whole, at about 12 bytes of
// memory a byte of file (a 37 MB export of 5,000 sessions took 446 MB).
constexpr std::size_t record_file_max_bytes = std::size_t{1} << 29;

// Problems go to `out` (located in the file); on any error nothing from the file is stored.
ImportReport import_record_file(const std::string& path, SessionStore& store, const Library& aids, Diagnostics& out);

// The bundled aids plus every aid version the database's sessions were shown.
Library aids_for_records(const std::string& content_dir, const SessionStore& store);

}  // namespace bran
