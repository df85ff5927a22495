/* tsv_repairs.c -- the repairs format: one row per repair of the normalize stage,
 * `doc start end kind before after`, so that a reader can audit what was changed (what
 * ftfy's explain shows). Offsets are code points into the normalized text; before is the
 * damaged text as it came in, after what replaced it (empty for a dropped character). */
#include "tsv_internal.h"

#include "base/utf8_count.h"

#include <string.h>

/* Code points of text from byte *at up to byte to, added to *cp; *at becomes to. Repairs
 * come in text order, so one forward cursor serves the whole document. */
static void advance(const uint8_t *text, size_t *at, size_t to, size_t *cp)
{
    if (to > *at) {
        *cp += hnp_utf8_count_cps(text + *at, to - *at);
        *at = to;
    }
}

hnp_status hnp_render_repairs(hnp_membuf *b, const hnp_doc *d)
{
    size_t at = 0, cp = 0;
    size_t n = d->repair_list ? d->repairs : 0;
    for (size_t i = 0; i < n; i++) {
        const hnp_repair *r = &d->repair_list[i];
        if (r->span.start < at || r->span.end > d->len) {
            continue; /* cannot happen: repairs are in text order and inside it */
        }
        advance(d->text, &at, r->span.start, &cp);
        size_t cp_start = cp, at_end = at, cp_end = cp;
        advance(d->text, &at_end, r->span.end, &cp_end);
        HNP_TRY(hnp_buf_put_tsv(b, (const uint8_t *)d->id, strlen(d->id)));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_buf_put_uint(b, cp_start));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_buf_put_uint(b, cp_end));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_buf_puts(b, hnp_repair_kind_name(r->kind)));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        if (d->repair_before && r->before.end > r->before.start) {
            HNP_TRY(hnp_buf_put_tsv(b, d->repair_before + r->before.start,
                                    r->before.end - r->before.start));
        }
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_buf_put_tsv(b, d->text + r->span.start, r->span.end - r->span.start));
        HNP_TRY(hnp_buf_putc(b, '\n'));
    }
    return HNP_OK;
}
