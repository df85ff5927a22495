#!/bin/sh
. "$(dirname "$0")/../lib.sh"

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

finish
