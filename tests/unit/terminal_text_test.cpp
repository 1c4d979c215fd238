#include "engine/core/diagnostic.hpp"
#include "engine/core/terminal_text.hpp"

#include <catch2/catch.hpp>

using bran::terminal_safe;

TEST_CASE("terminal_safe shows control characters as visible escapes", "[terminal]") {
    CHECK(terminal_safe("north") == "north");
    CHECK(terminal_safe("Ysbyty Gwynedd – café") == "Ysbyty Gwynedd – café");
    CHECK(terminal_safe("\x1b[2J\x1b]0;owned\x07") == "\\x1b[2J\\x1b]0;owned\\x07");
    CHECK(terminal_safe("a\tb\nc\rd") == "a\\x09b\\x0ac\\x0dd");
    CHECK(terminal_safe(std::string("nul\0here", 8)) == "nul\\x00here");
    CHECK(terminal_safe("del\x7f") == "del\\x7f");
}

TEST_CASE("terminal_safe shows C1 controls as escapes and broken UTF-8 as U+FFFD", "[terminal]") {
    CHECK(terminal_safe("\xC2\x9B" "31m") == "\\u009b31m");  // CSI, the one-byte form of ESC [
    CHECK(terminal_safe("\xC2\x85") == "\\u0085");
    CHECK(terminal_safe("\xC2\xA0") == "\xC2\xA0");  // no-break space is text
    CHECK(terminal_safe("bad \x9B byte") == "bad \xEF\xBF\xBD byte");
    CHECK(terminal_safe("cut \xE2\x80") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(terminal_safe("overlong \xC0\x9B") == "overlong \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("a diagnostic that quotes its input prints no control characters", "[terminal]") {
    bran::Diagnostic d;
    d.file = "record\x1b[8m.json";
    d.pointer = "/extension/0";
    d.message = "site \"\x1b]52;c;cm0gLXJm\x07\" is not recorded";
    CHECK(d.to_line() == "record\\x1b[8m.json: /extension/0: site \"\\x1b]52;c;cm0gLXJm\\x07\" is not recorded");
}
