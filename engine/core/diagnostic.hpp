// One problem found in an input, located as precisely as the input allows, printed as one line.
#pragma once
#include <string>
#include <vector>

namespace bran {

enum class Severity { error, warning };

struct Diagnostic {
    std::string file;     // empty when the input has no file (e.g. a database record)
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based, in code points; 0 when unknown
    std::string pointer;  // JSON pointer, or a record id
    Severity severity = Severity::error;
    std::string message;  // starts lowercase, says what to change

    // `file:line:column: /pointer: [warning: ]message`, leaving out the parts that are unknown,
    // with control characters shown as escapes (terminal_safe).
    std::string to_line() const;
};

class Diagnostics {
public:
    void add(Diagnostic d) { m_items.push_back(std::move(d)); }
    const std::vector<Diagnostic>& items() const { return m_items; }
    bool has_errors() const;
    std::size_t error_count() const;
    bool empty() const { return m_items.empty(); }
    // By file, then position, so that a file's problems read top to bottom.
    void sort();
    void append(const Diagnostics& other);
    // The lines to print, file by file: at most `per_file` problems of each file, then one line
    // "FILE: ... and N more problems in this file", so that a file with 100,000 mistakes still
    // reads as a handful of lines to fix first and a count.
    std::vector<std::string> lines(std::size_t per_file = max_lines_per_file) const;
    static constexpr std::size_t max_lines_per_file = 20;

private:
    std::vector<Diagnostic> m_items;
};

}  // namespace bran
