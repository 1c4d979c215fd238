#include "engine/content/library.hpp"

#include "engine/content/aid_reader.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/files.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>

namespace bran {

namespace {

LoadedAid check(std::optional<LocatedJson> json, const std::string& file, const RuleContext& context,
                Diagnostics diagnostics) {
    LoadedAid loaded;
    loaded.file = file;
    if (json) {
        AidDocument doc = read_aid(std::move(*json), diagnostics);
        // Content rules assume the structure is sound; running them on a broken structure would
        // only repeat the same problem in other words.
        if (!diagnostics.has_errors()) check_content(doc, context, diagnostics);
        if (!diagnostics.has_errors()) loaded.aid = std::move(doc.aid);
    }
    diagnostics.sort();
    loaded.diagnostics = std::move(diagnostics);
    return loaded;
}

}  // namespace

LoadedAid load_aid_file(const std::string& path, const RuleContext& context) {
    Diagnostics diagnostics;
    std::optional<std::string> bytes;
    try {
        bytes = read_file_limited(path, JsonLimits{}.max_bytes);
    } catch (const IoError& e) {
        // The diagnostic names the file already; the error's own "path: " is not said twice.
        std::string why = e.what();
        if (why.rfind(path + ": ", 0) == 0) why.erase(0, path.size() + 2);
        diagnostics.add({path, 0, 0, "", Severity::error, why});
        return check(std::nullopt, path, context, std::move(diagnostics));
    }
    if (!bytes) {
        diagnostics.add({path, 0, 0, "", Severity::error, "file is larger than 4 MiB: refusing to read it"});
        return check(std::nullopt, path, context, std::move(diagnostics));
    }
    const std::string content = *bytes;
    auto json = LocatedJson::parse(std::move(*bytes), path, diagnostics);
    LoadedAid loaded = check(std::move(json), path, context, std::move(diagnostics));
    if (loaded.aid) {
        loaded.aid->content_hash = sha256_hex(content);
        loaded.aid->content = content;
    }
    return loaded;
}

LoadedAid load_aid_text(std::string text, const std::string& name, const RuleContext& context) {
    Diagnostics diagnostics;
    const std::string content = text;
    auto json = LocatedJson::parse(std::move(text), name, diagnostics);
    LoadedAid loaded = check(std::move(json), name, context, std::move(diagnostics));
    if (loaded.aid) {
        loaded.aid->content_hash = sha256_hex(content);
        loaded.aid->content = content;
    }
    return loaded;
}

Library Library::load(const std::vector<std::string>& paths, const RuleContext& context) {
    Library library;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            std::vector<std::string> files;
            for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
                if (entry.path().extension() == ".json") files.push_back(entry.path().string());
            }
            std::sort(files.begin(), files.end());
            for (const auto& file : files) library.m_entries.push_back(load_aid_file(file, context));
            const std::filesystem::path earlier = std::filesystem::path(path) / "earlier-versions";
            if (std::filesystem::is_directory(earlier, ec)) {
                files.clear();
                for (const auto& entry : std::filesystem::directory_iterator(earlier, ec)) {
                    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
                }
                std::sort(files.begin(), files.end());
                // Not on offer, so no review dates to keep: checked without today's date.
                for (const auto& file : files) library.m_earlier.push_back(load_aid_file(file, RuleContext{}));
            }
        } else if (std::filesystem::exists(path, ec)) {
            library.m_entries.push_back(load_aid_file(path, context));
        } else {
            LoadedAid missing;
            missing.file = path;
            missing.diagnostics.add({path, 0, 0, "", Severity::error, "no such file or folder"});
            library.m_entries.push_back(std::move(missing));
        }
    }
    // Two files that claim the same aid version would make records ambiguous.
    std::map<std::pair<std::string, std::string>, std::string> seen;
    for (LoadedAid& entry : library.m_entries) {
        if (!entry.aid) continue;
        auto key = std::make_pair(entry.aid->id, entry.aid->version);
        auto [it, inserted] = seen.emplace(key, entry.file);
        if (!inserted) {
            entry.diagnostics.add({entry.file, 0, 0, "/id", Severity::error,
                                   "aid \"" + key.first + "\" version " + key.second + " is also defined in " + it->second});
            entry.aid.reset();
        }
    }
    return library;
}

void Library::add(LoadedAid entry) {
    if (entry.aid && find(entry.aid->id, entry.aid->version)) return;
    m_entries.push_back(std::move(entry));
}

std::vector<const Aid*> Library::aids() const {
    std::vector<const Aid*> result;
    for (const auto& entry : m_entries) {
        if (entry.aid) result.push_back(&*entry.aid);
    }
    std::sort(result.begin(), result.end(), [](const Aid* a, const Aid* b) { return a->id < b->id; });
    return result;
}

const Aid* Library::find(const std::string& id, const std::string& version) const {
    for (const auto& entry : m_entries) {
        if (entry.aid && entry.aid->id == id && (version.empty() || entry.aid->version == version)) return &*entry.aid;
    }
    if (version.empty()) return nullptr;
    for (const auto& entry : m_earlier) {
        if (entry.aid && entry.aid->id == id && entry.aid->version == version) return &*entry.aid;
    }
    return nullptr;
}

Diagnostics Library::diagnostics() const {
    Diagnostics all;
    for (const auto& entry : m_entries) all.append(entry.diagnostics);
    // An earlier version only matters when it cannot be read.
    for (const auto& entry : m_earlier) {
        if (entry.diagnostics.has_errors()) all.append(entry.diagnostics);
    }
    return all;
}

bool Library::has_errors() const {
    const auto errors = [](const LoadedAid& e) { return e.diagnostics.has_errors(); };
    return std::any_of(m_entries.begin(), m_entries.end(), errors) || std::any_of(m_earlier.begin(), m_earlier.end(), errors);
}

std::string today_iso_date() {
    if (const char* fixed = std::getenv("BRAN_TODAY")) return fixed;
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[11];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

}  // namespace bran
