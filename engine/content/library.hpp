// Every decision aid in a folder (or a list of files), each with its diagnostics, sorted by id.
#pragma once
#include "engine/content/aid.hpp"
#include "engine/content/rules.hpp"
#include "engine/core/diagnostic.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bran {

struct LoadedAid {
    std::string file;
    std::optional<Aid> aid;  // present only when the file has no errors
    Diagnostics diagnostics;
};

// Reads and checks one file against the whole content format.
LoadedAid load_aid_file(const std::string& path, const RuleContext& context);

// Reads and checks one aid from text (for tests and for aids stored inside records).
LoadedAid load_aid_text(std::string text, const std::string& name, const RuleContext& context);

class Library {
public:
    // Each path is a file or a folder (every *.json in it, sorted by name). A folder's
    // `earlier-versions` subfolder holds aid versions bran no longer offers, kept so that records
    // made with them (a file from home, an export from another site) can still be read.
    static Library load(const std::vector<std::string>& paths, const RuleContext& context);

    const std::vector<LoadedAid>& entries() const { return m_entries; }
    // Adds an aid checked elsewhere (e.g. one stored in a database), unless that exact version is
    // already present.
    void add(LoadedAid entry);
    // The valid aids, sorted by id.
    std::vector<const Aid*> aids() const;
    // With a version, also an earlier version; without, only an aid on offer.
    const Aid* find(const std::string& id, const std::string& version = "") const;
    // All diagnostics of all files, in file and position order.
    Diagnostics diagnostics() const;
    bool has_errors() const;

private:
    std::vector<LoadedAid> m_entries;
    std::vector<LoadedAid> m_earlier;
};

// Today's date in the local time zone as YYYY-MM-DD; BRAN_TODAY overrides it (for tests).
std::string today_iso_date();

}  // namespace bran
