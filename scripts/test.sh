#!/bin/sh
# Runs every test: a -Werror build (unit, golden, CLI tests), the same under
# AddressSanitizer + UndefinedBehaviorSanitizer, the export/global-state check, and the
# clang-format check when clang-format is installed.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
J=$(nproc)
cmake -S . -B build-test -DHNP_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-test -j"$J" >/dev/null
sh scripts/check_exports.sh build-test/libhnp.a
ctest --test-dir build-test --output-on-failure -j"$J"
cmake -S . -B build-asan -DHNP_WERROR=ON -DHNP_SANITIZE=address,undefined \
    -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$J" >/dev/null
ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-asan --output-on-failure -j"$J"
if command -v clang-format >/dev/null 2>&1; then
    find include pipeline tests -name '*.[ch]' -print0 |
        xargs -0 clang-format --dry-run --Werror
    echo "clang-format: clean"
fi
