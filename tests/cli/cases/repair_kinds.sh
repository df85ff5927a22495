#!/bin/sh
. "$(dirname "$0")/../lib.sh"

# issue 7: every kind of repair is listed by -f repairs (with what came in), counted by -f
# docs and underlined by -f html: a ligature inside a word, a closing quote that lost its
# last byte, an undecodable byte (shown as \xFF, not as the U+FFFD that replaced it)
printf 'Caf\303\251 na\303\257ve: a signi\357\254\201cant \303\242\342\202\254\305\223rise\303\242\342\202\254 and \377 here.\n' >"$T/in.txt"
run -f repairs --no-header "$T/in.txt"; expect_rc 0 "$(rc)"
has "$T/out" "$(printf '\tligature\t\357\254\201\tfi$')"
has "$T/out" "$(printf '\tlost-byte\t\303\242\342\202\254\t\342\200\235$')"
has "$T/out" "$(printf '\tinvalid\t\\\\\\\\xFF\t')"
n=$(wc -l <"$T/out")
run -f docs --no-header "$T/in.txt"
awk -F'\t' -v n="$n" '$3 != n { exit 1 }' "$T/out" || bad "docs repairs is not the $n rows of -f repairs"
run -f html "$T/in.txt"
for k in ligature lost-byte invalid mojibake; do
    has "$T/out" "<u class=\"repair $k\""
done
has "$T/out" 'title="invalid: \\xFF"'

finish
