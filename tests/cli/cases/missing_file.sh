#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf 'Fine text.\n' >"$T/fine.txt"
run "$T/does-not-exist.txt" "$T/fine.txt"; expect_rc 1 "$(rc)"
has "$T/err" "does-not-exist.txt"
has "$T/err" "No such file"
has "$T/out" "Fine text"

finish
