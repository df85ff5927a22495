#!/bin/sh
# -r --follow walks each directory once: a symlink loop is not followed round again and two
# loops do not make the walk endless (issue 5, item 2).
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/b/sub"
printf 'Only once.\n' >"$T/b/x.txt"
printf 'Also once.\n' >"$T/b/sub/y.txt"
ln -s . "$T/b/l1"
timeout 60 "$H" -r --follow -f sentences "$T/b" >"$T/out" 2>"$T/err"; expect_rc 0 $?
[ "$(grep -c 'Only once' "$T/out")" -eq 1 ] || bad "one loop: x.txt $(grep -c 'Only once' "$T/out") times"
has "$T/err" "already walked"
ln -s .. "$T/b/sub/up"
ln -s "$T/b" "$T/b/sub/l2"
timeout 60 "$H" -r --follow -f sentences "$T/b" >"$T/out" 2>"$T/err"; expect_rc 0 $?
[ "$(grep -c 'Only once' "$T/out")" -eq 1 ] || bad "three loops: x.txt $(grep -c 'Only once' "$T/out") times"
[ "$(grep -c 'Also once' "$T/out")" -eq 1 ] || bad "three loops: y.txt $(grep -c 'Also once' "$T/out") times"
timeout 60 "$H" -q -r --follow -f sentences "$T/b" >"$T/out" 2>"$T/err"; expect_rc 0 $?
[ -s "$T/err" ] && bad "-q is not quiet: $(cat "$T/err")"
finish
