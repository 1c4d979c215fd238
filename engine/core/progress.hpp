// How far long work has got (an import, an export, a check of every event), for a person who is
// waiting: the command line shows it on a terminal, tests can count it, and the work itself does
// not care who listens.
#pragma once
#include <cstdint>
#include <string>

namespace bran {

class Progress {
public:
    virtual ~Progress() = default;
    // `done` of `total` sessions (total 0: not known yet) in the stage called `what`.
    virtual void update(const std::string& what, std::uint64_t done, std::uint64_t total) = 0;
};

}  // namespace bran
