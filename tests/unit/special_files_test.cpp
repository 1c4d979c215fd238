// Files named like an aid or a record that are not regular files (a pipe, a device) are refused
// at once: opening a pipe for reading waits for a writer, and hung import, validate, the app's
// start and the staff's list of files from home.
#include "engine/content/library.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/files.hpp"
#include "engine/shell/app_model.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace bran;
using bran::test::TempDir;

namespace {
// A hang is this test's failure: the alarm ends the process, where ctest reports it.
struct HangGuard {
    HangGuard() { ::alarm(20); }
    ~HangGuard() { ::alarm(0); }
};
}  // namespace

TEST_CASE("a pipe named like a file is refused without waiting for a writer", "[files]") {
    TempDir dir;
    const std::string pipe = dir.file("bran-psa-testing-2026-11-23-0000.json");
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    HangGuard guard;
    try {
        read_file_limited(pipe, 1024);
        FAIL("a pipe was read as a file");
    } catch (const IoError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith(pipe + ": ") && Catch::Contains("not a regular file"));
    }
    CHECK_THROWS_AS(read_file_limited("/dev/zero", 1024), IoError);
}

TEST_CASE("a pipe in the content folder is reported, and the aids beside it still load", "[files]") {
    TempDir dir;
    REQUIRE(::mkfifo(dir.file("broken.json").c_str(), 0600) == 0);
    HangGuard guard;
    const Library library = Library::load({dir.path.string()}, RuleContext{});
    REQUIRE(library.diagnostics().items().size() == 1);
    CHECK_THAT(library.diagnostics().items()[0].to_line(), Catch::Contains("broken.json") && Catch::Contains("not a regular file"));
}

TEST_CASE("the staff's list of files from home leaves out pipes and folders", "[files]") {
    TempDir dir;
    const std::string real = dir.file("bran-a.json");
    std::ofstream(real) << "{}";
    REQUIRE(::mkfifo(dir.file("bran-b.json").c_str(), 0600) == 0);
    std::filesystem::create_directory(dir.file("bran-c.json"));
    const char* old_home = std::getenv("HOME");
    const std::string saved = old_home ? old_home : "";
    ::setenv("HOME", dir.path.c_str(), 1);
    const auto files = AppModel::files_from_home();
    ::setenv("HOME", saved.c_str(), 1);
    CHECK(files == std::vector<std::string>{real});
}
