/* buf_internal.h -- growable byte buffer helpers over the public hnp_membuf. */
#ifndef HNP_BUF_INTERNAL_H
#define HNP_BUF_INTERNAL_H

#include "hnp/buffer.h"

#include <stdarg.h>

/* Makes room for extra more bytes (greedy doubling). */
hnp_status hnp_buf_reserve(hnp_membuf *b, size_t extra);
hnp_status hnp_buf_put(hnp_membuf *b, const void *p, size_t n);
hnp_status hnp_buf_puts(hnp_membuf *b, const char *s);
/* hnp_buf_putc when the buffer is full: grows it, then appends c. */
hnp_status hnp_buf_putc_grow(hnp_membuf *b, char c);
/* Inline: the writers append a separator or a quote per field and per token. */
static inline hnp_status hnp_buf_putc(hnp_membuf *b, char c)
{
    if (b->len < b->cap) {
        b->data[b->len++] = (uint8_t)c;
        return HNP_OK;
    }
    return hnp_buf_putc_grow(b, c);
}
hnp_status hnp_buf_printf(hnp_membuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends n bytes escaped for a TSV field. */
hnp_status hnp_buf_put_tsv(hnp_membuf *b, const uint8_t *p, size_t n);
/* Appends v in decimal, as printf's %zu. */
hnp_status hnp_buf_put_uint(hnp_membuf *b, size_t v);
/* Appends v as printf's %.3f of (double)v writes it, without printf for 0 <= v <= 1. */
hnp_status hnp_buf_put_score(hnp_membuf *b, float v);
/* Appends n bytes as the inside of a JSON string (no quotes). */
hnp_status hnp_buf_put_json(hnp_membuf *b, const uint8_t *p, size_t n);
/* Appends n bytes escaped for HTML text. */
hnp_status hnp_buf_put_html(hnp_membuf *b, const uint8_t *p, size_t n);

/* Document ids come from file names and input records, so they may hold bytes that are not
 * UTF-8 (the text never does: it is normalized). These write an id as a field of TSV,
 * PubTator (TSV's escapes and | as \x7c), JSON or HTML, each byte that is not part of
 * well-formed UTF-8 as \xNN -- after U+FFFD in JSON and HTML, whose documents must be
 * UTF-8. \ is \\ in TSV, so \xNN is never ambiguous there and reads back (--records). */
hnp_status hnp_buf_put_tsv_id(hnp_membuf *b, const uint8_t *p, size_t n);
hnp_status hnp_buf_put_pubtator_id(hnp_membuf *b, const uint8_t *p, size_t n);
hnp_status hnp_buf_put_json_id(hnp_membuf *b, const uint8_t *p, size_t n);
hnp_status hnp_buf_put_html_id(hnp_membuf *b, const uint8_t *p, size_t n);

#endif /* HNP_BUF_INTERNAL_H */
