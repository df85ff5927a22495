/* tsv.h -- output formats, TSV escaping, and the sink that output is written through.
 *
 * Escaping in every TSV field: backslash -> \\, tab -> \t, newline -> \n, CR -> \r.
 * Offsets are code points into the normalized text, start inclusive, end exclusive.
 * The writers keep no state; they are thread-safe. */
#ifndef HNP_TSV_H
#define HNP_TSV_H

#include "buffer.h"
#include "common.h"
#include "pipeline.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hnp_format {
    HNP_FMT_TSV = 0,
    HNP_FMT_ENTITIES,
    HNP_FMT_DOCS,
    HNP_FMT_TEXT,
    HNP_FMT_CLEAN,
    HNP_FMT_SENTENCES,
    HNP_FMT_JSONL,
    HNP_FMT_PUBTATOR,
    HNP_FMT_HTML,
    HNP_FMT_REPAIRS
} hnp_format;

/* "tsv" -> HNP_FMT_TSV, ...; HNP_ERR_INVALID for an unknown name. */
hnp_status hnp_format_parse(const char *name, hnp_format *out);
const char *hnp_format_name(hnp_format f);

/* The last stage a format needs (for hnp_pipeline_opts.last_stage): text is the repair
 * stage alone, sentences adds segment, docs and clean add classify, and the formats that
 * show entities need tag. */
hnp_stage hnp_format_stages(hnp_format f);

/* Output flags. */
enum {
    HNP_OUT_NO_HEADER = 1 << 0, /* (for callers) drop the header line */
    HNP_OUT_RECORDS = 1 << 1    /* record mode: text/sentences lines carry the id */
};

/* Writes the format's header line (TSV formats only; nothing for the others). */
hnp_status hnp_write_header(hnp_format f, const hnp_sink *sink);

/* Writes one document. index is the 0-based position of the document in the stream
 * (used for separators between documents). */
hnp_status hnp_write_doc(const hnp_doc *d, hnp_format f, unsigned flags, size_t index,
                         const hnp_sink *sink);

/* Called with each window of a document that hnp_write_windows writes (for counting). */
typedef void (*hnp_window_fn)(void *ctx, const hnp_doc *d);

/* Runs the stages over the document opened on w (hnp_worker_open) window by window and
 * writes it as hnp_write_doc would, with memory bounded by a window. A document of one
 * window comes out exactly as from hnp_write_doc. Of a bigger one, html and jsonl walk the
 * windows once more first (their heads hold the totals) and jsonl once more for its
 * mentions, which follow every sentence. fn (may be NULL) is called once per window of the
 * walk that has the mentions. Output already written stays written on an error. */
hnp_status hnp_write_windows(hnp_worker *w, hnp_format f, unsigned flags, size_t index,
                             const hnp_sink *sink, hnp_window_fn fn, void *ctx);

#ifdef __cplusplus
}
#endif
#endif /* HNP_TSV_H */
