#!/bin/sh
# Golden end-to-end test: the sample article against ../shared/samples/stem-cell-ms.expect.
# The project keeps its own copy of the article (corpora/samples/); the .expect file is read
# from ../shared and the test is skipped (exit 77) when it is absent.
set -u
SRC=${HNP_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
SHARED=${HNP_SHARED_DIR:-$SRC/../shared}
EXPECT=$SHARED/samples/stem-cell-ms.expect
if [ ! -f "$EXPECT" ]; then
    echo "golden: skipped: $EXPECT not found (../shared is absent)"
    exit 77
fi
exec python3 "$SRC/tests/golden/check_expect.py" "${HNPIPE:?}" \
    "$SRC/corpora/samples/stem-cell-ms.txt" "$EXPECT" "$SRC/tests/golden/stem-cell-ms.required"
