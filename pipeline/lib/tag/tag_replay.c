/* tag_replay.c -- the second pass copies what the first pass settled.
 *
 * When a ctx term was turned down and its concept turned up later, the document is tagged a
 * second time (tag.c, hnp_tag). A sentence reads only two pieces of document state: the
 * concepts seen (for ctx terms) and the abbreviations defined before it. The second pass
 * starts with every concept the first pass saw, so a sentence that turned no ctx term down
 * in the first pass gets the same result again, as long as the abbreviations defined before
 * it are the same. Such a sentence is not tagged again: its mentions, abbreviations, codes
 * and document tokens are copied from the first pass. A sentence that turned a ctx term down
 * is tagged again; if the abbreviations it defines differ from the first pass's, every
 * later sentence is tagged again too. On a big document most sentences are copied (the
 * second pass was as costly as the first). hnp_tag_set_reference_matcher turns the copy off,
 * so check_tag_matcher compares it with a full second pass on every evaluation text.
 *
 * Layering: called by tag.c; calls tag_abbrev.c and tag_mentions.c. */
#include "tag_internal.h"

#include <stdlib.h>
#include <string.h>

hnp_status hnp_tag_log_sentence(hnp_tagger *t, size_t s, int after)
{
    tag_pass1 *p = &t->p1;
    if (!after) {
        HNP_TRY(hnp_tag_grow((void **)&p->slog, &p->cap_slog, s + 1, sizeof *p->slog));
        p->slog[s] = (tag_slog){t->n_m, 0, t->n_abbr, 0, t->n_codes, 0, t->n_dtok, 0, 0};
        t->fragile = 0;
        return HNP_OK;
    }
    tag_slog *g = &p->slog[s];
    g->m1 = t->n_m;
    g->ab1 = t->n_abbr;
    g->c1 = t->n_codes;
    g->d1 = t->n_dtok;
    g->fragile = t->fragile;
    return HNP_OK;
}

/* Appends elements from..from+n-1 of src (elem bytes each) to the *len elements of *dst
 * (capacity *cap). */
static hnp_status append(void **dst, size_t *len, size_t *cap, const void *src, size_t from,
                         size_t n, size_t elem)
{
    if (n == 0) {
        return HNP_OK; /* src may be NULL: no arithmetic on it */
    }
    HNP_TRY(hnp_tag_grow(dst, cap, *len + n, elem));
    memcpy((uint8_t *)*dst + *len * elem, (const uint8_t *)src + from * elem, n * elem);
    *len += n;
    return HNP_OK;
}

/* n elements of elem bytes from src into *dst (capacity *cap), replacing what it held. */
static hnp_status keep(void **dst, size_t *cap, const void *src, size_t n, size_t elem)
{
    size_t len = 0;
    return append(dst, &len, cap, src, 0, n, elem);
}

hnp_status hnp_tag_keep_pass1(hnp_tagger *t)
{
    tag_pass1 *p = &t->p1;
    HNP_TRY(keep((void **)&p->m, &p->cap_m, t->m, t->n_m, sizeof *t->m));
    HNP_TRY(keep((void **)&p->m_id, &p->cap_m_id, t->m_id, t->n_m, sizeof *t->m_id));
    HNP_TRY(keep((void **)&p->m_keep, &p->cap_m_keep, t->m_keep, t->n_m, 1));
    HNP_TRY(keep((void **)&p->abbr, &p->cap_abbr, t->abbr, t->n_abbr, sizeof *t->abbr));
    HNP_TRY(keep((void **)&p->codes, &p->cap_codes, t->codes, t->n_codes, sizeof *t->codes));
    HNP_TRY(keep((void **)&p->dtok, &p->cap_dtok, t->dtok, t->n_dtok, sizeof *t->dtok));
    p->ids.len = 0;
    HNP_TRY(hnp_buf_put(&p->ids, t->ids.data, t->ids.len));
    p->abbr_text.len = 0;
    HNP_TRY(hnp_buf_put(&p->abbr_text, t->abbr_text.data, t->abbr_text.len));
    t->diverged = 0;
    return HNP_OK;
}

int hnp_tag_can_replay(const hnp_tagger *t, size_t s)
{
    return t->pass == 2 && !t->ref_match && !t->trace && !t->diverged && !t->p1.slog[s].fragile;
}

static hnp_status replay_mentions(hnp_tagger *t, const tag_slog *g)
{
    const tag_pass1 *p = &t->p1;
    for (size_t x = g->m0; x < g->m1; x++) {
        size_t off = SIZE_MAX;
        if (p->m_id[x] != SIZE_MAX) { /* a trial id: its text moves to this pass's ids */
            const char *id = (const char *)p->ids.data + p->m_id[x];
            off = t->ids.len;
            HNP_TRY(hnp_buf_put(&t->ids, id, strlen(id) + 1));
        }
        const hnp_mention *m = &p->m[x];
        HNP_TRY(hnp_tag_emit(t, m->span.start, m->span.end, m->label, m->id, m->name, off));
        t->m[t->n_m - 1] = *m;
        t->m_keep[t->n_m - 1] = p->m_keep[x];
    }
    return HNP_OK;
}

hnp_status hnp_tag_replay(hnp_tagger *t, size_t s)
{
    const tag_pass1 *p = &t->p1;
    const tag_slog *g = &p->slog[s];
    HNP_TRY(replay_mentions(t, g));
    for (size_t d = g->ab0; d < g->ab1; d++) {
        const tag_abbr *a = &p->abbr[d];
        HNP_TRY(hnp_tag_abbrev_put(t, p->abbr_text.data + a->sf_off, a->sf_len, a->label, a->id,
                                   a->name));
    }
    HNP_TRY(append((void **)&t->codes, &t->n_codes, &t->cap_codes, p->codes, g->c0, g->c1 - g->c0,
                   sizeof *t->codes));
    return append((void **)&t->dtok, &t->n_dtok, &t->cap_dtok, p->dtok, g->d0, g->d1 - g->d0,
                  sizeof *t->dtok);
}

/* Abbreviation a of this pass is b of the first. */
static int same_abbr(const hnp_tagger *t, const tag_abbr *a, const tag_abbr *b)
{
    return a->sf_len == b->sf_len && a->label == b->label && a->id == b->id && a->name == b->name &&
           (a->sf_len == 0 || memcmp(t->abbr_text.data + a->sf_off,
                                     t->p1.abbr_text.data + b->sf_off, a->sf_len) == 0);
}

void hnp_tag_check_diverged(hnp_tagger *t, size_t s, size_t ab_before)
{
    const tag_slog *g = &t->p1.slog[s];
    if (t->pass != 2 || t->diverged) {
        return;
    }
    if (t->n_abbr - ab_before != g->ab1 - g->ab0) {
        t->diverged = 1;
        return;
    }
    for (size_t k = 0; k < g->ab1 - g->ab0; k++) {
        if (!same_abbr(t, &t->abbr[ab_before + k], &t->p1.abbr[g->ab0 + k])) {
            t->diverged = 1;
            return;
        }
    }
}

void hnp_tag_pass1_free(tag_pass1 *p)
{
    free(p->slog);
    free(p->m);
    free(p->m_id);
    free(p->m_keep);
    hnp_membuf_free(&p->ids);
    hnp_membuf_free(&p->abbr_text);
    free(p->abbr);
    free(p->codes);
    free(p->dtok);
}
