#include "engine/core/diagnostic.hpp"

#include "engine/core/terminal_text.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace bran {

std::string Diagnostic::to_line() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) {
            out += ':' + std::to_string(line) + ':' + std::to_string(column);
        }
        out += ": ";
    }
    if (!pointer.empty()) out += pointer + ": ";
    if (severity == Severity::warning) out += "warning: ";
    out += message;
    // A message may quote the input (a file name, a field, a record's text): it goes to a terminal.
    return terminal_safe(out);
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(), [](const Diagnostic& d) {
        return d.severity == Severity::error;
    }));
}

void Diagnostics::sort() {
    std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
}

void Diagnostics::append(const Diagnostics& other) {
    m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

std::vector<std::string> Diagnostics::lines(std::size_t per_file) const {
    struct FileLines {
        std::string file;
        std::vector<std::string> shown;
        std::size_t more = 0;
    };
    std::vector<FileLines> files;  // in the order each file first appears
    for (const Diagnostic& d : m_items) {
        auto it = std::find_if(files.rbegin(), files.rend(), [&](const FileLines& f) { return f.file == d.file; });
        FileLines& group = it != files.rend() ? *it : files.emplace_back(FileLines{d.file, {}, 0});
        if (group.shown.size() < per_file) group.shown.push_back(d.to_line());
        else ++group.more;
    }
    std::vector<std::string> out;
    for (FileLines& group : files) {
        out.insert(out.end(), std::make_move_iterator(group.shown.begin()), std::make_move_iterator(group.shown.end()));
        if (group.more == 0) continue;
        const std::string where = group.file.empty() ? "" : group.file + ": ";
        out.push_back(where + "... and " + std::to_string(group.more) + " more problem" + (group.more == 1 ? "" : "s") +
                      " in this file");
    }
    return out;
}

}  // namespace bran
