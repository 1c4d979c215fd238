#include "engine/decision/home_and_clinic.hpp"

#include <catch2/catch.hpp>

using namespace bran;

TEST_CASE("answers changed in the clinic after home are moves, unchanged ones are not", "[handoff]") {
    HomeAndClinic h;
    h.add("home", "value.relief", 1);
    h.add("home", "value.avoid-op", 4);
    h.add("home", "leaning", "wait");
    CHECK(h.answered_at_home());
    CHECK_FALSE(h.continued_after_home());  // nothing has happened in the clinic yet
    h.add("clinic", "value.relief", 4);
    h.add("clinic", "value.avoid-op", 4);   // said again, the same
    h.add("clinic", "decision", "tablets");
    CHECK(h.continued_after_home());
    CHECK(h.choice_at_home() == std::optional<std::string>("wait"));
    CHECK(h.choice_now() == std::optional<std::string>("tablets"));  // the decision outranks the leaning
    CHECK(h.choice_moved());
    CHECK(h.ratings_moved() == std::vector<std::string>{"relief"});
}

TEST_CASE("only the clinic or its kiosk carries a home session on, and a later home answer counts as home", "[handoff]") {
    HomeAndClinic imported;
    imported.add("home", "leaning", "wait");
    imported.add("import", "status", "completed");  // imported with no setting: says nothing about where
    CHECK_FALSE(imported.continued_after_home());

    HomeAndClinic kiosk;
    kiosk.add("home", "leaning", "wait");
    kiosk.add("kiosk", "status", "completed");  // finishing in the clinic carries it on too
    CHECK(kiosk.continued_after_home());
    CHECK_FALSE(kiosk.choice_moved());

    HomeAndClinic again_at_home;
    again_at_home.add("home", "leaning", "wait");
    again_at_home.add("home", "leaning", "surgery");
    again_at_home.add("clinic", "status", "completed");
    CHECK(again_at_home.choice_at_home() == std::optional<std::string>("surgery"));
    CHECK_FALSE(again_at_home.choice_moved());
}

TEST_CASE("a session never used at home has no moves, and a damaged value does not stop the count", "[handoff]") {
    HomeAndClinic clinic_only;
    clinic_only.add("clinic", "leaning", "wait");
    CHECK_FALSE(clinic_only.answered_at_home());
    CHECK_FALSE(clinic_only.continued_after_home());

    HomeAndClinic damaged;
    damaged.add("home", "value.relief", "four");  // edited outside bran into the wrong kind
    damaged.add("home", "value.avoid-op", 2);
    damaged.add("clinic", "value.avoid-op", 3);
    CHECK(damaged.continued_after_home());
    CHECK(damaged.ratings_moved() == std::vector<std::string>{"avoid-op"});
}
