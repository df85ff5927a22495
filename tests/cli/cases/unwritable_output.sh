#!/bin/sh
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/ro"
printf 'x' >"$T/ro/notadir"
run -r "$T/ro" -o "$T/ro/notadir/sub"; [ "$(rc)" -ne 0 ] || bad "writing under a file succeeded"
has "$T/err" "cannot create output"

finish
