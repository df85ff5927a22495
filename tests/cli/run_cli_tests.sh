#!/bin/sh
# CLI tests: every input mode, output format, exit code and fault case of hnpipe.
# Each case is a small function; the runner prints a line per failure and ends with
# "N passed, N failed". Needs: HNPIPE (the binary) and HNP_SOURCE_DIR (the repo).
set -u
LC_ALL=C
export LC_ALL
H=${HNPIPE:?set HNPIPE to the hnpipe binary}
SRC=${HNP_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
SAMPLE=$SRC/corpora/samples/stem-cell-ms.txt
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
pass=0
fail=0

bad() { case_bad=1; echo "FAIL: $current: $*"; }
# expect_rc WANT GOT
expect_rc() { [ "$2" -eq "$1" ] || bad "exit status $2, want $1"; }
has() { grep -q -- "$2" "$1" || bad "$1 lacks '$2'"; }
lacks() { ! grep -q -- "$2" "$1" || bad "$1 has '$2'"; }
run() { "$H" "$@" >"$T/out" 2>"$T/err"; echo $? >"$T/rc"; }
rc() { cat "$T/rc"; }

case_help() {
    run --help; expect_rc 0 "$(rc)"
    for w in tsv entities docs text clean sentences jsonl pubtator html --records --input-format \
        --from --lexicon --max-doc-size --incremental --lock --report --no-header -j "Exit status"; do
        has "$T/out" "$w"
    done
}

case_version() {
    run --version; expect_rc 0 "$(rc)"
    has "$T/out" "^hnpipe [0-9]"
    has "$T/out" "^lexicon:"
}

case_usage_errors() {
    run --no-such-option; expect_rc 2 "$(rc)"; has "$T/err" "hnpipe:"
    run -f nonsense "$SAMPLE"; expect_rc 2 "$(rc)"; has "$T/err" "unknown format"
    run -j 0 "$SAMPLE"; expect_rc 2 "$(rc)"
    run --max-doc-size lots "$SAMPLE"; expect_rc 2 "$(rc)"
    run --input-format xml "$SAMPLE"; expect_rc 2 "$(rc)"
}

case_stdin_to_stdout() {
    printf 'Hello world. This is a test.\n' | "$H" >"$T/a" 2>"$T/err"; expect_rc 0 $?
    head -1 "$T/a" | grep -q "^doc	sent	start	end	kind	score	reason	entities	text$" ||
        bad "no TSV header"
    grep -q "^-	1	0	" "$T/a" || bad "stdin id is not -"
    printf 'Hello world.\n' | "$H" - >"$T/b" 2>/dev/null; expect_rc 0 $?
    [ -s "$T/err" ] && bad "stderr not silent: $(cat "$T/err")"

}

case_every_format() {
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
}

case_tsv_columns() {
    run -f tsv --no-header "$SAMPLE"
    awk -F'\t' 'NF != 9 { exit 1 }' "$T/out" || bad "a tsv row without 9 fields"
    awk -F'\t' '$3 > $4 || $2 < 1 { exit 1 }' "$T/out" || bad "bad offsets or sentence number"
    run -f entities --no-header "$SAMPLE"
    awk -F'\t' 'NF != 8 { exit 1 }' "$T/out" || bad "an entities row without 8 fields"
    run -f docs --no-header "$SAMPLE"
    awk -F'\t' 'NF != 8 { exit 1 }' "$T/out" || bad "a docs row without 8 fields"
}

case_escaping() {
    printf 'r1\tback\\\\slash and tab\\there.\n' | "$H" --records -f text >"$T/out"
    grep -q '^r1	back\\\\slash and tab\\there\.$' "$T/out" || bad "escaping not round-tripped: $(cat "$T/out")"
}

case_records() {
    printf 'a1\tFirst doc. It has two sentences.\na2\tSecond doc.\n' >"$T/rec"
    run --records -f sentences "$T/rec"; expect_rc 0 "$(rc)"
    has "$T/out" "^a1	1	First doc\."
    has "$T/out" "^a2	1	Second doc\."
    run --records -f docs --no-header "$T/rec"
    [ "$(wc -l <"$T/out")" -eq 2 ] || bad "records: want 2 docs rows"
    run --records -f tsv "$T/rec"
    has "$T/out" "^a2	1	"
}

case_records_bad_line() {
    printf 'good\tA fine record.\nno tab on this line\n\nlast\tAnother.\n' >"$T/rec"
    run --records -f text "$T/rec"; expect_rc 1 "$(rc)"
    has "$T/err" "rec:2:"
    has "$T/out" "^good	"
    has "$T/out" "^last	"
}

case_pubtator_roundtrip() {
    printf '123|t|Aspirin and headache.\n123|a|We studied aspirin in patients with migraine.\n123\t0\t7\tAspirin\tChemical\tD001241\n\n456|t|Second title.\n456|a|Second abstract.\n\n' >"$T/pt"
    run --input-format pubtator -f pubtator "$T/pt"; expect_rc 0 "$(rc)"
    has "$T/out" "^123|t|Aspirin and headache\.$"
    has "$T/out" "^123|a|We studied aspirin in patients with migraine\.$"
    has "$T/out" "^456|t|Second title\.$"
    lacks "$T/out" "D001241" # input annotations are not copied through
}

case_directory_mirror() {
    mkdir -p "$T/in/a/b" "$T/in/c"
    printf 'One sentence here.\n' >"$T/in/a/b/x.txt"
    printf 'Another one.\n' >"$T/in/c/y.txt"
    run -r "$T/in" -o "$T/o"; expect_rc 0 "$(rc)"
    [ -f "$T/o/a/b/x.txt.tsv" ] || bad "no mirrored a/b/x.txt.tsv"
    [ -f "$T/o/c/y.txt.tsv" ] || bad "no mirrored c/y.txt.tsv"
    head -1 "$T/o/a/b/x.txt.tsv" | grep -q "^doc	" || bad "mirrored file has no header"
    grep -q "^a/b/x.txt	1	" "$T/o/a/b/x.txt.tsv" || bad "doc id is not the relative path"
    ls -a "$T/o/a/b" | grep -q tmp && bad "temp file left behind"
    run -r "$T/in" -o "$T/o2" -f jsonl
    [ -f "$T/o2/c/y.txt.jsonl" ] || bad "no jsonl mirror"
    run "$T/in"; expect_rc 1 "$(rc)"; has "$T/err" "is a directory"
}

case_jobs_deterministic() {
    mkdir -p "$T/many"
    i=0
    while [ $i -lt 12 ]; do
        printf 'Document %s. Patients with multiple sclerosis took mitoxantrone.\n' $i >"$T/many/f$i.txt"
        i=$((i + 1))
    done
    "$H" -j 1 -r "$T/many" >"$T/j1" 2>/dev/null
    "$H" -j 4 -r "$T/many" >"$T/j4" 2>/dev/null
    cmp -s "$T/j1" "$T/j4" || bad "-j 1 and -j 4 differ"
    HNP_THREADS=bogus "$H" -r "$T/many" >"$T/jenv" 2>"$T/err"; expect_rc 0 $?
    has "$T/err" "HNP_THREADS"
    cmp -s "$T/j1" "$T/jenv" || bad "HNP_THREADS fallback output differs"
}

case_empty_file() {
    : >"$T/empty.txt"
    run "$T/empty.txt"; expect_rc 0 "$(rc)"
    [ "$(wc -l <"$T/out")" -eq 1 ] || bad "empty file: want header only"
}

case_binary_file() {
    printf 'GIF89a\000\001\002\003binary\000junk' >"$T/bin.gif"
    printf 'Fine text.\n' >"$T/fine.txt"
    run "$T/bin.gif" "$T/fine.txt" -o "$T/ob/"; expect_rc 1 "$(rc)"
    has "$T/err" "bin.gif"
    has "$T/err" "binary"
    [ -f "$T/ob/bin.gif.tsv" ] && bad "output written for a binary file"
    [ -f "$T/ob/$T/fine.txt.tsv" ] || [ -f "$T/ob/fine.txt.tsv" ] || bad "batch did not go on"
}

case_missing_file() {
    printf 'Fine text.\n' >"$T/fine.txt"
    run "$T/does-not-exist.txt" "$T/fine.txt"; expect_rc 1 "$(rc)"
    has "$T/err" "does-not-exist.txt"
    has "$T/err" "No such file"
    has "$T/out" "Fine text"
}

case_invalid_utf8() {
    # mostly UTF-8 (valid multibyte characters) with a stray byte and a truncated sequence
    printf 'Caf\303\251 \342\200\224 na\303\257ve patients \377 and a truncated \342\200 sequence.\n' >"$T/bad.txt"
    run -f text "$T/bad.txt"; expect_rc 0 "$(rc)"
    has "$T/out" "$(printf '\357\277\275')"
    run -f docs --no-header "$T/bad.txt"
    awk -F'\t' '$3 < 1 { exit 1 }' "$T/out" || bad "invalid bytes not counted as repairs"
}

case_from_encoding() {
    printf '\223Quoted\224 caf\351 text.\n' >"$T/cp1252.txt"
    run --from windows-1252 -f text "$T/cp1252.txt"; expect_rc 0 "$(rc)"
    has "$T/out" "$(printf '\342\200\234Quoted\342\200\235 caf\303\251')"
    run --from no-such-encoding -f text "$T/cp1252.txt"
    [ "$(rc)" -ne 0 ] || bad "unknown --from accepted"
    has "$T/err" "cp1252.txt"
}

case_max_doc_size() {
    run --max-doc-size 100 "$SAMPLE"; expect_rc 1 "$(rc)"
    has "$T/err" "max-doc-size"
    printf 'r1\tshort.\nr2\t%s\n' "$(head -c 300 "$SAMPLE" | tr '\n\t' '  ')" >"$T/rec"
    run --records --max-doc-size 100 -f text "$T/rec"; expect_rc 1 "$(rc)"
    has "$T/out" "^r1	"
}

case_huge_line() {
    awk 'BEGIN { for (i = 0; i < 200000; i++) printf "word%d and more words ", i }' >"$T/huge.txt"
    run -f docs --no-header "$T/huge.txt"; expect_rc 0 "$(rc)"
    [ -s "$T/out" ] || bad "huge line: no output"
}

case_closed_pipe() {
    awk 'BEGIN { for (i = 0; i < 20000; i++) printf "id%d\tSentence number %d. Another one.\n", i, i }' >"$T/recs"
    ( "$H" --records -f sentences "$T/recs" 2>"$T/err"; echo $? >"$T/pipe_rc" ) | head -1 >/dev/null
    [ -s "$T/err" ] && bad "closed pipe is not quiet: $(head -c 200 "$T/err")"
    [ "$(cat "$T/pipe_rc")" -eq 0 ] || [ "$(cat "$T/pipe_rc")" -eq 141 ] ||
        bad "closed pipe exit $(cat "$T/pipe_rc")"
}

case_output_file_many_inputs() {
    printf 'First file.\n' >"$T/m1.txt"
    printf 'Second file.\n' >"$T/m2.txt"
    run -o "$T/both.tsv" "$T/m1.txt" "$T/m2.txt"; expect_rc 0 "$(rc)"
    [ -f "$T/both.tsv" ] || bad "-o FILE with two inputs is not one file"
    has "$T/both.tsv" "First file"
    has "$T/both.tsv" "Second file"
    [ "$(grep -c '^doc	sent' "$T/both.tsv")" -eq 1 ] || bad "more than one header"
}

case_output_file_atomic() {
    printf 'old content\n' >"$T/res.tsv"
    run -o "$T/res.tsv" "$SAMPLE"; expect_rc 0 "$(rc)"
    has "$T/res.tsv" "^doc	sent"
    ls "$T" | grep -q 'res.tsv.tmp' && bad "temp file left behind"
    printf 'old content\n' >"$T/keep.tsv"
    run --from no-such-encoding -o "$T/keep.tsv" "$SAMPLE"
    # the run fails on its only document, but the file is still a whole, valid output
    head -1 "$T/keep.tsv" | grep -q "^doc	sent" || grep -q "old content" "$T/keep.tsv" ||
        bad "output left half-written"
}

case_unwritable_output() {
    mkdir -p "$T/ro"
    printf 'x' >"$T/ro/notadir"
    run -r "$T/ro" -o "$T/ro/notadir/sub"; [ "$(rc)" -ne 0 ] || bad "writing under a file succeeded"
    has "$T/err" "cannot create output"
}

case_incremental_and_lock() {
    mkdir -p "$T/inc"
    printf 'First.\n' >"$T/inc/a.txt"
    printf 'Second.\n' >"$T/inc/b.txt"
    run -r "$T/inc" -o "$T/inco" --incremental --lock "$T/lock"; expect_rc 0 "$(rc)"
    has "$T/err" "0 up to date"
    run -r "$T/inc" -o "$T/inco" --incremental --lock "$T/lock"; expect_rc 0 "$(rc)"
    has "$T/err" "2 up to date"
    sleep 1
    printf 'Changed.\n' >"$T/inc/a.txt"
    run -r "$T/inc" -o "$T/inco" --incremental; expect_rc 0 "$(rc)"
    has "$T/err" "1 up to date"
    has "$T/inco/a.txt.tsv" "Changed"
    mkdir -p "$T/increc"
    printf 'r1\tA record.\n' >"$T/increc/recs.tsv"
    run --records -r "$T/increc" -o "$T/incr" --incremental; expect_rc 0 "$(rc)"
    run --records -r "$T/increc" -o "$T/incr" --incremental; expect_rc 0 "$(rc)"
    has "$T/err" "1 up to date"
    if command -v flock >/dev/null 2>&1; then
        flock "$T/lock" sleep 3 &
        sleep 1
        run -r "$T/inc" -o "$T/inco" --lock "$T/lock"; expect_rc 3 "$(rc)"
        has "$T/err" "lock"
        wait
    fi
}

case_user_lexicon() {
    printf 'term\tlabel\tid\tname\nfrobnicated gland syndrome\tCONDITION\tX:1\tFrobnicated gland syndrome\n' >"$T/lex.tsv"
    printf 'She has frobnicated gland syndrome since May.\n' >"$T/doc.txt"
    run --lexicon "$T/lex.tsv" -f entities --no-header "$T/doc.txt"; expect_rc 0 "$(rc)"
    has "$T/out" "CONDITION	X:1	Frobnicated gland syndrome	frobnicated gland syndrome"
    printf 'term\tlabel\tid\tname\nfoo\tNOT_A_LABEL\tX:1\tFoo\n' >"$T/badlex.tsv"
    run --lexicon "$T/badlex.tsv" "$T/doc.txt"; expect_rc 2 "$(rc)"
    has "$T/err" "badlex.tsv:2"
    run --lexicon "$T/nope.tsv" "$T/doc.txt"; expect_rc 2 "$(rc)"
}

case_interrupt_leaves_no_temp() {
    awk 'BEGIN { for (i = 0; i < 400000; i++) printf "Patients with multiple sclerosis took mitoxantrone in trial %d. ", i }' >"$T/big.txt"
    printf 'previous run\n' >"$T/int.tsv"
    "$H" -o "$T/int.tsv" "$T/big.txt" 2>/dev/null &
    pid=$!
    sleep 0.3
    kill -TERM $pid 2>/dev/null
    wait $pid 2>/dev/null
    ls "$T" | grep -q 'int.tsv.tmp' && bad "temp file left after SIGTERM"
    grep -q "previous run" "$T/int.tsv" || head -1 "$T/int.tsv" | grep -q "^doc" ||
        bad "output damaged by SIGTERM"
}

case_offsets_index_the_text() {
    # the sample article plus records with multibyte text, mojibake, escapes and controls
    {
        printf 'seed\t%s\n' "$(tr '\n\t' '\036 ' <"$SAMPLE" | sed 's/\x1e/\\n/g')"
        printf 'r1\tCaf\303\251 na\303\257ve \342\200\234quoted\342\200\235 text. \344\270\255\346\226\207\343\200\202 Dr. X had multiple sclerosis.\n'
        printf 'r2\t\303\242\342\202\254\342\204\242 mojibake\\tand tab\\nnew line. Mitoxantrone (NCT01234567) \001 helped.\n'
    } >"$T/off.rec"
    "$H" --records -f text "$T/off.rec" >"$T/off.txt" 2>"$T/err" || bad "text run failed"
    "$H" --records -f tsv --no-header "$T/off.rec" >"$T/off.tsv" 2>>"$T/err" || bad "tsv run failed"
    python3 "$SRC/tests/cli/check_offsets.py" "$T/off.txt" "$T/off.tsv" >"$T/out" ||
        bad "$(cat "$T/out")"
}

case_report() {
    mkdir -p "$T/rep"
    printf 'First article about multiple sclerosis. It is long enough.\n' >"$T/rep/a.txt"
    printf 'GIF\000\001binary' >"$T/rep/b.gif"
    run -r "$T/rep" "$T/missing.txt" -o "$T/repo" --report "$T/report.html"; expect_rc 1 "$(rc)"
    has "$T/report.html" "<svg"
    has "$T/report.html" "Sentences by kind"
    has "$T/report.html" "missing.txt: No such file"
    has "$T/report.html" "b.gif"
    run "$T/rep/a.txt" --report "$T/rep/a.txt/x.html"; expect_rc 2 "$(rc)"
    has "$T/err" "cannot write report"
}

for c in case_help case_version case_usage_errors case_stdin_to_stdout case_every_format \
    case_tsv_columns case_escaping case_records case_records_bad_line case_pubtator_roundtrip \
    case_directory_mirror case_jobs_deterministic case_empty_file case_binary_file \
    case_missing_file case_invalid_utf8 case_from_encoding case_max_doc_size case_huge_line \
    case_closed_pipe case_output_file_many_inputs case_output_file_atomic case_unwritable_output case_incremental_and_lock \
    case_user_lexicon case_interrupt_leaves_no_temp case_offsets_index_the_text case_report; do
    current=$c
    case_bad=0
    $c
    if [ $case_bad -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
