#include "engine/report/summary_pdf.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/files.hpp"
#include "engine/decision/assessment.hpp"
#include "engine/decision/risk_scores.hpp"
#include "engine/report/pdf_icon_array.hpp"
#include "engine/report/pdf_layout.hpp"
#include "engine/report/pdf_view_blocks.hpp"
#include "engine/view/outcome_figure.hpp"
#include "engine/view/summary_view.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace bran {

namespace {

bool is_draft(const Aid& aid) { return aid.review.status != "clinically reviewed"; }

// Lays out every section in order. Run twice: once to count the pages, once to draw them.
class SummaryLayout {
public:
    SummaryLayout(const SummaryDocument& doc, PdfFlow& flow)
        : m_doc(doc), m_aid(doc.aid), m_answers(doc.answers), m_words(doc.words), m_locale(doc.words.locale()), m_flow(flow),
          m_assessment(assess(doc.aid, doc.answers)) {}

    // The summary first, as the window shows it: on its first two pages a clinician finds the
    // decision, what was agreed or the leaning, the patient's words, the verdict with its reasons
    // and their numbers. Then the detail a patient may want at home.
    void run() {
        title();
        const HomeAndClinic* moves =
            m_doc.home_and_clinic && m_doc.home_and_clinic->continued_after_home() ? m_doc.home_and_clinic : nullptr;
        print(summary_view({m_aid, m_answers, m_words, moves}, SummaryFor::paper));
        outcomes();
        knowledge();
        sure();
        questions();
        about();
    }

private:
    std::string text(const Text& t) const { return localized(t, m_locale); }
    std::string words(const std::string& key, const MessageArgs& args = {}) const { return m_words.text(key, args); }
    double line() const { return m_flow.line(); }

    void heading(const std::string& key) { m_flow.heading(words(key), 3 * line()); }

    void title() {
        const TextBlock big = m_flow.block(words("take-home.heading"), TextStyle::title, m_flow.width(), ink::heading);
        if (m_flow.drawing()) big.draw(m_flow.cr(), m_flow.left(), m_flow.y());
        m_flow.move_down(big.height() + 0.3 * line());
        m_flow.paragraph(text(m_aid.title), TextStyle::subheading);
        // When it was made and what it is for, in one paragraph: the first page's room is for the summary.
        std::string about = words("take-home.show-clinician");
        if (!m_doc.session.updated_at.empty()) {
            about = words("take-home.made-on", {{"date", format_long_date(m_locale, m_doc.session.updated_at)}}) + " " + about;
        }
        m_flow.paragraph(about);
        if (is_draft(m_aid)) m_flow.notice(words("take-home.draft"));
    }

    // Two columns: words on the left, an answer in bold on the right, a light rule under each row.
    void table_row(const std::string& left, const std::string& right) {
        const double gap = line();
        const double right_width = m_flow.width() * 0.3;
        const TextBlock l = m_flow.block(left, TextStyle::body, m_flow.width() - right_width - gap);
        const TextBlock r = m_flow.block(right, TextStyle::strong, right_width);
        const double pad = 0.35 * m_flow.body_size();
        const double h = std::max(l.height(), r.height()) + 2 * pad;
        m_flow.ensure(h);
        if (m_flow.drawing()) {
            cairo_t* cr = m_flow.cr();
            l.draw(cr, m_flow.left(), m_flow.y() + pad);
            r.draw(cr, m_flow.left() + m_flow.width() - right_width, m_flow.y() + pad);
            cairo_set_source_rgb(cr, ink::rule.r, ink::rule.g, ink::rule.b);
            cairo_set_line_width(cr, 0.6);
            cairo_move_to(cr, m_flow.left(), m_flow.y() + h);
            cairo_line_to(cr, m_flow.left() + m_flow.width(), m_flow.y() + h);
            cairo_stroke(cr);
        }
        m_flow.move_down(h);
    }

    // What a section heading at `i` must keep with it: the words after it and, where they lead to a
    // figure, the figure's first part (a heading left alone at a page's foot, or a page nearly
    // empty above a figure that moved on, reads badly).
    double keep_with_section(const ScreenView& view, std::size_t i) const {
        double keep = 2.5 * line();
        double words = m_flow.block(std::get<WordsBlock>(view.blocks[i]).text, TextStyle::subheading, m_flow.width()).height() + line();
        for (std::size_t k = i + 1; k < view.blocks.size() && k < i + 4; ++k) {
            if (const auto* w = std::get_if<WordsBlock>(&view.blocks[k])) {
                if (w->emphasis == Emphasis::section || w->emphasis == Emphasis::heading) break;
                const bool titles_figure = k + 1 < view.blocks.size() && std::holds_alternative<FigureBlock>(view.blocks[k + 1]);
                if (!titles_figure) {
                    words += m_flow.block(w->text, TextStyle::body, m_flow.width()).height() + 0.4 * line();
                    continue;
                }
                keep = words + numbers_table_start(w->text, std::get<FigureBlock>(view.blocks[k + 1]));
            }
            break;
        }
        return std::min(keep, m_flow.page_room() * 0.8);
    }

    // One block of the summary view as print.
    void print(const ScreenView& view) {
        for (std::size_t i = 0; i < view.blocks.size(); ++i) {
            const Block& block = view.blocks[i];
            if (const auto* w = std::get_if<WordsBlock>(&block); w && w->emphasis == Emphasis::section) {
                m_flow.ensure(keep_with_section(view, i));
            }
            const auto* next_figure = i + 1 < view.blocks.size() ? std::get_if<FigureBlock>(&view.blocks[i + 1]) : nullptr;
            if (const auto* w = std::get_if<WordsBlock>(&block); w && next_figure) {
                // Titled figures as one table: a row per outcome, a column per option.
                std::vector<std::pair<std::string, const FigureBlock*>> rows;
                while (i + 1 < view.blocks.size() && std::holds_alternative<WordsBlock>(view.blocks[i]) &&
                       std::holds_alternative<FigureBlock>(view.blocks[i + 1])) {
                    rows.emplace_back(std::get<WordsBlock>(view.blocks[i]).text, &std::get<FigureBlock>(view.blocks[i + 1]));
                    i += 2;
                }
                --i;
                numbers_table(rows);
            } else if (w) {
                print_words(m_flow, *w);
            } else if (const auto* f = std::get_if<FigureBlock>(&block)) {
                numbers_table({{f->outcome, f}});  // a figure without a title of its own: named by its outcome
            }
        }
        m_flow.move_down(0.4 * line());
    }

    struct Column {
        int count;
        TextBlock name;
        TextBlock sentence;
    };

    // One outcome, shaped and measured before it is placed: its heading, what it means, the
    // options side by side (name, sentence, icon array), and the key to the pictures.
    struct Figure {
        bool good = false;
        int denominator = 100;
        std::size_t per_row = 1;
        double column_width = 0;
        double gap = 0;
        IconArrayGeometry geometry;
        std::vector<Column> columns;
        std::vector<TextBlock> head;  // heading, then the explanation if there is one
        std::vector<double> text_heights, row_heights;
        std::optional<TextBlock> legend;
        double head_height = 0;
        double total = 0;
    };

    // One of the appendix's figures shaped for the page: `head` above it (its heading and what it
    // means). The summary's own numbers are a table instead (numbers_table).
    Figure shape(const FigureBlock& block, std::vector<TextBlock> head) const {
        Figure f;
        f.good = block.good;
        f.denominator = block.denominator;
        const double width = m_flow.width();
        // Options side by side for comparison; in large print at most two, so the words stay readable.
        f.per_row = std::max<std::size_t>(1, std::min<std::size_t>(block.columns.size(), m_flow.body_size() > 15 ? 2 : 3));
        f.gap = 1.4 * line();
        f.column_width = (width - f.gap * static_cast<double>(f.per_row - 1)) / static_cast<double>(f.per_row);
        const double max_cell = block.denominator == 1000 ? 4.5 : 0.8 * m_flow.body_size();
        f.geometry = icon_array_geometry(block.denominator, f.column_width, max_cell);
        for (const FigureBlock::Column& c : block.columns) {
            f.columns.push_back({c.count, m_flow.block(c.option, TextStyle::subheading, f.column_width, ink::heading),
                                 m_flow.block(c.sentence, TextStyle::body, f.column_width)});
        }
        f.head = std::move(head);
        f.legend.emplace(m_flow.block(block.key, TextStyle::body, width));
        const double legend_height = f.legend->height();
        for (std::size_t first = 0; first < f.columns.size(); first += f.per_row) {
            double words_height = 0;
            for (std::size_t i = first; i < std::min(f.columns.size(), first + f.per_row); ++i) {
                words_height = std::max(words_height, f.columns[i].name.height() + 0.3 * line() + f.columns[i].sentence.height());
            }
            f.text_heights.push_back(words_height);
            f.row_heights.push_back(words_height + 0.5 * line() + f.geometry.height() + line());
        }
        f.head_height = 0.8 * line();
        for (const TextBlock& b : f.head) f.head_height += b.height() + 0.4 * line();
        f.total = f.head_height + legend_height;
        for (double h : f.row_heights) f.total += h;
        // Smaller pictures rather than a figure split over two pages, down to a size where each
        // shape can still be told apart.
        const double excess = f.total - m_flow.page_room();
        const double min_cell = block.denominator == 1000 ? 2.8 : 0.5 * m_flow.body_size();
        const double array_rows = static_cast<double>(f.row_heights.size() * static_cast<std::size_t>(f.geometry.rows));
        if (excess > 0 && !f.row_heights.empty() && f.geometry.cell - excess / array_rows >= min_cell) {
            const double cell = f.geometry.cell - excess / array_rows;
            const double saved = (f.geometry.cell - cell) * f.geometry.rows;
            f.geometry.cell = cell;
            for (double& h : f.row_heights) h -= saved;
            f.total -= saved * static_cast<double>(f.row_heights.size());
        }
        return f;
    }

    // What must fit below the cursor before the figure starts, when `available` is the room it
    // can have: all of it where it fits; else its title with the first row of pictures; else its
    // title and what it means, the pictures following on the next page under the title again.
    double keep_height(const Figure& f, double available) const {
        if (f.total <= available) return f.total;
        const double with_first_row = f.head_height + (f.row_heights.empty() ? 0 : f.row_heights[0]);
        return f.row_heights.size() > 1 && with_first_row <= available ? with_first_row : f.head_height;
    }

    // The summary's numbers on paper, compactly: the options' names once across the top, then per
    // outcome its title across the page and, under each option, its count and its pictures (a
    // title beside the pictures took a narrow column six lines deep). Each outcome stays on one
    // page; the names come again at the top of a new one.
    struct TableRow {
        TextBlock title;
        std::vector<TextBlock> counts;
        double cell;  // the tallest count: the pictures go below it
        IconArrayGeometry geometry;
        const FigureBlock* figure;
        double height;
        double counts_top;  // below the title
    };
    struct NumbersTable {
        double column, gap;
        std::vector<TextBlock> names;  // the options, across the top
        double header;
        std::vector<TableRow> rows;
        double x_of(double left, std::size_t k) const { return left + static_cast<double>(k) * (column + gap); }
    };

    NumbersTable shape_table(const std::vector<std::pair<std::string, const FigureBlock*>>& rows) const {
        const std::size_t options = rows.front().second->columns.size();
        NumbersTable t{0, 1.5 * line(), {}, 0, {}};
        t.column = (m_flow.width() - t.gap * static_cast<double>(options - 1)) / static_cast<double>(options);
        for (const FigureBlock::Column& c : rows.front().second->columns) {
            t.names.push_back(m_flow.block(c.option, TextStyle::strong, t.column, ink::heading));
            t.header = std::max(t.header, t.names.back().height());
        }
        t.header += 0.6 * line();
        for (const auto& [title, figure] : rows) {
            // A thousand people at 2.8 pt a person: 140 by 56 pt, each person still a shape.
            TableRow r{m_flow.block(title, TextStyle::strong, m_flow.width()), {}, 0,
                       icon_array_geometry(figure->denominator, t.column, figure->denominator == 1000 ? 2.8 : 0.45 * m_flow.body_size()),
                       figure, 0, 0};
            r.counts_top = r.title.height() + 0.2 * line();
            for (const FigureBlock::Column& c : figure->columns) {
                r.counts.push_back(m_flow.block(c.sentence, TextStyle::body, t.column));
                r.cell = std::max(r.cell, r.counts.back().height());
            }
            r.height = r.counts_top + r.cell + 0.3 * line() + r.geometry.height() + 0.9 * line();
            t.rows.push_back(std::move(r));
        }
        return t;
    }

    // The table's header and first row: what its section heading keeps with it.
    double numbers_table_start(const std::string& title, const FigureBlock& figure) const {
        const NumbersTable t = shape_table({{title, &figure}});
        return t.header + t.rows.front().height;
    }

    void numbers_table(const std::vector<std::pair<std::string, const FigureBlock*>>& rows) {
        if (rows.empty()) return;
        const NumbersTable t = shape_table(rows);
        const auto x_of = [&](std::size_t k) { return t.x_of(m_flow.left(), k); };
        const auto& names = t.names;
        const double header = t.header;
        const std::vector<TableRow>& shaped = t.rows;
        const auto draw_header = [&] {
            if (m_flow.drawing()) {
                for (std::size_t k = 0; k < names.size(); ++k) names[k].draw(m_flow.cr(), x_of(k), m_flow.y());
            }
            m_flow.move_down(header);
        };
        m_flow.ensure(header + shaped.front().height);
        draw_header();
        for (const TableRow& r : shaped) {
            const int page = m_flow.page();
            m_flow.ensure(r.height);
            if (m_flow.page() != page) draw_header();
            if (m_flow.drawing()) {
                cairo_t* cr = m_flow.cr();
                cairo_set_source_rgb(cr, ink::rule.r, ink::rule.g, ink::rule.b);
                cairo_set_line_width(cr, 0.6);
                cairo_move_to(cr, m_flow.left(), m_flow.y() - 0.3 * line());
                cairo_line_to(cr, m_flow.left() + m_flow.width(), m_flow.y() - 0.3 * line());
                cairo_stroke(cr);
                r.title.draw(cr, m_flow.left(), m_flow.y());
                const double counts_y = m_flow.y() + r.counts_top;
                for (std::size_t k = 0; k < r.counts.size() && k < r.figure->columns.size(); ++k) {
                    r.counts[k].draw(cr, x_of(k), counts_y);
                    draw_icon_array(cr, x_of(k), counts_y + r.cell + 0.3 * line(), r.geometry, r.figure->columns[k].count,
                                    r.figure->denominator, r.figure->good);
                }
            }
            m_flow.move_down(r.height);
        }
    }

    // An outcome that is another counted the other way round ("not have a stroke"): on screen it
    // has a page of its own, on paper it would only repeat the numbers.
    bool counts_the_other_way(const Outcome& outcome, const std::map<std::string, ScoreResult>& scores) const {
        const OutcomeNumbers shown = numbers_for(m_aid, outcome, scores);
        for (const Outcome& other : m_aid.outcomes) {
            if (&other == &outcome || other.denominator != outcome.denominator) continue;
            if (&other > &outcome) continue;  // the first of the two is printed
            const OutcomeNumbers theirs = numbers_for(m_aid, other, scores);
            if (!shown.numbers || !theirs.numbers) continue;
            bool complement = true;
            for (const auto& [option, number] : *shown.numbers) {
                auto it = theirs.numbers->find(option);
                complement = complement && it != theirs.numbers->end() && it->second.count + number.count == outcome.denominator;
            }
            if (complement) return true;
        }
        return false;
    }

    // The appendix begins: each outcome with what it means and its numbers for every option.
    void outcomes() {
        const auto scores = compute_scores(m_aid, m_answers);
        std::vector<Figure> figures;
        bool personalised = false;
        for (const Outcome& o : m_aid.outcomes) {
            const OutcomeNumbers shown = numbers_for(m_aid, o, scores);
            if (!shown.numbers || counts_the_other_way(o, scores)) continue;
            personalised = personalised || shown.personalised;
            const std::string name = text(o.name);
            std::vector<TextBlock> head;
            head.push_back(m_flow.block(words("outcomes.heading", {{"outcome", name}}), TextStyle::subheading, m_flow.width()));
            if (!o.explanation.empty()) head.push_back(m_flow.block(text(o.explanation), TextStyle::body, m_flow.width()));
            figures.push_back(shape(outcome_figure(m_aid, shown, m_words), std::move(head)));
        }
        // Whose numbers these are, naming the patient's own scores where the numbers are theirs.
        std::string whose = words(personalised ? "outcomes.personalised" : m_aid.personalisation ? "outcomes.general" : "outcomes.general-no-questions");
        if (personalised) {
            const std::string from = scores_sentence(m_aid, scores, m_words);
            if (!from.empty()) whose += " " + from;
        }
        const TextBlock what = m_flow.block(words("take-home.outcomes"), TextStyle::subheading, m_flow.width(), ink::heading);
        const TextBlock note = m_flow.block(whose, TextStyle::body, m_flow.width());
        // The appendix's heading stays with its first figure.
        const std::string title = words("take-home.more");
        const double before_first = m_flow.heading_height(title) + what.height() + note.height() + line();
        const double room_after_heading = m_flow.page_room() - before_first;
        // The appendix's heading keeps with its introduction and the first figure's title; the
        // figure may begin the next page (a whole figure kept with it left pages nearly empty).
        m_flow.heading(title, what.height() + note.height() + line() + (figures.empty() ? 0 : figures.front().head_height));
        m_flow.paragraph_block(what, m_flow.left());
        m_flow.paragraph_block(note, m_flow.left());
        for (std::size_t i = 0; i < figures.size(); ++i) place(figures[i], i == 0 ? room_after_heading : m_flow.page_room());
    }

    void place(const Figure& f, double available) {
        const double keep = keep_height(f, available);
        const bool whole = keep == f.total;
        m_flow.ensure(keep);
        m_flow.move_down(0.8 * line());
        for (const TextBlock& b : f.head) {
            if (m_flow.drawing()) b.draw(m_flow.cr(), m_flow.left(), m_flow.y());
            m_flow.move_down(b.height() + 0.4 * line());
        }
        for (std::size_t row = 0; row < f.row_heights.size(); ++row) {
            if (!whole) {
                // The key to the pictures goes with the last row where a page can hold both.
                const bool last = row + 1 == f.row_heights.size();
                const double with_legend = f.row_heights[row] + f.legend->height();
                const double again = f.head.front().height() + 0.4 * line();
                const double need = last && with_legend + again <= m_flow.page_room() ? with_legend : f.row_heights[row];
                if (need > m_flow.room_left() && m_flow.y() > 0) {
                    // Continued on a new page: the outcome's heading again, so the numbers keep their name.
                    m_flow.new_page();
                    if (m_flow.drawing()) f.head.front().draw(m_flow.cr(), m_flow.left(), m_flow.y());
                    m_flow.move_down(again);
                }
            }
            if (m_flow.drawing()) {
                cairo_t* cr = m_flow.cr();
                for (std::size_t k = 0; k < f.per_row && row * f.per_row + k < f.columns.size(); ++k) {
                    const Column& c = f.columns[row * f.per_row + k];
                    const double x = m_flow.left() + static_cast<double>(k) * (f.column_width + f.gap);
                    c.name.draw(cr, x, m_flow.y());
                    c.sentence.draw(cr, x, m_flow.y() + c.name.height() + 0.3 * line());
                    draw_icon_array(cr, x, m_flow.y() + f.text_heights[row] + 0.5 * line(), f.geometry, c.count, f.denominator, f.good);
                    if (k > 0) {
                        cairo_set_source_rgb(cr, ink::rule.r, ink::rule.g, ink::rule.b);
                        cairo_set_line_width(cr, 0.6);
                        cairo_move_to(cr, x - f.gap / 2, m_flow.y());
                        cairo_line_to(cr, x - f.gap / 2, m_flow.y() + f.row_heights[row] - line());
                        cairo_stroke(cr);
                    }
                }
            }
            m_flow.move_down(f.row_heights[row]);
        }
        m_flow.paragraph_block(*f.legend, m_flow.left());
    }

    void knowledge() {
        if (m_aid.knowledge.questions.empty()) return;
        heading("take-home.knowledge");
        if (m_assessment.knowledge_answered > 0) {
            m_flow.paragraph(words("summary.knowledge", {{"correct", static_cast<long long>(m_assessment.knowledge_correct)},
                                                          {"answered", static_cast<long long>(m_assessment.knowledge_answered)}}));
        }
        const double indent = line();
        const double width = m_flow.width() - indent;
        for (const Question& q : m_aid.knowledge.questions) {
            std::string right_answer;
            for (const Answer& a : q.answers) {
                if (a.id == q.correct) right_answer = text(a.text);
            }
            auto given = m_answers.knowledge.find(q.id);
            std::vector<TextBlock> parts;
            parts.push_back(m_flow.block(text(q.question), TextStyle::strong, width));
            if (given == m_answers.knowledge.end()) {
                parts.push_back(m_flow.block(words("take-home.no-answer"), TextStyle::body, width));
                parts.push_back(m_flow.block(words("take-home.right-answer", {{"answer", right_answer}}), TextStyle::strong, width));
            } else {
                std::string their_answer = given->second;
                for (const Answer& a : q.answers) {
                    if (a.id == given->second) their_answer = text(a.text);
                }
                parts.push_back(m_flow.block(words("take-home.your-answer", {{"answer", their_answer}}), TextStyle::body, width));
                if (given->second == q.correct) {
                    parts.push_back(m_flow.block(words("knowledge.right"), TextStyle::strong, width, ink::good));
                } else {
                    parts.push_back(m_flow.block(words("knowledge.not-quite", {{"answer", right_answer}}), TextStyle::strong, width));
                }
            }
            if (!q.explanation.empty()) parts.push_back(m_flow.block(text(q.explanation), TextStyle::body, width));
            const double spacing = 0.25 * line();
            double h = 0;
            for (const TextBlock& p : parts) h += p.height() + spacing;
            m_flow.ensure(h);
            if (m_flow.drawing()) {
                // A bar down the left of each question groups its lines.
                cairo_set_source_rgb(m_flow.cr(), ink::rule.r, ink::rule.g, ink::rule.b);
                cairo_rectangle(m_flow.cr(), m_flow.left(), m_flow.y(), 3.0, h - spacing);
                cairo_fill(m_flow.cr());
            }
            for (const TextBlock& p : parts) {
                if (m_flow.drawing()) p.draw(m_flow.cr(), m_flow.left() + indent, m_flow.y());
                m_flow.move_down(p.height() + spacing);
            }
            m_flow.move_down(0.6 * line());
        }
    }

    void sure() {
        heading("sure.heading");
        for (const std::string& item : sure_items()) {
            auto it = m_answers.sure.find(item);
            const std::string answer = it == m_answers.sure.end() ? words("take-home.sure-not-answered")
                                                                   : words(it->second ? "sure.yes" : "sure.no");
            table_row(words("sure." + item), answer);
        }
        m_flow.move_down(0.6 * line());
        if (m_assessment.sure_score) {
            if (*m_assessment.sure_score == 4) m_flow.paragraph(words("summary.sure-pass"));
            else m_flow.paragraph(words("summary.sure-conflict", {{"count", static_cast<long long>(4 - *m_assessment.sure_score)}}), TextStyle::strong);
        }
        m_flow.paragraph(words("sure.no-means"));
    }

    // Lines to write questions on, where the patient wrote none (what they wrote is in the summary).
    void questions() {
        if (m_answers.questions && !m_answers.questions->empty()) return;
        heading("summary.questions");
        m_flow.paragraph(words("take-home.no-questions"));
        // Lines to write on, by hand, before the appointment.
        const double spacing = 2.2 * line();
        const int lines = 4;
        m_flow.ensure(spacing * lines);
        if (m_flow.drawing()) {
            cairo_t* cr = m_flow.cr();
            cairo_set_source_rgb(cr, ink::rule.r, ink::rule.g, ink::rule.b);
            cairo_set_line_width(cr, 0.75);
            for (int i = 1; i <= lines; ++i) {
                cairo_move_to(cr, m_flow.left(), m_flow.y() + i * spacing);
                cairo_line_to(cr, m_flow.left() + m_flow.width(), m_flow.y() + i * spacing);
            }
            cairo_stroke(cr);
        }
        m_flow.move_down(spacing * lines + 0.5 * line());
    }

    void about() {
        heading("take-home.about");
        m_flow.paragraph(words("take-home.aid", {{"title", text(m_aid.title)}}));
        m_flow.paragraph(words("take-home.aid-version", {{"id", m_aid.id}, {"version", m_aid.version}}));
        if (!m_aid.review.last_evidence_review.empty() && !m_aid.review.next_review_due.empty()) {
            m_flow.paragraph(words("take-home.checked", {{"date", format_long_date(m_locale, m_aid.review.last_evidence_review)},
                                                          {"due", format_long_date(m_locale, m_aid.review.next_review_due)}}));
        }
        if (is_draft(m_aid)) m_flow.paragraph(words("take-home.draft"), TextStyle::strong);
        if (m_doc.status != "completed") m_flow.paragraph(words("take-home.unfinished"));
        // The id on a line of its own, so that it is never broken at one of its hyphens.
        m_flow.paragraph(words("take-home.session"));
        m_flow.paragraph(m_doc.session.id, TextStyle::strong);
        if (m_aid.sources.empty()) return;
        const TextBlock sources = m_flow.block(words("take-home.sources"), TextStyle::subheading, m_flow.width(), ink::heading);
        m_flow.ensure(0.4 * line() + sources.height() + 3 * line());  // with the first source
        m_flow.move_down(0.4 * line());
        m_flow.paragraph_block(sources, m_flow.left());
        for (const Source& s : m_aid.sources) {
            bullet_point(m_flow, words("take-home.source", {{"citation", s.citation}, {"year", std::to_string(s.year)}}));
        }
    }

    const SummaryDocument& m_doc;
    const Aid& m_aid;
    const Answers& m_answers;
    const Catalog& m_words;
    std::string m_locale;
    PdfFlow& m_flow;
    Assessment m_assessment;
};

}  // namespace

std::string render_summary_pdf(const SummaryDocument& doc, bool large_print) {
    const std::string title = doc.words.text("take-home.heading") + ": " + localized(doc.aid.title, doc.words.locale());
    const auto footer = [&doc](int page, int pages) {
        return doc.words.text("take-home.page", {{"page", static_cast<long long>(page)}, {"pages", static_cast<long long>(pages)}});
    };
    return render_pdf(title, doc.words.locale(), large_print ? PrintSize::large : PrintSize::patient, footer, [&doc](PdfFlow& flow) { SummaryLayout(doc, flow).run(); },
                      "the summary PDF");
}

void write_summary_pdf(const SummaryDocument& doc, const std::string& path, bool large_print) {
    std::string bytes;
    try {
        bytes = render_summary_pdf(doc, large_print);
    } catch (const IoError& e) {
        throw IoError(path + ": " + e.what());
    }
    write_file_atomically(path, bytes);
}

}  // namespace bran
