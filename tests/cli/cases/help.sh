#!/bin/sh
. "$(dirname "$0")/../lib.sh"

run --help; expect_rc 0 "$(rc)"
for w in tsv entities docs text clean sentences jsonl pubtator html --records --input-format \
    --from --lexicon --max-doc-size --incremental --lock --report --no-header -j "Exit status"; do
    has "$T/out" "$w"
done

finish
