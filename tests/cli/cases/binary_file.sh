#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf 'GIF89a\000\001\002\003binary\000junk' >"$T/bin.gif"
printf 'Fine text.\n' >"$T/fine.txt"
run "$T/bin.gif" "$T/fine.txt" -o "$T/ob/"; expect_rc 1 "$(rc)"
has "$T/err" "bin.gif"
has "$T/err" "binary"
[ -f "$T/ob/bin.gif.tsv" ] && bad "output written for a binary file"
[ -f "$T/ob/$T/fine.txt.tsv" ] || [ -f "$T/ob/fine.txt.tsv" ] || bad "batch did not go on"

finish
