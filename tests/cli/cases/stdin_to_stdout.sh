#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf 'Hello world. This is a test.\n' | "$H" >"$T/a" 2>"$T/err"; expect_rc 0 $?
head -1 "$T/a" | grep -q "^doc	sent	start	end	kind	score	reason	entities	text$" ||
    bad "no TSV header"
grep -q "^-	1	0	" "$T/a" || bad "stdin id is not -"
printf 'Hello world.\n' | "$H" - >"$T/b" 2>/dev/null; expect_rc 0 $?
[ -s "$T/err" ] && bad "stderr not silent: $(cat "$T/err")"

finish
