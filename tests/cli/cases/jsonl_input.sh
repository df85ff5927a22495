#!/bin/sh
# --input-format jsonl: text and id from members, numbers kept as ids, the line number when
# there is no id, bad lines named with their line number and skipped (exit 1).
. "$(dirname "$0")/../lib.sh"

cat >"$T/in.jsonl" <<'J'
{"id":"a1","text":"Aspirin helps patients with migraine. It was tested.","src":"x"}
{"id":7,"text":"Caf\u00e9 \ud83d\ude00 and multiple sclerosis."}
not json at all
{"id":"b","body":"no text member"}

{"text":"No id here."}
{"id":"c","text":"Half an object.",
{"id":"d","text":5}
{"id":{"x":1},"text":"An object as id."}
J
run --input-format jsonl -f docs --no-header "$T/in.jsonl"; expect_rc 1 "$(rc)"
has "$T/out" "^a1	UTF-8	"
has "$T/out" "^7	UTF-8	"
has "$T/out" "^6	UTF-8	" # no id: the line number
[ "$(wc -l <"$T/out")" -eq 3 ] || bad "want 3 documents, got $(wc -l <"$T/out")"
has "$T/err" "in.jsonl:3: line skipped: bad JSON at column 1"
has "$T/err" 'in.jsonl:4: line skipped: no member "text"'
has "$T/err" "in.jsonl:7: line skipped: bad JSON at column"
has "$T/err" 'in.jsonl:8: line skipped: member "text" is not a string'
has "$T/err" 'in.jsonl:9: line skipped: member "id" is not a string or a number'
[ "$(grep -c 'line skipped' "$T/err")" -eq 5 ] || bad "want 5 skipped lines"
has "$T/err" "3 documents.*5 failed"

# The text field decoded: the \u escapes and the surrogate pair are one character each.
run --input-format jsonl -f text "$T/in.jsonl"
has "$T/out" "^7	Café 😀 and multiple sclerosis\.$"

# Other member names; stdin.
printf '{"body":"Metformin for diabetes.","doc_id":"x9","id":"ignored"}\n' |
    "$H" --input-format jsonl --text-field body --id-field doc_id -f entities --no-header \
        >"$T/out" 2>"$T/err"
expect_rc 0 $?
has "$T/out" "^x9	1	0	9	DRUG	"
run --text-field body "$SAMPLE"; expect_rc 2 "$(rc)"; has "$T/err" "input-format jsonl"

finish
