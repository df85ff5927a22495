#!/bin/sh
. "$(dirname "$0")/../lib.sh"

# mostly UTF-8 (valid multibyte characters) with a stray byte and a truncated sequence
printf 'Caf\303\251 \342\200\224 na\303\257ve patients \377 and a truncated \342\200 sequence.\n' >"$T/bad.txt"
run -f text "$T/bad.txt"; expect_rc 0 "$(rc)"
has "$T/out" "$(printf '\357\277\275')"
run -f docs --no-header "$T/bad.txt"
awk -F'\t' '$3 < 1 { exit 1 }' "$T/out" || bad "invalid bytes not counted as repairs"

finish
