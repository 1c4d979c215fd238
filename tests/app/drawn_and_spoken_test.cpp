// Every screen of every bundled aid, in English and Welsh, is drawn with the window's own drawing
// code (headless: a Dear ImGui frame with no display) and what it drew is compared with what
// read-aloud says for the same view, block by block. And every character of the aids and the
// catalogs has a glyph in the window's fonts at every text size.
#include "app/gui/fonts.hpp"
#include "app/gui/screens/view_drawer.hpp"
#include "app/gui/top_bar.hpp"
#include "app/gui/theme.hpp"
#include "engine/content/library.hpp"
#include "engine/shell/current_view.hpp"
#include "engine/speech/screen_text.hpp"
#include "engine/store/chain_key.hpp"
#include "engine/store/database.hpp"
#include "engine/store/session_store.hpp"
#include "engine/view/home_view.hpp"
#include "engine/view/staff_views.hpp"
#include "engine/view/step_view.hpp"

#include "../unit/bundled_words.hpp"
#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace bran;
using namespace bran::gui;

namespace {

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}


// One Dear ImGui context with the window's real fonts, drawing into nothing.
class HeadlessWindow {
public:
    explicit HeadlessWindow(const std::string& glyph_text) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL3 renderer the app uses
        const auto files = find_fonts();
        REQUIRE(files);  // fonts-noto-core, which the app needs too
        REQUIRE(load_font_sets(*io.Fonts, *files, glyph_text, fonts));
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~HeadlessWindow() { ImGui::DestroyContext(); }
    HeadlessWindow(const HeadlessWindow&) = delete;
    HeadlessWindow& operator=(const HeadlessWindow&) = delete;

    // Draws `draw` in one frame of a full-window page and returns every text drawn.
    template <typename Draw>
    std::vector<std::string> frame(TextSize size, Draw&& draw) {
        apply_theme(false, size);
        ImGui::NewFrame();
        const DrawContext dc{&fonts[static_cast<int>(size)], &palette(false), size, body_pixels(size) / 24.0f};
        ImGui::PushFont(dc.fonts->body);
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##screen", nullptr, ImGuiWindowFlags_NoDecoration);
        std::vector<std::string> drawn;
        record_drawn_text(&drawn);
        draw(dc);
        record_drawn_text(nullptr);
        ImGui::End();
        ImGui::PopFont();
        ImGui::Render();
        return drawn;
    }

    FontSet fonts[text_size_count];
};

// Words as a listener hears them: decorative symbols gone, split at spaces and ASCII punctuation.
std::vector<std::string> tokens(const std::vector<std::string>& texts) {
    std::vector<std::string> out;
    for (const std::string& text : texts) {
        std::string word;
        for (const char c : speakable(text)) {
            const auto u = static_cast<unsigned char>(c);
            if (u >= 0x80 || std::isalnum(u)) {
                word += c;
            } else if (!word.empty()) {
                out.push_back(word);
                word.clear();
            }
        }
        if (!word.empty()) out.push_back(word);
    }
    return out;
}

std::string joined(const std::vector<std::string>& words) {
    std::string s;
    for (const std::string& w : words) s += w + " ";
    return s;
}

// The grid is drawn with each option's name once, as a column heading, and read a row at a time
// with the option's name before each answer. The same words otherwise, counted.
void check_grid(const GridBlock& grid, const std::vector<std::string>& drawn) {
    std::map<std::string, int> seen, heard;
    for (const std::string& t : tokens(drawn)) ++seen[t];
    for (const std::string& t : tokens(spoken_lines(Block(grid)))) ++heard[t];
    for (const std::string& t : tokens(grid.options)) --seen[t];  // the headings
    for (const GridBlock::Row& row : grid.rows) {
        for (std::size_t i = 0; i < row.answers.size(); ++i) {
            if (!speakable(row.answers[i]).empty()) {
                for (const std::string& t : tokens({grid.options[i]})) ++seen[t];
            }
        }
    }
    for (auto it = seen.begin(); it != seen.end();) it = it->second == 0 ? seen.erase(it) : std::next(it);
    CHECK(seen == heard);
}

// A table likewise: each column's heading drawn once, read before each cell's first line.
void check_table(const TableBlock& table, const std::vector<std::string>& drawn) {
    std::map<std::string, int> seen, heard;
    for (const std::string& t : tokens(drawn)) ++seen[t];
    for (const std::string& t : tokens(spoken_lines(Block(table)))) ++heard[t];
    for (const TableBlock::Column& column : table.columns) {
        for (const std::string& t : tokens({column.heading})) --seen[t];
    }
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            const bool said = std::any_of(row[i].lines.begin(), row[i].lines.end(),
                                          [](const WordsBlock& line) { return !speakable(line.text).empty(); });
            if (said) {
                for (const std::string& t : tokens({table.columns[i].heading})) ++seen[t];
            }
        }
    }
    for (auto it = seen.begin(); it != seen.end();) it = it->second == 0 ? seen.erase(it) : std::next(it);
    CHECK(seen == heard);
}

// A funnel plot: its outliers' names label their dots, and are read in the findings.
void check_funnel(const FunnelBlock& funnel, const std::vector<std::string>& drawn) {
    std::vector<std::string> seen = tokens(drawn);
    for (const FunnelBlock::Dot& dot : funnel.dots) {
        if (!dot.outside) continue;
        for (const std::string& t : tokens({dot.label})) {
            const auto at = std::find(seen.begin(), seen.end(), t);
            REQUIRE(at != seen.end());
            seen.erase(at);
        }
    }
    CHECK(joined(seen) == joined(tokens(spoken_lines(Block(funnel)))));
}

// Draws the view block by block, then whole, and checks each against what is read aloud.
void check_view(HeadlessWindow& window, const ScreenView& view, TextSize size, const std::string& where) {
    INFO(where);
    std::map<std::string, std::string> drafts;
    std::vector<std::string> all_blocks;
    for (std::size_t i = 0; i < view.blocks.size(); ++i) {
        const Block& block = view.blocks[i];
        PageState state{drafts};
        const std::vector<std::string> drawn =
            window.frame(size, [&](const DrawContext& dc) { draw_block(dc, block, static_cast<int>(i), state); });
        all_blocks.insert(all_blocks.end(), drawn.begin(), drawn.end());
        INFO("block " << i);
        if (const auto* grid = std::get_if<GridBlock>(&block)) {
            check_grid(*grid, drawn);
        } else if (const auto* funnel = std::get_if<FunnelBlock>(&block)) {
            check_funnel(*funnel, drawn);
        } else if (const auto* table = std::get_if<TableBlock>(&block)) {
            REQUIRE_FALSE(table->rows.empty());
            check_table(*table, drawn);
        } else {
            CHECK(joined(tokens(drawn)) == joined(tokens(spoken_lines(block))));
        }
    }
    // The whole page draws exactly its blocks, in order; its foot, where the patient is.
    PageState state{drafts};
    const auto page = window.frame(size, [&](const DrawContext& dc) { draw_view(dc, view, state); });
    CHECK(joined(tokens(page)) == joined(tokens(all_blocks)));
    const auto place = window.frame(size, [&](const DrawContext& dc) { draw_place(dc, view); });
    CHECK(joined(tokens(place)) == joined(tokens(view.place)));
    // And nothing of a page goes unheard: the spoken text is the blocks' lines, then the place.
    std::vector<std::string> heard;
    for (const Block& block : view.blocks) {
        for (std::string& line : spoken_lines(block)) heard.push_back(std::move(line));
    }
    for (const std::string& line : view.place) heard.push_back(speakable(line));
    CHECK(spoken_lines(view) == heard);
}

// Answers what a page asks, so the next pages (and the summary) show answers, feedback and a verdict.
void answer_page(Walkthrough& walk, const ScreenView& view, int seed) {
    std::map<std::string, std::vector<const ChoiceBlock*>> by_item;
    for (const Block& block : view.blocks) {
        if (const auto* c = std::get_if<ChoiceBlock>(&block)) by_item[c->item].push_back(c);
        if (const auto* e = std::get_if<TextEntryBlock>(&block)) {
            REQUIRE(walk.apply(intent::Answer{e->item, "Dw i’n poeni am fy ŵyr. Ŵ Ŷ — worried about my family"}).ok);
        }
    }
    for (const auto& [item, choices] : by_item) {
        const ChoiceBlock* chosen = choices[static_cast<std::size_t>(seed) % choices.size()];
        if (auto answer = chosen->press()) REQUIRE(walk.apply(*answer).ok);
    }
}

std::string all_glyph_text(const Library& library) {
    std::string text;
    for (const Aid* aid : library.aids()) text += aid->content;
    for (const char* locale : {"en-GB", "cy"}) text += read_all(std::string(BRAN_SOURCE_I18N_DIR) + "/" + locale + ".json");
    return text;
}

}  // namespace

TEST_CASE("every page of every aid, in English and Welsh, draws exactly what read-aloud says", "[view]") {
    const Library library = Library::load({BRAN_SOURCE_CONTENT_DIR}, RuleContext{});
    REQUIRE(library.aids().size() >= 5);
    HeadlessWindow window(all_glyph_text(library));
    int pages = 0;
    for (const char* locale : {"en-GB", "cy"}) {
        const Catalog words = bran::test::bundled_words(locale);
        check_view(window, home_view(library, words), TextSize::normal, std::string("home, ") + locale);
        check_view(window, idle_view(words, 30), TextSize::largest, std::string("idle prompt, ") + locale);
        for (const Aid* aid : library.aids()) {
            Database db = Database::open(":memory:");
            SessionStore store(db, ChainKey::random());
            Walkthrough walk = Walkthrough::start(*aid, store, Setting::home, SessionMeta{});
            int seed = 0;
            for (const Step step : all_steps()) {
                for (int page = 0; page < walk.pages_in(step); ++page) {
                    REQUIRE(walk.apply(intent::GoTo{step, page}).ok);
                    const std::string where = aid->id + ", " + locale + ", " + step_name(step) + " page " + std::to_string(page + 1);
                    // As it opens, then answered (with what the answer shows: a tick, feedback, the verdict).
                    const TextSize size = pages % 3 == 0 ? TextSize::largest : TextSize::normal;
                    check_view(window, step_view(walk, words), size, where + ", unanswered");
                    answer_page(walk, step_view(walk, words), seed++);
                    check_view(window, step_view(walk, words, {"/home/p/Documents/a.json", "/home/p/Documents/a.pdf"}), size,
                               where + ", answered");
                    ++pages;
                }
            }
        }
    }
    CHECK(pages > 100);
}

TEST_CASE("the staff screens, in English and Welsh, draw exactly what read-aloud says", "[view]") {
    const Library library = Library::load({BRAN_SOURCE_CONTENT_DIR}, RuleContext{});
    HeadlessWindow window(all_glyph_text(library));
    const Aid& aid = *library.aids().front();
    AuditFilter filter;
    filter.group_by = GroupBy::option;
    GroupFigures group;
    group.key = aid.options.front().id;
    group.sessions = 12, group.completed = 9;
    group.concordance = {9, 6}, group.no_clear_fit = 1, group.informed_choice = {9, 4};  // sure: none assessable
    group.choices = {{aid.options.front().id, 5}, {"unsure", 4}};
    group.home_to_clinic.sessions = 3, group.home_to_clinic.choice_changed = {3, 1}, group.home_to_clinic.ratings_changed = 2;
    group.home_to_clinic.moves = {{aid.options.front().id + " -> " + aid.options.back().id, 1}};
    SessionToReview review;
    review.started_at = "2026-11-03T10:00:00Z", review.aid_id = aid.id, review.clinician = "GP7", review.discordant = true;
    review.choice = aid.options.back().id, review.sure_score = 2;
    const std::vector<GroupFigures> groups{group};
    const std::vector<SessionToReview> to_review{review, SessionToReview{}};
    const std::string exported = "/var/lib/bran/bran-audit-2026-12-07.csv";
    const VariationFigures no_variation;
    for (const char* locale : {"en-GB", "cy"}) {
        const Catalog words = bran::test::bundled_words(locale);
        for (const bool leaving : {true, false}) check_view(window, pin_view(words, leaving), TextSize::normal, std::string("PIN, ") + locale);
        check_view(window, staff_menu_view(words, {}, ""), TextSize::normal, std::string("staff menu, no files, ") + locale);
        check_view(window, staff_menu_view(words, {"/media/usb/bran-statins-2026-12-01.json", "/home/p/Downloads/bran-af.json"}, "Not a record file: line 1"),
                   TextSize::largest, std::string("staff menu, files, ") + locale);
        check_view(window, audit_view(library, words, {filter, groups, to_review, exported, no_variation}), TextSize::normal, std::string("audit, ") + locale);
        check_view(window, audit_view(library, words, {filter, groups, to_review, exported, no_variation}), TextSize::largest, std::string("audit, largest, ") + locale);
        // By clinician, with one far below the others: the funnel plots, its label and its finding.
        AuditFilter by_clinician;
        by_clinician.group_by = GroupBy::clinician;
        std::vector<GroupFigures> clinicians(3, group);
        clinicians[0].key = "C01", clinicians[0].concordance = {200, 150}, clinicians[0].knowledge = {200, 160};
        clinicians[1].key = "C02", clinicians[1].concordance = {180, 130}, clinicians[1].knowledge = {180, 150};
        clinicians[2].key = "C03", clinicians[2].concordance = {120, 20}, clinicians[2].knowledge = {120, 100};
        const ScreenView funnels = audit_view(library, words, {by_clinician, clinicians, to_review, exported, variation_figures(clinicians, false)});
        int plots = 0, outside = 0;
        for (const Block& block : funnels.blocks) {
            if (const auto* f = std::get_if<FunnelBlock>(&block)) {
                ++plots;
                for (const auto& dot : f->dots) outside += dot.outside && dot.label == "C03";
            }
        }
        CHECK(plots >= 2);
        CHECK(outside >= 1);
        check_view(window, funnels, TextSize::normal, std::string("audit by clinician, ") + locale);
        check_view(window, funnels, TextSize::largest, std::string("audit by clinician, largest, ") + locale);
        // A sentence that lists after it ends in a colon, not in ".:".
        CHECK(spoken_text(audit_view(library, words, {filter, groups, to_review, exported, no_variation})).find(".:") == std::string::npos);
    }
}

TEST_CASE("at 1280 pixels and normal text the top bar is one row, in English and Welsh, so the page keeps the window", "[view]") {
    const Library library = Library::load({BRAN_SOURCE_CONTENT_DIR}, RuleContext{});
    HeadlessWindow window(all_glyph_text(library));
    Database db = Database::open(":memory:");
    SessionStore store(db, ChainKey::random());
    // One button's row, as the bar's first control is drawn.
    float one_row = 0.0f;
    window.frame(TextSize::normal, [&](const DrawContext& dc) {
        const float top = ImGui::GetCursorPosY();
        row_button(dc, false, "English", "one", true);
        ImGui::Separator();
        one_row = ImGui::GetCursorPosY() - top;
    });
    REQUIRE(one_row > 0.0f);
    for (const char* locale : {"en-GB", "cy"}) {
        const Catalog words = bran::test::bundled_words(locale);
        for (const bool in_aid : {false, true}) {
            AppOptions options;
            options.locale = locale;
            AppModel model(library, db, store, options);
            if (in_aid) model.choose_aid(library.aids().front()->id);  // the bar has Start again, not Staff
            float height = 0.0f;
            window.frame(TextSize::normal, [&](const DrawContext& dc) {
                const float top = ImGui::GetCursorPosY();
                draw_top_bar(dc, words, model, {"cy", "en-GB"}, false);
                height = ImGui::GetCursorPosY() - top;
            });
            INFO(locale << (in_aid ? ", in an aid" : ", the list of aids"));
            CHECK(height < one_row * 1.5f);
        }
    }
}

TEST_CASE("a page that draws a word read-aloud does not say is caught", "[view]") {
    // The check above, shown to fail: a block drawn with one word more than its spoken lines.
    const Library library = Library::load({BRAN_SOURCE_CONTENT_DIR}, RuleContext{});
    HeadlessWindow window(all_glyph_text(library));
    ScreenView view;
    view.words(Emphasis::body, "What matters to you");
    std::map<std::string, std::string> drafts;
    PageState state{drafts};
    const auto drawn = window.frame(TextSize::normal, [&](const DrawContext& dc) {
        draw_block(dc, view.blocks[0], 0, state);
        paragraph("extra");
    });
    CHECK(joined(tokens(drawn)) != joined(tokens(spoken_lines(view.blocks[0]))));
}

TEST_CASE("every character of the aids and the catalogs has a glyph at every text size, upper case included", "[fonts]") {
    const Library library = Library::load({BRAN_SOURCE_CONTENT_DIR}, RuleContext{});
    const std::string text = all_glyph_text(library);
    HeadlessWindow window(text);
    std::vector<unsigned> missing;
    for (const char* p = text.c_str(); *p;) {
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, nullptr);
        if (c < 0x20) continue;  // line breaks and tabs are not drawn
        for (const FontSet& set : window.fonts) {
            for (const ImFont* font : {set.body, set.bold, set.heading}) {
                if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c)) &&
                    std::find(missing.begin(), missing.end(), c) == missing.end()) {
                    missing.push_back(c);
                }
            }
        }
    }
    for (const unsigned c : missing) UNSCOPED_INFO("no glyph for U+" << std::hex << std::uppercase << c);
    CHECK(missing.empty());
    // Upper-case Ŵ and Ŷ above all, which once showed as "?".
    for (const ImWchar c : {ImWchar(0x0174), ImWchar(0x0176)}) CHECK(window.fonts[0].body->FindGlyphNoFallback(c));
}
