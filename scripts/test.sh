#!/usr/bin/env bash
# Second README command: install what is needed, build, and run every test: the normal build,
# then the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
# GUI tests start their own Xvfb. Set BRAN_SKIP_SANITIZE=1 to skip the second pass.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" test
"$root/scripts/build.sh" -DBRAN_BUILD_TESTS=ON -DBRAN_SANITIZE=OFF
# The .deb the package test installs is built here, not inside a test with a time limit.
"$root/scripts/package.sh"
(cd "$root/build" && ctest --output-on-failure -j2 --timeout 600)
if [ "${BRAN_SKIP_SANITIZE:-0}" != "1" ]; then
  echo "== the same suite under ASan + UBSan =="
  BUILD_DIR="$root/build-sanitize" BUILD_TYPE=Debug "$root/scripts/build.sh" -DBRAN_BUILD_TESTS=ON -DBRAN_SANITIZE=ON
  # System libraries that keep caches until exit (fontconfig, GLib, Pango) are listed in
  # tests/lsan.supp; leak checks stay on for bran's own code (real-window tests: see tests/CMakeLists.txt).
  (cd "$root/build-sanitize" && UBSAN_OPTIONS=print_stacktrace=1 \
    LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0" ctest --output-on-failure -j2 --timeout 900 -LE benchmark)
fi
