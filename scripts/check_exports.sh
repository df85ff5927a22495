#!/bin/sh
# libhnp must hold no mutable global state (threads share it) and export only hnp_ names.
# Fails on a symbol in a writable section (.data, .bss; .data.rel.ro is read-only after
# relocation and allowed) or a global symbol without the prefix.
set -eu
LIB=${1:?usage: check_exports.sh libhnp.a}
bad=$(objdump -t "$LIB" | awk '
    / O / && ($4 ~ /^\.(data|bss)(\.|$)/ && $4 !~ /^\.data\.rel\.ro/) { print "writable data: " $NF " (" $4 ")" }
    NF >= 6 && $2 == "g" && $4 != "*UND*" && $NF !~ /^hnp_/ { print "export without hnp_ prefix: " $NF }')
if [ -n "$bad" ]; then
    echo "$bad"
    exit 1
fi
echo "check_exports: no writable data, only hnp_ exports"
