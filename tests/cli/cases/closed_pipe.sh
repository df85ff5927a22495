#!/bin/sh
. "$(dirname "$0")/../lib.sh"

awk 'BEGIN { for (i = 0; i < 20000; i++) printf "id%d\tSentence number %d. Another one.\n", i, i }' >"$T/recs"
( "$H" --records -f sentences "$T/recs" 2>"$T/err"; echo $? >"$T/pipe_rc" ) | head -1 >/dev/null
[ -s "$T/err" ] && bad "closed pipe is not quiet: $(head -c 200 "$T/err")"
[ "$(cat "$T/pipe_rc")" -eq 0 ] || [ "$(cat "$T/pipe_rc")" -eq 141 ] ||
    bad "closed pipe exit $(cat "$T/pipe_rc")"

finish
