#!/usr/bin/env bash
# First README command: install what is needed, build, and open bran with the bundled aids and
# its own SQLite database (under ~/.local/share/bran/). Arguments are passed to bran.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" app
BRAN_BUILD_TESTS=OFF "$root/scripts/build.sh" -DBRAN_BUILD_TESTS=OFF
exec "$root/build/app/bran" "$@"
