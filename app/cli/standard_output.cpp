#include "app/cli/standard_output.hpp"

#include "app/cli/options.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <streambuf>
#include <unistd.h>

namespace bran::cli {

namespace {

class CheckedStdoutBuffer : public std::streambuf {
public:
    CheckedStdoutBuffer() { setp(m_buffer.data(), m_buffer.data() + m_buffer.size()); }
    int first_error() const { return m_first_error; }

protected:
    int_type overflow(int_type c) override {
        if (!write_pending()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
        return traits_type::not_eof(c);
    }
    int sync() override { return write_pending() ? 0 : -1; }

private:
    bool write_pending() {
        const char* at = pbase();
        while (at < pptr()) {
            const ssize_t written = ::write(STDOUT_FILENO, at, static_cast<std::size_t>(pptr() - at));
            if (written < 0 && errno == EINTR) continue;
            if (written <= 0) {
                if (m_first_error == 0) m_first_error = written < 0 ? errno : EIO;
                break;
            }
            at += written;
        }
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());  // what could not be written is dropped
        return m_first_error == 0;
    }

    std::array<char, 8192> m_buffer{};
    int m_first_error = 0;
};

CheckedStdoutBuffer& checked_buffer() {
    // Never destroyed: std::cout flushes through it after every static object is gone.
    static CheckedStdoutBuffer* const buffer = new CheckedStdoutBuffer;
    return *buffer;
}

}  // namespace

void check_standard_output() { std::cout.rdbuf(&checked_buffer()); }

int exit_after_flushing_output(int exit_code) {
    std::cout.flush();
    const int reason = checked_buffer().first_error();
    if (reason == 0 && std::cout.good()) return exit_code;
    std::cerr << "bran: standard output: " << (reason ? std::strerror(reason) : "write error") << '\n';
    return exit_code == Exit::ok ? Exit::failed : exit_code;
}

}  // namespace bran::cli
