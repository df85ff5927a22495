#!/bin/sh
. "$(dirname "$0")/../lib.sh"

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

finish
