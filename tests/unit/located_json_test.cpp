// LocatedJson: every key and value of a parsed document can be found again as file:line:column, with
// columns counted in code points, and JSON pointers escaped as RFC 6901 says.
#include "engine/core/located_json.hpp"
#include "engine/core/field_reader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <string>
#include <utility>

namespace {

using bran::LineColumn;
using bran::LocatedJson;
using bran::Diagnostics;
using bran::Severity;

// Parses text that must be valid; the diagnostics of the parse are returned through `out`.
LocatedJson parse_ok(const std::string& text, bran::Diagnostics& out, bran::JsonLimits limits = {}) {
    auto doc = LocatedJson::parse(text, "t.json", out, limits);
    INFO(text);
    REQUIRE(doc);
    return std::move(*doc);
}

LocatedJson parse_ok(const std::string& text) {
    bran::Diagnostics out;
    auto doc = parse_ok(text, out);
    REQUIRE(out.empty());
    return doc;
}

// The one diagnostic that parsing `text` gives, which must fail.
bran::Diagnostic parse_error(const std::string& text, bran::JsonLimits limits = {}) {
    bran::Diagnostics out;
    INFO(text);
    REQUIRE_FALSE(LocatedJson::parse(text, "t.json", out, limits));
    REQUIRE(out.items().size() == 1);
    return out.items().front();
}

std::pair<int, int> at(LineColumn lc) { return {lc.line, lc.column}; }
std::pair<int, int> at(int line, int column) { return {line, column}; }

}  // namespace

TEST_CASE("LocatedJson: lines and code-point columns", "[content][located_json]") {
    const auto doc = parse_ok("[\"ab\",\n\"ŵ\", \"x\",\n\n  7]");  // "ŵ" is two bytes
    CHECK(at(doc.value_position("")) == at(1, 1));
    CHECK(at(doc.value_position("/0")) == at(1, 2));
    CHECK(at(doc.value_position("/1")) == at(2, 1));
    CHECK(at(doc.value_position("/2")) == at(2, 6));  // after one code point of two bytes
    CHECK(at(doc.value_position("/3")) == at(4, 3));
}

TEST_CASE("LocatedJson: values and keys are located at their first character", "[content][located_json]") {
    const auto doc = parse_ok("{\n"
                              "  \"a\": 1,\n"
                              "  \"bb\":   \"text\",\n"
                              "  \"c\": {\"d\": true, \"e\": null},\n"
                              "  \"f\": [10, -2.5, \"s\"]\n"
                              "}\n");
    CHECK(at(doc.value_position("")) == at(1, 1));
    CHECK(at(doc.value_position("/a")) == at(2, 8));
    CHECK(at(doc.key_position("/a")) == at(2, 3));
    CHECK(at(doc.value_position("/bb")) == at(3, 11));
    CHECK(at(doc.key_position("/bb")) == at(3, 3));
    CHECK(at(doc.value_position("/c")) == at(4, 8));
    CHECK(at(doc.key_position("/c/d")) == at(4, 9));
    CHECK(at(doc.value_position("/c/d")) == at(4, 14));
    CHECK(at(doc.key_position("/c/e")) == at(4, 20));
    CHECK(at(doc.value_position("/c/e")) == at(4, 25));
    CHECK(at(doc.value_position("/f")) == at(5, 8));
    CHECK(at(doc.value_position("/f/0")) == at(5, 9));
    CHECK(at(doc.value_position("/f/1")) == at(5, 13));
    CHECK(at(doc.value_position("/f/2")) == at(5, 19));
    CHECK(doc.root()["c"]["d"] == true);
    CHECK(doc.root()["f"][1] == -2.5);
}

TEST_CASE("LocatedJson: columns count code points, not bytes", "[content][located_json]") {
    // Each of "ŵ", "ô" and "’" is one column although it takes two or three bytes.
    const auto doc = parse_ok("{\"ŵ\": \"ŵŵ\", \"x\": 2,\n"
                              " \"cy\": \"Sgôr’s\", \"y\": [\"ŵ\", 3]}");
    CHECK(at(doc.key_position("/ŵ")) == at(1, 2));
    CHECK(at(doc.value_position("/ŵ")) == at(1, 7));
    CHECK(at(doc.key_position("/x")) == at(1, 13));
    CHECK(at(doc.value_position("/x")) == at(1, 18));
    CHECK(at(doc.value_position("/cy")) == at(2, 8));
    CHECK(at(doc.value_position("/y")) == at(2, 23));
    CHECK(at(doc.key_position("/y")) == at(2, 18));
    CHECK(at(doc.value_position("/y/0")) == at(2, 24));
    CHECK(at(doc.value_position("/y/1")) == at(2, 29));
}

TEST_CASE("LocatedJson: nested arrays", "[content][located_json]") {
    const auto doc = parse_ok("[[1, [2, 3]],\n [[4], []], {\"k\": [[true]]}]");
    CHECK(at(doc.value_position("/0")) == at(1, 2));
    CHECK(at(doc.value_position("/0/0")) == at(1, 3));
    CHECK(at(doc.value_position("/0/1")) == at(1, 6));
    CHECK(at(doc.value_position("/0/1/0")) == at(1, 7));
    CHECK(at(doc.value_position("/0/1/1")) == at(1, 10));
    CHECK(at(doc.value_position("/1")) == at(2, 2));
    CHECK(at(doc.value_position("/1/0")) == at(2, 3));
    CHECK(at(doc.value_position("/1/0/0")) == at(2, 4));
    CHECK(at(doc.value_position("/1/1")) == at(2, 8));
    CHECK(at(doc.value_position("/2")) == at(2, 13));
    CHECK(at(doc.key_position("/2/k")) == at(2, 14));
    CHECK(at(doc.value_position("/2/k/0/0")) == at(2, 21));
}

TEST_CASE("LocatedJson: keys with '/' and '~' are escaped in pointers", "[content][located_json]") {
    CHECK(bran::pointer_append("", "a/b") == "/a~1b");
    CHECK(bran::pointer_append("/x", "c~d") == "/x/c~0d");
    CHECK(bran::pointer_append("/x", "~/") == "/x/~0~1");
    CHECK(bran::pointer_append("/x", std::size_t{3}) == "/x/3");

    const auto doc = parse_ok("{\"a/b\": {\"c~d\": 5, \"~1\": [6]},\n \"q\\\"t\": 7, \"\\u00e9\": 8}");
    CHECK(at(doc.key_position("/a~1b")) == at(1, 2));
    CHECK(at(doc.value_position("/a~1b")) == at(1, 9));
    CHECK(at(doc.key_position("/a~1b/c~0d")) == at(1, 10));
    CHECK(at(doc.value_position("/a~1b/c~0d")) == at(1, 17));
    CHECK(at(doc.key_position("/a~1b/~01")) == at(1, 20));
    CHECK(at(doc.value_position("/a~1b/~01/0")) == at(1, 27));
    CHECK(at(doc.key_position("/q\"t")) == at(2, 2));
    CHECK(at(doc.value_position("/q\"t")) == at(2, 10));
    CHECK(at(doc.key_position("/é")) == at(2, 13));
    CHECK(at(doc.value_position("/é")) == at(2, 23));

    // The pointers a FieldReader reports are the same ones and find the same values.
    bran::Diagnostics out;
    bran::FieldReader reader(doc, "/a~1b", out);
    CHECK(reader.child("c~d") == "/a~1b/c~0d");
    REQUIRE(reader.integer("c~d", bran::Need::required) == 5);
    REQUIRE(bran::find_pointer(doc.root(), "/a~1b/~01/0"));
    CHECK(*bran::find_pointer(doc.root(), "/a~1b/~01/0") == 6);
    reader.reject_unknown();
    REQUIRE(out.items().size() == 1);
    CHECK(out.items().front().pointer == "/a~1b/~01");
    CHECK(at(out.items().front().line, out.items().front().column) == at(1, 20));
}

TEST_CASE("LocatedJson: a missing pointer falls back to its nearest existing parent", "[content][located_json]") {
    const auto doc = parse_ok("{\n  \"o\": {\n    \"p\": [ {\"q\": 1} ]\n  }\n}");
    CHECK(at(doc.value_position("/o/missing")) == at(2, 8));
    CHECK(at(doc.value_position("/o/p/0/missing/deeper")) == at(3, 12));
    CHECK(at(doc.value_position("/o/p/5")) == at(3, 10));
    CHECK(at(doc.value_position("/nothing")) == at(1, 1));

    const bran::Diagnostic d = doc.error("/o/missing", "missing required field \"missing\"");
    CHECK(d.to_line() == "t.json:2:8: /o/missing: missing required field \"missing\"");
    CHECK(doc.warning("/o/p/0/q", "look").to_line() == "t.json:3:18: /o/p/0/q: warning: look");
    CHECK(doc.key_error("/o/p/0/q", "unknown").to_line() == "t.json:3:13: /o/p/0/q: unknown");
}

TEST_CASE("LocatedJson: a duplicate key is reported at its second occurrence", "[content][located_json]") {
    bran::Diagnostics out;
    const auto doc = parse_ok("{\"a\": 1,\n \"b\": {\"c\": 2,\n  \"c\": 3}}", out);
    REQUIRE(out.items().size() == 1);
    CHECK(out.items().front().to_line() == "t.json:3:3: /b/c: duplicate key \"c\": keep only one");
}

TEST_CASE("LocatedJson: syntax errors are located", "[content][located_json]") {
    CHECK(parse_error("{\"a\": 1,,}").to_line() == "t.json:1:9: not valid JSON: unexpected ','; expected string literal");
    CHECK(parse_error("{\"a\": 1,\n}").to_line() ==
          "t.json:2:1: not valid JSON: unexpected '}'; expected string literal");
    CHECK(parse_error("{\"a\": tru}").to_line().rfind("t.json:1:", 0) == 0);
    CHECK(parse_error("{\"a\": 1}\nx").to_line() == "t.json:2:1: not valid JSON: invalid literal");
    // Truncated: the error is at the end of the text.
    CHECK(parse_error("{\n  \"a\": [1, 2").to_line().rfind("t.json:2:13: not valid JSON: unexpected end of input", 0) == 0);
    CHECK(parse_error("{\"ŵ\": \"ŵ").to_line() == "t.json:1:9: not valid JSON: invalid string: missing closing quote");
    // An ill-formed UTF-8 byte is located at that byte.
    CHECK(parse_error("{\"a\": \"ŵ\xff\"}").to_line() == "t.json:1:9: not valid JSON: invalid string: ill-formed UTF-8 byte");
}

TEST_CASE("LocatedJson: an unexpected token is located at its first character", "[content][located_json]") {
    // Known problem: the position is the token's last character (the closing quote here, 1:11), because the
    // parser reports how far it read, not where the token began. Expected: the "b" key at 1:9.
    CHECK(parse_error("{\"a\": 1 \"b\": 2}").to_line() ==
          "t.json:1:9: not valid JSON: unexpected string literal; expected '}'");
}

TEST_CASE("LocatedJson: empty text, size and depth limits", "[content][located_json]") {
    CHECK(parse_error("").to_line() == "t.json:1:1: file is empty: expected a JSON object");
    CHECK(parse_error(" \n\t\r\n").to_line() == "t.json:1:1: file is empty: expected a JSON object");

    bran::JsonLimits small;
    small.max_bytes = 2 * 1024 * 1024;
    CHECK(parse_error(std::string(small.max_bytes + 1, ' '), small).to_line() ==
          "t.json: file is larger than 2 MiB: refusing to read it");

    bran::JsonLimits shallow;
    shallow.max_depth = 3;
    bran::Diagnostics out;
    CHECK(LocatedJson::parse("[[[1]]]", "t.json", out, shallow));
    CHECK(out.empty());
    CHECK(parse_error("{\"a\": [[1]],\n \"b\": [[{\"c\": 2}]]}", shallow).to_line() ==
          "t.json:2:9: nested deeper than 3 levels: flatten the structure");

    // The default: 64 levels are read, 65 are refused at the 65th opening bracket.
    CHECK(LocatedJson::parse(std::string(64, '[') + std::string(64, ']'), "t.json", out));
    CHECK(out.empty());
    CHECK(parse_error(std::string(65, '[') + std::string(65, ']')).to_line() ==
          "t.json:1:65: nested deeper than 64 levels: flatten the structure");
    CHECK(parse_error(std::string(100000, '[') + std::string(100000, ']')).line == 1);
}

TEST_CASE("LocatedJson: positions survive CRLF line ends and a byte-order mark", "[content][located_json]") {
    const auto crlf = parse_ok("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}\r\n");
    CHECK(at(crlf.value_position("/b")) == at(3, 8));
    CHECK(at(crlf.key_position("/b")) == at(3, 3));
    const auto bom = parse_ok("\xEF\xBB\xBF{\n  \"a\": 1\n}");
    CHECK(at(bom.value_position("/a")) == at(2, 8));
}

TEST_CASE("a file's problems print as at most 20 lines and a count of the rest", "[diagnostic]") {
    Diagnostics problems;
    for (int i = 0; i < 25; ++i) problems.add({"a.json", i + 1, 1, "/x", Severity::error, "bad"});
    problems.add({"b.json", 1, 1, "/y", Severity::error, "bad"});
    const std::vector<std::string> lines = problems.lines();
    REQUIRE(lines.size() == 22);
    CHECK(lines[19] == "a.json:20:1: /x: bad");
    CHECK(lines[20] == "a.json: ... and 5 more problems in this file");
    CHECK(lines[21] == "b.json:1:1: /y: bad");
    CHECK(Diagnostics{}.lines().empty());
}

TEST_CASE("columns on a very long line are counted in code points", "[diagnostic]") {
    std::string text = "\n[";
    for (int i = 0; i < 3000; ++i) text += "\"ŵa\",";
    text += "1]";
    const auto doc = parse_ok(text);
    CHECK(at(doc.value_position("")) == at(2, 1));
    // 3,000 strings of 5 code points each ("ŵa" and its quotes and comma) before the number.
    CHECK(at(doc.value_position("/3000")) == at(2, 2 + 3000 * 5));
    CHECK(at(doc.value_position("/2999")) == at(2, 2 + 2999 * 5));
}

namespace {

std::string written(const std::string& text) {
    static int n = 0;
    const std::string path = (std::filesystem::temp_directory_path() / ("bran-stream-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".json")).string();
    std::ofstream(path) << text;
    return path;
}

struct Streamed {
    std::vector<std::string> roots;
    std::vector<std::string> texts;
    std::optional<LocatedJson> rest;
    Diagnostics out;
};

Streamed stream(const std::string& path, bran::JsonLimits limits = {}) {
    Streamed result;
    result.rest = LocatedJson::stream(path, "/entry", [&](const LocatedJson& element) {
        result.roots.push_back(element.root_pointer());
        result.texts.push_back(element.root().dump());
        // Positions and look-ups take pointers from the top of the file.
        const std::string name = element.root_pointer() + "/name";
        if (const auto* value = element.find(name)) {
            result.texts.back() += " @" + std::to_string(element.value_position(name).line) + ":" +
                                   std::to_string(element.value_position(name).column) + " " + value->get<std::string>();
        }
    }, result.out, limits);
    return result;
}

}  // namespace

TEST_CASE("LocatedJson::stream hands over each element of one array and keeps the rest", "[content][located_json]") {
    const std::string path = written("{\"resourceType\": \"Bundle\",\n"
                                     " \"entry\": [\n"
                                     "  {\"name\": \"ŵa\", \"n\": [1, 2]},\n"
                                     "  7,\n"
                                     "  {\"name\": \"b\"}\n"
                                     " ],\n"
                                     " \"other\": {\"entry\": [5]}}\n");
    Streamed s = stream(path);
    REQUIRE(s.rest);
    CHECK(s.out.empty());
    CHECK(s.roots == std::vector<std::string>{"/entry/0", "/entry/1", "/entry/2"});
    CHECK(s.texts[0] == "{\"n\":[1,2],\"name\":\"ŵa\"} @3:12 ŵa");
    CHECK(s.texts[1] == "7");
    CHECK(s.texts[2] == "{\"name\":\"b\"} @5:12 b");
    // The streamed array stays, empty; an array of the same name deeper down is kept whole.
    CHECK(s.rest->root().dump() == "{\"entry\":[],\"other\":{\"entry\":[5]},\"resourceType\":\"Bundle\"}");
    CHECK(at(s.rest->value_position("/other/entry/0")) == at(7, 22));
    std::filesystem::remove(path);
}

TEST_CASE("LocatedJson::stream: a syntax error after some elements, and an element too large", "[content][located_json]") {
    const std::string broken = written("{\"entry\": [{\"name\": \"a\"},\n  {\"name\": tru}]}");
    Streamed s = stream(broken);
    CHECK_FALSE(s.rest);
    CHECK(s.roots == std::vector<std::string>{"/entry/0"});
    REQUIRE(s.out.items().size() == 1);
    CHECK(s.out.items()[0].to_line().find(":2:15: not valid JSON: invalid literal") != std::string::npos);

    // Each element has the whole budget: three of 40 bytes pass where the file is 150.
    bran::JsonLimits small;
    small.max_bytes = 64;
    const std::string padded = "{\"name\": \"" + std::string(26, 'x') + "\"}";
    const std::string fine = written("{\"entry\": [" + padded + ", " + padded + ", " + padded + "]}");
    CHECK(stream(fine, small).roots.size() == 3);
    const std::string large = written("{\"entry\": [" + padded + ",\n {\"name\": \"" + std::string(100, 'x') + "\"}]}");
    Streamed l = stream(large, small);
    CHECK_FALSE(l.rest);
    REQUIRE(l.out.items().size() == 1);
    CHECK(l.out.items()[0].to_line() == large + ":2:2: /entry/1: this entry is larger than 64 bytes: refusing to read it");
    for (const auto& p : {broken, fine, large}) std::filesystem::remove(p);
}

TEST_CASE("LocatedJson::stream refuses a pipe without waiting for a writer", "[content][located_json]") {
    const std::string fifo = (std::filesystem::temp_directory_path() / ("bran-fifo-" + std::to_string(::getpid()))).string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    Streamed s = stream(fifo);
    CHECK_FALSE(s.rest);
    REQUIRE(s.out.items().size() == 1);
    CHECK(s.out.items()[0].to_line() == fifo + ": is not a regular file (a pipe, device or socket)");
    std::filesystem::remove(fifo);
}
