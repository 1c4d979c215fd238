// The ordered schema steps, numbered by PRAGMA user_version.
#pragma once
#include <string>
#include <vector>

namespace bran {

// steps[i] takes a database from user_version i to i + 1.
const std::vector<std::string>& schema_steps();
inline int current_schema_version() { return static_cast<int>(schema_steps().size()); }

}  // namespace bran
