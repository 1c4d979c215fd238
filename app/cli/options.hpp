// Arguments shared by every subcommand: a tiny parser that knows flags, values and positionals,
// and reports usage errors the same way everywhere (exit 2).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace bran::cli {

enum Exit { ok = 0, failed = 1, usage = 2 };

class Arguments {
public:
    // value_options take a value (`--db FILE` or `--db=FILE`); flags take none.
    Arguments(const std::vector<std::string>& args, const std::set<std::string>& value_options,
              const std::set<std::string>& flags);

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    bool flag(const std::string& name) const { return m_flags.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return m_positionals; }

private:
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    std::vector<std::string> m_positionals;
    std::string m_error;
};

// "FILE: message" for an error about FILE, without saying the file twice when the message
// already begins with it (or with the file beside it that it is about, such as FILE.key).
std::string error_line(const std::string& file, const std::string& message);

// Prints "bran COMMAND: message" and a hint to standard error; returns Exit::usage.
int usage_error(const std::string& command, const std::string& message);

// Where the bundled aids and translations are: beside the source tree in a build, under the
// installed data directory otherwise.
std::string default_content_dir();
std::string default_i18n_dir();
// $XDG_DATA_HOME/bran/bran.db or ~/.local/share/bran/bran.db (the folder is created).
std::string default_database_path();
// Where `bran import ... --db URI` keeps the records it brings for one central database and
// site: a site database of this computer's own, pushed like any other (the folder is created).
std::string staging_database_path(const std::string& central_name, const std::string& site);

int run_validate(const std::vector<std::string>& args);
int run_import(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_pin(const std::vector<std::string>& args);
int run_audit(const std::vector<std::string>& args);
int run_summary(const std::vector<std::string>& args);
int run_db(const std::vector<std::string>& args);
int run_push(const std::vector<std::string>& args);

}  // namespace bran::cli
