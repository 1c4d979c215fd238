// Standard output that remembers why a write failed, so that a command whose output was lost
// (a full disk, a closed pipe) says so and exits 1 instead of claiming success.
#pragma once

namespace bran::cli {

// Thrown by a command when standard output stops taking what it writes (a closed pipe, a full
// disk): main reports it, once.
struct OutputLost {};

// Points std::cout at file descriptor 1 through a buffer that keeps the errno of the first failed
// write (later calls may change errno before the command ends). Call once, first thing in main.
void check_standard_output();

// Flushes std::cout and returns the command's exit code, or Exit::failed after printing
// "bran: standard output: REASON" on standard error when anything written there was lost.
int exit_after_flushing_output(int exit_code);

}  // namespace bran::cli
