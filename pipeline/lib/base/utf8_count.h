/* utf8_count.h -- code points in a run of UTF-8, for the offsets every format writes in
 * code points (the driver's sentence and mention offsets, the output's PubTator title and
 * repair offsets): one counter, sixteen bytes at a time where SSE2 is there. Internal. */
#ifndef HNP_BASE_UTF8_COUNT_H
#define HNP_BASE_UTF8_COUNT_H

#include <stddef.h>
#include <stdint.h>

/* The code points that start in [p, p + n): the bytes that are not UTF-8 continuation
 * bytes (10xxxxxx), so invalid bytes count one each, as everywhere else in hnpipe. */
size_t hnp_utf8_count_cps(const uint8_t *p, size_t n);

#endif /* HNP_BASE_UTF8_COUNT_H */
