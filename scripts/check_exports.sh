#!/bin/sh
# libhnp must hold no mutable global state (threads share it) and export only hnp_ names;
# the shared library must export exactly the public API.
#   usage: check_exports.sh BUILD/libhnp.a [BUILD/dist/libhnp.so]
# The archive: fails on a symbol in a writable section (.data, .bss; .data.rel.ro is
# read-only after relocation and allowed) or a global symbol without the prefix.
# The shared library (default: dist/libhnp.so beside the archive, when built): fails on a
# dynamic symbol that the public headers do not declare (scripts/public_api.sh), or on a
# declared function that it does not define.
# Every object of the build: fails on a global function of the archive that is neither
# public nor called from another object file (library, CLI, tools or tests): it should be
# static.
set -eu
LIB=${1:?usage: check_exports.sh libhnp.a [libhnp.so]}
SO=${2:-$(dirname "$LIB")/dist/libhnp.so}
INCLUDE=$(cd "$(dirname "$0")/../include" && pwd)
bad=$(objdump -t "$LIB" | awk '
    / O / && ($4 ~ /^\.(data|bss)(\.|$)/ && $4 !~ /^\.data\.rel\.ro/) { print "writable data: " $NF " (" $4 ")" }
    NF >= 6 && $2 == "g" && $4 != "*UND*" && $NF !~ /^hnp_/ { print "export without hnp_ prefix: " $NF }')
if [ -f "$SO" ]; then
    api=$(mktemp)
    trap 'rm -f "$api"' EXIT
    sh "$(dirname "$0")/public_api.sh" "$INCLUDE" >"$api"
    # defined dynamic symbols, less the version node (type A) and the @@version suffix
    dyn=$(nm -D --defined-only "$SO" | awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' | sort -u)
    extra=$(echo "$dyn" | grep -vxF -f "$api" || true)
    missing=$(echo "$dyn" | grep -xF -f "$api" | comm -13 - "$api" || true)
    for s in $extra; do bad="$bad
$SO exports $s, which no public header declares"; done
    for s in $missing; do bad="$bad
$SO lacks $s, which a public header declares"; done
fi
# "should be static": defined globally in the archive, called from no other object
BUILD=$(dirname "$LIB")
public=$(sh "$(dirname "$0")/public_api.sh" "$INCLUDE")
called=$(find "$BUILD" -name '*.o' -print0 | xargs -0 nm -u 2>/dev/null | awk '{ print $NF }' | sort -u)
for f in $(nm -g --defined-only "$LIB" 2>/dev/null | awk '$2 == "T" { print $3 }' | sort -u); do
    printf '%s\n' "$public" | grep -qxF "$f" && continue
    printf '%s\n' "$called" | grep -qxF "$f" && continue
    bad="$bad
$f is global but called from no other file: make it static"
done
bad=$(echo "$bad" | sed '/^$/d')
if [ -n "$bad" ]; then
    echo "$bad"
    exit 1
fi
[ -f "$SO" ] && so_note="; $(basename "$SO") exports exactly the $(wc -l <"$api") public functions"
echo "check_exports: no writable data, only hnp_ exports${so_note:-}"
