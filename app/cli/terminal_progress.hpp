// Progress on standard error, only when it is a terminal (a log or a pipe gets no
// carriage-return noise), at most a few times a second, and cleared away when the work ends.
#pragma once
#include "engine/core/progress.hpp"

#include <chrono>
#include <string>

namespace bran::cli {

class TerminalProgress : public Progress {
public:
    TerminalProgress();
    ~TerminalProgress() override;
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    void update(const std::string& what, std::uint64_t done, std::uint64_t total) override;

private:
    bool m_terminal;
    bool m_shown = false;
    std::string m_what;
    std::chrono::steady_clock::time_point m_next_draw{};
};

}  // namespace bran::cli
