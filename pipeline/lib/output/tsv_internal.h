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

hnp_status hnp_render_jsonl(hnp_membuf *b, const hnp_doc *d, const hnp_sink *sink);
hnp_status hnp_render_pubtator(hnp_membuf *b, const hnp_doc *d, const hnp_sink *sink);
hnp_status hnp_render_html(hnp_membuf *b, const hnp_doc *d, const hnp_sink *sink);
hnp_status hnp_render_repairs(hnp_membuf *b, const hnp_doc *d);

#endif /* HNP_TSV_INTERNAL_H */
