#!/bin/sh
. "$(dirname "$0")/../lib.sh"

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

finish
