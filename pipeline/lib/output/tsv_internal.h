/* tsv_internal.h -- renderers of the structured output formats (tsv_json.c, tsv_html.c,
 * tsv_repairs.c). */
#ifndef HNP_TSV_INTERNAL_H
#define HNP_TSV_INTERNAL_H

#include "base/buf_internal.h"
#include "hnp/tsv.h"

/* Hands what b holds to the sink once it passes 64 KiB, and empties it: renderers call it
 * between rows so a big document's output is never held whole here and again in the sink
 * (tsv_common.c, the bottom layer, with hnp_doc_junk_count). */
hnp_status hnp_out_spill(hnp_membuf *b, const hnp_sink *sink);

/* Appends p[0, n) through put (an escaper) a slice at a time, spilling after each, so a
 * whole document's text is never held escaped. */
typedef hnp_status (*hnp_out_put_fn)(hnp_membuf *b, const uint8_t *p, size_t n);
hnp_status hnp_out_put_spilled(hnp_membuf *b, const uint8_t *p, size_t n, hnp_out_put_fn put,
                               const hnp_sink *sink);

/* The document's sentences and junk sentences: counted in a whole document (one window),
 * the driver's totals in a windowed one (tsv_common.c). */
size_t hnp_out_doc_sents(const hnp_doc *d);
size_t hnp_out_doc_junk(const hnp_doc *d);

/* A document comes whole or in windows (hnp_doc.window, last): each window renders the
 * parts of the format it holds, the opening in the first window and the closing in the
 * last; a whole document renders them all. jsonl lists its mentions after every sentence,
 * so windows render its sentence rows (HNP_PART_ROWS) and then, on a second walk, its
 * mention rows. */
enum {
    HNP_PART_OPEN = 1,     /* what comes before the rows (headers, the text, jsonl's head) */
    HNP_PART_ROWS = 2,     /* the window's rows */
    HNP_PART_MID = 4,      /* jsonl: between the sentence rows and the mention rows */
    HNP_PART_MENTIONS = 8, /* jsonl: the window's mention rows */
    HNP_PART_CLOSE = 16,   /* what comes after the rows (the docs row, closing tags) */
    HNP_PART_ALL = 31
};

/* What a writer carries from window to window of one document. */
typedef struct hnp_out_state {
    size_t repair;                        /* html: the next repair to underline */
    size_t pt_title_end, pt_title_cp_end; /* pubtator: the title (bytes, code points) */
    size_t pt_abs_start, pt_abs_cp_start; /* and where the abstract starts */
} hnp_out_state;

hnp_status hnp_render_jsonl(hnp_membuf *b, const hnp_doc *d, unsigned parts, const hnp_sink *sink);
hnp_status hnp_render_pubtator(hnp_membuf *b, const hnp_doc *d, unsigned parts, hnp_out_state *st,
                               const hnp_sink *sink);
hnp_status hnp_render_html(hnp_membuf *b, const hnp_doc *d, unsigned parts, hnp_out_state *st,
                           const hnp_sink *sink);
hnp_status hnp_render_repairs(hnp_membuf *b, const hnp_doc *d);

#endif /* HNP_TSV_INTERNAL_H */
