#!/bin/sh
. "$(dirname "$0")/../lib.sh"

run --no-such-option; expect_rc 2 "$(rc)"; has "$T/err" "hnpipe:"
run -f nonsense "$SAMPLE"; expect_rc 2 "$(rc)"; has "$T/err" "unknown format"
run -j 0 "$SAMPLE"; expect_rc 2 "$(rc)"
run --max-doc-size lots "$SAMPLE"; expect_rc 2 "$(rc)"
run --input-format xml "$SAMPLE"; expect_rc 2 "$(rc)"

finish
