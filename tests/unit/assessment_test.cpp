#include "engine/audit/assessment.hpp"
#include "test_aid.hpp"

using namespace bran;
using bran::test::small_aid;

TEST_CASE("option scores are importance times supports, summed over rated criteria", "[audit]") {
    Answers a;
    a.values = {{"avoid-op", 4}, {"relief", 1}};  // no-pills not rated
    const Assessment r = assess(small_aid(), a);
    // surgery: 4*-2 + 1*2 = -6; tablets: 4*1 + 1*1 = 5; wait: 4*2 + 1*-1 = 7
    CHECK(r.option_scores.at("surgery") == -6);
    CHECK(r.option_scores.at("tablets") == 5);
    CHECK(r.option_scores.at("wait") == 7);
    CHECK(r.value_favoured == std::vector<std::string>{"wait"});
}

TEST_CASE("ties make every top-scoring option value-favoured", "[audit]") {
    Answers a;
    a.values = {{"relief", 2}, {"no-pills", 2}};
    // surgery: 4 + 2 = 6; tablets: 2 - 4 = -2; wait: -2 + 2 = 0 -> only surgery
    CHECK(assess(small_aid(), a).value_favoured == std::vector<std::string>{"surgery"});
    a.values = {{"avoid-op", 1}, {"relief", 1}, {"no-pills", 1}};
    // surgery: -2+2+1 = 1; tablets: 1+1-2 = 0; wait: 2-1+1 = 2 -> wait
    CHECK(assess(small_aid(), a).value_favoured == std::vector<std::string>{"wait"});
    a.values = {{"avoid-op", 3}, {"relief", 3}};
    // surgery: 0; tablets: 6; wait: 3 ... tablets
    CHECK(assess(small_aid(), a).value_favoured == std::vector<std::string>{"tablets"});
    a.values = {{"avoid-op", 2}, {"relief", 4}, {"no-pills", 2}};
    // surgery: -4+8+2 = 6; tablets: 2+4-4 = 2; wait: 4-4+2 = 2 -> surgery only
    CHECK(assess(small_aid(), a).value_favoured == std::vector<std::string>{"surgery"});
    a.values = {{"avoid-op", 1}, {"relief", 3}};
    // surgery: -2+6 = 4; tablets: 1+3 = 4; wait: 2-3 = -1 -> tie surgery and tablets
    const Assessment tie = assess(small_aid(), a);
    CHECK(tie.value_favoured == std::vector<std::string>{"surgery", "tablets"});
    a.leaning = "tablets";
    CHECK(assess(small_aid(), a).concordant == true);
    a.leaning = "surgery";
    CHECK(assess(small_aid(), a).concordant == true);
    a.leaning = "wait";
    CHECK(assess(small_aid(), a).concordant == false);
}

TEST_CASE("all-zero weights make concordance not assessable", "[audit]") {
    Answers a;
    a.values = {{"avoid-op", 0}, {"relief", 0}, {"no-pills", 0}};
    a.leaning = "wait";
    const Assessment r = assess(small_aid(), a);
    CHECK(r.value_favoured.empty());
    CHECK_FALSE(r.concordant.has_value());
    CHECK_FALSE(r.informed_choice.has_value());
    Answers none;
    none.leaning = "wait";
    CHECK_FALSE(assess(small_aid(), none).concordant.has_value());
}

TEST_CASE("the decision, when recorded, is the choice; unsure and defer are not assessable", "[audit]") {
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
