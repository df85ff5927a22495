#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf 'old content\n' >"$T/res.tsv"
run -o "$T/res.tsv" "$SAMPLE"; expect_rc 0 "$(rc)"
has "$T/res.tsv" "^doc	sent"
ls -A "$T" | grep -q '^\.hnpipe-' && bad "temp file left behind"
printf 'old content\n' >"$T/keep.tsv"
run --from no-such-encoding -o "$T/keep.tsv" "$SAMPLE"
# the run fails on its only document, but the file is still a whole, valid output
head -1 "$T/keep.tsv" | grep -q "^doc	sent" || grep -q "old content" "$T/keep.tsv" ||
    bad "output left half-written"

finish
