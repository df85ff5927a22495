#!/bin/sh
# The library's folders are its stages, and stages meet only in the driver (pipeline.c).
# For every source of a stage folder, asks the compiler (gcc -MM) which headers it can
# reach, and fails when one belongs to another stage or to the driver:
#   base/      buffers, CRC, status strings: includes nothing of a stage
#   token/     the shared tokenisation (hnp/token.h): base/ and its own header
#   normalize/ lexicon/: base/ and their own public header
#   segment/ classify/: also the token array (token.h), which they may read
#   tag/       also reads the lexicon (its private view and public header) and the tokens
#   output/    renders a whole hnp_doc, so it sees every public header (not the driver .c)
# Then scripts/check_layers.py checks that inside each folder the files are one-way layers.
# usage: scripts/check_layout.sh BUILD_DIR   (a configured build: its generated headers;
#        needs gcc and the ICU/utf8proc headers)
set -eu
BUILD=$(cd "${1:?usage: check_layout.sh BUILD_DIR}" && pwd)
cd "$(dirname "$0")/.."
CC=${CC:-gcc}
CFLAGS="-Iinclude -I$BUILD/generated/include -Ipipeline/lib $(pkg-config --cflags icu-uc icu-i18n libutf8proc)"

allowed() { # stage -> the project headers its sources may reach (extended regex)
    base='pipeline/lib/base/|include/hnp/(common|buffer)\.h'
    case $1 in
    base) echo "$base" ;;
    token | normalize | lexicon) echo "$base|pipeline/lib/$1/|include/hnp/$1\.h" ;;
    segment | classify) echo "$base|pipeline/lib/$1/|include/hnp/($1|token)\.h" ;;
    tag) echo "$base|pipeline/lib/(tag|lexicon)/|include/hnp/(tag|lexicon|token)\.h" ;;
    output) echo "$base|pipeline/lib/output/|include/hnp/[a-z]+\.h" ;;
    *) echo "unknown stage folder: $1" >&2 && exit 2 ;;
    esac
}

bad=0
for dir in pipeline/lib/*/; do
    stage=$(basename "$dir")
    ok=$(allowed "$stage")
    for src in $(find "$dir" -name '*.c' | sort); do
        # one header a line, project headers only (system headers are absolute paths)
        deps=$($CC $CFLAGS -MM "$src" | tr ' \\' '\n\n' | grep -E '^(include|pipeline)/' || true)
        for h in $deps; do
            case $h in "$src") continue ;; esac
            if ! printf '%s\n' "$h" | grep -Eq "^($ok)"; then
                echo "check_layout: $src ($stage) reaches $h"
                bad=1
            fi
        done
    done
done
[ $bad -eq 0 ] || exit 1
echo "check_layout: every stage reaches only base/, its own folder and its declared inputs"
# Inside a folder, the files are one-way layers (from the object files' calls).
python3 scripts/check_layers.py "$BUILD"
