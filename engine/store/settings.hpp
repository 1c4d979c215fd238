// Settings of one installation kept in its database (schema v2): small named values.
#pragma once
#include "engine/store/database.hpp"

#include <optional>
#include <string>

namespace bran {

std::optional<std::string> read_setting(const Database& db, const std::string& key);
void write_setting(Database& db, const std::string& key, const std::string& value);

}  // namespace bran
