/* segment.c -- STUB: one sentence per line; replaced by the real stage. */
#include "hnp/segment.h"

#include <stdlib.h>

struct hnp_segmenter {
    unsigned flags;
};

hnp_status hnp_segmenter_create(const hnp_segment_opts *opts, hnp_segmenter **out)
{
    hnp_segmenter *s = calloc(1, sizeof *s);
    if (!s) {
        return HNP_ERR_NOMEM;
    }
    s->flags = opts ? opts->flags : 0;
    *out = s;
    return HNP_OK;
}

void hnp_segmenter_free(hnp_segmenter *s)
{
    free(s);
}

hnp_status hnp_segment(hnp_segmenter *s, const uint8_t *text, size_t len, hnp_span *spans,
                       size_t cap, size_t *n_out)
{
    (void)s;
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || text[i] == '\n') {
            if (i > start) {
                if (n < cap) {
                    spans[n].start = start;
                    spans[n].end = i;
                }
                n++;
            }
            start = i + 1;
        }
    }
    *n_out = n;
    return n > cap ? HNP_ERR_TOOSMALL : HNP_OK;
}
