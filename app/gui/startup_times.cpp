#include "app/gui/startup_times.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <time.h>
#include <unistd.h>

namespace bran::gui {

namespace {

using Clock = std::chrono::steady_clock;

// Since the process started: its start time from /proc (in clock ticks since boot), against
// the boot-relative CLOCK_BOOTTIME now. Falls back to this file's static initialisation.
const Clock::time_point g_loaded = Clock::now();

double process_age_ms() {
    FILE* stat = std::fopen("/proc/self/stat", "r");
    if (!stat) return -1;
    char buffer[1024] = {};
    const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, stat);
    std::fclose(stat);
    buffer[n] = 0;
    // Field 22 (starttime) counts from the field after the command's closing parenthesis.
    const char* p = std::strrchr(buffer, ')');
    if (!p) return -1;
    int field = 2;
    unsigned long long start_ticks = 0;
    for (const char* q = p + 1; *q; ++q) {
        if (*q == ' ') {
            ++field;
            if (field == 22) {
                start_ticks = std::strtoull(q + 1, nullptr, 10);
                break;
            }
        }
    }
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return (static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9 - static_cast<double>(start_ticks) / ticks) * 1000.0;
}

struct Phase {
    std::string name;
    double ms;
};

std::vector<Phase>& phases() {
    static std::vector<Phase> list;
    return list;
}

}  // namespace

void startup_phase(const char* name) {
    static const bool wanted = std::getenv("BRAN_STARTUP_TIMES") != nullptr;
    static bool reported = false;
    if (!wanted || reported) return;
    const double since_load = std::chrono::duration<double, std::milli>(Clock::now() - g_loaded).count();
    phases().push_back({name, since_load});
    if (std::strcmp(name, "first frame") != 0) return;
    reported = true;
    // The process's age now, less the time since this library loaded: what came before main.
    const double age = process_age_ms();
    const double before_main = age >= 0 ? age - since_load : 0;
    std::fprintf(stderr, "startup: %-22s %7.1f ms\n", "before main (loading)", before_main);
    double last = 0;
    for (const Phase& p : phases()) {
        std::fprintf(stderr, "startup: %-22s %7.1f ms  (at %.1f ms)\n", p.name.c_str(), p.ms - last, before_main + p.ms);
        last = p.ms;
    }
}

}  // namespace bran::gui
