#!/usr/bin/env bash
# Builds bran (Release, without the tests) in build-package/ and makes the Debian package with
# CPack: build-package/bran_<version>_<arch>.deb. The last line printed is the package's path.
# An existing build-package/ is built incrementally. Extra arguments go to cmake.
# Environment: PACKAGE_BUILD_DIR (default build-package/), JOBS (default: the number of cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${PACKAGE_BUILD_DIR:-$root/build-package}

# What building needs (build-essential brings dpkg-dev, whose dpkg-shlibdeps finds the Depends).
"$root/scripts/install-deps.sh" app
command -v dpkg-shlibdeps > /dev/null || { echo "package.sh: dpkg-shlibdeps is missing (apt-get install dpkg-dev)" >&2; exit 1; }

mkdir -p "$build_dir"
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DBRAN_BUILD_TESTS=OFF -DBRAN_SANITIZE=OFF "$@" \
  > "$build_dir/configure.log" 2>&1 || { cat "$build_dir/configure.log" >&2; exit 1; }
cmake --build "$build_dir" -j"${JOBS:-$(nproc)}" >&2

rm -f "$build_dir"/bran_*.deb
# cpack builds its preinstall target (everything) again first: keep that parallel too.
(cd "$build_dir" && MAKEFLAGS="-j${JOBS:-$(nproc)}" cpack -G DEB) > "$build_dir/cpack.log" 2>&1 || { cat "$build_dir/cpack.log" >&2; exit 1; }
debs=("$build_dir"/bran_*.deb)
[ -f "${debs[0]}" ] || { echo "package.sh: cpack made no bran_*.deb" >&2; cat "$build_dir/cpack.log" >&2; exit 1; }
echo "${debs[0]}"
