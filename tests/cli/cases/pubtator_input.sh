#!/bin/sh
# PubTator input: a second abstract line is joined to the first, never dropped; a line
# that is not PubTator gets a message with its line number (exit 1) and the rest goes on
# (issue 5, item 5).
. "$(dirname "$0")/../lib.sh"

printf '1|t|Aspirin and headache.\n1|a|First part of the abstract.\n1|a|Second part of it.\n1\t0\t7\tAspirin\tChemical\tD001241\n\n' >"$T/pt"
run --input-format pubtator -f pubtator "$T/pt"; expect_rc 0 "$(rc)"
has "$T/out" '^1|a|First part of the abstract\. Second part of it\.$'
has "$T/err" "pt:3: a second abstract line"
printf '2|t|A title.\n2|a|An abstract.\nthis line is no PubTator\n\n3|t|Another title.\n3|a|More.\n\n' >"$T/pt2"
run --input-format pubtator -f pubtator "$T/pt2"; expect_rc 1 "$(rc)"
has "$T/err" "pt2:3: not a PubTator line"
has "$T/out" '^2|a|An abstract\.$'
has "$T/out" '^3|t|Another title\.$'
finish
