#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf 'r1\tback\\\\slash and tab\\there.\n' | "$H" --records -f text >"$T/out"
grep -q '^r1	back\\\\slash and tab\\there\.$' "$T/out" || bad "escaping not round-tripped: $(cat "$T/out")"

finish
