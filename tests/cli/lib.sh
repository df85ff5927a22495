# Shared set-up for one CLI case (tests/cli/cases/NAME.sh sources this file).
# Gives: H (the hnpipe binary), SRC (the repository), SAMPLE, T (a temp dir removed on exit),
# and the checks bad/expect_rc/has/lacks/run/rc; `finish` ends the case (exit 1 on a failure).
# Needs HNPIPE (the binary) and HNP_SOURCE_DIR (the repo; guessed from the script's place).
set -u
LC_ALL=C
export LC_ALL
H=${HNPIPE:?set HNPIPE to the hnpipe binary}
SRC=${HNP_SOURCE_DIR:-$(cd "$(dirname "$0")/../../.." && pwd)}
SAMPLE=$SRC/corpora/samples/stem-cell-ms.txt
current=$(basename "$0" .sh)
T=$(mktemp -d)
# chmod first: a case may leave read-only directories behind
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 130' INT TERM
case_bad=0

bad() { case_bad=1; echo "FAIL: $current: $*"; }
# expect_rc WANT GOT
expect_rc() { [ "$2" -eq "$1" ] || bad "exit status $2, want $1"; }
has() { grep -q -- "$2" "$1" || bad "$1 lacks '$2'"; }
lacks() { ! grep -q -- "$2" "$1" || bad "$1 has '$2'"; }
run() { "$H" "$@" >"$T/out" 2>"$T/err"; echo $? >"$T/rc"; }
rc() { cat "$T/rc"; }
finish() {
    if [ $case_bad -eq 0 ]; then echo "cli/$current: passed"; else exit 1; fi
}
