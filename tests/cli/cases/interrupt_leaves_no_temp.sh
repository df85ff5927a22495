#!/bin/sh
. "$(dirname "$0")/../lib.sh"

awk 'BEGIN { for (i = 0; i < 400000; i++) printf "Patients with multiple sclerosis took mitoxantrone in trial %d. ", i }' >"$T/big.txt"
printf 'previous run\n' >"$T/int.tsv"
"$H" -o "$T/int.tsv" "$T/big.txt" 2>/dev/null &
pid=$!
sleep 0.3
kill -TERM $pid 2>/dev/null
wait $pid 2>/dev/null
ls -A "$T" | grep -q '^\.hnpipe-' && bad "temp file left after SIGTERM"
grep -q "previous run" "$T/int.tsv" || head -1 "$T/int.tsv" | grep -q "^doc" ||
    bad "output damaged by SIGTERM"

finish
