#!/bin/sh
. "$(dirname "$0")/../lib.sh"

for f in tsv entities docs text clean sentences jsonl pubtator html; do
    run -f "$f" "$SAMPLE"; expect_rc 0 "$(rc)"
    [ -s "$T/out" ] || bad "format $f: empty output"
    [ -s "$T/err" ] && bad "format $f: stderr: $(head -c 200 "$T/err")"
done
run -f tsv --no-header "$SAMPLE"
lacks "$T/out" "^doc	sent"
run -f jsonl "$SAMPLE"
head -1 "$T/out" | grep -q '^{"doc":' || bad "jsonl does not start with an object"
[ "$(wc -l <"$T/out")" -eq 1 ] || bad "jsonl: not one line per document"

finish
