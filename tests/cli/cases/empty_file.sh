#!/bin/sh
. "$(dirname "$0")/../lib.sh"

: >"$T/empty.txt"
run "$T/empty.txt"; expect_rc 0 "$(rc)"
[ "$(wc -l <"$T/out")" -eq 1 ] || bad "empty file: want header only"

finish
