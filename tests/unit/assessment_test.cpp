#include "engine/decision/assessment.hpp"
#include "test_aid.hpp"

using namespace bran;
using bran::test::small_aid;

TEST_CASE("option totals are the rating's weight times supports, summed over rated criteria, for criteria with no outcome", "[audit]") {
    CHECK(rating_weight(0) == 0);
    CHECK(rating_weight(1) == 1);
    CHECK(rating_weight(2) == 2);
    CHECK(rating_weight(3) == 4);
    CHECK(rating_weight(4) == 8);
    Answers a;
    a.values = {{"avoid-op", 4}, {"relief", 1}};  // no-pills not rated
    const Assessment r = assess(small_aid(), a);
    // weights 8 and 1. surgery: 8*-2 + 1*2 = -14; tablets: 8*1 + 1*1 = 9; wait: 8*2 + 1*-1 = 15
    CHECK(r.values.totals.at("surgery") == -14 * value_point);
    CHECK(r.values.totals.at("tablets") == 9 * value_point);
    CHECK(r.values.totals.at("wait") == 15 * value_point);
    CHECK(r.values.favoured == std::vector<std::string>{"wait"});
    CHECK_FALSE(r.no_clear_fit());
}

TEST_CASE("options within the margin of the best fit about equally, and concordance is not assessable", "[audit]") {
    Answers a;
    a.values = {{"relief", 2}, {"no-pills", 2}};
    // weights 2, 2. surgery: 4 + 2 = 6; tablets: 2 - 4 = -2; wait: -2 + 2 = 0 -> only surgery
    CHECK(assess(small_aid(), a).values.favoured == std::vector<std::string>{"surgery"});
    a.values = {{"avoid-op", 1}, {"relief", 1}, {"no-pills", 1}};
    // weights 1. surgery: -2+2+1 = 1; tablets: 1+1-2 = 0; wait: 2-1+1 = 2 -> surgery 1 behind: about
    // equal; tablets 2 behind: not within the margin
    CHECK(assess(small_aid(), a).values.favoured == std::vector<std::string>{"surgery", "wait"});
    a.values = {{"avoid-op", 3}, {"relief", 3}};
    // weights 4, 4. surgery: 0; tablets: 8; wait: 4 -> tablets, 4 ahead
    CHECK(assess(small_aid(), a).values.favoured == std::vector<std::string>{"tablets"});
    a.values = {{"avoid-op", 1}, {"relief", 3}};
    // weights 1, 4. surgery: -2+8 = 6; tablets: 1+4 = 5; wait: 2-4 = -2 -> surgery and tablets about equal
    const Assessment tie = assess(small_aid(), a);
    CHECK(tie.values.favoured == std::vector<std::string>{"surgery", "tablets"});
    CHECK(tie.no_clear_fit());
    CHECK(concordance_code(tie) == no_clear_fit_code);
    for (const char* choice : {"tablets", "surgery", "wait"}) {
        a.leaning = choice;
        a.knowledge = {{"q1", "a"}, {"q2", "b"}};
        const Assessment r = assess(small_aid(), a);
        CHECK_FALSE(r.concordant.has_value());
        CHECK_FALSE(r.informed_choice.has_value());
        CHECK(concordance_code(r) == no_clear_fit_code);
    }
}

TEST_CASE("all-zero weights make concordance not assessable", "[audit]") {
    Answers a;
    a.values = {{"avoid-op", 0}, {"relief", 0}, {"no-pills", 0}};
    a.leaning = "wait";
    const Assessment r = assess(small_aid(), a);
    CHECK(r.values.favoured.empty());
    CHECK_FALSE(r.no_clear_fit());
    CHECK_FALSE(r.concordant.has_value());
    CHECK_FALSE(r.informed_choice.has_value());
    Answers none;
    none.leaning = "wait";
    CHECK_FALSE(assess(small_aid(), none).concordant.has_value());
}

TEST_CASE("the decision, when recorded, is the choice, and unsure and defer are not assessable", "[audit]") {
    Answers a;
    a.values = {{"avoid-op", 4}};  // wait favoured (8)
    a.leaning = "wait";
    CHECK(assess(small_aid(), a).concordant == true);
    a.decision = "surgery";
    CHECK(assess(small_aid(), a).choice == std::optional<std::string>("surgery"));
    CHECK(assess(small_aid(), a).concordant == false);
    a.decision = "unsure";
    CHECK_FALSE(assess(small_aid(), a).concordant.has_value());
    a.decision = "defer";
    CHECK_FALSE(assess(small_aid(), a).concordant.has_value());
    a.decision.reset();
    a.leaning = "unsure";
    CHECK_FALSE(assess(small_aid(), a).concordant.has_value());
    a.leaning.reset();
    CHECK_FALSE(assess(small_aid(), a).choice.has_value());
    CHECK_FALSE(assess(small_aid(), a).concordant.has_value());
}

TEST_CASE("knowledge is adequate at the pass mark and not assessable when unanswered", "[audit]") {
    Answers a;
    CHECK_FALSE(assess(small_aid(), a).knowledge_adequate.has_value());
    a.knowledge = {{"q1", "a"}};  // 1 correct of 1 answered, pass mark 2
    CHECK(assess(small_aid(), a).knowledge_adequate == false);
    a.knowledge = {{"q1", "a"}, {"q2", "b"}, {"q3", "b"}};  // 2 correct
    const Assessment r = assess(small_aid(), a);
    CHECK(r.knowledge_correct == 2);
    CHECK(r.knowledge_answered == 3);
    CHECK(r.knowledge_adequate == true);
}

TEST_CASE("informed choice needs both adequate knowledge and concordance", "[audit]") {
    Answers a;
    a.values = {{"avoid-op", 4}};
    a.leaning = "wait";
    CHECK_FALSE(assess(small_aid(), a).informed_choice.has_value());  // knowledge not assessable
    a.knowledge = {{"q1", "a"}, {"q2", "b"}};
    CHECK(assess(small_aid(), a).informed_choice == true);
    a.knowledge = {{"q1", "b"}, {"q2", "a"}};
    CHECK(assess(small_aid(), a).informed_choice == false);
    a.knowledge = {{"q1", "a"}, {"q2", "b"}};
    a.leaning = "surgery";
    CHECK(assess(small_aid(), a).informed_choice == false);
}

TEST_CASE("SURE score counts yes answers and needs all four", "[audit]") {
    Answers a;
    a.sure = {{"sure", true}, {"understand", true}, {"risk-benefit", true}};
    CHECK_FALSE(assess(small_aid(), a).sure_score.has_value());
    a.sure["encouragement"] = true;
    CHECK(assess(small_aid(), a).sure_score == 4);
    CHECK(assess(small_aid(), a).sure_pass() == true);
    a.sure["understand"] = false;
    CHECK(assess(small_aid(), a).sure_score == 3);
    CHECK(assess(small_aid(), a).sure_pass() == false);
}
