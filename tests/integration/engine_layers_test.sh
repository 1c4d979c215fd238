#!/bin/bash
# The engine's folders form layers with no cycle, and the engine includes no window header.
# The checker is first shown to catch what it is for (an upward include, an ImGui header).
source "$(dirname "$0")/lib.sh"
checker="$SOURCE_DIR/tests/tools/engine_layers.py"

python3 "$checker" "$SOURCE_DIR/engine" > "$WORK/layers.txt" || fail "engine layers are broken:
$(cat "$WORK/layers.txt")"

cp -r "$SOURCE_DIR/engine" "$WORK/engine"
echo '#include "engine/shell/app_model.hpp"' >> "$WORK/engine/decision/answers.hpp"
echo '#include <imgui.h>' >> "$WORK/engine/core/files.hpp"
if python3 "$checker" "$WORK/engine" > "$WORK/bad.txt"; then fail "the checker passed an upward include"; fi
grep -q 'engine/decision/answers.hpp:.*decision/ includes engine/shell/, a layer above it' "$WORK/bad.txt" ||
    fail "the upward include is not named: $(cat "$WORK/bad.txt")"
grep -q 'engine/core/files.hpp:.*includes a window header' "$WORK/bad.txt" ||
    fail "the window header is not named: $(cat "$WORK/bad.txt")"
pass
finish
