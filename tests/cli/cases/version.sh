#!/bin/sh
. "$(dirname "$0")/../lib.sh"

run --version; expect_rc 0 "$(rc)"
has "$T/out" "^hnpipe [0-9]"
has "$T/out" "^lexicon:"

finish
