#!/bin/sh
. "$(dirname "$0")/../lib.sh"

awk 'BEGIN { for (i = 0; i < 200000; i++) printf "word%d and more words ", i }' >"$T/huge.txt"
run -f docs --no-header "$T/huge.txt"; expect_rc 0 "$(rc)"
[ -s "$T/out" ] || bad "huge line: no output"

finish
