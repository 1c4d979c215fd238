// Turns a byte offset in a UTF-8 text into the 1-based line and column an editor shows.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace bran {

struct LineColumn {
    int line = 1;
    int column = 1;  // counted in code points, so "ŵ" is one column
};

class TextPositions {
public:
    explicit TextPositions(std::string_view text);
    LineColumn at(std::size_t offset) const;

private:
    std::string_view m_text;
    std::vector<std::size_t> m_line_starts;
    // The column at every checkpoint_bytes-th byte, where a look-up starts counting.
    static constexpr std::size_t checkpoint_bytes = 1024;
    std::vector<int> m_checkpoint_columns;
};

}  // namespace bran
