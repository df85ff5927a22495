#!/bin/sh
# The progress line: drawn with --progress (documents, MB, MB/s), never by default when
# stderr is not a terminal, and by default on a terminal (checked with script(1) if present).
. "$(dirname "$0")/../lib.sh"

# A stream that takes over a second, longer than the half second before the first draw.
slow() { printf 'r1\tOne record.\n'; sleep 1.2; printf 'r2\tAnother record.\n'; }
slow | "$H" --records --progress >"$T/out" 2>"$T/err"; expect_rc 0 $?
has "$T/err" "documents, [0-9.]* MB, [0-9.]* MB/s"
slow | "$H" --records >"$T/out" 2>"$T/err"; expect_rc 0 $?
[ -s "$T/err" ] && bad "progress drawn though stderr is not a terminal: $(cat "$T/err")"
if command -v script >/dev/null 2>&1; then
    script -qec "sh -c 'printf \"r1\\tOne.\\n\"; sleep 1.2; printf \"r2\\tTwo.\\n\"' | $H --records -o $T/o.tsv" \
        /dev/null >"$T/tty" 2>&1
    has "$T/tty" "documents, [0-9.]* MB"
    script -qec "sh -c 'printf \"r1\\tOne.\\n\"; sleep 1.2' | $H --records -q -o $T/o.tsv" \
        /dev/null >"$T/tty" 2>&1
    lacks "$T/tty" "documents,"
fi

finish
