// Opens the app window: `bran [--content DIR] [--db FILE] [--locale TAG] [--kiosk]`.
#pragma once
#include <string>
#include <vector>

namespace bran::gui {
int run_app(const std::vector<std::string>& args);
}
