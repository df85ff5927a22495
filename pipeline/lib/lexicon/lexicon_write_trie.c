/* lexicon_write_trie.c -- the vocabulary and the trie of token ids of a compiled lexicon
 * (lexicon_format.h), derived from its sorted, distinct keys.
 *
 * A key is its tokens joined by one space, and every token prefix of a key is a key
 * itself (lexicon_write.c, collect_keys), so the trie needs no nodes of its own: key k's
 * parent is k without its last token, and the edge from parent to k is labelled with
 * that token's id. Tokens are sorted by their bytes and numbered in that order; edges are
 * sorted by (parent, token id). Every choice depends only on the keys, so the output is
 * byte-reproducible. */
#include "lexicon_build_internal.h"
#include "lexicon_format.h"
#include "lexicon_key.h"

#include <stdlib.h>
#include <string.h>

typedef struct tokref {
    bstr s;
    uint32_t off; /* where the bytes are in the string pool */
} tokref;

typedef struct tedge {
    uint32_t parent, tok, key;
} tedge;

static int bstr_order(bstr a, bstr b)
{
    size_t n = a.len < b.len ? a.len : b.len;
    int c = n ? memcmp(a.p, b.p, n) : 0;
    if (c) {
        return c;
    }
    return (a.len > b.len) - (a.len < b.len);
}

static int tokref_cmp(const void *pa, const void *pb)
{
    const tokref *a = pa, *b = pb;
    int c = bstr_order(a->s, b->s);
    return c ? c : (a->off > b->off) - (a->off < b->off);
}

static int tedge_cmp(const void *pa, const void *pb)
{
    const tedge *a = pa, *b = pb;
    if (a->parent != b->parent) {
        return a->parent < b->parent ? -1 : 1;
    }
    return (a->tok > b->tok) - (a->tok < b->tok);
}

/* Index of s in the sorted array of n strings (stride bytes apart, the bstr first), or
 * LEX_NONE. */
static uint32_t find_sorted(const void *base, size_t n, size_t stride, bstr s)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        bstr m;
        memcpy(&m, (const char *)base + mid * stride, sizeof m);
        int c = bstr_order(m, s);
        if (c == 0) {
            return (uint32_t)mid;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return LEX_NONE;
}

/* Every token of every key, sorted and made distinct: the vocabulary. */
static hnp_status collect_vocab(const bstr *keys, const uint32_t *key_off, size_t n_keys,
                                lextrie *tr)
{
    size_t n = 0;
    for (size_t k = 0; k < n_keys; k++) {
        for (size_t i = 0; i < keys[k].len; i++) {
            n += keys[k].p[i] == ' ';
        }
        n += keys[k].len > 0;
    }
    tokref *t = malloc((n ? n : 1) * sizeof *t);
    if (!t) {
        return HNP_ERR_NOMEM;
    }
    n = 0;
    for (size_t k = 0; k < n_keys; k++) {
        for (size_t a = 0, i = 0; keys[k].len && i <= keys[k].len; i++) {
            if (i == keys[k].len || keys[k].p[i] == ' ') {
                t[n++] = (tokref){{keys[k].p + a, i - a}, key_off[k] + (uint32_t)a};
                a = i + 1;
            }
        }
    }
    if (n > 1) {
        qsort(t, n, sizeof *t, tokref_cmp);
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m == 0 || bstr_order(t[m - 1].s, t[i].s) != 0) {
            t[m++] = t[i];
        }
    }
    tr->vocab = calloc(m + 1, sizeof *tr->vocab);
    tr->vocab_off = calloc(m + 1, sizeof *tr->vocab_off);
    tr->vocab_key = calloc(m + 1, sizeof *tr->vocab_key);
    hnp_status st = tr->vocab && tr->vocab_off && tr->vocab_key ? HNP_OK : HNP_ERR_NOMEM;
    for (size_t i = 0; st == HNP_OK && i < m; i++) {
        tr->vocab[i] = t[i].s;
        tr->vocab_off[i] = t[i].off;
        tr->vocab_key[i] = LEX_NONE;
    }
    tr->n_vocab = m;
    free(t);
    return st;
}

/* Each key's edge from its parent (or, for a one-token key, its place in the vocabulary). */
static hnp_status collect_edges(const bstr *keys, size_t n_keys, lextrie *tr, tedge **out,
                                size_t *n_out)
{
    tedge *e = malloc((n_keys ? n_keys : 1) * sizeof *e);
    if (!e) {
        return HNP_ERR_NOMEM;
    }
    size_t n = 0;
    for (size_t k = 0; k < n_keys; k++) {
        bstr key = keys[k];
        if (key.len == 0) {
            continue; /* no tokens: never matched */
        }
        size_t sp = key.len;
        while (sp > 0 && key.p[sp - 1] != ' ') {
            sp--;
        }
        bstr last = {key.p + sp, key.len - sp};
        uint32_t tok = find_sorted(tr->vocab, tr->n_vocab, sizeof *tr->vocab, last);
        if (sp == 0) {
            tr->vocab_key[tok] = (uint32_t)k;
            continue;
        }
        uint32_t parent = find_sorted(keys, n_keys, sizeof *keys, (bstr){key.p, sp - 1});
        if (parent == LEX_NONE || tok == LEX_NONE) { /* every prefix is a key */
            free(e);
            return HNP_ERR_INVALID;
        }
        e[n++] = (tedge){parent, tok, (uint32_t)k};
    }
    if (n > 1) {
        qsort(e, n, sizeof *e, tedge_cmp);
    }
    *out = e;
    *n_out = n;
    return HNP_OK;
}

hnp_status hnp_lextrie_build(const bstr *keys, const uint32_t *key_off, size_t n_keys, lextrie *tr)
{
    memset(tr, 0, sizeof *tr);
    if (n_keys >= UINT32_MAX / 4) {
        return HNP_ERR_NOMEM;
    }
    HNP_TRY(collect_vocab(keys, key_off, n_keys, tr));
    tedge *e = NULL;
    size_t n = 0;
    HNP_TRY(collect_edges(keys, n_keys, tr, &e, &n));
    tr->kids = calloc(n_keys + 1, sizeof *tr->kids);
    tr->edges = calloc(n + 1, sizeof *tr->edges);
    if (!tr->kids || !tr->edges) {
        free(e);
        return HNP_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        tr->kids[e[i].parent + 1]++;
        tr->edges[i] = (lex_edge){e[i].tok, e[i].key};
    }
    for (size_t k = 0; k < n_keys; k++) {
        tr->kids[k + 1] += tr->kids[k];
    }
    tr->n_edges = n;
    free(e);
    uint32_t ns = 8;
    while (ns < 2 * tr->n_vocab + 1) {
        ns *= 2;
    }
    tr->n_vslots = ns;
    return HNP_OK;
}

void hnp_lextrie_free(lextrie *tr)
{
    free(tr->vocab);
    free(tr->vocab_off);
    free(tr->vocab_key);
    free(tr->kids);
    free(tr->edges);
    memset(tr, 0, sizeof *tr);
}
