#include "app/gui/frame_log.hpp"

#include "engine/core/files.hpp"

#include <cerrno>
#include <cstdlib>
#include <iostream>

namespace bran::gui {

std::unique_ptr<FrameLog> FrameLog::from_environment() {
    const char* path = std::getenv("BRAN_FRAME_LOG");
    if (!path || !*path) return nullptr;
    std::FILE* file = std::fopen(path, "w");
    if (!file) {
        std::cerr << "bran: " << path << ": cannot write the frame log (BRAN_FRAME_LOG): " << io_failure_text(errno) << '\n';
        return nullptr;
    }
    return std::unique_ptr<FrameLog>(new FrameLog(file));
}

FrameLog::~FrameLog() { std::fclose(m_file); }

void FrameLog::record(double began_seconds, double ended_seconds, bool speaking, bool settled) {
    std::fprintf(m_file, "%.4f %.3f %d %d\n", began_seconds, (ended_seconds - began_seconds) * 1000.0, speaking ? 1 : 0,
                 settled ? 1 : 0);
    std::fflush(m_file);  // read while the window runs
}

}  // namespace bran::gui
