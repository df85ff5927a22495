#!/bin/sh
. "$(dirname "$0")/../lib.sh"

run --max-doc-size 100 "$SAMPLE"; expect_rc 1 "$(rc)"
has "$T/err" "max-doc-size"
printf 'r1\tshort.\nr2\t%s\n' "$(head -c 300 "$SAMPLE" | tr '\n\t' '  ')" >"$T/rec"
run --records --max-doc-size 100 -f text "$T/rec"; expect_rc 1 "$(rc)"
has "$T/out" "^r1	"

finish
