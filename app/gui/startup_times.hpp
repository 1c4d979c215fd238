// Where launch time goes: with BRAN_STARTUP_TIMES set, each phase's end in milliseconds since
// the process started, printed to standard error once the first frame is drawn. The launch
// benchmark (tests/bench/launch_bench.sh) reports them beside its measurement from outside.
#pragma once

namespace bran::gui {

// Marks the end of a phase ("fonts", "first frame"); the phases are printed after "first frame".
void startup_phase(const char* name);

}  // namespace bran::gui
