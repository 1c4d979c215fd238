#include "engine/speech/screen_text.hpp"

#include <variant>

namespace bran {

namespace {

// Symbols the screens draw for the eye only: a chosen answer's tick, the navigation arrows, the
// quotes around names and the patient's own words, list bullets, the notice's warning sign.
const char* const decorative[] = {"✓", "←", "→", "“", "”", "•", "⚠"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Collects a screen's words in order, each made speakable, skipping what is empty.
class Sentences {
public:
    void add(const std::string& text) {
        std::string s = speakable(text);
        if (!s.empty()) m_items.push_back(std::move(s));
    }
    // A choice as its number key says it: "1: Not at all."
    void keyed(int key, const std::string& label) { add(key > 0 ? std::to_string(key) + ": " + label : label); }
    std::vector<std::string> take() { return std::move(m_items); }

private:
    std::vector<std::string> m_items;
};

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) {
        if (!text.empty()) text += '\n';
        text += item;
    }
    return text;
}

}  // namespace

std::string speakable(const std::string& text) {
    std::string s = text;
    for (const char* symbol : decorative) {
        const std::string sym(symbol);
        for (auto at = s.find(sym); at != std::string::npos; at = s.find(sym, at)) s.replace(at, sym.size(), " ");
    }
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        // A space left by a removed quote before punctuation goes too ("now” ." -> "now.").
        const bool closing = c == '.' || c == ',' || c == ';' || c == ':' || c == '?' || c == '!';
        if (pending_space && !closing) out += ' ';
        pending_space = false;
        out += c;
    }
    if (out.empty()) return out;
    // A heading or label read without closing punctuation runs into the next sentence.
    const char last = out.back();
    if (last != '.' && last != '?' && last != '!' && last != ':' && last != ';') out += '.';
    return out;
}

namespace {

struct LineMaker {
    Sentences& out;
    void operator()(const WordsBlock& b) const { out.add(b.text); }
    void operator()(const ChoiceBlock& b) const { out.keyed(b.key, b.label); }
    void operator()(const TextEntryBlock& b) const {
        if (b.kind != TextEntryBlock::Kind::pin) out.add(b.saved);
    }
    void operator()(const FigureBlock& b) const {
        for (const FigureBlock::Column& c : b.columns) {
            out.add(c.option);
            out.add(c.sentence);
        }
        out.add(b.key);
    }
    void operator()(const GridBlock& b) const {
        for (const GridBlock::Row& row : b.rows) {
            out.add(row.question);
            for (std::size_t i = 0; i < row.answers.size() && i < b.options.size(); ++i) {
                if (!speakable(row.answers[i]).empty()) out.add(b.options[i] + ": " + row.answers[i]);
            }
        }
    }
    // A row at a time, each cell's first line after its column's heading, as in the grid.
    void operator()(const TableBlock& b) const {
        for (const auto& row : b.rows) {
            for (std::size_t i = 0; i < row.size() && i < b.columns.size(); ++i) {
                bool first = true;
                for (const WordsBlock& line : row[i].lines) {
                    if (speakable(line.text).empty()) continue;
                    out.add(first ? b.columns[i].heading + ": " + line.text : line.text);
                    first = false;
                }
            }
        }
    }
    // What the plot shows, in words: its outliers (whose names label their dots), then its key.
    void operator()(const FunnelBlock& b) const {
        out.add(b.title);
        for (const std::string& finding : b.findings) out.add(finding);
        out.add(b.key);
    }
    void operator()(const ButtonBlock& b) const { out.keyed(b.key, b.label); }
};

}  // namespace

std::vector<std::string> spoken_lines(const Block& block) {
    Sentences out;
    std::visit(LineMaker{out}, block);
    return out.take();
}

std::vector<std::string> spoken_lines(const ScreenView& view) {
    Sentences out;
    for (const Block& block : view.blocks) std::visit(LineMaker{out}, block);
    for (const std::string& line : view.place) out.add(line);
    return out.take();
}

std::string spoken_text(const ScreenView& view) { return joined(spoken_lines(view)); }

}  // namespace bran
