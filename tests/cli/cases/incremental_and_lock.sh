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
    # The holder keeps the lock until told to let go (or 60 s pass), so a slow
    # (sanitizer) start of hnpipe cannot find it released; wait until it is held.
    (
        flock 9
        n=0
        while [ ! -e "$T/release" ] && [ $n -lt 600 ]; do sleep 0.1; n=$((n + 1)); done
    ) 9>"$T/lock" &
    holder=$!
    while flock -n "$T/lock" true; do sleep 0.1; done
    run -r "$T/inc" -o "$T/inco" --lock "$T/lock"; expect_rc 3 "$(rc)"
    has "$T/err" "lock"
    touch "$T/release"
    wait "$holder"
fi

finish
