#include "engine/store/settings.hpp"

namespace bran {

std::optional<std::string> read_setting(const Database& db, const std::string& key) {
    Statement s = db.prepare("SELECT value FROM setting WHERE key = ?1");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

void write_setting(Database& db, const std::string& key, const std::string& value) {
    Statement s = db.prepare("INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2");
    s.bind(1, key).bind(2, value);
    s.run();
}

}  // namespace bran
