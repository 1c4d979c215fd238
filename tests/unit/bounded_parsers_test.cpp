// The fixed text forms (dates, times, UUIDs, ids, versions, locale tags): the same language as the
// patterns they replace, no date that does not exist, and no crash on input of any length.
#include "engine/content/library.hpp"
#include "engine/content/name_forms.hpp"
#include "engine/core/ids_and_time.hpp"

#include <catch2/catch.hpp>
#include "test_aid.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace bran;

namespace {

// Long enough that a matcher recursing once per character overflows an 8 MiB stack (26,000 did not
// in an optimised build), short enough to stay under the 4 MiB file limit when written into an aid.
constexpr std::size_t very_long = 400000;

// Every diagnostic of the small test aid after `change` edits it, as the lines bran prints.
template <typename Change>
std::vector<std::string> lines_after(Change change) {
    nlohmann::json aid = nlohmann::json::parse(bran::test::small_aid_json());
    change(aid);
    const LoadedAid loaded = load_aid_text(aid.dump(), "small.json", RuleContext{"2026-11-23"});
    std::vector<std::string> lines;
    for (const Diagnostic& d : loaded.diagnostics.items()) lines.push_back(d.to_line());
    return lines;
}

}  // namespace

TEST_CASE("a timestamp with very many fractional-second digits is accepted without recursion", "[parsers]") {
    for (const std::size_t digits : {std::size_t{26000}, very_long}) {
        CHECK(is_iso_timestamp("2026-11-23T18:04:05." + std::string(digits, '1') + "Z"));
        CHECK(is_iso_timestamp("2026-11-23T18:04:05." + std::string(digits, '9') + "+14:00"));
        CHECK_FALSE(is_iso_timestamp("2026-11-23T18:04:05." + std::string(digits, '1')));
        CHECK_FALSE(is_iso_timestamp("2026-11-23T18:04:05." + std::string(digits, '1') + "x+00:00"));
    }
}

TEST_CASE("a very long aid version gives one line and no crash", "[parsers]") {
    for (const std::size_t length : {std::size_t{26000}, very_long}) {
        const std::string version = "1.0.0-" + std::string(length, 'a') + "!";
        const auto lines = lines_after([&](nlohmann::json& aid) { aid["version"] = version; });
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].size() < 200);
        CHECK_THAT(lines[0], Catch::StartsWith("small.json:1:") && Catch::Contains(": /version: \"1.0.0-aaa") &&
                                 Catch::EndsWith("is not a semantic version such as \"1.2.0\""));
        const std::string valid = "1.0.0-" + std::string(length, 'a') + "+" + std::string(length, '7');
        CHECK(lines_after([&](nlohmann::json& aid) { aid["version"] = valid; }).empty());
        CHECK(lines_after([&](nlohmann::json& aid) { aid["version"] = std::string(length, '1') + ".0.0"; }).empty());
    }
}

TEST_CASE("a very long id or locale tag is refused with one line and no crash", "[parsers]") {
    for (const std::size_t length : {std::size_t{26000}, very_long}) {
        const auto id_lines = lines_after([&](nlohmann::json& aid) { aid["id"] = std::string(length, 'a'); });
        REQUIRE(id_lines.size() == 1);
        CHECK(id_lines[0].size() < 200);
        CHECK_THAT(id_lines[0], Catch::Contains(": /id: id \"aaa") &&
                                    Catch::EndsWith("must be lowercase letters and digits joined by single hyphens"));
        const auto locale_lines = lines_after([&](nlohmann::json& aid) { aid["locales"].push_back(std::string(length, 'c')); });
        const auto tag_lines = std::count_if(locale_lines.begin(), locale_lines.end(), [](const std::string& line) {
            return line.find(": /locales/1: \"ccc") != std::string::npos && line.size() < 200 &&
                   Catch::EndsWith("is not a locale tag such as \"en-GB\" or \"cy\"").match(line);
        });
        CHECK(tag_lines == 1);
        CHECK_FALSE(is_locale_tag(std::string(length, 'c')));
        CHECK_FALSE(is_content_id(std::string(length, 'a')));
        CHECK_FALSE(is_content_id(std::string(length / 2, 'a') + "--" + std::string(length / 2, 'a')));
    }
}

TEST_CASE("calendar dates: YYYY-MM-DD naming a day that exists", "[parsers]") {
    for (const char* valid : {"2026-11-23", "2026-01-31", "2026-12-31", "2024-02-29", "2000-02-29", "0000-01-01",
                              "9999-12-31", "2026-04-30", "2026-02-28"}) {
        INFO(valid);
        CHECK(is_calendar_date(valid));
    }
    for (const char* invalid : {"2026-02-30", "2026-04-31", "2025-02-29", "1900-02-29", "2100-02-29", "2026-06-31",
                                "2026-09-31", "2026-11-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
                                "26-11-23", "2026-1-23", "2026-11-3", "20261-11-23", "2026/11/23", "2026-11-23 ",
                                " 2026-11-23", "2026-11-23\n", "2026-11-23T00:00:00Z", "", "2026-11-2x", "+026-11-23"}) {
        INFO(invalid);
        CHECK_FALSE(is_calendar_date(invalid));
    }
    CHECK_FALSE(is_calendar_date("2026-11-23" + std::string(26000, '0')));
}

TEST_CASE("a review date that does not exist is refused with a located line", "[parsers]") {
    const auto lines = lines_after([](nlohmann::json& aid) { aid["review"]["last_evidence_review"] = "2025-02-29"; });
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines[0], Catch::EndsWith(": /review/last_evidence_review: \"2025-02-29\" is not a date in the form YYYY-MM-DD"));
}

TEST_CASE("timestamps: the FHIR dateTime form with a time and an offset", "[parsers]") {
    for (const char* valid : {"2026-11-23T18:04:05Z", "2026-11-23T18:04:05.123+00:00", "2026-11-23T18:04:05.1-05:30",
                              "2026-11-23T00:00:00+14:00", "2026-11-23T23:59:59-14:00", "2026-11-23T23:59:60Z",
                              "2026-11-23T12:00:00+13:59", "2024-02-29T12:00:00Z", "2026-11-23T18:04:05.000000000Z"}) {
        INFO(valid);
        CHECK(is_iso_timestamp(valid));
    }
    for (const char* invalid :
         {"2026-02-30T12:00:00Z", "2026-04-31T12:00:00Z", "2025-02-29T12:00:00Z", "2026-11-23T18:04:05",
          "2026-11-23T18:04:05z", "2026-11-23t18:04:05Z", "2026-11-23 18:04:05Z", "2026-11-23T24:00:00Z",
          "2026-11-23T23:60:00Z", "2026-11-23T23:59:61Z", "2026-11-23T18:04:05.Z", "2026-11-23T18:04:05+14:01",
          "2026-11-23T18:04:05+15:00", "2026-11-23T18:04:05+1400", "2026-11-23T18:04:05+01", "2026-11-23T18:04Z",
          "2026-11-23T18:04:05,5Z", "2026-11-23T18:04:05Z ", "2026-11-23T18:04:05Z\n", "2026-11-23", "",
          "2026-11-23T18:04:05+00:60", "2026-11-23T8:04:05Z", "2026-13-23T18:04:05Z"}) {
        INFO(invalid);
        CHECK_FALSE(is_iso_timestamp(invalid));
    }
}

TEST_CASE("UUIDs: lowercase 8-4-4-4-12 hexadecimal", "[parsers]") {
    CHECK(is_uuid("0f8fad5b-d9cb-469f-a165-70867728950e"));
    CHECK(is_uuid("00000000-0000-0000-0000-000000000000"));
    CHECK(is_uuid(new_uuid()));
    for (const char* invalid : {"0F8FAD5B-D9CB-469F-A165-70867728950E", "0f8fad5bd9cb469fa16570867728950e",
                                "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-469f-a165-70867728950e0",
                                "0f8fad5b-d9cb-469f-a165_70867728950e", "0f8fad5g-d9cb-469f-a165-70867728950e",
                                "0f8fad5-bd9cb-469f-a165-70867728950e", "{0f8fad5b-d9cb-469f-a165-70867728950e}", ""}) {
        INFO(invalid);
        CHECK_FALSE(is_uuid(invalid));
    }
    CHECK_FALSE(is_uuid(std::string(26000, 'a')));
}

TEST_CASE("ids: lowercase letters and digits joined by single hyphens, at most 64", "[parsers]") {
    for (const std::string& valid : std::vector<std::string>{"a", "watchful-waiting", "q1", "0", "a-b-c", "2-to-1", std::string(64, 'x')}) {
        INFO(valid);
        CHECK(is_content_id(valid));
    }
    for (const std::string& invalid : std::vector<std::string>{"", "-a", "a-", "a--b", "A", "watchful_waiting", "a b", "é", "a.b", "-",
                                      std::string(65, 'x')}) {
        INFO(invalid);
        CHECK_FALSE(is_content_id(invalid));
    }
}

TEST_CASE("semantic versions: the same language as the old pattern", "[parsers]") {
    for (const std::string& valid : std::vector<std::string>{"0.0.0", "1.2.0", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7",
                                    "1.0.0--", "1.0.0-a..b", "1.0.0-01", "1.0.0+build.5", "1.0.0-rc.1+sha.5114f85",
                                    "1.0.0+-", std::string(26000, '9') + ".0.0",
                                    "1.0.0-" + std::string(26000, 'a') + "+" + std::string(26000, 'b')}) {
        INFO(valid.substr(0, 40));
        CHECK(is_semantic_version(valid));
    }
    for (const std::string& invalid : std::vector<std::string>{"", "1", "1.2", "1.2.3.4", "01.0.0", "1.02.0", "1.0.03", "1.0.0-", "1.0.0+",
                                      "1.0.0-+b", "1.0.0+a+b", "1.0.0+a-b+c", "1.0.0-a_b", "v1.0.0", "1.0.0 ", " 1.0.0",
                                      "1..0", "1.0.", ".1.0", "1.0.0-é", "-1.0.0", "1.0.0x",
                                      "1.0.0-" + std::string(26000, 'a') + "!", std::string(26000, '1')}) {
        INFO(invalid.substr(0, 40));
        CHECK_FALSE(is_semantic_version(invalid));
    }
}

TEST_CASE("locale tags: two or three lowercase letters, optionally a region in capitals", "[parsers]") {
    for (const char* valid : {"cy", "en", "fil", "en-GB", "cy-GB", "fil-PH"}) {
        INFO(valid);
        CHECK(is_locale_tag(valid));
    }
    for (const char* invalid : {"", "e", "engl", "EN", "en-gb", "en-G", "en-GBR", "en_GB", "en-", "-GB", "en-G1",
                                "engl-GB", "e-GB", "en-GB ", "en-GB-x", "Cy", "cy\n"}) {
        INFO(invalid);
        CHECK_FALSE(is_locale_tag(invalid));
    }
}
