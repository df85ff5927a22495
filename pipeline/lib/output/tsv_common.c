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

static int windowed(const hnp_doc *d)
{
    return d->window > 0 || d->more;
}

size_t hnp_out_doc_sents(const hnp_doc *d)
{
    return windowed(d) ? d->doc_sents : d->n_sents;
}

size_t hnp_out_doc_junk(const hnp_doc *d)
{
    return windowed(d) ? d->doc_junk : hnp_doc_junk_count(d);
}

hnp_status hnp_out_put_spilled(hnp_membuf *b, const uint8_t *p, size_t n, hnp_out_put_fn put,
                               const hnp_sink *sink)
{
    while (n > 0) {
        size_t k = n < SPILL_BYTES ? n : SPILL_BYTES;
        while (k < n && k > 1 && (p[k] & 0xC0) == 0x80) {
            k--; /* cut between characters */
        }
        HNP_TRY(put(b, p, k));
        HNP_TRY(hnp_out_spill(b, sink));
        p += k;
        n -= k;
    }
    return HNP_OK;
}
