/* tsv_common.c -- the bottom layer of the output stage: what every renderer uses (handing
 * a full buffer to the sink, a document's junk count). */
#include "tsv_internal.h"

#define SPILL_BYTES ((size_t)64 << 10)

hnp_status hnp_out_spill(hnp_membuf *b, const hnp_sink *sink)
{
    if (b->len < SPILL_BYTES) {
        return HNP_OK;
    }
    hnp_status st = sink->write(sink->ctx, b->data, b->len);
    b->len = 0;
    return st;
}

size_t hnp_doc_junk_count(const hnp_doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n_sents; i++) {
        n += hnp_kind_is_junk(d->sents[i].kind) ? 1u : 0u;
    }
    return n;
}
