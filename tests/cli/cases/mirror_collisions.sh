#!/bin/sh
# Mirror mode never maps two inputs to one output: ids with ".." inside a name keep their
# path, and inputs that would share an output are refused with a message (issue 5, item 4).
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/c/d1" "$T/c/d2"
printf 'First one.\n' >"$T/c/d1/x..y.txt"
printf 'Second one.\n' >"$T/c/d2/x..y.txt"
printf 'Third one.\n' >"$T/c/d1/z.txt"
printf 'Fourth one.\n' >"$T/c/d2/z.txt"
cd "$T" || exit 1
run c/d1/x..y.txt c/d2/x..y.txt -o o1/; expect_rc 0 "$(rc)"
has o1/c/d1/x..y.txt.tsv "First one"
has o1/c/d2/x..y.txt.tsv "Second one"
# absolute and ../ paths keep their last component: the second z.txt cannot be mirrored
run "$T/c/d1/z.txt" "$T/c/d2/z.txt" -o o2/; expect_rc 1 "$(rc)"
has o2/z.txt.tsv "Third one"
has "$T/err" "d2/z.txt: not mirrored"
mkdir -p sub && cd sub || exit 1
run ../c/d2/z.txt ../c/d1/z.txt -o ../o3/; expect_rc 1 "$(rc)"
has ../o3/z.txt.tsv "Fourth one"
has "$T/err" "d1/z.txt: not mirrored"
cd "$T" || exit 1
run ./c/d1/z.txt c//d1/z.txt -o o4/; expect_rc 1 "$(rc)"
[ -f o4/c/d1/z.txt.tsv ] || bad "./c/d1/z.txt not mirrored as c/d1/z.txt"
printf 'Named stdin.\n' >stdin
printf 'From a pipe.\n' | "$H" - stdin -o o5/ >/dev/null 2>"$T/err"; expect_rc 1 $?
has o5/stdin.tsv "From a pipe"
has "$T/err" "stdin: not mirrored"
printf 'r1\tA record.\n' >c/d1/r.tsv
cp c/d1/r.tsv c/d2/r.tsv
run --records "$T/c/d1/r.tsv" "$T/c/d2/r.tsv" -o o6/; expect_rc 1 "$(rc)"
has "$T/err" "not mirrored"
finish
