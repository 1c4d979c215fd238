#include "engine/core/text_position.hpp"

#include <algorithm>

namespace bran {

namespace {
bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }
}  // namespace

TextPositions::TextPositions(std::string_view text) : m_text(text) {
    m_line_starts.push_back(0);
    int column = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % checkpoint_bytes == 0) m_checkpoint_columns.push_back(column);
        if (text[i] == '\n') {
            m_line_starts.push_back(i + 1);
            column = 1;
        } else if (starts_code_point(text[i])) {
            ++column;
        }
    }
}

LineColumn TextPositions::at(std::size_t offset) const {
    offset = std::min(offset, m_text.size());
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const std::size_t line_index = static_cast<std::size_t>(it - m_line_starts.begin()) - 1;
    // Counting from the checkpoint before the offset when it lies on this line keeps each look-up
    // short even on a file that is all one line (a minified record with 100,000 problems).
    std::size_t from = m_line_starts[line_index];
    int column = 1;
    const std::size_t checkpoint = offset / checkpoint_bytes;
    if (checkpoint < m_checkpoint_columns.size() && checkpoint * checkpoint_bytes >= from) {
        from = checkpoint * checkpoint_bytes;
        column = m_checkpoint_columns[checkpoint];
    }
    for (std::size_t i = from; i < offset; ++i) {
        if (starts_code_point(m_text[i])) ++column;  // continuation bytes belong to the previous code point
    }
    return {static_cast<int>(line_index) + 1, column};
}

}  // namespace bran
