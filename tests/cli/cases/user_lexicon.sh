#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf 'term\tlabel\tid\tname\nfrobnicated gland syndrome\tCONDITION\tX:1\tFrobnicated gland syndrome\n' >"$T/lex.tsv"
printf 'She has frobnicated gland syndrome since May.\n' >"$T/doc.txt"
run --lexicon "$T/lex.tsv" -f entities --no-header "$T/doc.txt"; expect_rc 0 "$(rc)"
has "$T/out" "CONDITION	X:1	Frobnicated gland syndrome	frobnicated gland syndrome"
printf 'term\tlabel\tid\tname\nfoo\tNOT_A_LABEL\tX:1\tFoo\n' >"$T/badlex.tsv"
run --lexicon "$T/badlex.tsv" "$T/doc.txt"; expect_rc 2 "$(rc)"
has "$T/err" "badlex.tsv:2"
run --lexicon "$T/nope.tsv" "$T/doc.txt"; expect_rc 2 "$(rc)"

finish
