#!/bin/sh
. "$(dirname "$0")/../lib.sh"

run -f tsv --no-header "$SAMPLE"
awk -F'\t' 'NF != 9 { exit 1 }' "$T/out" || bad "a tsv row without 9 fields"
awk -F'\t' '$3 > $4 || $2 < 1 { exit 1 }' "$T/out" || bad "bad offsets or sentence number"
run -f entities --no-header "$SAMPLE"
awk -F'\t' 'NF != 8 { exit 1 }' "$T/out" || bad "an entities row without 8 fields"
run -f docs --no-header "$SAMPLE"
awk -F'\t' 'NF != 9 { exit 1 }' "$T/out" || bad "a docs row without 9 fields"

finish
