/* tsv_json.c -- the jsonl and pubtator output formats. */
#include "tsv_internal.h"

#include "base/utf8_count.h"

#include <string.h>

static hnp_status json_str(hnp_membuf *b, const char *key, const uint8_t *p, size_t n)
{
    HNP_TRY(hnp_buf_printf(b, "\"%s\":", key));
    if (!p) {
        return hnp_buf_puts(b, "null");
    }
    HNP_TRY(hnp_buf_putc(b, '"'));
    HNP_TRY(hnp_buf_put_json(b, p, n));
    return hnp_buf_putc(b, '"');
}

static hnp_status json_cstr(hnp_membuf *b, const char *key, const char *s)
{
    return json_str(b, key, (const uint8_t *)s, s ? strlen(s) : 0);
}

static hnp_status json_sentences(hnp_membuf *b, const hnp_doc *d, const hnp_sink *sink)
{
    for (size_t i = 0; i < d->n_sents; i++) {
        const hnp_sentence *s = &d->sents[i];
        size_t si = d->first_sent + i;
        HNP_TRY(hnp_buf_printf(b, "%s{\"sent\":%zu,\"start\":%zu,\"end\":%zu,", si ? "," : "",
                               si + 1, s->cp_start, s->cp_end));
        HNP_TRY(hnp_buf_printf(b, "\"kind\":\"%s\",\"score\":", hnp_kind_name(s->kind)));
        HNP_TRY(hnp_buf_put_score(b, s->score));
        HNP_TRY(hnp_buf_putc(b, ','));
        HNP_TRY(json_cstr(b, "reason", s->reason));
        HNP_TRY(hnp_buf_putc(b, ','));
        HNP_TRY(json_str(b, "text", d->text + s->span.start, s->span.end - s->span.start));
        HNP_TRY(hnp_buf_putc(b, '}'));
        HNP_TRY(hnp_out_spill(b, sink));
    }
    return HNP_OK;
}

static hnp_status json_entities(hnp_membuf *b, const hnp_doc *d, const hnp_sink *sink)
{
    for (size_t i = 0; i < d->n_mentions; i++) {
        const hnp_doc_mention *m = &d->mentions[i];
        HNP_TRY(hnp_buf_printf(b, "%s{\"sent\":%zu,\"start\":%zu,\"end\":%zu,\"label\":\"%s\",",
                               d->first_mention + i ? "," : "", m->m.sent + 1, m->cp_start,
                               m->cp_end, hnp_label_name(m->m.label)));
        HNP_TRY(json_cstr(b, "id", m->m.id));
        HNP_TRY(hnp_buf_putc(b, ','));
        HNP_TRY(json_cstr(b, "name", m->m.name));
        HNP_TRY(hnp_buf_putc(b, ','));
        HNP_TRY(json_str(b, "text", d->text + m->m.span.start, m->m.span.end - m->m.span.start));
        HNP_TRY(hnp_buf_putc(b, '}'));
        HNP_TRY(hnp_out_spill(b, sink));
    }
    return HNP_OK;
}

/* The object up to its sentence list: the document's fields, totals and text. */
static hnp_status json_head(hnp_membuf *b, const hnp_doc *d, const hnp_sink *sink)
{
    HNP_TRY(hnp_buf_putc(b, '{'));
    HNP_TRY(hnp_buf_puts(b, "\"doc\":\""));
    HNP_TRY(hnp_buf_put_json_id(b, (const uint8_t *)d->id, strlen(d->id)));
    HNP_TRY(hnp_buf_putc(b, '"'));
    HNP_TRY(hnp_buf_putc(b, ','));
    HNP_TRY(json_cstr(b, "encoding", d->encoding));
    HNP_TRY(hnp_buf_printf(b, ",\"repairs\":%zu,\"junk_sentences\":%zu,", d->repairs,
                           hnp_out_doc_junk(d)));
    HNP_TRY(json_cstr(b, "title", d->meta.title));
    HNP_TRY(hnp_buf_putc(b, ','));
    HNP_TRY(json_cstr(b, "date", d->meta.date));
    HNP_TRY(hnp_buf_putc(b, ','));
    HNP_TRY(json_cstr(b, "source", d->meta.source));
    HNP_TRY(hnp_buf_putc(b, ','));
    HNP_TRY(json_cstr(b, "lang", d->meta.lang[0] ? d->meta.lang : NULL));
    HNP_TRY(hnp_buf_putc(b, ','));
    HNP_TRY(hnp_buf_puts(b, "\"text\":\""));
    HNP_TRY(hnp_out_put_spilled(b, d->text, d->len, hnp_buf_put_json, sink));
    HNP_TRY(hnp_buf_putc(b, '"'));
    HNP_TRY(hnp_buf_putc(b, ','));
    HNP_TRY(hnp_out_spill(b, sink));
    return hnp_buf_puts(b, "\"sentences\":[");
}

hnp_status hnp_render_jsonl(hnp_membuf *b, const hnp_doc *d, unsigned parts, const hnp_sink *sink)
{
    if (parts & HNP_PART_OPEN) {
        HNP_TRY(json_head(b, d, sink));
    }
    if (parts & HNP_PART_ROWS) {
        HNP_TRY(json_sentences(b, d, sink));
    }
    if (parts & HNP_PART_MID) {
        HNP_TRY(hnp_buf_puts(b, "],\"entities\":["));
    }
    if (parts & HNP_PART_MENTIONS) {
        HNP_TRY(json_entities(b, d, sink));
    }
    return (parts & HNP_PART_CLOSE) ? hnp_buf_puts(b, "]}\n") : HNP_OK;
}

/* ---- PubTator ----------------------------------------------------------------------------
 * PubTator's text is title + " " + abstract. For a PubTator input the document is title "\n"
 * abstract, so the split is exact. Otherwise the title is the first sentence when it was
 * classified a title, and the abstract is the rest (from the next sentence on). Tabs and
 * newlines inside a part become spaces: one code point each, so offsets still hold. */

/* Where the abstract starts when the title is the first sentence: at the second sentence;
 * in a first window of one sentence (a long one cut into pieces), after the spaces. */
static void abstract_after_title(const hnp_doc *d, hnp_out_state *s)
{
    if (d->n_sents > 1) {
        s->pt_abs_start = d->sents[1].span.start;
        s->pt_abs_cp_start = d->sents[1].cp_start;
        return;
    }
    size_t k = d->sents[0].span.end;
    while (!!d->more && k < d->len && (d->text[k] == ' ' || d->text[k] == '\n')) {
        k++;
    }
    s->pt_abs_start = !d->more ? d->len : k;
    s->pt_abs_cp_start = !d->more ? d->cp_len : d->sents[0].cp_end + (k - d->sents[0].span.end);
}

static void pubtator_split(const hnp_doc *d, hnp_out_state *s)
{
    s->pt_title_end = s->pt_abs_start = s->pt_title_cp_end = s->pt_abs_cp_start = 0;
    if (d->title_len != (size_t)-1 && d->title_len < d->len) {
        s->pt_title_end = d->title_len;
        s->pt_abs_start = d->title_len + 1;
        s->pt_title_cp_end = hnp_utf8_count_cps(d->text, d->title_len);
        s->pt_abs_cp_start = s->pt_title_cp_end + 1;
        return;
    }
    if (d->n_sents > 0 && d->sents[0].kind == HNP_KIND_TITLE) {
        s->pt_title_end = d->sents[0].span.end;
        s->pt_title_cp_end = d->sents[0].cp_end;
        abstract_after_title(d, s);
    } else if (d->n_sents > 0) {
        s->pt_abs_start = d->sents[0].span.start;
        s->pt_abs_cp_start = d->sents[0].cp_start;
    }
}

static hnp_status put_flat(hnp_membuf *b, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        HNP_TRY(hnp_buf_putc(b, (p[i] == '\n' || p[i] == '\t' || p[i] == '\r') ? ' ' : (char)p[i]));
    }
    return HNP_OK;
}

static const char *pubtator_type(hnp_entity_label l)
{
    switch (l) {
    case HNP_LABEL_CONDITION:
        return "Disease";
    case HNP_LABEL_DRUG:
        return "Chemical";
    case HNP_LABEL_TRIAL:
    case HNP_LABEL_PROCEDURE:
        break;
    }
    return hnp_label_name(l);
}

static hnp_status put_pubtator_id(hnp_membuf *b, const hnp_doc *d, const char *before,
                                  const char *after)
{
    HNP_TRY(hnp_buf_puts(b, before));
    HNP_TRY(hnp_buf_put_pubtator_id(b, (const uint8_t *)d->id, strlen(d->id)));
    return hnp_buf_puts(b, after);
}

/* The title and abstract lines (the split is kept in s for the mention rows). */
static hnp_status pubtator_text(hnp_membuf *b, const hnp_doc *d, hnp_out_state *s,
                                const hnp_sink *sink)
{
    pubtator_split(d, s);
    size_t abs_end = d->len;
    while (abs_end > s->pt_abs_start && d->text[abs_end - 1] == '\n') {
        abs_end--; /* a trailing newline is not part of the abstract */
    }
    HNP_TRY(put_pubtator_id(b, d, "", "|t|"));
    HNP_TRY(put_flat(b, d->text, s->pt_title_end));
    HNP_TRY(put_pubtator_id(b, d, "\n", "|a|"));
    if (abs_end > s->pt_abs_start) {
        HNP_TRY(hnp_out_put_spilled(b, d->text + s->pt_abs_start, abs_end - s->pt_abs_start,
                                    put_flat, sink));
    }
    HNP_TRY(hnp_buf_putc(b, '\n'));
    return hnp_out_spill(b, sink);
}

hnp_status hnp_render_pubtator(hnp_membuf *b, const hnp_doc *d, unsigned parts, hnp_out_state *s,
                               const hnp_sink *sink)
{
    if (parts & HNP_PART_OPEN) {
        HNP_TRY(pubtator_text(b, d, s, sink));
    }
    for (size_t i = 0; (parts & HNP_PART_ROWS) && i < d->n_mentions; i++) {
        const hnp_doc_mention *m = &d->mentions[i];
        size_t start = m->cp_start, end = m->cp_end;
        if (start >= s->pt_abs_cp_start) { /* re-base onto title + " " + abstract */
            start = start - s->pt_abs_cp_start + s->pt_title_cp_end + 1;
            end = end - s->pt_abs_cp_start + s->pt_title_cp_end + 1;
        }
        HNP_TRY(put_pubtator_id(b, d, "", ""));
        HNP_TRY(hnp_buf_printf(b, "\t%zu\t%zu\t", start, end));
        HNP_TRY(put_flat(b, d->text + m->m.span.start, m->m.span.end - m->m.span.start));
        HNP_TRY(hnp_buf_printf(b, "\t%s\t%s\n", pubtator_type(m->m.label),
                               m->m.id && *m->m.id ? m->m.id : "-"));
        HNP_TRY(hnp_out_spill(b, sink));
    }
    return (parts & HNP_PART_CLOSE) ? hnp_buf_putc(b, '\n') : HNP_OK;
}
