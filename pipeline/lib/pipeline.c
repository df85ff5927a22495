/* pipeline.c -- the document driver: the only file that knows the stage order
 * (normalize -> segment -> classify -> tag). Stages never call each other. */
#include "hnp/pipeline.h"

#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LEXICONS 16

struct hnp_pipeline {
    hnp_pipeline_opts opts;
    const hnp_lexicon *lexicons[MAX_LEXICONS];
    size_t n_lexicons;
    hnp_classifier *classifier;
};

struct hnp_worker {
    const hnp_pipeline *p;
    hnp_segmenter *segmenter;
    hnp_tagger *tagger;
    char *id;
    hnp_normalized norm; /* the current document's text (owned) */
    hnp_span *spans;     /* sentence spans, grown by the segmenter */
    size_t cap_spans;
    hnp_label *labels; /* classify output, capacity cap_labels */
    size_t cap_labels;
    hnp_sentence *sents;     /* the result rows, capacity cap_rows */
    unsigned char *taggable; /* per sentence */
    size_t cap_rows;
    hnp_doc_mention *mentions;
    size_t cap_mentions;
    hnp_docmeta meta;
    hnp_doc doc;
};

hnp_status hnp_pipeline_create(const hnp_pipeline_opts *opts, hnp_pipeline **out)
{
    hnp_pipeline *p = calloc(1, sizeof *p);
    if (!p) {
        return HNP_ERR_NOMEM;
    }
    if (opts) {
        p->opts = *opts;
    }
    if (p->opts.last_stage == HNP_STAGE_ALL) {
        p->opts.last_stage = HNP_STAGE_TAG;
    }
    if (p->opts.n_user_lexicons + 1 > MAX_LEXICONS || p->opts.last_stage > HNP_STAGE_TAG) {
        free(p);
        return HNP_ERR_INVALID;
    }
    for (size_t i = 0; i < p->opts.n_user_lexicons; i++) {
        p->lexicons[p->n_lexicons++] = p->opts.user_lexicons[i];
    }
    if (!p->opts.no_default_lexicon && p->opts.default_lexicon) {
        p->lexicons[p->n_lexicons++] = p->opts.default_lexicon;
    }
    p->opts.user_lexicons = NULL; /* not kept: the array above holds the pointers */
    hnp_status st = hnp_classifier_create(&p->opts.classify, &p->classifier);
    if (st != HNP_OK) {
        free(p);
        return st;
    }
    *out = p;
    return HNP_OK;
}

void hnp_pipeline_free(hnp_pipeline *p)
{
    if (!p) {
        return;
    }
    hnp_classifier_free(p->classifier);
    free(p);
}

hnp_status hnp_worker_create(const hnp_pipeline *p, hnp_worker **out)
{
    hnp_worker *w = calloc(1, sizeof *w);
    if (!w) {
        return HNP_ERR_NOMEM;
    }
    w->p = p;
    /* Only the stages that run get their per-thread state (ICU, trial-id regexes). */
    hnp_status st = HNP_OK;
    if (p->opts.last_stage >= HNP_STAGE_SEGMENT) {
        st = hnp_segmenter_create(&p->opts.segment, &w->segmenter);
    }
    if (st == HNP_OK && p->opts.last_stage >= HNP_STAGE_TAG) {
        st = hnp_tagger_create(p->lexicons, p->n_lexicons, &w->tagger);
    }
    if (st != HNP_OK) {
        hnp_worker_free(w);
        return st;
    }
    *out = w;
    return HNP_OK;
}

static void worker_reset(hnp_worker *w)
{
    hnp_normalized_free(&w->norm);
    hnp_docmeta_free(&w->meta);
    free(w->id);
    w->id = NULL;
    memset(&w->doc, 0, sizeof w->doc);
}

void hnp_worker_free(hnp_worker *w)
{
    if (!w) {
        return;
    }
    worker_reset(w);
    hnp_segmenter_free(w->segmenter);
    hnp_tagger_free(w->tagger);
    free(w->spans);
    free(w->labels);
    free(w->sents);
    free(w->taggable);
    free(w->mentions);
    free(w);
}

/* Room for n labels. The old contents are not needed, so the old array is freed before the
 * new one is made (never both at once), sized to n: the peak of a big document is what it
 * needs, not half as much again. */
static hnp_status grow_labels(hnp_worker *w, size_t n)
{
    if (n <= w->cap_labels) {
        return HNP_OK;
    }
    free(w->labels);
    w->labels = malloc(n * sizeof *w->labels);
    w->cap_labels = w->labels ? n : 0;
    return w->labels ? HNP_OK : HNP_ERR_NOMEM;
}

/* The same for the result rows and tag flags, made only after classify has freed its
 * per-sentence scratch, so the two never add up in the peak. */
static hnp_status grow_rows(hnp_worker *w, size_t n)
{
    if (n <= w->cap_rows) {
        return HNP_OK;
    }
    free(w->sents);
    free(w->taggable);
    w->sents = malloc(n * sizeof *w->sents);
    w->taggable = malloc(n);
    if (!w->sents || !w->taggable) {
        w->cap_rows = 0;
        return HNP_ERR_NOMEM;
    }
    w->cap_rows = n;
    return HNP_OK;
}

/* Segments once into the worker's growing span buffer; a buffer left much larger than this
 * document needs is trimmed, as it would otherwise sit beside the later stages' memory. */
static hnp_status run_segment(hnp_worker *w, size_t *n_sents)
{
    size_t n = 0;
    HNP_TRY(
        hnp_segment_grow(w->segmenter, w->norm.text, w->norm.len, &w->spans, &w->cap_spans, &n));
    if (w->cap_spans > n + n / 4 + 4096) {
        hnp_span *p = realloc(w->spans, (n + 1) * sizeof *p);
        if (p) {
            w->spans = p;
            w->cap_spans = n + 1;
        }
    }
    *n_sents = n;
    return grow_labels(w, n);
}

/* Converts sorted byte offsets to code-point offsets in one forward walk. */
typedef struct cp_cursor {
    const uint8_t *text;
    size_t byte, cp;
} cp_cursor;

/* Code points that start in [p, p + n): bytes that are not UTF-8 continuation bytes
 * (10xxxxxx), counted eight at a time. */
static size_t count_cps(const uint8_t *p, size_t n)
{
    size_t cps = 0, i = 0;
    const uint64_t highs = 0x8080808080808080u;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, p + i, sizeof x);
        /* a continuation byte has bit 7 set and bit 6 clear; the multiply adds up the one
         * bit per byte (no popcount instruction is assumed) */
        uint64_t cont = (x & ~(x << 1) & highs) >> 7;
        cps += 8 - (size_t)((cont * 0x0101010101010101u) >> 56);
    }
    for (; i < n; i++) {
        cps += (p[i] & 0xC0) != 0x80;
    }
    return cps;
}

static size_t cp_at(cp_cursor *c, size_t byte)
{
    if (byte < c->byte) { /* not sorted after all: restart (correct, just slower) */
        c->byte = 0;
        c->cp = 0;
    }
    c->cp += count_cps(c->text + c->byte, byte - c->byte);
    c->byte = byte;
    return c->cp;
}

/* Without classify every sentence is body with score 0 and no reason. */
static void default_labels(hnp_worker *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        w->labels[i].kind = HNP_KIND_BODY;
        w->labels[i].score = 0.0f;
        w->labels[i].reason = NULL;
    }
}

static void fill_sentences(hnp_worker *w, size_t n)
{
    cp_cursor c = {w->norm.text, 0, 0};
    for (size_t i = 0; i < n; i++) {
        hnp_sentence *s = &w->sents[i];
        s->span = w->spans[i];
        s->cp_start = cp_at(&c, s->span.start);
        s->cp_end = cp_at(&c, s->span.end);
        s->kind = w->labels[i].kind;
        s->score = w->labels[i].score;
        s->reason = w->labels[i].reason ? w->labels[i].reason : "-";
        w->taggable[i] = !hnp_kind_is_junk(s->kind);
    }
    w->doc.cp_len = cp_at(&c, w->norm.len);
}

static hnp_status run_tag(hnp_worker *w, size_t n_sents)
{
    const hnp_mention *found = NULL;
    size_t n = 0;
    HNP_TRY(
        hnp_tag(w->tagger, w->norm.text, w->norm.len, w->spans, w->taggable, n_sents, &found, &n));
    HNP_TRY(hnp_vec_reserve((void **)&w->mentions, &w->cap_mentions, n, sizeof *w->mentions, 16));
    cp_cursor c = {w->norm.text, 0, 0};
    for (size_t i = 0; i < n; i++) {
        w->mentions[i].m = found[i];
        w->mentions[i].cp_start = cp_at(&c, found[i].span.start);
        w->mentions[i].cp_end = cp_at(&c, found[i].span.end);
    }
    w->doc.mentions = w->mentions;
    w->doc.n_mentions = n;
    return HNP_OK;
}

/* Stages 2-4 (those up to opts.last_stage) over the normalized text in w->norm. */
static hnp_status run_stages(hnp_worker *w)
{
    hnp_stage last = w->p->opts.last_stage;
    size_t n = 0;
    if (last >= HNP_STAGE_SEGMENT) {
        HNP_TRY(run_segment(w, &n));
    }
    if (last >= HNP_STAGE_CLASSIFY) {
        HNP_TRY(hnp_classify(w->p->classifier, w->norm.text, w->norm.len, w->spans, n, w->labels,
                             &w->meta));
    } else {
        default_labels(w, n);
    }
    HNP_TRY(grow_rows(w, n));
    fill_sentences(w, n);
    if (last >= HNP_STAGE_TAG) {
        HNP_TRY(run_tag(w, n));
    }
    hnp_doc *d = &w->doc;
    d->id = w->id;
    d->encoding = w->norm.encoding;
    d->repairs = w->norm.n_repairs;
    d->repair_list = w->norm.repairs;
    d->repair_before = w->norm.before;
    d->text = w->norm.text;
    d->len = w->norm.len;
    d->sents = w->sents;
    d->n_sents = n;
    d->meta = w->meta;
    return HNP_OK;
}

static hnp_status begin(hnp_worker *w, const char *id, size_t len)
{
    worker_reset(w);
    if (w->p->opts.max_doc_size && len > w->p->opts.max_doc_size) {
        return HNP_ERR_TOOBIG;
    }
    w->id = strdup(id ? id : "-");
    return w->id ? HNP_OK : HNP_ERR_NOMEM;
}

hnp_status hnp_worker_process(hnp_worker *w, const char *id, const uint8_t *raw, size_t len,
                              const hnp_doc **doc)
{
    HNP_TRY(begin(w, id, len));
    HNP_TRY(hnp_normalize(&w->p->opts.normalize, raw, len, &w->norm));
    HNP_TRY(run_stages(w));
    w->doc.title_len = (size_t)-1;
    *doc = &w->doc;
    return HNP_OK;
}

hnp_status hnp_worker_process_pubtator(hnp_worker *w, const char *id, const uint8_t *title,
                                       size_t title_len, const uint8_t *abstract,
                                       size_t abstract_len, const hnp_doc **doc)
{
    HNP_TRY(begin(w, id, title_len + abstract_len));
    hnp_normalized t = {0}, a = {0};
    hnp_status st = hnp_normalize(&w->p->opts.normalize, title, title_len, &t);
    if (st == HNP_OK) {
        st = hnp_normalize(&w->p->opts.normalize, abstract, abstract_len, &a);
    }
    size_t joined_title_len = t.len;
    if (st == HNP_OK) {
        st = hnp_normalized_join(&t, &a, &w->norm);
    }
    hnp_normalized_free(&t);
    hnp_normalized_free(&a);
    HNP_TRY(st);
    HNP_TRY(run_stages(w));
    w->doc.title_len = joined_title_len;
    *doc = &w->doc;
    return HNP_OK;
}
