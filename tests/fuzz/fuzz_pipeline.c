/* fuzz_pipeline.c -- the whole pipeline on arbitrary bytes: normalize, segment, classify,
 * tag with the default lexicon, then every output format. The first byte picks the
 * options (repair or not, ICU segmenter or rules, PubTator split) so each path is reached;
 * the rest is the document. Checks the document's invariants: offsets in range and in
 * order, the text NUL-terminated. */
#include "fuzz.h"
#include "hnp/hnp.h"

#include <stdlib.h>
#include <string.h>

/* One pipeline per option set, made on first use and kept (fuzzers run in one process). */
static hnp_pipeline *pipes[4];
static hnp_worker *workers[4];

static void setup(unsigned k)
{
    hnp_pipeline_opts o;
    memset(&o, 0, sizeof o);
    o.normalize.flags = (k & 1) ? HNP_NORM_NO_REPAIR : 0;
    o.segment.flags = (k & 2) ? HNP_SEG_ICU_ONLY : 0;
    o.max_doc_size = 1 << 20;
    if (hnp_lexicon_embedded(&o.default_lexicon) != HNP_OK ||
        hnp_pipeline_create(&o, &pipes[k]) != HNP_OK ||
        hnp_worker_create(pipes[k], &workers[k]) != HNP_OK) {
        abort();
    }
}

static void check_doc(const hnp_doc *d)
{
    if (d->text[d->len] != '\0' || d->cp_len > d->len) {
        abort();
    }
    for (size_t i = 0; i < d->n_sents; i++) {
        const hnp_sentence *s = &d->sents[i];
        if (s->span.start > s->span.end || s->span.end > d->len || s->cp_end > d->cp_len ||
            (i > 0 && s->span.start < d->sents[i - 1].span.end)) {
            abort();
        }
    }
    for (size_t i = 0; i < d->n_mentions; i++) {
        const hnp_doc_mention *m = &d->mentions[i];
        if (m->m.span.start >= m->m.span.end || m->m.span.end > d->len || m->cp_end > d->cp_len ||
            m->m.sent >= d->n_sents) {
            abort();
        }
    }
}

static void render_all(const hnp_doc *d)
{
    hnp_membuf b = {NULL, 0, 0};
    hnp_sink sink = hnp_membuf_sink(&b);
    for (int f = HNP_FMT_TSV; f <= HNP_FMT_HTML; f++) {
        b.len = 0;
        if (hnp_write_header((hnp_format)f, &sink) != HNP_OK ||
            hnp_write_doc(d, (hnp_format)f, HNP_OUT_RECORDS, 1, &sink) != HNP_OK) {
            abort();
        }
    }
    hnp_membuf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    unsigned k = data[0] & 3;
    if (!pipes[k]) {
        setup(k);
    }
    const hnp_doc *d = NULL;
    hnp_status st;
    if (data[0] & 4) { /* PubTator: title up to the first newline, the rest the abstract */
        const uint8_t *nl = memchr(data + 1, '\n', size - 1);
        size_t tlen = nl ? (size_t)(nl - data - 1) : size - 1;
        size_t alen = nl ? size - 2 - tlen : 0;
        st = hnp_worker_process_pubtator(workers[k], "1", data + 1, tlen, nl ? nl + 1 : data, alen,
                                         &d);
    } else {
        st = hnp_worker_process(workers[k], "fuzz", data + 1, size - 1, &d);
    }
    if (st == HNP_OK) {
        check_doc(d);
        render_all(d);
    }
    return 0;
}
