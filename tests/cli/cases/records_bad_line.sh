#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf 'good\tA fine record.\nno tab on this line\n\nlast\tAnother.\n' >"$T/rec"
run --records -f text "$T/rec"; expect_rc 1 "$(rc)"
has "$T/err" "rec:2:"
has "$T/out" "^good	"
has "$T/out" "^last	"

finish
