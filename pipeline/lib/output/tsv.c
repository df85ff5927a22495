/* tsv.c -- the output formats. Each writer renders one document into a memory buffer and
 * hands it to the sink. The row formats (tsv, entities, sentences; jsonl, pubtator and html
 * per sentence or mention) hand it over every SPILL_BYTES, so a big document's output is never held
 * twice (here and in the sink's own buffer); the CLI still flushes per document.
 *
 * The files are one-way layers: this entry file calls the renderers (tsv_json.c,
 * tsv_html.c, tsv_repairs.c), and every file may call tsv_common.c (spilling, document
 * counts) at the bottom; nothing calls back up. */
#include "hnp/tsv.h"

#include "tsv_internal.h"

#include <string.h>

static const char *const format_names[] = {"tsv",       "entities", "docs",     "text", "clean",
                                           "sentences", "jsonl",    "pubtator", "html", "repairs"};
#define N_FORMATS (sizeof format_names / sizeof format_names[0])

hnp_status hnp_format_parse(const char *name, hnp_format *out)
{
    for (size_t i = 0; i < N_FORMATS; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *out = (hnp_format)i;
            return HNP_OK;
        }
    }
    return HNP_ERR_INVALID;
}

const char *hnp_format_name(hnp_format f)
{
    return (size_t)f < N_FORMATS ? format_names[f] : "?";
}

hnp_stage hnp_format_stages(hnp_format f)
{
    switch (f) {
    case HNP_FMT_TEXT:
    case HNP_FMT_REPAIRS:
        return HNP_STAGE_NORMALIZE;
    case HNP_FMT_SENTENCES:
        return HNP_STAGE_SEGMENT;
    case HNP_FMT_DOCS:
    case HNP_FMT_CLEAN:
        return HNP_STAGE_CLASSIFY;
    case HNP_FMT_TSV:
    case HNP_FMT_ENTITIES:
    case HNP_FMT_JSONL:
    case HNP_FMT_PUBTATOR:
    case HNP_FMT_HTML:
        break;
    }
    return HNP_STAGE_TAG;
}

hnp_status hnp_write_header(hnp_format f, const hnp_sink *sink)
{
    const char *h = NULL;
    switch (f) {
    case HNP_FMT_TSV:
        h = "doc\tsent\tstart\tend\tkind\tscore\treason\tentities\ttext\n";
        break;
    case HNP_FMT_ENTITIES:
        h = "doc\tsent\tstart\tend\tlabel\tid\tname\tsurface\n";
        break;
    case HNP_FMT_DOCS:
        h = "doc\tencoding\trepairs\tsentences\tjunk_sentences\ttitle\tdate\tsource\tlang\n";
        break;
    case HNP_FMT_REPAIRS:
        h = "doc\tstart\tend\tkind\tbefore\tafter\n";
        break;
    case HNP_FMT_TEXT:
    case HNP_FMT_CLEAN:
    case HNP_FMT_SENTENCES:
    case HNP_FMT_JSONL:
    case HNP_FMT_PUBTATOR:
    case HNP_FMT_HTML:
        return HNP_OK;
    }
    return h ? sink->write(sink->ctx, h, strlen(h)) : HNP_ERR_INVALID;
}

static hnp_status put_id(hnp_membuf *b, const hnp_doc *d)
{
    return hnp_buf_put_tsv_id(b, (const uint8_t *)d->id, strlen(d->id));
}

/* The document's id as put_id writes it, kept after the first row of a document: every row
 * starts with it, and checking and escaping it again cost more than the rest of the row's
 * numbers (render_tsv, render_entities). An id longer than s is written each time. */
typedef struct id_cache {
    char s[128];
    size_t n;
    int have;
} id_cache;

static hnp_status put_id_cached(hnp_membuf *b, const hnp_doc *d, id_cache *c)
{
    if (c->have) {
        return hnp_buf_put(b, c->s, c->n);
    }
    size_t at = b->len;
    HNP_TRY(put_id(b, d));
    size_t n = b->len - at;
    if (n <= sizeof c->s) {
        memcpy(c->s, b->data + at, n);
        c->n = n;
        c->have = 1;
    }
    return HNP_OK;
}

static hnp_status put_str_or_dash(hnp_membuf *b, const char *s)
{
    if (!s || !*s) {
        return hnp_buf_putc(b, '-');
    }
    return hnp_buf_put_tsv(b, (const uint8_t *)s, strlen(s));
}

/* "\tA\tB\tC": the number columns of a row, without printf (the hot path of -f tsv). */
static hnp_status put_tab_uints(hnp_membuf *b, size_t x, size_t y, size_t z)
{
    HNP_TRY(hnp_buf_putc(b, '\t'));
    HNP_TRY(hnp_buf_put_uint(b, x));
    HNP_TRY(hnp_buf_putc(b, '\t'));
    HNP_TRY(hnp_buf_put_uint(b, y));
    HNP_TRY(hnp_buf_putc(b, '\t'));
    return hnp_buf_put_uint(b, z);
}

/* The entities column of one sentence: mentions are in document order, so the caller keeps
 * a cursor *m and this consumes the mentions that lie in sentence si. */
static hnp_status put_sentence_entities(hnp_membuf *b, const hnp_doc *d, size_t si, size_t *m)
{
    size_t written = 0;
    while (*m < d->n_mentions && d->mentions[*m].m.sent <= si) {
        const hnp_doc_mention *dm = &d->mentions[(*m)++];
        if (dm->m.sent != si) {
            continue;
        }
        if (written) {
            HNP_TRY(hnp_buf_putc(b, ';'));
        }
        HNP_TRY(hnp_buf_puts(b, hnp_label_name(dm->m.label)));
        HNP_TRY(hnp_buf_putc(b, '|'));
        HNP_TRY(hnp_buf_put_uint(b, dm->cp_start));
        HNP_TRY(hnp_buf_putc(b, '|'));
        HNP_TRY(hnp_buf_put_uint(b, dm->cp_end));
        HNP_TRY(hnp_buf_putc(b, '|'));
        HNP_TRY(put_str_or_dash(b, dm->m.id));
        written++;
    }
    return written ? HNP_OK : hnp_buf_putc(b, '-');
}

static hnp_status render_tsv(hnp_membuf *b, const hnp_doc *d, const hnp_sink *sink)
{
    size_t m = 0;
    id_cache id = {{0}, 0, 0};
    for (size_t i = 0; i < d->n_sents; i++) {
        const hnp_sentence *s = &d->sents[i];
        size_t si = d->first_sent + i;
        HNP_TRY(put_id_cached(b, d, &id));
        HNP_TRY(put_tab_uints(b, si + 1, s->cp_start, s->cp_end));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_buf_puts(b, hnp_kind_name(s->kind)));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_buf_put_score(b, s->score));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_buf_puts(b, s->reason));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(put_sentence_entities(b, d, si, &m));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_buf_put_tsv(b, d->text + s->span.start, s->span.end - s->span.start));
        HNP_TRY(hnp_buf_putc(b, '\n'));
        HNP_TRY(hnp_out_spill(b, sink));
    }
    return HNP_OK;
}

static hnp_status render_entities(hnp_membuf *b, const hnp_doc *d, const hnp_sink *sink)
{
    id_cache id = {{0}, 0, 0};
    for (size_t i = 0; i < d->n_mentions; i++) {
        const hnp_doc_mention *dm = &d->mentions[i];
        HNP_TRY(put_id_cached(b, d, &id));
        HNP_TRY(put_tab_uints(b, dm->m.sent + 1, dm->cp_start, dm->cp_end));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_buf_puts(b, hnp_label_name(dm->m.label)));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(put_str_or_dash(b, dm->m.id));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(put_str_or_dash(b, dm->m.name));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_buf_put_tsv(b, d->text + dm->m.span.start, dm->m.span.end - dm->m.span.start));
        HNP_TRY(hnp_buf_putc(b, '\n'));
        HNP_TRY(hnp_out_spill(b, sink));
    }
    return HNP_OK;
}

static hnp_status render_docs(hnp_membuf *b, const hnp_doc *d)
{
    HNP_TRY(put_id(b, d));
    HNP_TRY(hnp_buf_putc(b, '\t'));
    HNP_TRY(put_str_or_dash(b, d->encoding));
    HNP_TRY(hnp_buf_printf(b, "\t%zu\t%zu\t%zu\t", d->repairs, hnp_out_doc_sents(d),
                           hnp_out_doc_junk(d)));
    HNP_TRY(put_str_or_dash(b, d->meta.title));
    HNP_TRY(hnp_buf_putc(b, '\t'));
    HNP_TRY(put_str_or_dash(b, d->meta.date));
    HNP_TRY(hnp_buf_putc(b, '\t'));
    HNP_TRY(put_str_or_dash(b, d->meta.source));
    HNP_TRY(hnp_buf_putc(b, '\t'));
    HNP_TRY(put_str_or_dash(b, d->meta.lang[0] ? d->meta.lang : NULL));
    return hnp_buf_putc(b, '\n');
}

static hnp_status render_text(hnp_membuf *b, const hnp_doc *d, unsigned flags, const hnp_sink *sink)
{
    if (flags & HNP_OUT_RECORDS) {
        HNP_TRY(put_id(b, d));
        HNP_TRY(hnp_buf_putc(b, '\t'));
        HNP_TRY(hnp_out_put_spilled(b, d->text, d->len, hnp_buf_put_tsv, sink));
        return hnp_buf_putc(b, '\n');
    }
    /* The text goes to the sink as it is, not through a copy. */
    if (d->len) {
        HNP_TRY(sink->write(sink->ctx, d->text, d->len));
    }
    /* Documents are concatenated on one stream: keep each one on lines of its own. */
    if (d->len && d->text[d->len - 1] != '\n') {
        HNP_TRY(hnp_buf_putc(b, '\n'));
    }
    return HNP_OK;
}

/* Text of the clean output, escaped in record mode (piece by piece, as a whole would be). */
static hnp_status put_clean(hnp_membuf *b, const uint8_t *p, size_t n, unsigned flags)
{
    return (flags & HNP_OUT_RECORDS) ? hnp_buf_put_tsv(b, p, n) : hnp_buf_put(b, p, n);
}

/* The article without junk: kept sentences, separated by a newline where the original
 * had one between them (paragraphs survive) and by a space otherwise. */
static hnp_status render_clean_rows(hnp_membuf *b, const hnp_doc *d, unsigned flags,
                                    const hnp_sink *sink)
{
    size_t prev_end = d->prev_kept_end;
    for (size_t i = 0; i < d->n_sents; i++) {
        const hnp_sentence *s = &d->sents[i];
        if (hnp_kind_is_junk(s->kind)) {
            continue;
        }
        if (prev_end != 0) {
            const uint8_t *gap = d->text + prev_end;
            size_t gap_len = s->span.start - prev_end;
            HNP_TRY(put_clean(
                b, memchr(gap, '\n', gap_len) ? (const uint8_t *)"\n" : (const uint8_t *)" ", 1,
                flags));
        }
        HNP_TRY(put_clean(b, d->text + s->span.start, s->span.end - s->span.start, flags));
        HNP_TRY(hnp_out_spill(b, sink));
        prev_end = s->span.end;
    }
    return HNP_OK;
}

static hnp_status render_clean(hnp_membuf *b, const hnp_doc *d, unsigned flags, unsigned parts,
                               const hnp_sink *sink)
{
    if ((parts & HNP_PART_OPEN) && (flags & HNP_OUT_RECORDS)) {
        HNP_TRY(put_id(b, d));
        HNP_TRY(hnp_buf_putc(b, '\t'));
    }
    if (parts & HNP_PART_ROWS) {
        HNP_TRY(render_clean_rows(b, d, flags, sink));
    }
    return (parts & HNP_PART_CLOSE) ? hnp_buf_putc(b, '\n') : HNP_OK;
}

static hnp_status render_sentences(hnp_membuf *b, const hnp_doc *d, unsigned flags, size_t index,
                                   unsigned parts, const hnp_sink *sink)
{
    int records = (flags & HNP_OUT_RECORDS) != 0;
    if (!records && index > 0 && (parts & HNP_PART_OPEN)) {
        HNP_TRY(hnp_buf_putc(b, '\n'));
    }
    for (size_t i = 0; (parts & HNP_PART_ROWS) && i < d->n_sents; i++) {
        const hnp_sentence *s = &d->sents[i];
        if (records) {
            HNP_TRY(put_id(b, d));
            HNP_TRY(hnp_buf_putc(b, '\t'));
            HNP_TRY(hnp_buf_put_uint(b, d->first_sent + i + 1));
            HNP_TRY(hnp_buf_putc(b, '\t'));
        }
        HNP_TRY(hnp_buf_put_tsv(b, d->text + s->span.start, s->span.end - s->span.start));
        HNP_TRY(hnp_buf_putc(b, '\n'));
        HNP_TRY(hnp_out_spill(b, sink));
    }
    return HNP_OK;
}

/* The parts of format f that d holds. The formats of the whole text (text, repairs) write
 * it with the opening; the row formats write their rows as they come. */
static hnp_status render(hnp_membuf *b, const hnp_doc *d, hnp_format f, unsigned flags,
                         size_t index, unsigned parts, hnp_out_state *st, const hnp_sink *sink)
{
    int rows = (parts & HNP_PART_ROWS) != 0;
    switch (f) {
    case HNP_FMT_TSV:
        return rows ? render_tsv(b, d, sink) : HNP_OK;
    case HNP_FMT_ENTITIES:
        return rows ? render_entities(b, d, sink) : HNP_OK;
    case HNP_FMT_DOCS:
        return (parts & HNP_PART_CLOSE) ? render_docs(b, d) : HNP_OK;
    case HNP_FMT_TEXT:
        return (parts & HNP_PART_OPEN) ? render_text(b, d, flags, sink) : HNP_OK;
    case HNP_FMT_CLEAN:
        return render_clean(b, d, flags, parts, sink);
    case HNP_FMT_SENTENCES:
        return render_sentences(b, d, flags, index, parts, sink);
    case HNP_FMT_JSONL:
        return hnp_render_jsonl(b, d, parts, sink);
    case HNP_FMT_PUBTATOR:
        return hnp_render_pubtator(b, d, parts, st, sink);
    case HNP_FMT_HTML:
        return hnp_render_html(b, d, parts, st, sink);
    case HNP_FMT_REPAIRS:
        return (parts & HNP_PART_OPEN) ? hnp_render_repairs(b, d) : HNP_OK;
    }
    return HNP_ERR_INVALID;
}

static hnp_status write_parts(const hnp_doc *d, hnp_format f, unsigned flags, size_t index,
                              unsigned parts, hnp_out_state *st, const hnp_sink *sink)
{
    hnp_membuf b = {0};
    hnp_status s = render(&b, d, f, flags, index, parts, st, sink);
    if (s == HNP_OK && b.len) {
        s = sink->write(sink->ctx, b.data, b.len);
    }
    hnp_membuf_free(&b);
    return s;
}

hnp_status hnp_write_doc(const hnp_doc *d, hnp_format f, unsigned flags, size_t index,
                         const hnp_sink *sink)
{
    hnp_out_state st;
    memset(&st, 0, sizeof st);
    return write_parts(d, f, flags, index, HNP_PART_ALL, &st, sink);
}

/* One walk over the open document's windows from the first, writing parts of each: `each`
 * in every window, `first` in the first, `last` in the last; fn sees each window. */
typedef struct walk_parts {
    unsigned each, first, last;
} walk_parts;

static hnp_status walk(hnp_worker *w, const hnp_doc *d, hnp_format f, unsigned flags, size_t index,
                       walk_parts p, hnp_out_state *st, const hnp_sink *sink, hnp_window_fn fn,
                       void *ctx)
{
    while (d) {
        unsigned parts = p.each | (d->window == 0 ? p.first : 0) | (!d->more ? p.last : 0);
        if (fn) {
            fn(ctx, d);
        }
        HNP_TRY(write_parts(d, f, flags, index, parts, st, sink));
        if (!d->more) {
            break;
        }
        HNP_TRY(hnp_worker_next(w, &d));
    }
    return HNP_OK;
}

/* Walks to the end and back: afterwards every window knows the document's totals. */
static hnp_status count_walk(hnp_worker *w, const hnp_doc **d)
{
    while (*d && (*d)->more) {
        HNP_TRY(hnp_worker_next(w, d));
    }
    hnp_worker_rewind(w);
    return hnp_worker_next(w, d);
}

hnp_status hnp_write_windows(hnp_worker *w, hnp_format f, unsigned flags, size_t index,
                             const hnp_sink *sink, hnp_window_fn fn, void *ctx)
{
    hnp_out_state st;
    memset(&st, 0, sizeof st);
    const hnp_doc *d = NULL;
    HNP_TRY(hnp_worker_next(w, &d));
    if (!d) {
        return HNP_ERR_INVALID;
    }
    if (!d->more) { /* one window: the document whole */
        if (fn) {
            fn(ctx, d);
        }
        return write_parts(d, f, flags, index, HNP_PART_ALL, &st, sink);
    }
    if (f == HNP_FMT_HTML || f == HNP_FMT_JSONL) { /* their heads hold the totals */
        /* the walks after the first replay it; without memory for it they recompute */
        hnp_status kept = hnp_worker_keep_windows(w);
        if (kept != HNP_OK && kept != HNP_ERR_NOMEM) {
            return kept;
        }
        HNP_TRY(count_walk(w, &d));
    }
    if (f != HNP_FMT_JSONL) {
        walk_parts p = {HNP_PART_ROWS, HNP_PART_OPEN, HNP_PART_CLOSE};
        return walk(w, d, f, flags, index, p, &st, sink, fn, ctx);
    }
    walk_parts sents = {HNP_PART_ROWS, HNP_PART_OPEN, HNP_PART_MID};
    walk_parts mentions = {HNP_PART_MENTIONS, 0, HNP_PART_CLOSE};
    HNP_TRY(walk(w, d, f, flags, index, sents, &st, sink, NULL, NULL));
    hnp_worker_rewind(w);
    HNP_TRY(hnp_worker_next(w, &d));
    return walk(w, d, f, flags, index, mentions, &st, sink, fn, ctx);
}
