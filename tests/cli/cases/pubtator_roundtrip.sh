#!/bin/sh
. "$(dirname "$0")/../lib.sh"

printf '123|t|Aspirin and headache.\n123|a|We studied aspirin in patients with migraine.\n123\t0\t7\tAspirin\tChemical\tD001241\n\n456|t|Second title.\n456|a|Second abstract.\n\n' >"$T/pt"
run --input-format pubtator -f pubtator "$T/pt"; expect_rc 0 "$(rc)"
has "$T/out" "^123|t|Aspirin and headache\.$"
has "$T/out" "^123|a|We studied aspirin in patients with migraine\.$"
has "$T/out" "^456|t|Second title\.$"
lacks "$T/out" "D001241" # input annotations are not copied through

finish
