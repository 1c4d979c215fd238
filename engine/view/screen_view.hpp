// One screen described once: its blocks of words, answers, text fields, pictures and buttons, in
// the session's language and in reading order. The window draws it, read-aloud speaks it and the
// printed summary prints it, so what a patient hears is what they see.
#pragma once
#include "engine/session/walkthrough.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace bran {

// How a piece of text is set: what it is, not how it looks (each place that shows it decides that).
enum class Emphasis {
    heading,  // the page's title
    section,  // a heading within the page
    body,
    strong,   // said with weight: a result, the leaning, a counter's answer
    muted,    // a note about what is around it: where numbers come from, what a page is for
    quote,    // the patient's own words, shown in quotation marks
    point,    // one of a list
    notice,   // something gone wrong that the patient must see before anything else
};

struct WordsBlock {
    Emphasis emphasis = Emphasis::body;
    std::string text;
};

// One answer to a question. Pressing it gives the intent from press().
struct ChoiceBlock {
    std::string item;      // the question's linkId
    nlohmann::json value;  // this answer
    std::string label;
    int key = 0;           // the number key that chooses it (1 to 9), or 0 where a page has several questions
    bool selected = false;
    // Pressing a chosen answer again clears it (the questions about you, where "skip" must stay
    // possible); elsewhere it leaves it as it is, so a second tap is never "unselect".
    bool clears_when_chosen = false;

    std::optional<intent::Answer> press() const;
};

// Where the patient writes in their own words; what is typed is recorded on leaving the page.
// Staff screens use one line for a PIN (shown as dots, never read aloud) or a file's path, where
// Enter presses the screen's button.
struct TextEntryBlock {
    enum class Kind { words, pin, path };
    std::string item;
    std::string saved;  // what is recorded now
    Kind kind = Kind::words;
};

// One outcome's numbers for every option side by side: each option's sentence and its icon
// array, with the same denominator and time frame.
struct FigureBlock {
    struct Column {
        std::string option;    // the option's name
        std::string sentence;  // "17 out of 1,000 people like you will have a stroke in the next year."
        int count = 0;
    };
    std::string outcome;   // the outcome's name
    std::vector<Column> columns;
    int denominator = 100;
    bool good = false;     // a good outcome (ticks in circles), else a bad one (crosses in squares)
    std::string key;       // what the shapes mean, in words
};

// The options side by side: a column per option, a row per question.
struct GridBlock {
    struct Row {
        std::string question;
        std::vector<std::string> answers;  // one per option, in the options' order ("" where none)
    };
    std::vector<std::string> options;
    std::vector<Row> rows;
};

// A table of figures for staff: a heading per column, and in each cell a bar for a rate (never
// the only carrier: its numbers are in the words below it) and lines of words.
struct TableBlock {
    struct Column {
        std::string heading;
        float share = 1.0f;  // of the table's width, against the other columns'
    };
    struct Cell {
        std::optional<double> bar;  // a rate from 0 to 1
        std::vector<WordsBlock> lines;
    };
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;  // a cell per column
};

// A funnel plot of one indicator for staff: each group a dot at its number of sessions and its
// rate, the rate of all groups together as a line, and the control limits narrowing as the
// sessions grow. A dot outside the limits is labelled; `findings` say the same in words.
struct FunnelBlock {
    struct Dot {
        std::string label;
        long long n = 0;
        double rate = 0;
        bool outside = false;  // beyond the 95% limits at least
    };
    struct Limits {
        long long n = 0;
        double lower95 = 0, upper95 = 1, lower998 = 0, upper998 = 1;
    };
    std::string title;
    double target = 0;
    std::vector<Dot> dots;
    std::vector<Limits> curve;          // at numbers of sessions from 1 to the largest group's
    std::vector<std::string> findings;  // each group outside the limits, or that none is
    std::string key;                    // how to read the plot
};

enum class Action {
    open_aid,      // home: start the aid named in `target`
    finish,        // the decision step: this person is done, ready for the next
    take_home,     // the summary: save the record (and summary PDF) to take to the appointment
    still_here,    // the kiosk's prompt: the person is still there, so nothing is wiped
    enter_pin,     // the PIN prompt: check what was typed
    cancel_pin,
    open_audit,    // the staff menu
    open_file,     // a record file from home: the one in `target`, or else the path typed
    leave_staff,   // back to the list of aids
    close_app,
    group_by,      // the audit: group its figures by `target` (a group_by_name)
    show_aid,      // ... for the aid in `target` only, or every aid when empty
    export_audit,
    review_page,   // the audit's sessions to review: the "older" or "newer" page in `target`
};

struct ButtonBlock {
    // primary: what the screen is for; secondary: a way on or out; toggle: one of a row of
    // choices (`chosen` is the one in force), each sitting beside the one before.
    enum class Look { primary, secondary, toggle };
    Action action = Action::finish;
    std::string label;
    std::string target;
    int key = 0;  // a number key that presses it too, or 0
    Look look = Look::primary;
    bool chosen = false;
    bool beside_previous = false;  // on the same row as the button before it, where it fits
};

using Block = std::variant<WordsBlock, ChoiceBlock, TextEntryBlock, FigureBlock, GridBlock, TableBlock, FunnelBlock, ButtonBlock>;

struct ScreenView {
    std::vector<Block> blocks;
    // Where the patient is, shown at the foot of the page and read last: the aid's title, then
    // "Step 4 of 11: What may happen (2 of 5)". Empty off the walk-through.
    std::vector<std::string> place;
    // The block a change of page within the screen starts at (the audit's sessions to review,
    // when the next page of them is shown), brought to the top of the window.
    std::optional<std::size_t> anchor;

    void words(Emphasis emphasis, std::string text);
    // Adds nothing for empty text, so optional content leaves no gap to draw or pause to hear.
    void words_if(Emphasis emphasis, std::string text);
};

}  // namespace bran
