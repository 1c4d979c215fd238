#include "app/cli/terminal_progress.hpp"

#include "engine/core/terminal_text.hpp"

#include <cstdio>
#include <unistd.h>

namespace bran::cli {

namespace {
constexpr auto redraw_every = std::chrono::milliseconds(200);
}

TerminalProgress::TerminalProgress() : m_terminal(::isatty(STDERR_FILENO) == 1) {}

TerminalProgress::~TerminalProgress() {
    // Erase the line so that what the command says next starts on a clean one.
    if (m_shown) std::fputs("\r\033[K", stderr);
}

void TerminalProgress::update(const std::string& what, std::uint64_t done, std::uint64_t total) {
    if (!m_terminal) return;
    const auto now = std::chrono::steady_clock::now();
    const bool finished = total != 0 && done == total;
    if (what == m_what && now < m_next_draw && !finished) return;
    m_what = what;
    m_next_draw = now + redraw_every;
    std::string line = terminal_safe(what) + ": session " + std::to_string(done);
    if (total != 0) line += " of " + std::to_string(total) + " (" + std::to_string(done * 100 / total) + "%)";
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
    m_shown = true;
}

}  // namespace bran::cli
