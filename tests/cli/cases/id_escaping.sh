#!/bin/sh
# Ids (file names, record and PubTator ids) that hold bytes which are not UTF-8, tabs,
# newlines or | are escaped in every format, and --records / PubTator input reads the
# escapes back, so a round trip is stable (issue 5, items 5, 6, 7).
. "$(dirname "$0")/../lib.sh"

mkdir "$T/in"
bad_name=$(printf 'caf\351\377.txt') # Latin-1 e-acute and a stray byte
printf 'Patients took aspirin.\n' >"$T/in/$bad_name"
cd "$T/in" || exit 1
run -f docs --no-header "$bad_name"; expect_rc 0 "$(rc)"
has "$T/out" '^caf\\xe9\\xff\.txt	'
for f in jsonl html; do
    run -f $f "$bad_name"; expect_rc 0 "$(rc)"
    python3 -c 'import sys; open(sys.argv[1], encoding="utf-8").read()' "$T/out" 2>/dev/null ||
        bad "-f $f: output is not UTF-8"
done
run -f jsonl "$bad_name"
python3 -c 'import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").readline())
sys.exit(d["doc"] != "caf\ufffd\\xe9\ufffd\\xff.txt")' "$T/out" || bad "jsonl doc: $(cut -c1-40 "$T/out")"
cd "$T" || exit 1

# records: an escaped id is read back, not escaped again on every pass
printf 'a\\tb\\\\c\\xff\tThe text.\n' >"$T/rec"
"$H" --records -f text "$T/rec" >"$T/pass1" 2>"$T/err"; expect_rc 0 $?
"$H" --records -f text "$T/pass1" >"$T/pass2" 2>>"$T/err"; expect_rc 0 $?
cmp -s "$T/rec" "$T/pass1" || bad "records pass 1 changed the id: $(cat "$T/pass1")"
cmp -s "$T/pass1" "$T/pass2" || bad "records pass 2 changed the id: $(cat "$T/pass2")"

# pubtator: an id with a tab, a | and a newline keeps the format's lines whole
printf 'x\\ty|z\\nw\tAspirin and headache. We studied aspirin.\n' >"$T/rec2"
run --records -f pubtator "$T/rec2"; expect_rc 0 "$(rc)"
has "$T/out" '^x\\ty\\x7cz\\nw|t|'
has "$T/out" '^x\\ty\\x7cz\\nw|a|'
awk -F'\t' 'NF > 1 && NF != 6 { exit 1 }' "$T/out" || bad "a mention line without 6 fields"
cp "$T/out" "$T/pt1"
run --input-format pubtator -f pubtator "$T/pt1"; expect_rc 0 "$(rc)"
cmp -s "$T/pt1" "$T/out" || bad "pubtator round trip changed: $(head -2 "$T/out")"
finish
