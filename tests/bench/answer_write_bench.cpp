// bran_bench_answer_write [N]: what one durable answer costs, against the floor the disk sets.
//   (i)  baseline: N times write(64 bytes) + fsync on a plain file (appending, as the WAL does);
//   (ii) N answers through Walkthrough::apply (values alternate, so every one is a committed,
//        fully synced transaction).
// Prints p50 and p99 of each in milliseconds and their ratios. The scratch files live in a
// folder under the build directory, so the disk measured is the one the build is on (a /tmp on
// tmpfs would make fsync free and the numbers meaningless); it is removed afterwards.
#include "engine/content/library.hpp"
#include "engine/session/walkthrough.hpp"
#include "engine/store/chain_key.hpp"
#include "engine/store/database.hpp"
#include "engine/store/session_store.hpp"

#include <sys/vfs.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef BRAN_TOOLS_DIR
#error "BRAN_TOOLS_DIR must name tests/tools"
#endif
#ifndef BRAN_BENCH_SCRATCH
#error "BRAN_BENCH_SCRATCH must name a folder on the build's disk"
#endif

namespace {

using Clock = std::chrono::steady_clock;
constexpr int warm_up = 10;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> samples, double p) {
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(index, samples.size() - 1)];
}

std::vector<double> bench_fsync(const std::string& path, int n) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
    char record[64];
    std::memset(record, 'x', sizeof record);
    std::vector<double> times;
    for (int i = 0; i < n + warm_up; ++i) {
        const auto start = Clock::now();
        if (::write(fd, record, sizeof record) != static_cast<ssize_t>(sizeof record) || ::fsync(fd) != 0) {
            ::close(fd);
            throw std::runtime_error(path + ": write/fsync failed: " + std::strerror(errno));
        }
        if (i >= warm_up) times.push_back(ms_since(start));
    }
    ::close(fd);
    return times;
}

std::vector<double> bench_answers(const bran::Aid& aid, const std::string& path, int n) {
    bran::Database db = bran::Database::open(path);
    bran::SessionStore store(db, bran::ChainKey::for_database(path));
    bran::Walkthrough walk = bran::Walkthrough::start(aid, store, bran::Setting::clinic, bran::SessionMeta{});
    std::vector<double> times;
    for (int i = 0; i < n + warm_up; ++i) {
        // Alternating importance 0..4 on one criterion: every answer changes the value, so every
        // one is written.
        const auto start = Clock::now();
        const bran::ApplyResult result = walk.apply(bran::intent::Answer{"value.relief", i % 5});
        const double elapsed = ms_since(start);
        if (!result.ok) throw std::runtime_error("answer " + std::to_string(i) + " failed: " + result.error);
        if (i >= warm_up) times.push_back(elapsed);
    }
    const int events = static_cast<int>(store.events(walk.session_id()).size()) - 1;  // less the session's facts
    if (events != n + warm_up) {
        throw std::runtime_error("expected " + std::to_string(n + warm_up) + " answer events, found " + std::to_string(events));
    }
    return times;
}

void report(const char* what, const std::vector<double>& times) {
    std::printf("%s: p50 %.3f ms p99 %.3f ms\n", what, percentile(times, 50), percentile(times, 99));
}

}  // namespace

int main(int argc, char** argv) {
    int n = 2000;
    if (argc > 2 || (argc == 2 && (n = std::atoi(argv[1])) <= 0)) {
        std::cerr << "usage: bran_bench_answer_write [N]   (default 2000)\n";
        return 2;
    }
    const bran::LoadedAid loaded =
        bran::load_aid_file(std::string(BRAN_TOOLS_DIR) + "/small_aid.json", bran::RuleContext{"2026-11-23"});
    if (!loaded.aid) {
        std::cerr << "cannot load the test aid\n";
        return 1;
    }

    std::filesystem::create_directories(BRAN_BENCH_SCRATCH);
    std::string pattern = std::string(BRAN_BENCH_SCRATCH) + "/run-XXXXXX";
    if (!::mkdtemp(pattern.data())) {
        std::cerr << pattern << ": " << std::strerror(errno) << '\n';
        return 1;
    }
    const std::string dir = pattern;
    struct statfs fs {};
    if (::statfs(dir.c_str(), &fs) == 0 && fs.f_type == 0x01021994 /* TMPFS_MAGIC */) {
        std::printf("warning: %s is on tmpfs; fsync costs nothing there\n", dir.c_str());
    }

    int status = 0;
    try {
        std::printf("N = %d (after %d warm-up writes each), scratch %s\n", n, warm_up, dir.c_str());
        const std::vector<double> base = bench_fsync(dir + "/plain.bin", n);
        const std::vector<double> answers = bench_answers(*loaded.aid, dir + "/bench.db", n);
        report("baseline write+fsync", base);
        report("durable answer write", answers);
        std::printf("ratio p50: %.1fx\n", percentile(answers, 50) / percentile(base, 50));
        std::printf("ratio p99: %.1fx\n", percentile(answers, 99) / percentile(base, 99));
    } catch (const std::exception& e) {
        std::cerr << "benchmark failed: " << e.what() << '\n';
        status = 1;
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return status;
}
