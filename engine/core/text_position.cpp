#include "engine/core/text_position.hpp"

#include <algorithm>

namespace bran {

TextPositions::TextPositions(std::string_view text) : m_text(text) {
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') m_line_starts.push_back(i + 1);
    }
}

LineColumn TextPositions::at(std::size_t offset) const {
    offset = std::min(offset, m_text.size());
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const std::size_t line_index = static_cast<std::size_t>(it - m_line_starts.begin()) - 1;
    int column = 1;
    for (std::size_t i = m_line_starts[line_index]; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(m_text[i]);
        if ((byte & 0xC0) != 0x80) ++column;  // continuation bytes belong to the previous code point
    }
    return {static_cast<int>(line_index) + 1, column};
}

}  // namespace bran
