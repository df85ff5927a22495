/* pipeline.c -- the document driver: the only file that knows the stage order
 * (normalize -> segment -> classify -> tag). Stages never call each other. */
#include "hnp/pipeline.h"

#include "base/task_pool.h"
#include "base/utf8_count.h"
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

/* Windows (see hnp_worker_open in pipeline.h). A range of at most RANGE_BYTES is segmented
 * at once; its sentences are handed out WINDOW_SENTS at a time; a sentence over
 * MAX_SENT_BYTES is handed out in pieces (the tagger's scratch grows with a sentence). The
 * sizes keep a window's memory (about 1 KiB per sentence in classify and tag, 16 bytes per
 * span of the range) a few MiB, and are far above any article, which comes whole. */
enum { RANGE_BYTES = 1 << 20, WINDOW_SENTS = 8192, MAX_SENT_BYTES = 1 << 16 };

/* Converts sorted byte offsets to code-point offsets in one forward walk. */
typedef struct cp_cursor {
    const uint8_t *text;
    size_t byte, cp;
} cp_cursor;

typedef struct win_state {
    int whole;                  /* hnp_worker_process: one window, no limits */
    int done;                   /* the last window was handed out */
    size_t seg_pos;             /* where the next range starts */
    size_t cache_next, cache_n; /* spans[cache_next, cache_n) of the range are still to come */
    size_t window, next_sent, next_mention;
    size_t prev_end, prev_kept_end;
    size_t sents, junk, mentions; /* through the last window handed out */
    int complete;                 /* a walk reached the end: totals are the document's */
    size_t doc_sents, doc_junk, doc_mentions;
    cp_cursor sent_cp, mention_cp; /* carried from window to window */
} win_state;

/* A window as handed out, kept for a replay (hnp_worker_keep_windows). */
typedef struct kept_window {
    size_t first_sent, n_sents, first_mention, n_mentions, prev_end, prev_kept_end;
} kept_window;

/* The kept windows of the open document: their rows end to end, and each mention's id and
 * name copied into strs (a trial id lives in the tagger's scratch, which the next window
 * reuses), as offsets until a replay points them there (strs no longer moves then). */
typedef struct kept_windows {
    int on, replay;   /* keeping; replaying (the walk that kept them reached the end) */
    size_t next;      /* the window a replay hands out next */
    kept_window *win; /* n_win of them */
    size_t n_win, cap_win;
    hnp_sentence *sents;
    size_t n_sents, cap_sents;
    hnp_doc_mention *mentions;
    size_t n_mentions, cap_mentions;
    size_t *str_off; /* per mention: its id's and its name's offsets in strs */
    size_t cap_str_off;
    char *strs;
    size_t n_strs, cap_strs;
} kept_windows;

/* A window classified and tagged on a helper thread (hnp_worker_set_threads): its spans,
 * copied when it was taken, and what classify and tag made of them, until it is handed out
 * (and then until the next hnp_worker_next: the rows handed out point into strs). */
typedef struct par_slot {
    hnp_span *spans;
    size_t n, cap_spans;
    size_t window;
    int last; /* the document's last window */
    hnp_label *labels;
    size_t cap_labels;
    unsigned char *taggable;
    size_t cap_taggable;
    hnp_docmeta meta; /* the first window's, owned until handed out */
    hnp_mention *mentions;
    size_t n_mentions, cap_mentions;
    char *strs; /* the mentions' ids and names, copied out of the thread's tagger */
    size_t n_strs, cap_strs;
    hnp_status status;
} par_slot;

/* The helper threads of one worker. Slot seq % ring holds window task seq; a slot is
 * filled again only after the caller has asked for the window after it. */
typedef struct par_state {
    unsigned threads;     /* hnp_worker_set_threads; 0 or 1: none */
    hnp_task_pool *pool;  /* started with the first big document */
    hnp_tagger **taggers; /* one per pool thread */
    par_slot *slots;      /* ring of them */
    size_t ring;
    int taken_last;                   /* the document's last window was submitted */
    size_t next_submit, next_deliver; /* task numbers */
} par_state;

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
    hnp_docmeta meta; /* the first window's */
    hnp_doc doc;
    win_state win;     /* where the walk over the windows is */
    hnp_span piece;    /* a window's piece of a sentence over MAX_SENT_BYTES */
    kept_windows kept; /* hnp_worker_keep_windows: the windows so far, for a replay */
    par_state par;     /* hnp_worker_set_threads: big documents' windows on helper threads */
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

static void par_drain(hnp_worker *w);
static void par_free(par_state *ps);

void hnp_worker_set_threads(hnp_worker *w, unsigned n)
{
    if (n != w->par.threads) {
        par_drain(w);
        par_free(&w->par);
        w->par.threads = n;
    }
}

static void kept_free(kept_windows *k)
{
    free(k->win);
    free(k->sents);
    free(k->mentions);
    free(k->str_off);
    free(k->strs);
    memset(k, 0, sizeof *k);
}

static void worker_reset(hnp_worker *w)
{
    par_drain(w); /* the windows in flight read the text freed here */
    kept_free(&w->kept);
    hnp_normalized_free(&w->norm);
    hnp_docmeta_free(&w->meta);
    free(w->id);
    w->id = NULL;
    memset(&w->doc, 0, sizeof w->doc);
    memset(&w->win, 0, sizeof w->win);
}

void hnp_worker_free(hnp_worker *w)
{
    if (!w) {
        return;
    }
    worker_reset(w);
    par_free(&w->par);
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

static size_t cp_at(cp_cursor *c, size_t byte)
{
    if (byte < c->byte) { /* not sorted after all: restart (correct, just slower) */
        c->byte = 0;
        c->cp = 0;
    }
    c->cp += hnp_utf8_count_cps(c->text + c->byte, byte - c->byte);
    c->byte = byte;
    return c->cp;
}

static int is_space(uint8_t c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

/* Where the range from pos ends: the document's end when it is near, else after the last
 * blank line in the range's second half (a block boundary of the segmenter: the sentences
 * come out as from the whole text; *exact set), else after its last line end, else after
 * its last space, else at a character boundary. */
static size_t range_end(const uint8_t *t, size_t pos, size_t len, int *exact)
{
    *exact = 1;
    if (len - pos <= RANGE_BYTES) {
        return len;
    }
    size_t end = pos + RANGE_BYTES, half = pos + RANGE_BYTES / 2;
    for (size_t k = end; k > half + 1; k--) {
        if (t[k - 1] == '\n' && t[k - 2] == '\n') {
            return k;
        }
    }
    *exact = 0;
    for (size_t k = end; k > half; k--) {
        if (t[k - 1] == '\n') {
            return k;
        }
    }
    for (size_t k = end; k > half; k--) {
        if (t[k - 1] == ' ') {
            return k;
        }
    }
    while (end > pos + 1 && (t[end] & 0xC0) == 0x80) {
        end--;
    }
    return end;
}

/* Segments the next range into w->spans (document offsets). Unless the range ended at a
 * block boundary, its last sentence may be cut short: it is left to the next range, which
 * starts where it starts (a range of one sentence keeps it: a sentence over the range). */
static hnp_status segment_range(hnp_worker *w)
{
    win_state *s = &w->win;
    const uint8_t *t = w->norm.text;
    size_t pos = s->seg_pos, n = 0;
    int exact = 1;
    size_t end = s->whole ? w->norm.len : range_end(t, pos, w->norm.len, &exact);
    HNP_TRY(hnp_segment_grow(w->segmenter, t + pos, end - pos, &w->spans, &w->cap_spans, &n));
    for (size_t i = 0; pos && i < n; i++) {
        w->spans[i].start += pos;
        w->spans[i].end += pos;
    }
    s->seg_pos = end;
    if (!exact && n >= 2) {
        n--;
        s->seg_pos = w->spans[n].start;
    }
    s->cache_next = 0;
    s->cache_n = n;
    return HNP_OK;
}

/* The first piece of a sentence over MAX_SENT_BYTES: cut after the last space of its
 * second half, else at a character boundary, without the spaces around the cut. The rest
 * stays in the range as the next sentence. */
static hnp_span cut_long(const uint8_t *t, hnp_span *rest)
{
    size_t a = rest->start, cut = a + MAX_SENT_BYTES;
    size_t k = cut;
    while (k > a + MAX_SENT_BYTES / 2 && !is_space(t[k - 1])) {
        k--;
    }
    if (k > a + MAX_SENT_BYTES / 2) {
        cut = k;
    }
    while ((t[cut] & 0xC0) == 0x80) {
        cut--;
    }
    hnp_span piece = {a, cut};
    while (piece.end > piece.start && is_space(t[piece.end - 1])) {
        piece.end--;
    }
    while (is_space(t[cut])) {
        cut++;
    }
    rest->start = cut;
    return piece;
}

/* The next window's spans (*n of them, 0 at the end): up to WINDOW_SENTS of the range,
 * stopping before a sentence over MAX_SENT_BYTES, which comes alone, a piece at a time. */
static hnp_status take_window(hnp_worker *w, const hnp_span **first, size_t *n)
{
    win_state *s = &w->win;
    while (s->cache_next == s->cache_n && s->seg_pos < w->norm.len) {
        HNP_TRY(segment_range(w));
    }
    hnp_span *sp = w->spans ? w->spans + s->cache_next : w->spans; /* none yet: empty text */
    size_t k = s->cache_n - s->cache_next;
    if (!s->whole) {
        k = k > WINDOW_SENTS ? WINDOW_SENTS : k;
        for (size_t i = 0; i < k; i++) {
            if (sp[i].end - sp[i].start > MAX_SENT_BYTES) {
                k = i;
                break;
            }
        }
        if (k == 0 && s->cache_next < s->cache_n) {
            w->piece = cut_long(w->norm.text, sp);
            *first = &w->piece;
            *n = 1;
            return HNP_OK;
        }
    }
    *first = sp;
    *n = k;
    s->cache_next += k;
    return HNP_OK;
}

/* Without classify every sentence is body with score 0 and no reason. */
static void default_labels(hnp_label *labels, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        labels[i].kind = HNP_KIND_BODY;
        labels[i].score = 0.0f;
        labels[i].reason = NULL;
    }
}

/* Classifies a window as a document of its own; the first window's metadata is the
 * document's. */
static hnp_status classify_window(hnp_worker *w, const hnp_span *sp, size_t n)
{
    HNP_TRY(grow_labels(w, n));
    if (w->p->opts.last_stage < HNP_STAGE_CLASSIFY) {
        default_labels(w->labels, n);
        return HNP_OK;
    }
    hnp_docmeta meta;
    HNP_TRY(hnp_classify(w->p->classifier, w->norm.text, w->norm.len, sp, n, w->labels, &meta));
    if (w->win.window == 0) {
        hnp_docmeta_free(&w->meta);
        w->meta = meta;
    } else {
        hnp_docmeta_free(&meta);
    }
    return HNP_OK;
}

static void fill_sentences(hnp_worker *w, const hnp_span *sp, const hnp_label *labels, size_t n)
{
    cp_cursor *c = &w->win.sent_cp;
    for (size_t i = 0; i < n; i++) {
        hnp_sentence *s = &w->sents[i];
        s->span = sp[i];
        s->cp_start = cp_at(c, s->span.start);
        s->cp_end = cp_at(c, s->span.end);
        s->kind = labels[i].kind;
        s->score = labels[i].score;
        s->reason = labels[i].reason ? labels[i].reason : "-";
        w->taggable[i] = !hnp_kind_is_junk(s->kind);
    }
}

/* The window's mentions as rows of w->doc, with document sentence indexes. */
static hnp_status add_mentions(hnp_worker *w, const hnp_mention *found, size_t n)
{
    HNP_TRY(hnp_vec_reserve((void **)&w->mentions, &w->cap_mentions, n, sizeof *w->mentions, 16));
    cp_cursor *c = &w->win.mention_cp;
    for (size_t i = 0; i < n; i++) {
        w->mentions[i].m = found[i];
        w->mentions[i].m.sent += w->win.next_sent;
        w->mentions[i].cp_start = cp_at(c, found[i].span.start);
        w->mentions[i].cp_end = cp_at(c, found[i].span.end);
    }
    w->doc.mentions = w->mentions;
    w->doc.n_mentions = n;
    return HNP_OK;
}

/* Tags a window. */
static hnp_status run_tag(hnp_worker *w, const hnp_span *sp, size_t n_sents)
{
    const hnp_mention *found = NULL;
    size_t n = 0;
    HNP_TRY(hnp_tag(w->tagger, w->norm.text, w->norm.len, sp, w->taggable, n_sents, &found, &n));
    return add_mentions(w, found, n);
}

/* The window's place in the document, and the counts carried to the next one. */
static void finish_window(hnp_worker *w, size_t n, int last)
{
    win_state *s = &w->win;
    hnp_doc *d = &w->doc;
    d->sents = w->sents;
    d->n_sents = n;
    d->meta = w->meta;
    d->first_sent = s->next_sent;
    d->first_mention = s->next_mention;
    d->window = s->window;
    d->more = !last;
    d->prev_end = s->prev_end;
    d->prev_kept_end = s->prev_kept_end;
    size_t junk = 0;
    for (size_t i = 0; i < n; i++) {
        int is_junk = hnp_kind_is_junk(w->sents[i].kind);
        junk += is_junk ? 1u : 0u;
        s->prev_end = w->sents[i].span.end;
        s->prev_kept_end = is_junk ? s->prev_kept_end : s->prev_end;
    }
    s->sents += n;
    s->junk += junk;
    s->mentions += d->n_mentions;
    if (last) {
        s->done = s->complete = 1;
        s->doc_sents = s->sents;
        s->doc_junk = s->junk;
        s->doc_mentions = s->mentions;
    }
    d->complete = s->complete;
    d->doc_sents = s->complete ? s->doc_sents : s->sents;
    d->doc_junk = s->complete ? s->doc_junk : s->junk;
    d->doc_mentions = s->complete ? s->doc_mentions : s->mentions;
    s->window++;
    s->next_sent += n;
    s->next_mention += d->n_mentions;
}

static hnp_status keep_str(kept_windows *k, const char *str, size_t *off)
{
    size_t n = strlen(str) + 1;
    HNP_TRY(hnp_vec_reserve((void **)&k->strs, &k->cap_strs, k->n_strs + n, 1, 256));
    memcpy(k->strs + k->n_strs, str, n);
    *off = k->n_strs;
    k->n_strs += n;
    return HNP_OK;
}

/* Appends the window just handed out (w->doc) to the kept ones. */
static hnp_status keep_window(hnp_worker *w)
{
    kept_windows *k = &w->kept;
    const hnp_doc *d = &w->doc;
    HNP_TRY(hnp_vec_reserve((void **)&k->win, &k->cap_win, k->n_win + 1, sizeof *k->win, 16));
    HNP_TRY(hnp_vec_reserve((void **)&k->sents, &k->cap_sents, k->n_sents + d->n_sents,
                            sizeof *k->sents, 256));
    HNP_TRY(hnp_vec_reserve((void **)&k->mentions, &k->cap_mentions, k->n_mentions + d->n_mentions,
                            sizeof *k->mentions, 64));
    HNP_TRY(hnp_vec_reserve((void **)&k->str_off, &k->cap_str_off,
                            2 * (k->n_mentions + d->n_mentions), sizeof *k->str_off, 128));
    for (size_t i = 0; i < d->n_mentions; i++) {
        size_t at = k->n_mentions + i;
        k->mentions[at] = d->mentions[i];
        HNP_TRY(keep_str(k, d->mentions[i].m.id ? d->mentions[i].m.id : "", &k->str_off[2 * at]));
        HNP_TRY(keep_str(k, d->mentions[i].m.name ? d->mentions[i].m.name : "",
                         &k->str_off[2 * at + 1]));
    }
    if (d->n_sents) {
        memcpy(k->sents + k->n_sents, d->sents, d->n_sents * sizeof *d->sents);
    }
    kept_window kw = {k->n_sents,    d->n_sents,  k->n_mentions,
                      d->n_mentions, d->prev_end, d->prev_kept_end};
    k->win[k->n_win++] = kw;
    k->n_sents += d->n_sents;
    k->n_mentions += d->n_mentions;
    return HNP_OK;
}

hnp_status hnp_worker_keep_windows(hnp_worker *w)
{
    kept_windows *k = &w->kept;
    if (k->on || !w->norm.text) {
        return HNP_OK;
    }
    if (w->win.window > 1) {
        return HNP_ERR_INVALID; /* a replay needs every window from the first */
    }
    k->on = 1;
    if (w->win.window == 1 && keep_window(w) != HNP_OK) { /* the one handed out already */
        kept_free(k);
        return HNP_ERR_NOMEM;
    }
    return HNP_OK;
}

/* A replay: the next kept window, as it was handed out. */
static void replay_window(hnp_worker *w)
{
    kept_windows *k = &w->kept;
    const kept_window *kw = &k->win[k->next];
    win_state *s = &w->win;
    hnp_doc *d = &w->doc;
    d->sents = k->sents + kw->first_sent;
    d->n_sents = kw->n_sents;
    d->mentions = k->mentions + kw->first_mention;
    d->n_mentions = kw->n_mentions;
    d->meta = w->meta;
    d->first_sent = kw->first_sent;
    d->first_mention = kw->first_mention;
    d->window = k->next;
    d->more = k->next + 1 < k->n_win;
    d->prev_end = kw->prev_end;
    d->prev_kept_end = kw->prev_kept_end;
    d->complete = 1;
    d->doc_sents = s->doc_sents;
    d->doc_junk = s->doc_junk;
    d->doc_mentions = s->doc_mentions;
    k->next++;
    s->done = !d->more;
}

/* Kept windows that cover the document are replayed by the walks after a rewind. */
static int start_replay(hnp_worker *w)
{
    kept_windows *k = &w->kept;
    if (!k->on || !w->win.complete || k->n_win != w->win.window) {
        return 0;
    }
    for (size_t i = 0; !k->replay && i < k->n_mentions; i++) { /* strs moves no more */
        k->mentions[i].m.id = k->strs + k->str_off[2 * i];
        k->mentions[i].m.name = k->strs + k->str_off[2 * i + 1];
    }
    k->replay = 1;
    k->next = 0;
    w->win.done = 0;
    return 1;
}

/* ---- Big documents' windows on helper threads (hnp_worker_set_threads) ----------------
 * The calling thread segments and takes the windows, as without threads, copies each one's
 * spans into a slot and submits it; the pool threads classify and tag the slots (each with
 * its own tagger; the classifier is shared and immutable); the calling thread hands them
 * out in order, adding what depends on the windows before (code-point offsets, sentence
 * numbers, the previous sentence's end, totals). Each window is classified and tagged as a
 * document of its own with or without threads, so the rows are the same. */

static void slot_free(par_slot *s)
{
    free(s->spans);
    free(s->labels);
    free(s->taggable);
    hnp_docmeta_free(&s->meta);
    free(s->mentions);
    free(s->strs);
}

static hnp_status slot_str(par_slot *s, const char *str, size_t *off)
{
    size_t n = strlen(str ? str : "") + 1;
    HNP_TRY(hnp_vec_reserve((void **)&s->strs, &s->cap_strs, s->n_strs + n, 1, 256));
    memcpy(s->strs + s->n_strs, str ? str : "", n);
    *off = s->n_strs;
    s->n_strs += n;
    return HNP_OK;
}

/* The tagger's mentions into the slot, their strings copied (a trial id lives in the
 * tagger's scratch, which the thread's next window reuses). */
static hnp_status slot_mentions(par_slot *s, const hnp_mention *found, size_t n)
{
    HNP_TRY(hnp_vec_reserve((void **)&s->mentions, &s->cap_mentions, n, sizeof *s->mentions, 16));
    s->n_strs = 0;
    for (size_t i = 0; i < n; i++) {
        size_t id_off = 0, name_off = 0;
        HNP_TRY(slot_str(s, found[i].id, &id_off));
        HNP_TRY(slot_str(s, found[i].name, &name_off));
        s->mentions[i] = found[i];
        /* offsets until strs stops moving */
        s->mentions[i].id = (const char *)(uintptr_t)id_off;
        s->mentions[i].name = (const char *)(uintptr_t)name_off;
    }
    for (size_t i = 0; i < n; i++) {
        s->mentions[i].id = s->strs + (uintptr_t)s->mentions[i].id;
        s->mentions[i].name = s->strs + (uintptr_t)s->mentions[i].name;
    }
    s->n_mentions = n;
    return HNP_OK;
}

/* On a pool thread: classify and tag the slot's window (what classify_window and run_tag do
 * on the calling thread). */
static hnp_status slot_run(const hnp_worker *w, hnp_tagger *tagger, par_slot *s)
{
    const hnp_pipeline *p = w->p;
    size_t n = s->n;
    s->n_mentions = 0;
    HNP_TRY(hnp_vec_reserve((void **)&s->labels, &s->cap_labels, n, sizeof *s->labels, 64));
    HNP_TRY(hnp_vec_reserve((void **)&s->taggable, &s->cap_taggable, n, 1, 64));
    hnp_docmeta_free(&s->meta);
    if (p->opts.last_stage < HNP_STAGE_CLASSIFY) {
        default_labels(s->labels, n);
    } else {
        hnp_docmeta meta;
        memset(&meta, 0, sizeof meta);
        HNP_TRY(
            hnp_classify(p->classifier, w->norm.text, w->norm.len, s->spans, n, s->labels, &meta));
        if (s->window == 0) {
            s->meta = meta;
        } else {
            hnp_docmeta_free(&meta);
        }
    }
    for (size_t i = 0; i < n; i++) {
        s->taggable[i] = !hnp_kind_is_junk(s->labels[i].kind);
    }
    if (p->opts.last_stage < HNP_STAGE_TAG) {
        return HNP_OK;
    }
    const hnp_mention *found = NULL;
    size_t nf = 0;
    HNP_TRY(hnp_tag(tagger, w->norm.text, w->norm.len, s->spans, s->taggable, n, &found, &nf));
    return slot_mentions(s, found, nf);
}

static void par_task(void *ctx, size_t seq, unsigned thread)
{
    const hnp_worker *w = ctx;
    par_slot *s = &w->par.slots[seq % w->par.ring];
    s->status = slot_run(w, w->par.taggers[thread], s);
}

/* Waits for the windows in flight and drops them: before the text goes, or a new walk. */
static void par_drain(hnp_worker *w)
{
    par_state *ps = &w->par;
    if (ps->pool) {
        ps->next_submit = ps->next_deliver = hnp_task_pool_drain(ps->pool);
    }
    ps->taken_last = 0;
    for (size_t i = 0; i < ps->ring; i++) {
        hnp_docmeta_free(&ps->slots[i].meta);
    }
}

static void par_free(par_state *ps)
{
    hnp_task_pool_free(ps->pool); /* first: its threads use the rest */
    for (size_t i = 0; ps->slots && i < ps->ring; i++) {
        slot_free(&ps->slots[i]);
    }
    for (unsigned t = 0; ps->taggers && t < ps->threads; t++) {
        hnp_tagger_free(ps->taggers[t]);
    }
    free(ps->slots);
    free(ps->taggers);
    unsigned threads = ps->threads;
    memset(ps, 0, sizeof *ps);
    ps->threads = threads;
}

/* The threads, their taggers and the slots, made on the first big document. A failure
 * leaves the worker without threads (the windows then run on the calling thread). */
static int par_ready(hnp_worker *w)
{
    par_state *ps = &w->par;
    if (ps->pool || ps->threads < 2) {
        return ps->pool != NULL;
    }
    ps->ring = (size_t)ps->threads + 1; /* one more: the window being written */
    ps->slots = calloc(ps->ring, sizeof *ps->slots);
    ps->taggers = calloc(ps->threads, sizeof *ps->taggers);
    int ok = ps->slots && ps->taggers;
    for (unsigned t = 0; ok && t < ps->threads && w->p->opts.last_stage >= HNP_STAGE_TAG; t++) {
        ok = hnp_tagger_create(w->p->lexicons, w->p->n_lexicons, &ps->taggers[t]) == HNP_OK;
    }
    ok = ok && hnp_task_pool_create(ps->threads, ps->ring, par_task, w, &ps->pool) == HNP_OK;
    if (!ok) {
        par_free(ps);
        ps->threads = 1;
    }
    return ok;
}

/* The walk of the open document uses the threads: a big document past its segmentation
 * alone (a document of one window gains nothing and would pay the hand-over). */
static int par_wanted(hnp_worker *w)
{
    return !w->win.whole && w->par.threads > 1 && w->p->opts.last_stage >= HNP_STAGE_CLASSIFY &&
           w->norm.len > RANGE_BYTES && par_ready(w);
}

/* Takes the next window into its slot and submits it. */
static hnp_status par_submit(hnp_worker *w)
{
    par_state *ps = &w->par;
    win_state *ws = &w->win;
    par_slot *s = &ps->slots[ps->next_submit % ps->ring];
    const hnp_span *sp = NULL;
    size_t n = 0;
    HNP_TRY(take_window(w, &sp, &n));
    HNP_TRY(hnp_vec_reserve((void **)&s->spans, &s->cap_spans, n, sizeof *s->spans, 64));
    if (n) {
        memcpy(s->spans, sp, n * sizeof *sp);
    }
    s->n = n;
    s->window = ws->window + (ps->next_submit - ps->next_deliver);
    s->last = sp != &w->piece && ws->cache_next == ws->cache_n && ws->seg_pos >= w->norm.len;
    ps->taken_last = s->last;
    ps->next_submit = hnp_task_pool_submit(ps->pool) + 1;
    return HNP_OK;
}

/* hnp_worker_next with the threads: keeps ring windows in flight, hands out the oldest. */
static hnp_status par_next(hnp_worker *w, const hnp_doc **doc)
{
    par_state *ps = &w->par;
    while (!ps->taken_last && ps->next_submit < ps->next_deliver + ps->ring) {
        HNP_TRY(par_submit(w));
    }
    hnp_task_pool_wait(ps->pool, ps->next_deliver);
    par_slot *s = &ps->slots[ps->next_deliver % ps->ring];
    ps->next_deliver++;
    HNP_TRY(s->status);
    if (s->window == 0) {
        hnp_docmeta_free(&w->meta);
        w->meta = s->meta;
        memset(&s->meta, 0, sizeof s->meta);
    }
    HNP_TRY(grow_rows(w, s->n));
    fill_sentences(w, s->spans, s->labels, s->n);
    w->doc.mentions = NULL;
    w->doc.n_mentions = 0;
    if (w->p->opts.last_stage >= HNP_STAGE_TAG) {
        HNP_TRY(add_mentions(w, s->mentions, s->n_mentions));
    }
    finish_window(w, s->n, s->last);
    if (w->kept.on && keep_window(w) != HNP_OK) {
        kept_free(&w->kept);
    }
    *doc = &w->doc;
    return HNP_OK;
}

hnp_status hnp_worker_next(hnp_worker *w, const hnp_doc **doc)
{
    *doc = NULL;
    win_state *s = &w->win;
    if (w->kept.replay) {
        if (!s->done) {
            replay_window(w);
            *doc = &w->doc;
        }
        return HNP_OK;
    }
    if (s->done || !w->norm.text) {
        return HNP_OK;
    }
    if (par_wanted(w)) {
        return par_next(w, doc);
    }
    hnp_stage last = w->p->opts.last_stage;
    const hnp_span *sp = NULL;
    size_t n = 0;
    if (last >= HNP_STAGE_SEGMENT) {
        HNP_TRY(take_window(w, &sp, &n));
    }
    HNP_TRY(classify_window(w, sp, n));
    HNP_TRY(grow_rows(w, n));
    fill_sentences(w, sp, w->labels, n);
    w->doc.mentions = NULL;
    w->doc.n_mentions = 0;
    if (last >= HNP_STAGE_TAG) {
        HNP_TRY(run_tag(w, sp, n));
    }
    int is_last = last < HNP_STAGE_SEGMENT ||
                  (sp != &w->piece && s->cache_next == s->cache_n && s->seg_pos >= w->norm.len);
    finish_window(w, n, is_last);
    if (w->kept.on && keep_window(w) != HNP_OK) {
        kept_free(&w->kept); /* short of memory: the walks run the stages again */
    }
    *doc = &w->doc;
    return HNP_OK;
}

void hnp_worker_rewind(hnp_worker *w)
{
    if (start_replay(w)) {
        return;
    }
    win_state *s = &w->win;
    cp_cursor start = {w->norm.text, 0, 0};
    par_drain(w);
    s->done = 0;
    s->seg_pos = s->cache_next = s->cache_n = 0;
    s->window = s->next_sent = s->next_mention = 0;
    s->prev_end = s->prev_kept_end = 0; /* none: a sentence ends after byte 0 */
    s->sents = s->junk = s->mentions = 0;
    s->sent_cp = s->mention_cp = start;
}

/* The document-wide fields of w->doc, once w->norm holds the text; the walk starts. */
static void open_doc(hnp_worker *w, size_t title_len)
{
    hnp_doc *d = &w->doc;
    d->id = w->id;
    d->encoding = w->norm.encoding;
    d->repairs = w->norm.n_repairs;
    d->repair_list = w->norm.repairs;
    d->repair_before = w->norm.before;
    d->text = w->norm.text;
    d->len = w->norm.len;
    d->cp_len = hnp_utf8_count_cps(w->norm.text, w->norm.len);
    d->title_len = title_len;
    hnp_worker_rewind(w);
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

hnp_status hnp_worker_open(hnp_worker *w, const char *id, const uint8_t *raw, size_t len)
{
    HNP_TRY(begin(w, id, len));
    HNP_TRY(hnp_normalize(&w->p->opts.normalize, raw, len, &w->norm));
    open_doc(w, (size_t)-1);
    return HNP_OK;
}

hnp_status hnp_worker_open_pubtator(hnp_worker *w, const char *id, const uint8_t *title,
                                    size_t title_len, const uint8_t *abstract, size_t abstract_len)
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
    open_doc(w, joined_title_len);
    return HNP_OK;
}

/* The whole document as one window. */
static hnp_status whole(hnp_worker *w, hnp_status opened, const hnp_doc **doc)
{
    HNP_TRY(opened);
    w->win.whole = 1;
    HNP_TRY(hnp_worker_next(w, doc));
    return *doc ? HNP_OK : HNP_ERR_INVALID;
}

hnp_status hnp_worker_process(hnp_worker *w, const char *id, const uint8_t *raw, size_t len,
                              const hnp_doc **doc)
{
    return whole(w, hnp_worker_open(w, id, raw, len), doc);
}

hnp_status hnp_worker_process_pubtator(hnp_worker *w, const char *id, const uint8_t *title,
                                       size_t title_len, const uint8_t *abstract,
                                       size_t abstract_len, const hnp_doc **doc)
{
    return whole(w, hnp_worker_open_pubtator(w, id, title, title_len, abstract, abstract_len), doc);
}
