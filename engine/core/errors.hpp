// The few exception types for machine failures; bad input is reported as Diagnostics instead.
#pragma once
#include <stdexcept>
#include <string>

namespace bran {

// A file could not be read or written (missing, permissions, disk full).
class IoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A library call (ICU, libsodium) failed in a way bran cannot recover from.
class LibraryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace bran
