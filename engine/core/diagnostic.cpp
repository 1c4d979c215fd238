#include "engine/core/diagnostic.hpp"

#include "engine/core/terminal_text.hpp"

#include <algorithm>
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

}  // namespace bran
