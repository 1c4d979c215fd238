// The content rules of docs/content-format.md, one broken aid per rule.
//
// tests/data/aids/valid/minimal.json is the smallest fully valid aid. Each tests/data/aids/invalid/<rule>.json
// is a copy of it broken in one way; <rule>.expected beside it holds the exact lines `bran validate` prints
// for it, with the file written as its base name. A .json without an .expected shows a validator problem
// that is reported but not yet fixed: its expected lines would enshrine the bug, so there are none.
#include "engine/content/library.hpp"
#include "engine/core/located_json.hpp"

#include <catch2/catch.hpp>
#include "temp_dir.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using bran::test::TempDir;

namespace {

const bran::RuleContext context{"2026-11-23"};

fs::path data_dir() { return fs::path(BRAN_TEST_DATA) / "aids"; }

fs::path minimal_path() { return data_dir() / "valid" / "minimal.json"; }

// The bundled aids (content/decision-aids).
fs::path content_dir() { return fs::path(BRAN_SOURCE_CONTENT_DIR); }

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    REQUIRE(out);
    out << text;
    out.close();
    REQUIRE(out);
}

std::vector<std::string> read_lines(const fs::path& path) {
    std::vector<std::string> lines;
    std::istringstream in(read_text(path));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Every diagnostic as the line bran prints, with "<folder>/" removed from the front of the file name.
std::vector<std::string> lines_of(const bran::LoadedAid& loaded, const fs::path& folder) {
    const std::string prefix = folder.string() + "/";
    std::vector<std::string> lines;
    for (const bran::Diagnostic& d : loaded.diagnostics.items()) {
        std::string line = d.to_line();
        if (line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
        lines.push_back(line);
    }
    return lines;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + '\n';
    return out;
}

std::vector<fs::path> files_in(const fs::path& folder, const std::string& extension) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<fs::path> bundled_aids() {
    auto files = files_in(content_dir(), ".json");
    REQUIRE_FALSE(files.empty());
    return files;
}

// minimal.json with review.notes padded so that the whole file is exactly `size` bytes.
std::string minimal_of_size(std::size_t size) {
    const std::string text = read_text(minimal_path());
    const std::string marker = "\"notes\": \"";
    const auto at = text.find(marker);
    REQUIRE(at != std::string::npos);
    REQUIRE(size >= text.size());
    std::string padded = text;
    padded.insert(at + marker.size(), std::string(size - text.size(), 'x'));
    REQUIRE(padded.size() == size);
    return padded;
}

bool has_located_error(const bran::LoadedAid& loaded) {
    const auto& items = loaded.diagnostics.items();
    return std::any_of(items.begin(), items.end(), [](const bran::Diagnostic& d) {
        return d.severity == bran::Severity::error && d.line > 0 && d.column > 0;
    });
}

}  // namespace

TEST_CASE("the minimal aid is valid and has no diagnostics", "[content]") {
    const auto loaded = bran::load_aid_file(minimal_path().string(), context);
    INFO(joined(lines_of(loaded, minimal_path().parent_path())));
    CHECK(loaded.diagnostics.empty());
    REQUIRE(loaded.aid);
    CHECK(loaded.aid->id == "test-knee-pain");
    CHECK(loaded.aid->locales == std::vector<std::string>{"en-GB", "cy"});
    CHECK(loaded.aid->options.size() == 2);
    CHECK(loaded.aid->doing_nothing.option == "no-treatment");
    CHECK(loaded.aid->sources.size() == 1);
    CHECK(loaded.aid->criteria.size() == 2);
    CHECK(loaded.aid->knowledge.questions.size() == 2);
    REQUIRE(loaded.aid->personalisation);
    CHECK(loaded.aid->personalisation->scores.size() == 1);
    CHECK(loaded.aid->personalisation->tables.size() == 1);
    CHECK(loaded.aid->review.notes.find("test fixture, not clinical content") != std::string::npos);
    CHECK(loaded.aid->content_hash.size() == 64);
}

TEST_CASE("each broken aid gives exactly the lines in its .expected file", "[content]") {
    const fs::path folder = data_dir() / "invalid";
    const auto expected_files = files_in(folder, ".expected");
    REQUIRE(expected_files.size() >= 50);
    for (const fs::path& expected_file : expected_files) {
        const fs::path aid_file = fs::path(expected_file).replace_extension(".json");
        DYNAMIC_SECTION(aid_file.filename().string()) {
            REQUIRE(fs::exists(aid_file));
            const auto expected = read_lines(expected_file);
            REQUIRE_FALSE(expected.empty());
            bran::LoadedAid loaded;
            REQUIRE_NOTHROW(loaded = bran::load_aid_file(aid_file.string(), context));
            const auto actual = lines_of(loaded, folder);
            INFO("expected:\n" << joined(expected) << "actual:\n" << joined(actual));
            REQUIRE(actual == expected);
            // Only a file whose sole problems are warnings may still be used.
            CHECK(bool(loaded.aid) == !loaded.diagnostics.has_errors());
        }
    }
}

TEST_CASE("a broken aid's .expected lines name only that file", "[content]") {
    const fs::path folder = data_dir() / "invalid";
    for (const fs::path& expected_file : files_in(folder, ".expected")) {
        const std::string name = fs::path(expected_file).replace_extension(".json").filename().string();
        for (const std::string& line : read_lines(expected_file)) {
            INFO(expected_file.filename().string() << ": " << line);
            CHECK(line.rfind(name + ":", 0) == 0);
        }
    }
}

TEST_CASE("an overdue review is a warning and the aid stays usable", "[content]") {
    const auto loaded = bran::load_aid_file((data_dir() / "invalid" / "review-overdue.json").string(), context);
    REQUIRE(loaded.aid);
    REQUIRE(loaded.diagnostics.items().size() == 1);
    const bran::Diagnostic& d = loaded.diagnostics.items().front();
    CHECK(d.severity == bran::Severity::warning);
    CHECK(d.pointer == "/review/next_review_due");
    CHECK(d.line > 0);
    CHECK_FALSE(loaded.diagnostics.has_errors());
    CHECK(loaded.diagnostics.error_count() == 0);

    // The same file on a day before the review fell due gives nothing at all.
    const auto earlier = bran::load_aid_file((data_dir() / "invalid" / "review-overdue.json").string(),
                                             bran::RuleContext{"2026-05-31"});
    CHECK(earlier.diagnostics.empty());
    CHECK(earlier.aid);
}

TEST_CASE("every bundled decision aid loads without errors", "[content]") {
    for (const fs::path& file : bundled_aids()) {
        DYNAMIC_SECTION(file.filename().string()) {
            const auto loaded = bran::load_aid_file(file.string(), context);
            INFO(joined(lines_of(loaded, file.parent_path())));
            CHECK_FALSE(loaded.diagnostics.has_errors());
            CHECK(loaded.aid);
        }
    }
    SECTION("and together, with no id and version defined twice") {
        const auto library = bran::Library::load({content_dir().string()}, context);
        CHECK_FALSE(library.has_errors());
        CHECK(library.aids().size() == bundled_aids().size());
    }
}

TEST_CASE("a file larger than 4 MiB is refused before it is parsed", "[content]") {
    constexpr std::size_t limit = 4 * 1024 * 1024;
    TempDir dir;

    SECTION("one byte over the limit") {
        const fs::path file = dir.path / "too-large.json";
        write_text(file, minimal_of_size(limit + 1));
        const auto loaded = bran::load_aid_file(file.string(), context);
        CHECK_FALSE(loaded.aid);
        CHECK(lines_of(loaded, dir.path) ==
              std::vector<std::string>{"too-large.json: file is larger than 4 MiB: refusing to read it"});
    }
    SECTION("far over the limit") {
        const fs::path file = dir.path / "too-large.json";
        write_text(file, minimal_of_size(limit + 3 * 1024 * 1024));
        const auto loaded = bran::load_aid_file(file.string(), context);
        CHECK_FALSE(loaded.aid);
        CHECK(lines_of(loaded, dir.path) ==
              std::vector<std::string>{"too-large.json: file is larger than 4 MiB: refusing to read it"});
    }
    SECTION("exactly 4 MiB is still read") {
        const fs::path file = dir.path / "just-fits.json";
        write_text(file, minimal_of_size(limit));
        const auto loaded = bran::load_aid_file(file.string(), context);
        INFO(joined(lines_of(loaded, dir.path)));
        CHECK(loaded.diagnostics.empty());
        CHECK(loaded.aid);
    }
    SECTION("the same limit applies to text that does not come from a file") {
        const auto loaded = bran::load_aid_text(minimal_of_size(limit + 1), "record", context);
        CHECK_FALSE(loaded.aid);
        REQUIRE(loaded.diagnostics.items().size() == 1);
        CHECK(loaded.diagnostics.items().front().message == "file is larger than 4 MiB: refusing to read it");
    }
}

TEST_CASE("an unreadable path is reported, not thrown", "[content]") {
    TempDir dir;
    bran::LoadedAid loaded;
    REQUIRE_NOTHROW(loaded = bran::load_aid_file((dir.path / "absent.json").string(), context));
    CHECK_FALSE(loaded.aid);
    CHECK(loaded.diagnostics.has_errors());
    REQUIRE_NOTHROW(loaded = bran::load_aid_file(dir.path.string(), context));
    CHECK_FALSE(loaded.aid);
    CHECK(loaded.diagnostics.has_errors());
}

TEST_CASE("mutated aids always give a located error and never throw", "[content]") {
    std::vector<fs::path> files = bundled_aids();
    files.push_back(minimal_path());
    for (const fs::path& file : files) {
        const std::string text = read_text(file);
        const std::string name = file.filename().string();

        auto check_broken = [&](const std::string& broken, const std::string& what) {
            INFO(name << ": " << what);
            bran::LoadedAid loaded;
            REQUIRE_NOTHROW(loaded = bran::load_aid_text(broken, name, context));
            INFO(joined(lines_of(loaded, "")));
            CHECK_FALSE(loaded.aid);
            CHECK(has_located_error(loaded));
        };

        DYNAMIC_SECTION(name << ": truncated") {
            // Cut just after the first byte, at evenly spaced points, and just before the last brace.
            std::vector<std::size_t> cuts{1, 2, text.size() - 2};
            for (int i = 1; i < 24; ++i) cuts.push_back(text.size() * static_cast<std::size_t>(i) / 24);
            for (std::size_t cut : cuts) check_broken(text.substr(0, cut), "cut at byte " + std::to_string(cut));
        }
        DYNAMIC_SECTION(name << ": wrapped in 100 nested arrays") {
            check_broken(std::string(100, '[') + text + std::string(100, ']'), "100 nested arrays");
        }
        DYNAMIC_SECTION(name << ": a number changed to a string") {
            // Every number that is a member value ("key": 12) becomes "12", a few at a time.
            static const std::regex number(R"(": (-?[0-9]+)([,\n\r }]))");
            std::vector<std::pair<std::size_t, std::size_t>> spans;  // where each number's digits are
            for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it) {
                spans.emplace_back(static_cast<std::size_t>(it->position(1)), static_cast<std::size_t>(it->length(1)));
            }
            REQUIRE_FALSE(spans.empty());
            const std::size_t step = std::max<std::size_t>(1, spans.size() / 30);
            for (std::size_t i = 0; i < spans.size(); i += step) {
                std::string broken = text;
                broken.insert(spans[i].first + spans[i].second, "\"");
                broken.insert(spans[i].first, "\"");
                check_broken(broken, "number at byte " + std::to_string(spans[i].first) + " quoted");
            }
        }
    }
}

// These files show validator problems that are reported and not yet fixed (see each file's name). They have
// no .expected file; this test turns green once every file in invalid/ is refused.
TEST_CASE("every file in the invalid folder is refused", "[content]") {
    for (const fs::path& file : files_in(data_dir() / "invalid", ".json")) {
        const auto loaded = bran::load_aid_file(file.string(), context);
        if (file.filename() == "review-overdue.json") continue;
        INFO(file.filename().string());
        CHECK(loaded.diagnostics.has_errors());
    }
}
