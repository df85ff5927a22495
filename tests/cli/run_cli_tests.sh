#!/bin/sh
# Runs CLI cases by hand: every tests/cli/cases/*.sh, or the ones named (e.g. `records report`).
# ctest registers each case as its own test (cli/NAME), so this is only a convenience.
# Needs HNPIPE (the binary); HNP_SOURCE_DIR defaults to this repository.
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
HNP_SOURCE_DIR=${HNP_SOURCE_DIR:-$(cd "$DIR/../.." && pwd)}
export HNP_SOURCE_DIR
if [ $# -eq 0 ]; then
    set -- $(cd "$DIR/cases" && ls *.sh | sed 's/\.sh$//')
fi
pass=0
fail=0
for c in "$@"; do
    if sh "$DIR/cases/$c.sh" </dev/null; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
done
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
