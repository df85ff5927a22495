/* normalize_work.c -- the bottom layer of the normalize stage: growable arrays, the line of
 * code points with repair tags, the editor that rewrites a line, byte buffers, UTF-8
 * encoding, and the record of what each repair replaced ("before", for -f repairs).
 * Everything here works on what the caller passes down and calls no other file of the
 * stage. */
#include "base/vec.h"
#include "normalize_internal.h"

#include <stdlib.h>
#include <string.h>

size_t hnp_norm_utf8_encode(uint32_t c, uint8_t *u)
{
    if (c < 0x80) {
        u[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        u[0] = (uint8_t)(0xC0 | (c >> 6));
        u[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        u[0] = (uint8_t)(0xE0 | (c >> 12));
        u[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    u[0] = (uint8_t)(0xF0 | (c >> 18));
    u[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
    u[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    u[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}

/* The stage's arrays start at 64 elements (lines are long); base/vec.h does the rest. */
hnp_status hnp_norm_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    return hnp_vec_reserve(p, cap, need, elem, 64);
}

hnp_status hnp_norm_line_reserve(hnp_norm_line *l, size_t n)
{
    if (n <= l->cap) {
        return HNP_OK;
    }
    size_t cap = l->cap;
    HNP_TRY(hnp_norm_grow((void **)&l->cp, &cap, n, sizeof *l->cp));
    cap = l->cap;
    HNP_TRY(hnp_norm_grow((void **)&l->tag, &cap, n, sizeof *l->tag));
    l->cap = cap;
    return HNP_OK;
}

static void hnp_norm_line_free(hnp_norm_line *l)
{
    free(l->cp);
    free(l->tag);
    memset(l, 0, sizeof *l);
}

uint32_t hnp_norm_new_tag(hnp_norm_work *w, hnp_repair_kind kind)
{
    if (w->n_kinds == 0) {
        w->n_kinds = 1; /* tag 0 means "original" */
    }
    size_t cap = w->cap_kinds;
    if (hnp_norm_grow((void **)&w->kinds, &cap, w->n_kinds + 1, 1) != HNP_OK) {
        return 0;
    }
    w->cap_kinds = cap;
    cap = w->cap_bef;
    if (hnp_norm_grow((void **)&w->bef_off, &cap, w->n_kinds + 1, sizeof *w->bef_off) != HNP_OK) {
        return 0;
    }
    cap = w->cap_bef;
    if (hnp_norm_grow((void **)&w->bef_len, &cap, w->n_kinds + 1, sizeof *w->bef_len) != HNP_OK) {
        return 0;
    }
    w->cap_bef = cap;
    w->kinds[w->n_kinds] = (uint8_t)kind;
    w->bef_off[w->n_kinds] = w->n_bcp;
    w->bef_len[w->n_kinds] = 0;
    return (uint32_t)w->n_kinds++;
}

hnp_status hnp_norm_before_push(hnp_norm_work *w, uint32_t tag, uint32_t c)
{
    if (w->flags & HNP_NORM_COUNT_REPAIRS) {
        return HNP_OK; /* no records, so no "before" texts (bef_len stays 0) */
    }
    HNP_TRY(hnp_norm_grow((void **)&w->bcp, &w->cap_bcp, w->n_bcp + 1, sizeof *w->bcp));
    if (w->bef_len[tag] == 0) {
        w->bef_off[tag] = w->n_bcp;
    }
    w->bcp[w->n_bcp++] = c;
    w->bef_len[tag]++;
    return HNP_OK;
}

/* What w->a[lo, hi) stood for in the input: original characters as they are, and for a
 * run of characters from an earlier repair, what that repair replaced (once). */
hnp_status hnp_norm_note_before(hnp_norm_work *w, uint32_t tag, size_t lo, size_t hi)
{
    w->bef_len[tag] = 0;
    for (size_t k = lo; k < hi; k++) {
        uint32_t t = w->a.tag[k];
        if (t == 0) {
            HNP_TRY(hnp_norm_before_push(w, tag, w->a.cp[k]));
            continue;
        }
        if (t == tag || (k > lo && w->a.tag[k - 1] == t)) {
            continue;
        }
        size_t off = w->bef_off[t], len = w->bef_len[t];
        for (size_t j = 0; j < len; j++) {
            /* bcp may move while it grows: index, never a pointer */
            HNP_TRY(hnp_norm_before_push(w, tag, w->bcp[off + j]));
        }
    }
    return HNP_OK;
}

void hnp_norm_work_free(hnp_norm_work *w)
{
    hnp_norm_line_free(&w->a);
    hnp_norm_line_free(&w->b);
    free(w->enc.b);
    free(w->enc.src);
    free(w->fix.b);
    free(w->fix.src);
    free(w->stretch.b);
    free(w->stretch.src);
    free(w->lost.b);
    free(w->lost.src);
    free(w->dcp);
    free(w->dlo);
    free(w->dhi);
    free(w->tmp);
    for (unsigned k = 0; k < 2; k++) {
        if ((w->cd_tried & (1u << k)) && w->cd[k] != (iconv_t)-1) {
            iconv_close(w->cd[k]);
        }
    }
    free(w->kinds);
    free(w->bef_off);
    free(w->bef_len);
    free(w->bcp);
    memset(w, 0, sizeof *w);
}

void hnp_norm_ed_begin(hnp_norm_ed *e, hnp_norm_work *w)
{
    e->w = w;
    e->pos = 0;
    w->b.n = 0;
}

hnp_status hnp_norm_ed_copy(hnp_norm_ed *e, size_t upto)
{
    hnp_norm_line *a = &e->w->a, *b = &e->w->b;
    if (upto <= e->pos) {
        return HNP_OK;
    }
    size_t k = upto - e->pos;
    HNP_TRY(hnp_norm_line_reserve(b, b->n + k));
    memcpy(b->cp + b->n, a->cp + e->pos, k * sizeof *b->cp);
    memcpy(b->tag + b->n, a->tag + e->pos, k * sizeof *b->tag);
    b->n += k;
    e->pos = upto;
    return HNP_OK;
}

hnp_status hnp_norm_ed_replace(hnp_norm_ed *e, size_t upto, const uint32_t *cp, size_t n,
                               uint32_t tag)
{
    HNP_TRY(hnp_norm_note_before(e->w, tag, e->pos, upto));
    return hnp_norm_ed_put(e, upto, cp, n, tag);
}

hnp_status hnp_norm_ed_put(hnp_norm_ed *e, size_t upto, const uint32_t *cp, size_t n, uint32_t tag)
{
    hnp_norm_line *b = &e->w->b;
    HNP_TRY(hnp_norm_line_reserve(b, b->n + n));
    for (size_t i = 0; i < n; i++) {
        b->cp[b->n] = cp[i];
        b->tag[b->n] = tag;
        b->n++;
    }
    e->pos = upto;
    return HNP_OK;
}

hnp_status hnp_norm_ed_finish(hnp_norm_ed *e)
{
    HNP_TRY(hnp_norm_ed_copy(e, e->w->a.n));
    hnp_norm_line t = e->w->a;
    e->w->a = e->w->b;
    e->w->b = t;
    return HNP_OK;
}

hnp_status hnp_norm_bytes_push(hnp_norm_bytes *bb, unsigned b, size_t src)
{
    if (bb->n == bb->cap) {
        size_t cap = bb->cap;
        HNP_TRY(hnp_norm_grow((void **)&bb->b, &cap, bb->n + 1, sizeof *bb->b));
        cap = bb->cap;
        HNP_TRY(hnp_norm_grow((void **)&bb->src, &cap, bb->n + 1, sizeof *bb->src));
        bb->cap = cap;
    }
    bb->b[bb->n] = b;
    bb->src[bb->n] = src;
    bb->n++;
    return HNP_OK;
}
