#!/bin/sh
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/in/a/b" "$T/in/c"
printf 'One sentence here.\n' >"$T/in/a/b/x.txt"
printf 'Another one.\n' >"$T/in/c/y.txt"
run -r "$T/in" -o "$T/o"; expect_rc 0 "$(rc)"
[ -f "$T/o/a/b/x.txt.tsv" ] || bad "no mirrored a/b/x.txt.tsv"
[ -f "$T/o/c/y.txt.tsv" ] || bad "no mirrored c/y.txt.tsv"
head -1 "$T/o/a/b/x.txt.tsv" | grep -q "^doc	" || bad "mirrored file has no header"
grep -q "^a/b/x.txt	1	" "$T/o/a/b/x.txt.tsv" || bad "doc id is not the relative path"
ls -A "$T/o/a/b" | grep -q "^\.hnpipe-" && bad "temp file left behind"
run -r "$T/in" -o "$T/o2" -f jsonl
[ -f "$T/o2/c/y.txt.jsonl" ] || bad "no jsonl mirror"
run "$T/in"; expect_rc 1 "$(rc)"; has "$T/err" "is a directory"

finish
