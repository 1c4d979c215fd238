// The baseline `bran audit verify` is measured against: one pass over a database's events in
// recording order, as read from SQLite, with libsodium's HMAC-SHA-256 over each row's bytes and
// the previous link (what a keyed chain must cost at the least). Prints the events and seconds.
// usage: bran_bench_keyed_hash DATABASE
#include <sodium.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2 || sodium_init() < 0) {
        std::fprintf(stderr, "usage: bran_bench_keyed_hash DATABASE\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    sqlite3* db = nullptr;
    sqlite3_stmt* rows = nullptr;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT n, session_id, seq, at, setting, step, item, old_value, new_value, mac FROM event ORDER BY n",
                           -1, &rows, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "%s: %s\n", argv[1], sqlite3_errmsg(db));
        return 1;
    }
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
    randombytes_buf(key, sizeof key);
    unsigned char link[crypto_auth_hmacsha256_BYTES] = {};
    long long events = 0;
    while (sqlite3_step(rows) == SQLITE_ROW) {
        crypto_auth_hmacsha256_state state;
        crypto_auth_hmacsha256_init(&state, key, sizeof key);
        crypto_auth_hmacsha256_update(&state, link, sizeof link);
        for (int column = 0; column < 9; ++column) {
            const unsigned char* bytes = sqlite3_column_text(rows, column);
            if (bytes) crypto_auth_hmacsha256_update(&state, bytes, static_cast<unsigned long long>(sqlite3_column_bytes(rows, column)));
        }
        crypto_auth_hmacsha256_final(&state, link);
        ++events;
    }
    sqlite3_finalize(rows);
    sqlite3_close(db);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%lld events %.3f s\n", events, seconds);
    return 0;
}
