// Frame timing for tests and performance work: with BRAN_FRAME_LOG=FILE in the environment, one
// line per frame drawn: "<began> <work_ms> <speaking> <settled>", when the frame began (seconds
// since the window opened), how long its work took (from waking to the finished swap, in
// milliseconds), 1 while the screen is being read aloud, and 1 when the window has nothing more to
// draw and will sleep until input (so a test knows the screen it photographs is the final one).
// Unset (as for every patient), nothing is measured.
#pragma once
#include <cstdio>
#include <memory>

namespace bran::gui {

class FrameLog {
public:
    // nullptr when BRAN_FRAME_LOG is not set; says on stderr when the file cannot be written.
    static std::unique_ptr<FrameLog> from_environment();
    ~FrameLog();
    FrameLog(const FrameLog&) = delete;
    FrameLog& operator=(const FrameLog&) = delete;

    void record(double began_seconds, double ended_seconds, bool speaking, bool settled);

private:
    explicit FrameLog(std::FILE* file) : m_file(file) {}
    std::FILE* m_file;
};

}  // namespace bran::gui
