#!/bin/sh
# The progress line: drawn with --progress (documents, MB, MB/s), never by default when
# stderr is not a terminal, and by default on a terminal (checked with script(1) if present).
. "$(dirname "$0")/../lib.sh"

# A stream whose second record comes 0.8 s after hnpipe has written the first, longer than
# the half second before the first draw, however long start-up takes (seconds under TSan on
# a busy machine).
slow() {
    printf 'r1\tOne record.\n'
    i=0
    while [ ! -s "$T/out" ] && [ $i -lt 300 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    sleep 0.8
    printf 'r2\tAnother record.\n'
}
rm -f "$T/out"
slow | "$H" --records --progress >"$T/out" 2>"$T/err"; expect_rc 0 $?
has "$T/err" "documents, [0-9.]* MB, [0-9.]* MB/s"
rm -f "$T/out"
slow | "$H" --records >"$T/out" 2>"$T/err"; expect_rc 0 $?
[ -s "$T/err" ] && bad "progress drawn though stderr is not a terminal: $(cat "$T/err")"
if command -v script >/dev/null 2>&1; then
    # no output to watch here (-o): a sleep long enough for a slow start
    script -qec "sh -c 'printf \"r1\\tOne.\\n\"; sleep 3; printf \"r2\\tTwo.\\n\"' | $H --records -o $T/o.tsv" \
        /dev/null >"$T/tty" 2>&1
    has "$T/tty" "documents, [0-9.]* MB"
    script -qec "sh -c 'printf \"r1\\tOne.\\n\"; sleep 1.2' | $H --records -q -o $T/o.tsv" \
        /dev/null >"$T/tty" 2>&1
    lacks "$T/tty" "documents,"
fi

finish
