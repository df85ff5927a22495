#!/bin/sh
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/ro"
printf 'x' >"$T/ro/notadir"
run -r "$T/ro" -o "$T/ro/notadir/sub"; expect_rc 2 "$(rc)"
has "$T/err" "cannot create output"

finish
