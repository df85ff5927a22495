#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf '\223Quoted\224 caf\351 text.\n' >"$T/cp1252.txt"
run --from windows-1252 -f text "$T/cp1252.txt"; expect_rc 0 "$(rc)"
has "$T/out" "$(printf '\342\200\234Quoted\342\200\235 caf\303\251')"
run --from no-such-encoding -f text "$T/cp1252.txt"
expect_rc 2 "$(rc)"
has "$T/err" "no-such-encoding"

finish
