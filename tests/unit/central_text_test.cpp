#include "engine/central/pg_connection.hpp"
#include "engine/central/push.hpp"
#include "engine/store/chain_key.hpp"

#include <catch2/catch.hpp>

using namespace bran;

TEST_CASE("a PostgreSQL URI is told from a file, and its password is never shown", "[central]") {
    CHECK(is_postgres_uri("postgresql://audit.example/bran"));
    CHECK(is_postgres_uri("postgres:///bran?host=/run/pg"));
    CHECK_FALSE(is_postgres_uri("/home/site/postgresql://x.db"));
    CHECK_FALSE(is_postgres_uri("site.db"));
    CHECK(printable_uri("postgresql://auditor:s3cret@db.example:5433/bran?sslmode=verify-full") ==
          "postgresql://auditor@db.example:5433/bran?sslmode=verify-full");
    CHECK(printable_uri("postgresql://auditor@db.example/bran") == "postgresql://auditor@db.example/bran");
    CHECK(printable_uri("postgresql:///bran?host=/tmp/x&user=a") == "postgresql:///bran?host=/tmp/x&user=a");
    // An @ in the query is not a user's: nothing there is taken for a password.
    CHECK(printable_uri("postgresql://db/bran?options=a:b@c") == "postgresql://db/bran?options=a:b@c");
}

TEST_CASE("SQL shared with SQLite gets PostgreSQL's placeholders, quoted text left alone", "[central]") {
    CHECK(postgres_placeholders("SELECT a FROM t WHERE x = ?1 AND (?2 IS NULL OR y = ?2)") ==
          "SELECT a FROM t WHERE x = $1 AND ($2 IS NULL OR y = $2)");
    CHECK(postgres_placeholders("SELECT '?1', \"?2\", ?3") == "SELECT '?1', \"?2\", $3");
    CHECK(postgres_placeholders("SELECT ? FROM t") == "SELECT ? FROM t");
    // Long input costs a loop, not a recursion.
    const std::string long_sql(1 << 20, '?');
    CHECK(postgres_placeholders(long_sql).size() == long_sql.size());
}

TEST_CASE("a push head is signed by the site's key and by no other", "[central]") {
    const ChainKey site = ChainKey::random(), other = ChainKey::random();
    const std::vector<unsigned char> mac(32, 7), zero(32, 0);
    const auto digest = next_digest(zero, "[1,\"s\",1]", mac);
    CHECK(digest != next_digest(zero, "[1,\"s\",2]", mac));
    CHECK(digest == next_digest(zero, "[1,\"s\",1]", mac));
    const std::string message = push_head_message("north", 1, mac, digest);
    const auto signature = site.sign(message);
    CHECK(signature_is_valid(site.signing_public_key(), message, signature));
    CHECK_FALSE(signature_is_valid(other.signing_public_key(), message, signature));
    CHECK_FALSE(signature_is_valid(site.signing_public_key(), push_head_message("south", 1, mac, digest), signature));
    CHECK_FALSE(signature_is_valid(site.signing_public_key(), push_head_message("north", 2, mac, digest), signature));
}
