#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf 'First file.\n' >"$T/m1.txt"
printf 'Second file.\n' >"$T/m2.txt"
run -o "$T/both.tsv" "$T/m1.txt" "$T/m2.txt"; expect_rc 0 "$(rc)"
[ -f "$T/both.tsv" ] || bad "-o FILE with two inputs is not one file"
has "$T/both.tsv" "First file"
has "$T/both.tsv" "Second file"
[ "$(grep -c '^doc	sent' "$T/both.tsv")" -eq 1 ] || bad "more than one header"

finish
