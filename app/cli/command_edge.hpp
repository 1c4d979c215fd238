// The one edge between a command and the person who ran it: how a failure and a file's problems
// reach standard error. Every command goes through it, so each says what went wrong and where in
// the same way, once.
#pragma once
#include "engine/core/diagnostic.hpp"

#include <functional>
#include <string>

namespace bran::cli {

// Runs a command's work. A failure it throws becomes one line on standard error and exit 1: a
// file that could not be written names itself ("bran summary: /path/x.pdf: ..."), anything
// else is said of the database ("FILE: message"); lost standard output was already reported.
int run_guarded(const std::string& command, const std::string& db_path, const std::function<int()>& work);

// A file's problems, file by file, at most 20 lines each and then a count (Diagnostics::lines).
void print_diagnostics(const Diagnostics& problems);

}  // namespace bran::cli
