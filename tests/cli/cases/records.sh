#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf 'a1\tFirst doc. It has two sentences.\na2\tSecond doc.\n' >"$T/rec"
run --records -f sentences "$T/rec"; expect_rc 0 "$(rc)"
has "$T/out" "^a1	1	First doc\."
has "$T/out" "^a2	1	Second doc\."
run --records -f docs --no-header "$T/rec"
[ "$(wc -l <"$T/out")" -eq 2 ] || bad "records: want 2 docs rows"
run --records -f tsv "$T/rec"
has "$T/out" "^a2	1	"

finish
