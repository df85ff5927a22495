#!/bin/sh
# Outputs respect the umask; a replaced file keeps its mode; with stdout closed, -o FILE
# still succeeds, and output to a closed stdout is an error (issue 5, item 11).
. "$(dirname "$0")/../lib.sh"

printf 'One sentence here.\n' >"$T/x.txt"
(umask 077 && "$H" -o "$T/private.tsv" "$T/x.txt") || bad "run with umask 077 failed"
[ "$(stat -c %a "$T/private.tsv")" = 600 ] || bad "umask 077 gave mode $(stat -c %a "$T/private.tsv")"
(umask 077 && "$H" -r "$T/x.txt" -o "$T/mirror/") || bad "mirror with umask 077 failed"
[ "$(stat -c %a "$T/mirror/x.txt.tsv")" = 600 ] || bad "mirror output ignores the umask"
(umask 022 && "$H" --report "$T/r.html" "$T/x.txt" >/dev/null) || bad "report run failed"
[ "$(stat -c %a "$T/r.html")" = 644 ] || bad "umask 022 gave mode $(stat -c %a "$T/r.html")"
printf 'old\n' >"$T/shared.tsv"
chmod 664 "$T/shared.tsv"
(umask 077 && "$H" -o "$T/shared.tsv" "$T/x.txt") || bad "replacing run failed"
[ "$(stat -c %a "$T/shared.tsv")" = 664 ] || bad "a replaced file lost its mode"
"$H" -o "$T/closed.tsv" "$T/x.txt" >&- 2>"$T/err"; expect_rc 0 $?
has "$T/closed.tsv" "One sentence here"
"$H" "$T/x.txt" >&- 2>"$T/err"; expect_rc 2 $?
has "$T/err" "standard output"
finish
