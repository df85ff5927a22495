/* tsv_html.c -- the html output format: one self-contained annotated page per document.
 * Junk sentences are struck through with their reason, mentions highlighted by label. */
#include "tsv_internal.h"

#include <string.h>

static const char html_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>";
static const char html_style[] =
    "</title><style>body{font:16px/1.5 Georgia,serif;max-width:50em;margin:2em auto}"
    ".junk{text-decoration:line-through;color:#888}.junk::after{content:\" [\" attr(data-reason) "
    "\"]\";font:12px monospace;color:#b00}.title{font-weight:bold;font-size:1.3em}"
    ".meta{color:#555;font-style:italic}mark{padding:0 2px;border-radius:3px}"
    ".DRUG{background:#cde}.CONDITION{background:#fdc}.TRIAL{background:#dfd}"
    ".PROCEDURE{background:#eef}u.repair{text-decoration:underline wavy #06c}"
    "dl{font:13px monospace}</style></head><body>\n";

static hnp_status html_meta(hnp_membuf *b, const hnp_doc *d)
{
    HNP_TRY(hnp_buf_puts(b, "<dl><dt>document</dt><dd>"));
    HNP_TRY(hnp_buf_put_html_id(b, (const uint8_t *)d->id, strlen(d->id)));
    HNP_TRY(hnp_buf_puts(b, "</dd><dt>encoding</dt><dd>"));
    HNP_TRY(hnp_buf_puts(b, d->encoding ? d->encoding : "-"));
    HNP_TRY(hnp_buf_printf(b,
                           "</dd><dt>repairs</dt><dd>%zu</dd><dt>sentences</dt><dd>%zu (%zu junk)"
                           "</dd></dl>\n",
                           d->repairs, hnp_out_doc_sents(d), hnp_out_doc_junk(d)));
    return HNP_OK;
}

/* <u> with the repair's kind and what it replaced as its title ("lost-byte: â€"). */
static hnp_status put_repair_open(hnp_membuf *b, const hnp_doc *d, const hnp_repair *r)
{
    HNP_TRY(hnp_buf_puts(b, "<u class=\"repair "));
    HNP_TRY(hnp_buf_puts(b, hnp_repair_kind_name(r->kind)));
    HNP_TRY(hnp_buf_puts(b, "\" title=\""));
    HNP_TRY(hnp_buf_puts(b, hnp_repair_kind_name(r->kind)));
    if (d->repair_before && r->before.end > r->before.start) {
        HNP_TRY(hnp_buf_puts(b, ": "));
        HNP_TRY(hnp_buf_put_html(b, d->repair_before + r->before.start,
                                 r->before.end - r->before.start));
    }
    return hnp_buf_puts(b, "\">");
}

/* Text from..to with the repairs that fall inside it underlined. Repairs are in text order;
 * *r is a cursor over them shared by the whole document. */
static hnp_status html_text(hnp_membuf *b, const hnp_doc *d, size_t from, size_t to, size_t *r)
{
    size_t n = d->repair_list ? d->repairs : 0;
    while (*r < n && d->repair_list[*r].span.end <= from) {
        (*r)++;
    }
    size_t at = from;
    for (size_t i = *r; i < n && d->repair_list[i].span.start < to; i++) {
        hnp_span sp = d->repair_list[i].span;
        if (sp.start < at || sp.end > to || sp.start == sp.end) {
            continue; /* straddles a mark or sentence edge, or a dropped character */
        }
        HNP_TRY(hnp_buf_put_html(b, d->text + at, sp.start - at));
        HNP_TRY(put_repair_open(b, d, &d->repair_list[i]));
        HNP_TRY(hnp_buf_put_html(b, d->text + sp.start, sp.end - sp.start));
        HNP_TRY(hnp_buf_puts(b, "</u>"));
        at = sp.end;
    }
    return hnp_buf_put_html(b, d->text + at, to - at);
}

/* Renders the window's sentence i, wrapping its mentions (cursor *m, document order) in
 * <mark>. */
static hnp_status html_sentence(hnp_membuf *b, const hnp_doc *d, size_t i, size_t *m, size_t *r)
{
    const hnp_sentence *s = &d->sents[i];
    size_t si = d->first_sent + i;
    const char *kind = hnp_kind_name(s->kind);
    if (hnp_kind_is_junk(s->kind)) {
        HNP_TRY(hnp_buf_printf(b, "<span class=\"junk %s\" data-reason=\"%s %.2f\">", kind,
                               s->reason, (double)s->score));
    } else {
        HNP_TRY(hnp_buf_printf(b, "<span class=\"%s\">", kind));
    }
    size_t at = s->span.start;
    while (*m < d->n_mentions && d->mentions[*m].m.sent == si) {
        const hnp_mention *mm = &d->mentions[(*m)++].m;
        HNP_TRY(html_text(b, d, at, mm->span.start, r));
        HNP_TRY(hnp_buf_printf(b, "<mark class=\"%s\" title=\"%s ", hnp_label_name(mm->label),
                               hnp_label_name(mm->label)));
        HNP_TRY(hnp_buf_put_html(b, (const uint8_t *)mm->id, strlen(mm->id)));
        HNP_TRY(hnp_buf_putc(b, ' '));
        HNP_TRY(hnp_buf_put_html(b, (const uint8_t *)mm->name, strlen(mm->name)));
        HNP_TRY(hnp_buf_puts(b, "\">"));
        HNP_TRY(hnp_buf_put_html(b, d->text + mm->span.start, mm->span.end - mm->span.start));
        HNP_TRY(hnp_buf_puts(b, "</mark>"));
        at = mm->span.end;
    }
    HNP_TRY(html_text(b, d, at, s->span.end, r));
    return hnp_buf_puts(b, "</span>");
}

static hnp_status html_open(hnp_membuf *b, const hnp_doc *d)
{
    HNP_TRY(hnp_buf_puts(b, html_head));
    if (d->meta.title) {
        HNP_TRY(hnp_buf_put_html(b, (const uint8_t *)d->meta.title, strlen(d->meta.title)));
    } else {
        HNP_TRY(hnp_buf_put_html_id(b, (const uint8_t *)d->id, strlen(d->id)));
    }
    HNP_TRY(hnp_buf_puts(b, html_style));
    HNP_TRY(html_meta(b, d));
    return hnp_buf_puts(b, "<p>");
}

hnp_status hnp_render_html(hnp_membuf *b, const hnp_doc *d, unsigned parts, hnp_out_state *st,
                           const hnp_sink *sink)
{
    if (parts & HNP_PART_OPEN) {
        HNP_TRY(html_open(b, d));
    }
    size_t m = 0;
    for (size_t i = 0; (parts & HNP_PART_ROWS) && i < d->n_sents; i++) {
        size_t prev = i > 0 ? d->sents[i - 1].span.end : d->prev_end;
        if (prev != 0) {
            const uint8_t *gap = d->text + prev;
            size_t gap_len = d->sents[i].span.start - prev;
            HNP_TRY(hnp_buf_puts(b, memchr(gap, '\n', gap_len) ? "</p>\n<p>" : " "));
        }
        HNP_TRY(html_sentence(b, d, i, &m, &st->repair));
        HNP_TRY(hnp_out_spill(b, sink));
    }
    return (parts & HNP_PART_CLOSE) ? hnp_buf_puts(b, "</p>\n</body></html>\n") : HNP_OK;
}
