// Plain structs for one decision aid, as described in docs/content-format.md.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bran {

// Patient-facing text keyed by locale tag ("en-GB", "cy").
using Text = std::map<std::string, std::string>;

// The text for a locale, falling back to en-GB (the one locale every aid must have).
const std::string& localized(const Text& text, const std::string& locale);

struct Author {
    std::string name;
    std::string role;
};

struct Source {
    std::string id;
    std::string citation;
    int year = 0;
    std::string url;
};

struct Review {
    std::string status;
    std::string last_evidence_review;
    std::string next_review_due;
    std::string notes;
};

struct Option {
    std::string id;
    Text name;
    Text summary;
    Text involves;
    Text benefits;
    Text risks;
    bool is_doing_nothing = false;
};

struct DoingNothing {
    Text text;
    std::string option;       // the doing-nothing option, or empty
    Text no_option_reason;    // why there is none, or empty
};

struct GridRow {
    std::string id;
    Text question;
    std::map<std::string, Text> answers;  // option id -> answer
};

// How many people out of the outcome's denominator, and where that number comes from.
struct Number {
    int count = 0;
    std::string source;
    std::string locator;
    std::string note;
};

enum class Valence { good, bad };
enum class TimeUnit { weeks, months, years };

struct TimeFrame {
    int amount = 0;
    TimeUnit unit = TimeUnit::years;
};

struct Outcome {
    std::string id;
    Text name;
    Valence valence = Valence::bad;
    TimeFrame time_frame;
    int denominator = 100;
    std::map<std::string, Number> numbers;  // option id -> number
    Text explanation;
};

struct InputChoice {
    std::string id;
    Text label;
    std::map<std::string, int> points;  // score id -> points
};

struct RiskInput {
    std::string id;
    Text question;
    Text help;
    std::vector<InputChoice> choices;
};

struct RiskScore {
    std::string id;
    Text name;
    std::string source;
    std::string locator;
};

struct Band {
    int min = 0;
    int max = 0;
    std::map<std::string, Number> numbers;
};

struct RiskTable {
    std::string outcome;
    std::string score;
    std::vector<Band> bands;
};

struct Personalisation {
    std::vector<RiskInput> inputs;
    std::vector<RiskScore> scores;
    std::vector<RiskTable> tables;
};

struct Criterion {
    std::string id;
    Text label;
    Text question;
    std::map<std::string, int> supports;  // option id -> -2..2
    // The outcome whose numbers say how much the options differ on this criterion, or empty
    // (docs/value-concordance.md).
    std::string outcome;
};

struct Answer {
    std::string id;
    Text text;
};

struct Question {
    std::string id;
    Text question;
    std::vector<Answer> answers;
    std::string correct;
    Text explanation;
};

struct Knowledge {
    int pass_mark = 0;
    std::vector<Question> questions;
};

// An author's reason why a --quality warning stands (docs/content-format.md, Quality notes).
struct QualityNote {
    std::string check;    // a check id, e.g. "reading-age"
    std::string pointer;  // the warning's JSON pointer; empty for a warning about the whole aid
    std::string reason;
};

struct Aid {
    std::string format;
    std::string id;
    std::string version;
    std::vector<std::string> locales;
    Text title;
    Text decision;
    Text condition;
    Text audience;
    Review review;
    std::vector<Author> authors;
    Text funding;
    Text conflicts_of_interest;
    std::vector<Source> sources;
    std::vector<Option> options;
    DoingNothing doing_nothing;
    std::vector<GridRow> grid;
    std::vector<Outcome> outcomes;
    std::optional<Personalisation> personalisation;
    std::vector<Criterion> criteria;
    Knowledge knowledge;
    std::vector<QualityNote> quality_notes;

    std::string file;          // where it was loaded from
    std::string content;       // the file's bytes, stored with each session
    std::string content_hash;  // SHA-256 of the file's bytes: exactly what the patient was shown

    const Option* find_option(const std::string& option_id) const;
    const Criterion* find_criterion(const std::string& criterion_id) const;
    const Question* find_question(const std::string& question_id) const;
    const Outcome* find_outcome(const std::string& outcome_id) const;
};

}  // namespace bran
