#!/bin/sh
# Names of 241-255 bytes are mirrored: the temp file's name does not grow with the output's
# (issue 5, item 9).
. "$(dirname "$0")/../lib.sh"

mkdir "$T/in"
name=$(printf '%0246d' 0).txt # 250 bytes; 254 with .tsv
printf 'A long name.\n' >"$T/in/$name"
run -r "$T/in" -o "$T/o"; expect_rc 0 "$(rc)"
[ -f "$T/o/$name.tsv" ] || bad "the 250-byte name was not mirrored: $(cat "$T/err")"
[ "$(ls -A "$T/o")" = "$name.tsv" ] || bad "temp file left: $(ls -A "$T/o")"
finish
