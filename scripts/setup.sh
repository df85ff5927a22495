#!/bin/sh
# Sets everything up on a fresh Debian machine, builds hnpipe, and runs it on the bundled
# sample corpus (corpora/samples/), printing annotated TSV.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
./build/hnpipe -r corpora/samples/
