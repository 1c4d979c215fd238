#include "engine/store/database.hpp"
#include "engine/store/schema.hpp"
#include "engine/store/store_error.hpp"
#include "engine/store/transaction.hpp"

#include <catch2/catch.hpp>
#include "temp_dir.hpp"

#include <filesystem>
#include <fstream>

using namespace bran;
using bran::test::TempDir;

namespace {
std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
}  // namespace

TEST_CASE("a new database gets the current schema, WAL and bran's application id", "[store]") {
    TempDir dir;
    Database db = Database::open(dir.file("a.db"));
    CHECK(db.schema_version() == current_schema_version());
    Statement s = db.prepare("PRAGMA application_id");
    REQUIRE(s.step());
    CHECK(s.integer(0) == bran_application_id);
    Statement mode = db.prepare("PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.text(0) == "wal");
    Statement sync = db.prepare("PRAGMA synchronous");
    REQUIRE(sync.step());
    CHECK(sync.integer(0) == 2);  // FULL
}

TEST_CASE("a file that is not bran's is refused and left byte for byte as it was", "[store]") {
    TempDir dir;
    const std::string text_file = dir.file("notes.db");
    std::ofstream(text_file) << "these are not the droids";
    CHECK_THROWS_WITH(Database::open(text_file), Catch::Contains("not a bran database"));
    CHECK(bytes_of(text_file) == "these are not the droids");

    const std::string other = dir.file("other.db");
    {
        sqlite3* raw = nullptr;
        sqlite3_open(other.c_str(), &raw);
        sqlite3_exec(raw, "CREATE TABLE t(x); PRAGMA application_id=42;", nullptr, nullptr, nullptr);
        sqlite3_close(raw);
    }
    const std::string before = bytes_of(other);
    CHECK_THROWS_WITH(Database::open(other), Catch::Contains("belongs to another program"));
    CHECK(bytes_of(other) == before);
    CHECK_FALSE(std::filesystem::exists(other + "-wal"));
}

TEST_CASE("a database from a newer bran is refused, naming both versions", "[store]") {
    TempDir dir;
    const std::string path = dir.file("newer.db");
    { Database db = Database::open(path); db.exec("PRAGMA user_version=99"); }
    const std::string before = bytes_of(path);
    CHECK_THROWS_WITH(Database::open(path), Catch::Contains("schema version 99") &&
                                                Catch::Contains("knows up to " + std::to_string(current_schema_version())));
    CHECK(bytes_of(path) == before);
}

TEST_CASE("a damaged database is refused and left as it was", "[store]") {
    TempDir dir;
    const std::string path = dir.file("damaged.db");
    {
        Database db = Database::open(path);
        db.exec("CREATE TABLE filler(x TEXT); CREATE INDEX filler_x ON filler(x);");
        Transaction t(db.handle());
        for (int i = 0; i < 2000; ++i) db.exec("INSERT INTO filler VALUES (hex(randomblob(40)))");
        t.commit();
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::string bytes = bytes_of(path);
    REQUIRE(bytes.size() > 8 * 4096);
    for (std::size_t i = 4 * 4096; i < 8 * 4096; ++i) bytes[i] = static_cast<char>(0x5A);  // overwrite pages 5-8
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    CHECK_THROWS_AS(Database::open(path), UnusableDatabase);
    CHECK(bytes_of(path) == bytes);
}

namespace {
std::string schema_of(Database& db) {
    Statement s = db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name");
    std::string all;
    while (s.step()) all += s.text(0) + s.text(1) + s.text(2) + "\n";
    return all;
}
}  // namespace

TEST_CASE("a saved version 1 database upgrades to the current schema and keeps its records", "[store]") {
    TempDir dir;
    const std::string path = dir.file("v1.db");
    std::filesystem::copy_file(BRAN_TEST_DATA "/db/v1.db", path);
    Database migrated = Database::open(path);
    Database fresh = Database::open(dir.file("fresh.db"));
    CHECK(migrated.schema_version() == current_schema_version());
    CHECK(schema_of(migrated) == schema_of(fresh));
    Statement s = migrated.prepare("SELECT status, choice, (SELECT count(*) FROM event) FROM session");
    REQUIRE(s.step());
    CHECK(s.text(0) == "completed");
    CHECK(s.text(1) == "wait");
    CHECK(s.integer(2) == 1);
}

TEST_CASE("migrating an old database gives the same schema as a fresh one", "[store]") {
    // Version 0 is "no schema yet"; every later step runs in one transaction.
    TempDir dir;
    const std::string path = dir.file("old.db");
    { sqlite3* raw = nullptr; sqlite3_open(path.c_str(), &raw); sqlite3_close(raw); }
    Database migrated = Database::open(path);
    Database fresh = Database::open(dir.file("fresh.db"));
    auto schema = [](Database& db) {
        Statement s = db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name");
        std::string all;
        while (s.step()) all += s.text(0) + s.text(1) + s.text(2) + "\n";
        return all;
    };
    CHECK(schema(migrated) == schema(fresh));
    CHECK(migrated.schema_version() == fresh.schema_version());
}

TEST_CASE("a transaction that is not committed leaves nothing behind", "[store]") {
    Database db = Database::open(":memory:");
    db.exec("CREATE TABLE t(x)");
    {
        Transaction t(db.handle());
        db.exec("INSERT INTO t VALUES (1)");
    }
    Statement s = db.prepare("SELECT count(*) FROM t");
    REQUIRE(s.step());
    CHECK(s.integer(0) == 0);
}

TEST_CASE("the full integrity check runs at open only when bran did not close the file cleanly, or it changed since", "[store]") {
    TempDir dir;
    const std::string path = dir.file("checked.db");
    { Database db = Database::open(path); db.exec("CREATE TABLE filler(x TEXT)"); }
    CHECK(std::filesystem::exists(path + ".closed"));
    { Database db = Database::open(path); CHECK_FALSE(db.checked_integrity_at_open()); }
    // Changed by another program after bran closed it: checked again.
    {
        std::string bytes = bytes_of(path);
        std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    }
    { Database db = Database::open(path); CHECK(db.checked_integrity_at_open()); }
    // Not closed cleanly (the process was killed): no fresh note, so checked again.
    { Database db = Database::open(path); CHECK_FALSE(db.checked_integrity_at_open()); }
    std::filesystem::remove(path + ".closed");
    { Database db = Database::open(path); CHECK(db.checked_integrity_at_open()); }
    // Left with answers in its -wal file by a crash: checked again, even with a matching note.
    {
        Database keeper = Database::open(path);  // a second connection keeps the -wal file
        { Database db = Database::open(path); db.exec("INSERT INTO filler VALUES ('x')"); }
        CHECK(std::filesystem::file_size(path + "-wal") > 0);
        Database db = Database::open(path);
        CHECK(db.checked_integrity_at_open());
    }
}
