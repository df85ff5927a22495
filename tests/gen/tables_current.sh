#!/bin/sh
# The committed generated tables are what their generators write today: a changed word
# list or codepage must be regenerated, not edited by hand.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 "$ROOT/scripts/gen_normalize_tables.py" "$T" >/dev/null
for f in normalize_cp_tables.h normalize_class_tables.h normalize_entity_tables.h; do
    cmp "$T/$f" "$ROOT/pipeline/lib/normalize/$f" || { echo "stale: pipeline/lib/normalize/$f (run scripts/gen_normalize_tables.py)"; exit 1; }
done
python3 "$ROOT/scripts/gen_stopword_table.py" "$T/classify_stopword_table.h"
cmp "$T/classify_stopword_table.h" "$ROOT/pipeline/lib/classify/classify_stopword_table.h" ||
    { echo "stale: pipeline/lib/classify/classify_stopword_table.h (run scripts/gen_stopword_table.py)"; exit 1; }
echo "generated tables current"
