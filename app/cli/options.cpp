#include "app/cli/options.hpp"

#include "engine/core/files.hpp"

#include "engine/core/terminal_text.hpp"

#include <cstdlib>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace bran::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::set<std::string>& value_options,
                     const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            m_positionals.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inline_value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (value_options.count(name)) {
            if (inline_value) {
                m_values[name] = *inline_value;
            } else if (i + 1 < args.size()) {
                m_values[name] = args[++i];
            } else {
                m_error = "--" + name + " needs a value";
                return;
            }
        } else if (flags.count(name) && !inline_value) {
            m_flags.insert(name);
        } else {
            m_error = "unknown option --" + name;
            return;
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& name) const {
    auto it = m_values.find(name);
    if (it == m_values.end()) return std::nullopt;
    return it->second;
}

std::string error_line(const std::string& file, const std::string& message) {
    const bool names_a_file = message.rfind(file, 0) == 0 || message.rfind('/', 0) == 0;
    return terminal_safe(names_a_file ? message : file + ": " + message);
}

int usage_error(const std::string& command, const std::string& message) {
    std::cerr << "bran " << command << ": " << terminal_safe(message) << " (see bran " << command << " --help)\n";
    return Exit::usage;
}

namespace {
std::filesystem::path executable_dir() {
    std::error_code ec;
    auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path(".") : self.parent_path();
}

// An installed bran keeps its data in <prefix>/share/bran beside <prefix>/bin/bran.
std::string find_data_dir(const char* env_name, const char* installed_subdir, const char* source_dir) {
    if (const char* from_env = std::getenv(env_name)) return from_env;
    std::error_code ec;
    const auto installed = executable_dir().parent_path() / "share" / "bran" / installed_subdir;
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
    return source_dir;
}
}  // namespace

std::string default_content_dir() { return find_data_dir("BRAN_CONTENT_DIR", "decision-aids", BRAN_SOURCE_CONTENT_DIR); }
std::string default_i18n_dir() { return find_data_dir("BRAN_I18N_DIR", "i18n", BRAN_SOURCE_I18N_DIR); }

namespace {
std::filesystem::path data_folder() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::filesystem::path(home) / ".local" / "share";
    } else {
        base = ".";
    }
    return base / "bran";
}
}  // namespace

std::string default_database_path() {
    const auto folder = data_folder();
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    return (folder / "bran.db").string();
}

std::string staging_database_path(const std::string& central_name, const std::string& site) {
    const auto folder = data_folder() / "to-central";
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    // One per central database and site; the site code is a file name only when it is plain.
    std::string plain_site;
    for (const char c : site) plain_site += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
    return (folder / (sha256_hex(central_name).substr(0, 16) + "-" + plain_site + ".db")).string();
}

}  // namespace bran::cli
