#!/bin/sh
# Issue 6's classes through the whole pipeline (classify decides what the tagger sees):
# an English word next to CJK, a bare pathogen, a drug class and a trial named in the text
# are mentions; the trial's parts, study-design words and foods are not. Sentences written
# for this test.
. "$(dirname "$0")/../lib.sh"

TAB=$(printf '\t')
printf '%s\n' 'Regulators approved a new diabetes drug on Monday.' \
    '治疗diabetes(糖尿病)的新药。' \
    'A rotavirus outbreak closed the nursery, and doctors warned against NSAIDs.' \
    'In the ACME-HF trial, patients in the control group ate fish and peanuts.' >"$T/news.txt"
run -f entities --no-header "$T/news.txt"; expect_rc 0 "$(rc)"
has "$T/out" "${TAB}2${TAB}53${TAB}61${TAB}CONDITION${TAB}DOID:9351${TAB}.*${TAB}diabetes\$"
has "$T/out" "${TAB}3${TAB}.*${TAB}CONDITION${TAB}MESH:D012400${TAB}.*${TAB}rotavirus\$"
has "$T/out" "${TAB}3${TAB}.*${TAB}DRUG${TAB}MESH:D000894${TAB}.*${TAB}NSAIDs\$"
has "$T/out" "${TAB}4${TAB}.*${TAB}TRIAL${TAB}.*${TAB}ACME-HF\$"
lacks "$T/out" "${TAB}HF\$"
lacks "$T/out" "${TAB}PROCEDURE${TAB}"
lacks "$T/out" "${TAB}fish\$"
lacks "$T/out" "${TAB}peanuts\$"

finish
