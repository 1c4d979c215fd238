// What a shell command prints on stdout, for tests that read a file with a tool a person would
// use (pdftotext, sox); nullopt when the command cannot be started.
#pragma once
#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace bran::test {

inline std::optional<std::string> command_output(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return std::nullopt;
    std::string out;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) out.append(buffer.data(), n);
    return out;
}

}  // namespace bran::test
